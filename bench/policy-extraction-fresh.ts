/**
 * Precision and recall of policy import (extractPolicy) on the fresh held-out excerpts
 * (test/fixtures/policies/fresh-*, expectations in expectations-fresh.json): policies of companies
 * not in the tuning corpus, collected and labelled after the rules were fixed and before the
 * extractor was run on them. Reported here only; the corpus test scores expectations.json alone.
 * Run: npx tsx bench/policy-extraction-fresh.ts [--verbose]
 */
import fs from 'node:fs'
import { corpusDir, formatScore, isFreshFile, loadFreshCorpus, scoreCorpus } from '../test/helpers/policy-corpus'

const fresh = loadFreshCorpus()
const { entries } = fresh

// The set is what the JSON says it is: every fresh-* file labelled, every label a fresh-* file, all held out.
const onDisk = fs.readdirSync(corpusDir).filter((f) => isFreshFile(f) && f.startsWith('fresh-')).sort()
const listed = [...fresh.fresh].sort()
const labelled = entries.map((e) => e.file).sort()
const mismatch = JSON.stringify(onDisk) !== JSON.stringify(listed) || JSON.stringify(listed) !== JSON.stringify(labelled)
if (mismatch) throw new Error(`fresh files, the 'fresh' list and the labels differ:\n${onDisk}\n${listed}\n${labelled}`)
for (const entry of entries) {
  if (!entry.expected.heldOut) throw new Error(`${entry.file} is not marked heldOut`)
  if (!/^<!-- source: .+ -->$/.test(entry.source)) throw new Error(`${entry.file} does not name its source on its first line`)
  if (entry.text.length > 2_600) throw new Error(`${entry.file} is ${entry.text.length} characters, not an excerpt`)
}

const score = scoreCorpus(entries)
console.log(formatScore(score, 'fresh held-out excerpts (new companies, labelled before the first run)'))
const withProblems = score.results.filter((r) => r.problems.length > 0)
console.log(`\nexcerpts with every field right: ${score.results.length - withProblems.length}/${score.results.length}`)

if (process.argv.includes('--verbose')) {
  for (const result of score.results) {
    const p = result.proposal
    const purposes = fresh.otherEmailPurposes[result.file] ?? {}
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
    if (result.problems.length > 0 && fresh.notes[result.file]) console.log(`    label note: ${fresh.notes[result.file]}`)
  }
}
