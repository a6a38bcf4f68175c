/**
 * The corpus of real privacy-policy excerpts (labels in test/fixtures/policies, the excerpts
 * themselves outside the repository: see corpora.ts) and its hand-checked
 * expectations, and the scoring of extractPolicy against them: precision and recall per field,
 * the rate at which the best-ranked privacy address is the right one, and exact-match rates.
 * Shared by the corpus test and bench/policy-extraction.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { extractPolicy } from '../../electron/core/catalog/policy-import/extract'
import type { PolicyFormat, PolicyProposal } from '../../electron/core/catalog/policy-import/proposal'
import { excerptsDir, excerptsMissing, readExcerpt, sourcesSchema } from './corpora'

/** The expectations (labels) and sources.json of the corpus. */
export const corpusDir = path.resolve(__dirname, '..', 'fixtures', 'policies')
/** The excerpts, where they are here (not committed: third parties' texts), else null. */
export const corpusTextDir = excerptsDir('policies')
/** Why the corpus cannot be read here, else null. */
export const corpusMissing = excerptsMissing('policies')

const corpusSources = (): Record<string, { sha256: string }> => sourcesSchema.parse(JSON.parse(fs.readFileSync(path.join(corpusDir, 'sources.json'), 'utf8'))).files

/** One excerpt of the corpus, checked against the SHA-256 it was labelled with. */
function readCorpusFile(file: string, sources: Record<string, { sha256: string }>): string {
  if (!corpusTextDir) throw new Error(corpusMissing!)
  return readExcerpt(corpusTextDir, file, sources[file]?.sha256 ?? '-').toString('utf8')
}

const expectationSchema = z.strictObject({
  sourceUrl: z.url().nullable(),
  privacyEmails: z.array(z.string()),
  otherEmails: z.array(z.string()),
  addresses: z.array(z.strictObject({ country: z.string().length(2), match: z.string().min(1) })),
  phones: z.array(z.string()),
  minAge: z.number().int().nullable(),
  subjectRule: z.boolean().optional(),
  deletion: z.boolean().optional(),
  excluded: z.array(z.string()).optional(),
  /** Written after the rules were fixed and never used to tune them. */
  heldOut: z.boolean().optional(),
})
export type PolicyExpectation = z.infer<typeof expectationSchema>

const fileSchema = z.strictObject({ about: z.string(), policies: z.record(z.string(), expectationSchema) })

export type CorpusEntry = { file: string; format: PolicyFormat; text: string; source: string; expected: PolicyExpectation }

export function formatOf(file: string): PolicyFormat {
  if (/\.html?$/i.test(file)) return 'html'
  if (/\.(?:md|markdown)$/i.test(file)) return 'markdown'
  return 'text'
}

/** The excerpts with their expectations; the first line of each file (its source) is not policy text. */
export function loadCorpus(): CorpusEntry[] {
  const { policies } = fileSchema.parse(JSON.parse(fs.readFileSync(path.join(corpusDir, 'expectations.json'), 'utf8')))
  const sources = corpusSources()
  return Object.entries(policies).map(([file, expected]) => {
    const raw = readCorpusFile(file, sources)
    const newline = raw.indexOf('\n')
    return { file, format: formatOf(file), source: raw.slice(0, newline), text: raw.slice(newline + 1), expected }
  })
}

/**
 * Held-out excerpts collected and labelled after the rules were fixed, each set with its own
 * expectations file: fresh-* (expectations-fresh.json) and heldout2-* (expectations-heldout2.json).
 * Kept out of loadCorpus so the corpus test scores the original set as before;
 * bench/policy-extraction-fresh.ts and bench/policy-extraction-heldout2.ts score them.
 */
export const freshExpectationsFile = 'expectations-fresh.json'
export const heldout2ExpectationsFile = 'expectations-heldout2.json'

/** The held-out sets: their expectations file and the prefix of their excerpts. */
export const heldOutSets = [
  { expectationsFile: freshExpectationsFile, prefix: 'fresh-' },
  { expectationsFile: heldout2ExpectationsFile, prefix: 'heldout2-' },
] as const

/** Whether a file in the corpus folder belongs to a held-out set (and so not to the dev corpus). */
export function isFreshFile(file: string): boolean {
  return heldOutSets.some((set) => file === set.expectationsFile || file.startsWith(set.prefix))
}

