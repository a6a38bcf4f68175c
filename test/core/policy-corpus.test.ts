// @module-tag corpus
/**
 * Policy import on real privacy policies: excerpts of policies of companies in the US, the UK,
 * Germany, Hong Kong, China and elsewhere (test/fixtures/policies, each naming its source), with
 * hand-checked expectations. The figures are printed; the floors below keep them from sliding.
 * `npx tsx bench/policy-extraction.ts --verbose` prints the same table and every miss.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { policyProposalSchema } from '../../electron/core/catalog/policy-import/proposal'
import { corpusDir, corpusMissing, corpusTextDir, formatScore, freshExpectationsFile, heldout2ExpectationsFile, isFreshFile, loadCorpus, precision, recall, scoreCorpus } from '../helpers/policy-corpus'

if (corpusMissing) console.log(`[skip reason] ${corpusMissing}: only the labels and sources are checked.`)
const corpus = corpusMissing ? [] : loadCorpus()

describe('the labels', () => {
  it('name every excerpt once, each with its source and SHA-256 in sources.json', () => {
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(corpusDir, file), 'utf8')) as { policies?: Record<string, unknown>; files?: Record<string, { source: string; sha256: string }> }
    const labelled = [read('expectations.json'), read(freshExpectationsFile), read(heldout2ExpectationsFile)].flatMap((f) => Object.keys(f.policies!))
    expect(new Set(labelled).size).toBe(labelled.length)
    const sources = read('sources.json').files!
    expect(Object.keys(sources).sort()).toEqual([...labelled].sort())
    for (const [file, source] of Object.entries(sources)) {
      expect(source.source.length, file).toBeGreaterThan(10)
      expect(source.sha256, file).toMatch(/^[0-9a-f]{64}$/)
    }
    // The excerpts themselves are third parties' texts: none is committed beside the labels.
    expect(fs.readdirSync(corpusDir).filter((f) => !f.endsWith('.json'))).toEqual([])
  })
})

describe.skipIf(corpusMissing !== null)('the corpus itself', () => {
  it('holds 25+ short excerpts, each naming its source, each with expectations', () => {
    const files = fs.readdirSync(corpusTextDir!).filter((f) => !isFreshFile(f))
    expect(files.sort()).toEqual(corpus.map((e) => e.file).sort())
    expect(corpus.length).toBeGreaterThanOrEqual(25)
    for (const entry of corpus) {
      expect(entry.source, entry.file).toMatch(/^<!-- source: .+ -->$/)
      // Excerpts, not whole policies.
      expect(entry.text.length, entry.file).toBeLessThanOrEqual(2_600)
    }
    const countries = new Set(corpus.flatMap((e) => e.expected.addresses.map((a) => a.country)))
    for (const country of ['US', 'GB', 'DE', 'HK', 'CN']) expect(countries, country).toContain(country)
  })
})

describe.skipIf(corpusMissing !== null)('extraction on real policies', () => {
  const all = scoreCorpus(corpus)
  const heldOut = scoreCorpus(corpus.filter((e) => e.expected.heldOut))
  console.log(`${formatScore(all, 'real policy excerpts')}\n\n${formatScore(heldOut, 'held-out excerpts')}`)

  it('gives every proposal in the schema, with every quote at its place in the text', () => {
    for (const { file, proposal } of all.results) {
      expect(policyProposalSchema.safeParse(proposal).success, file).toBe(true)
      for (const q of proposal.quotes) expect(proposal.plainText.slice(q.start, q.end), `${file}: ${q.field}`).toBe(q.quote)
    }
  })

  it('finds the privacy e-mail addresses, ranks the right one first, and proposes none where there is none', () => {
    expect(precision(all.privacyEmails)).toBeGreaterThanOrEqual(0.9)
    expect(recall(all.privacyEmails)).toBeGreaterThanOrEqual(0.85)
    expect(all.top1.correct / all.top1.of).toBeGreaterThanOrEqual(0.85)
    expect(all.abstained.correct).toBe(all.abstained.of)
    expect(precision(heldOut.privacyEmails)).toBeGreaterThanOrEqual(0.85)
    expect(recall(heldOut.privacyEmails)).toBeGreaterThanOrEqual(0.75)
  })

  it('finds the other addresses, postal addresses and numbers', () => {
    expect(precision(all.otherEmails)).toBeGreaterThanOrEqual(0.5)
    expect(recall(all.otherEmails)).toBeGreaterThanOrEqual(0.5)
    expect(precision(all.addresses)).toBeGreaterThanOrEqual(0.85)
    expect(recall(all.addresses)).toBeGreaterThanOrEqual(0.75)
    expect(precision(all.phones)).toBeGreaterThanOrEqual(0.85)
    expect(recall(all.phones)).toBeGreaterThanOrEqual(0.8)
    expect(all.minAge.correct / all.minAge.of).toBeGreaterThanOrEqual(0.85)
  })

  it('never proposes a regulator’s or a provider’s contact as the company’s', () => {
    expect(all.excluded.of).toBeGreaterThan(0)
    expect(all.excluded.correct).toBe(all.excluded.of)
  })
})

describe.skipIf(corpusMissing !== null)('the corpus test can fail', () => {
  it('counts a wrong expectation as a miss and a false find', () => {
    const entry = corpus.find((e) => e.file === 'bbfc-co-uk.md')!
    const wrong = { ...entry, expected: { ...entry.expected, privacyEmails: ['someone-else@bbfc.co.uk'] } }
    const score = scoreCorpus([wrong])
    expect(score.privacyEmails).toEqual({ tp: 0, fp: 1, fn: 1 })
    expect(score.top1.correct).toBe(0)
    expect(score.results[0]!.problems.join('\n')).toMatch(/missed someone-else@bbfc\.co\.uk/)
    expect(path.basename(corpusDir)).toBe('policies')
  })
})
