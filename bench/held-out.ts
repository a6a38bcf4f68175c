/**
 * Scores one held-out set of policy excerpts (files `<prefix>*`, labels in their own expectations
 * file): checks that the set is what its JSON says, prints precision and recall, and with
 * `--verbose` what was proposed for each excerpt. Used by the fresh and the second held-out benches.
 */
import fs from 'node:fs'
import { corpusMissing, corpusTextDir, formatScore, isFreshFile, loadFreshCorpus, scoreCorpus } from '../test/helpers/policy-corpus'

export function reportHeldOut(options: { expectationsFile: string; prefix: string; title: string; maxExcerpt: (text: string) => number; limit: number; verbose: boolean }): void {
  if (corpusMissing || !corpusTextDir) {
    console.log(`${options.title}: skipped, ${corpusMissing ?? 'the excerpts are not here'} (RIGHTFUL_CORPORA_DIR says where).`)
    return
  }
  const set = loadFreshCorpus(options.expectationsFile)
  const { entries } = set

  // The set is what the JSON says it is: every file labelled, every label a file of the set, all held out.
  const onDisk = fs.readdirSync(corpusTextDir).filter((f) => isFreshFile(f) && f.startsWith(options.prefix)).sort()
  const listed = [...set.fresh].sort()
  const labelled = entries.map((e) => e.file).sort()
  const mismatch = JSON.stringify(onDisk) !== JSON.stringify(listed) || JSON.stringify(listed) !== JSON.stringify(labelled)
  if (mismatch) throw new Error(`${options.prefix}* files, the 'fresh' list and the labels differ:\n${onDisk}\n${listed}\n${labelled}`)
  for (const entry of entries) {
    if (!entry.expected.heldOut) throw new Error(`${entry.file} is not marked heldOut`)
    if (!/^<!-- source: .+ -->$/.test(entry.source)) throw new Error(`${entry.file} does not name its source on its first line`)
    const size = options.maxExcerpt(entry.text)
    if (size > options.limit) throw new Error(`${entry.file} is ${size} long (at most ${options.limit}): not an excerpt`)
  }

  const score = scoreCorpus(entries)
  console.log(formatScore(score, options.title))
  const withProblems = score.results.filter((r) => r.problems.length > 0)
  console.log(`\nexcerpts with every field right: ${score.results.length - withProblems.length}/${score.results.length}`)
  if (!options.verbose) return

  for (const result of score.results) {
    const p = result.proposal
    const purposes = set.otherEmailPurposes[result.file] ?? {}
    console.log(`\n${result.file}${result.problems.length === 0 ? '  (all right)' : ''}`)
    for (const problem of result.problems) console.log(`  - ${problem}`)
    console.log(`    privacy e-mails: ${p.privacyEmails.map((e) => `${e.address} [${e.purpose}, ${e.score.toFixed(1)}]`).join(', ') || 'none'}`)
    if (p.otherEmails.length > 0 || Object.keys(purposes).length > 0) {
      const got = p.otherEmails.map((e) => `${e.address} [${e.purpose}${purposes[e.address.toLowerCase()] ? `; expected ${purposes[e.address.toLowerCase()]}` : ''}]`)
      console.log(`    other e-mails: ${got.join(', ') || 'none'}`)
    }
    for (const a of p.postalAddresses) console.log(`    address [${a.role}, ${a.country ?? '??'}]: ${a.text}`)
    if (p.phones.length > 0) console.log(`    phones: ${p.phones.map((n) => `${n.number} (${n.kind})`).join(', ')}`)
    if (p.minAge) console.log(`    minimum age: ${p.minAge.age} (“${p.minAge.quote}”)`)
    if (p.warnings.length > 0) console.log(`    warnings: ${p.warnings.map((w) => w.code).join(', ')}`)
    if (result.problems.length > 0 && set.notes[result.file]) console.log(`    label note: ${set.notes[result.file]}`)
  }
}
