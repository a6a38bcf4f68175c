/**
 * Precision and recall of policy import (extractPolicy) on the third held-out set
 * (test/fixtures/policies-heldout3, labels.json): 55 excerpts of real policies from Open Terms
 * Archive, labelled by hand before the extractor read them and never used to tune it.
 * Run: npx tsx bench/policy-extraction-heldout3.ts [--verbose]
 */
import { formatHeldout3, scoreHeldout3 } from '../test/helpers/policy-heldout3'

const score = scoreHeldout3()
console.log(formatHeldout3(score, 'held-out excerpts of set 3 (Open Terms Archive, labelled before the first run)'))
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
