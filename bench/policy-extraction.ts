/**
 * Precision and recall of policy import (extractPolicy) on the corpus of real privacy-policy
 * excerpts in test/fixtures/policies, against their hand-checked expectations: the excerpts used
 * while writing the rules, the held-out ones never used to tune them, and all together.
 * Run: npx tsx bench/policy-extraction.ts [--verbose]
 */
import { formatScore, loadCorpus, scoreCorpus } from '../test/helpers/policy-corpus'

const corpus = loadCorpus()
const sets: Array<[string, ReturnType<typeof loadCorpus>]> = [
  ['development excerpts (used while writing the rules)', corpus.filter((e) => !e.expected.heldOut)],
  ['held-out excerpts (never used to tune the rules)', corpus.filter((e) => e.expected.heldOut)],
  ['excerpts in all', corpus],
]
for (const [label, entries] of sets) {
  const score = scoreCorpus(entries)
  console.log(formatScore(score, label))
  if (process.argv.includes('--verbose')) {
    for (const result of score.results) {
      if (result.problems.length === 0) continue
      console.log(`  ${result.file}:`)
      for (const problem of result.problems) console.log(`    - ${problem}`)
    }
  }
  console.log('')
}
