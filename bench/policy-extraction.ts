/**
 * Precision and recall of policy import (extractPolicy) on the corpus of real privacy-policy
 * excerpts (labels in test/fixtures/policies, the excerpts outside the repository: test/helpers/corpora.ts), against their hand-checked expectations: the excerpts used
 * while writing the rules, the held-out ones never used to tune them, and all together.
 * Run: npx tsx bench/policy-extraction.ts [--verbose]
 */
import { corpusMissing, formatScore, loadCorpus, scoreCorpus } from '../test/helpers/policy-corpus'

/** Prints the three tables; says it skipped where the excerpts are not here. */
function run(): void {
  if (corpusMissing) {
    console.log(`Policy corpus: skipped, ${corpusMissing} (RIGHTFUL_CORPORA_DIR says where).`)
    return
  }
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
}

run()