const freshFileSchema = z.strictObject({
  about: z.string(),
  /** The fresh files, listed because an expectation admits no extra field. */
  fresh: z.array(z.string()),
  /** Per file, the purpose a careful reader gives each other address (reported, not scored). */
  otherEmailPurposes: z.record(z.string(), z.record(z.string(), z.string())),
  /** Per file, why the labels are what they are. */
  notes: z.record(z.string(), z.string()),
  policies: z.record(z.string(), expectationSchema),
})
export type FreshCorpus = Omit<z.infer<typeof freshFileSchema>, 'policies'> & { entries: CorpusEntry[] }

/** A held-out set and its expectations; by default the fresh-* set (expectations-fresh.json). */
export function loadFreshCorpus(expectationsFile: string = freshExpectationsFile): FreshCorpus {
  const { policies, ...rest } = freshFileSchema.parse(JSON.parse(fs.readFileSync(path.join(corpusDir, expectationsFile), 'utf8')))
  const sources = corpusSources()
  const entries = Object.entries(policies).map(([file, expected]) => {
    const raw = readCorpusFile(file, sources)
    const newline = raw.indexOf('\n')
    return { file, format: formatOf(file), source: raw.slice(0, newline), text: raw.slice(newline + 1), expected }
  })
  return { ...rest, entries }
}

export type Tally = { tp: number; fp: number; fn: number }
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 })

export function precision(t: Tally): number {
  return t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp)
}
export function recall(t: Tally): number {
  return t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn)
}

export type PolicyResult = {
  file: string
  proposal: PolicyProposal
  problems: string[]
}

export type CorpusScore = {
  policies: number
  privacyEmails: Tally
  /** Policies with an expected privacy address whose best-ranked proposal is the expected first one. */
  top1: { correct: number; of: number }
  /** Policies with no address: proposal empty and the "no e-mail" warning given. */
  abstained: { correct: number; of: number }
  otherEmails: Tally
  addresses: Tally
  phones: Tally
  minAge: { correct: number; of: number }
  subjectRule: { correct: number; of: number }
  deletion: { correct: number; of: number }
  excluded: { correct: number; of: number }
  results: PolicyResult[]
  milliseconds: number
}

function compareSets(expected: ReadonlyArray<string>, got: ReadonlyArray<string>, t: Tally, problems: string[], label: string) {
  const want = new Set(expected)
  const have = new Set(got)
  for (const g of have) {
    if (want.has(g)) t.tp += 1
    else {
      t.fp += 1
      problems.push(`${label}: unexpected ${g}`)
    }
  }
  for (const w of want) {
    if (!have.has(w)) {
      t.fn += 1
      problems.push(`${label}: missed ${w}`)
    }
  }
}

const digits = (s: string) => s.replace(/\D/g, '')

