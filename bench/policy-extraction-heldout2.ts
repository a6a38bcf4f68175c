/**
 * Precision and recall of policy import (extractPolicy) on the second held-out set
 * (test/fixtures/policies/heldout2-*, expectations in expectations-heldout2.json): excerpts of
 * policies of companies in neither the tuning corpus nor the fresh set, from more countries and
 * formats, collected and labelled before the extractor was run on them. Reported here only; the
 * corpus test scores expectations.json alone.
 * Run: npx tsx bench/policy-extraction-heldout2.ts [--verbose]
 */
import fs from 'node:fs'
import { corpusDir, formatScore, heldout2ExpectationsFile, isFreshFile, loadFreshCorpus, scoreCorpus } from '../test/helpers/policy-corpus'

const heldout2 = loadFreshCorpus(heldout2ExpectationsFile)
const { entries } = heldout2

// The set is what the JSON says it is: every heldout2-* file labelled, every label a heldout2-* file, all held out.
const onDisk = fs.readdirSync(corpusDir).filter((f) => isFreshFile(f) && f.startsWith('heldout2-')).sort()
const listed = [...heldout2.fresh].sort()
const labelled = entries.map((e) => e.file).sort()
const mismatch = JSON.stringify(onDisk) !== JSON.stringify(listed) || JSON.stringify(listed) !== JSON.stringify(labelled)
if (mismatch) throw new Error(`heldout2 files, the 'fresh' list and the labels differ:\n${onDisk}\n${listed}\n${labelled}`)
for (const entry of entries) {
  if (!entry.expected.heldOut) throw new Error(`${entry.file} is not marked heldOut`)
  if (!/^<!-- source: .+ -->$/.test(entry.source)) throw new Error(`${entry.file} does not name its source on its first line`)
  if (Buffer.byteLength(entry.text, 'utf8') > 8_192) throw new Error(`${entry.file} is ${Buffer.byteLength(entry.text, 'utf8')} bytes, not an excerpt`)
}

const score = scoreCorpus(entries)
console.log(formatScore(score, 'second held-out excerpts (new companies, labelled before the first run)'))
const withProblems = score.results.filter((r) => r.problems.length > 0)
console.log(`\nexcerpts with every field right: ${score.results.length - withProblems.length}/${score.results.length}`)

if (process.argv.includes('--verbose')) {
  for (const result of score.results) {
    const p = result.proposal
    const purposes = heldout2.otherEmailPurposes[result.file] ?? {}
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
    if (result.problems.length > 0 && heldout2.notes[result.file]) console.log(`    label note: ${heldout2.notes[result.file]}`)
  }
}
