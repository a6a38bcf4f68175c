/**
 * Precision and recall of policy import (extractPolicy) on the third held-out set
 * (test/fixtures/policies-heldout3, labels.json): 55 excerpts of real policies from Open Terms
 * Archive, labelled by hand before the extractor read them and never used to tune it.
 * Set 4 (policies-heldout4) was labelled after set 3 had been used to find faults: `--set 4` scores it.
 * Run: npx tsx bench/policy-extraction-heldout3.ts [--set 3|4] [--verbose]
 */
import { formatHeldout3, heldout4Dir, loadHeldout3, scoreHeldout3 } from '../test/helpers/policy-heldout3'

const four = process.argv.includes('--set') && process.argv[process.argv.indexOf('--set') + 1] === '4'
const score = scoreHeldout3(four ? loadHeldout3(heldout4Dir) : loadHeldout3())
console.log(
  formatHeldout3(
    score,
    four
      ? 'held-out excerpts of set 4 (Open Terms Archive, labelled after set 3 was used to find faults, never read while fixing them)'
      : 'held-out excerpts of set 3 (Open Terms Archive, labelled before the first run; used since to find faults)',
  ),
)
const clean = score.results.filter((r) => r.problems.length === 0).length
console.log(`\nexcerpts with every field right: ${clean}/${score.results.length}`)
if (process.argv.includes('--verbose')) {
  for (const result of score.results) {
    if (result.problems.length === 0) continue
    const p = result.proposal
    console.log(`\n${result.file}`)
    for (const problem of result.problems) console.log(`  - ${problem}`)
    console.log(`    privacy: ${p.privacyEmails.map((e) => `${e.address} [${e.purpose} ${e.score}]`).join(', ') || 'none'}; other: ${p.otherEmails.map((e) => `${e.address} [${e.purpose}]`).join(', ') || 'none'}`)
  }
}