export function scoreCorpus(entries: ReadonlyArray<CorpusEntry> = loadCorpus()): CorpusScore {
  const score: CorpusScore = {
    policies: entries.length,
    privacyEmails: tally(),
    top1: { correct: 0, of: 0 },
    abstained: { correct: 0, of: 0 },
    otherEmails: tally(),
    addresses: tally(),
    phones: tally(),
    minAge: { correct: 0, of: 0 },
    subjectRule: { correct: 0, of: 0 },
    deletion: { correct: 0, of: 0 },
    excluded: { correct: 0, of: 0 },
    results: [],
    milliseconds: 0,
  }
  const started = performance.now()
  for (const entry of entries) {
    const { expected } = entry
    const proposal = extractPolicy({ text: entry.text, format: entry.format, sourceUrl: expected.sourceUrl ?? undefined })
    const problems: string[] = []
    const lower = (a: ReadonlyArray<string>) => a.map((x) => x.toLowerCase())

    const gotPrivacy = lower(proposal.privacyEmails.map((e) => e.address))
    compareSets(lower(expected.privacyEmails), gotPrivacy, score.privacyEmails, problems, 'privacy e-mail')
    if (expected.privacyEmails.length > 0) {
      score.top1.of += 1
      if (gotPrivacy[0] === expected.privacyEmails[0]!.toLowerCase()) score.top1.correct += 1
      else problems.push(`best privacy e-mail: ${gotPrivacy[0] ?? 'none'} instead of ${expected.privacyEmails[0]}`)
    } else {
      score.abstained.of += 1
      if (gotPrivacy.length === 0 && proposal.warnings.some((w) => w.code === 'no-email' || w.code === 'no-privacy-email')) score.abstained.correct += 1
      else problems.push('expected no e-mail and a warning saying so')
    }
    compareSets(lower(expected.otherEmails), lower(proposal.otherEmails.map((e) => e.address)), score.otherEmails, problems, 'other e-mail')

    // Addresses: the company's own, matched by country and an identifying piece of text.
    const companyAddresses = proposal.postalAddresses.filter((a) => a.role === 'company')
    const unmatched = [...companyAddresses]
    for (const want of expected.addresses) {
      const at = unmatched.findIndex((a) => a.country === want.country && a.text.includes(want.match))
      if (at === -1) {
        score.addresses.fn += 1
        problems.push(`address: missed ${want.country} “${want.match}”`)
      } else {
        score.addresses.tp += 1
        unmatched.splice(at, 1)
      }
    }
    for (const extra of unmatched) {
      score.addresses.fp += 1
      problems.push(`address: unexpected [${extra.country}] ${extra.text}`)
    }

    compareSets(expected.phones.map(digits), proposal.phones.map((p) => digits(p.number)), score.phones, problems, 'phone')

    score.minAge.of += 1
    if ((proposal.minAge?.age ?? null) === expected.minAge) score.minAge.correct += 1
    else problems.push(`minimum age: ${proposal.minAge?.age ?? 'none'} instead of ${expected.minAge ?? 'none'}`)

    if (expected.subjectRule !== undefined) {
      score.subjectRule.of += 1
      if ((proposal.subjectRule !== null) === expected.subjectRule) score.subjectRule.correct += 1
      else problems.push(`subject rule: ${proposal.subjectRule ? 'found' : 'missed'}`)
    }
    if (expected.deletion !== undefined) {
      score.deletion.of += 1
      if ((proposal.deletionInstruction !== null) === expected.deletion) score.deletion.correct += 1
      else problems.push(`deletion instruction: ${proposal.deletionInstruction ? 'found' : 'missed'}`)
    }
    for (const bad of expected.excluded ?? []) {
      score.excluded.of += 1
      const proposed =
        proposal.privacyEmails.some((e) => e.address === bad) ||
        proposal.otherEmails.some((e) => e.address === bad) ||
        companyAddresses.some((a) => a.text.includes(bad)) ||
        proposal.phones.some((p) => digits(p.number) === digits(bad) && digits(bad).length > 0)
      if (!proposed) score.excluded.correct += 1
      else problems.push(`proposed ${bad}, which is not the company's`)
    }
    score.results.push({ file: entry.file, proposal, problems })
  }
  score.milliseconds = performance.now() - started
  return score
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const rate = (r: { correct: number; of: number }) => (r.of === 0 ? 'n/a' : `${pct(r.correct / r.of)} (${r.correct}/${r.of})`)

/** The figures as a table, for the bench script and test output. */
export function formatScore(score: CorpusScore, label = 'real policy excerpts'): string {
  const rows: Array<[string, string, string, string]> = [
    ['field', 'precision', 'recall', 'counts (tp/fp/fn)'],
    ['privacy e-mails', pct(precision(score.privacyEmails)), pct(recall(score.privacyEmails)), `${score.privacyEmails.tp}/${score.privacyEmails.fp}/${score.privacyEmails.fn}`],
    ['other e-mails', pct(precision(score.otherEmails)), pct(recall(score.otherEmails)), `${score.otherEmails.tp}/${score.otherEmails.fp}/${score.otherEmails.fn}`],
    ['postal addresses', pct(precision(score.addresses)), pct(recall(score.addresses)), `${score.addresses.tp}/${score.addresses.fp}/${score.addresses.fn}`],
    ['phones and faxes', pct(precision(score.phones)), pct(recall(score.phones)), `${score.phones.tp}/${score.phones.fp}/${score.phones.fn}`],
  ]
  const width = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const table = rows.map((r) => r.map((c, i) => c.padEnd(width[i]!)).join('  ')).join('\n')
  return [
    `Policy extraction on ${score.policies} ${label} (${Math.round(score.milliseconds)} ms)`,
    '',
    table,
    '',
    `best privacy e-mail correct (top-1)   ${rate(score.top1)}`,
    `no e-mail: none proposed, and said    ${rate(score.abstained)}`,
    `minimum age exact                     ${rate(score.minAge)}`,
    `subject-line rule found / not found   ${rate(score.subjectRule)}`,
    `deletion instruction found            ${rate(score.deletion)}`,
    `regulator / third-party kept out      ${rate(score.excluded)}`,
  ].join('\n')
}
