/**
 * The third held-out set (labels in test/fixtures/policies-heldout3, the excerpts outside the
 * repository: corpora.ts): 55 real policy excerpts
 * labelled by hand before the extractor read them, kept in a folder of their own so nothing tunes
 * on them. Scores extractPolicy on it: precision and recall per field, the privacy contact ranked
 * first, false privacy contacts where the policy gives none, company names, and addresses that
 * still carry a scheme or punctuation. Used by bench/policy-extraction-heldout3.ts and its test.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { extractPolicy } from '../../electron/core/catalog/policy-import/extract'
import type { PolicyProposal } from '../../electron/core/catalog/policy-import/proposal'
import { excerptsDir, excerptsMissing, readExcerpt, sourcesSchema } from './corpora'
import { formatOf, precision, recall, type Tally } from './policy-corpus'

export const heldout3Dir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout3')
/** Set 4: labelled by the same rules after set 3 was used to find faults, so never seen while fixing them. */
export const heldout4Dir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout4')
/** Set 5: labelled by the same rules after set 4 was used to fix faults; then read to fix faults itself. */
export const heldout5Dir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout5')
/** Set 6: drawn and labelled with set 5, before set 5's failures were read; read for faults since set 7 was built. */
export const heldout6Dir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout6')
/** Set 7a: labels and sources of 42 policies from five other Open Terms Archive repositories; the untouched set until set 8 was built, read for faults since. */
export const heldout7aDir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout7a')
/** Set 7b: the 18 others of the same draw, which may be read for faults. */
export const heldout7bDir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout7b')
/** Set 8: 52 policies from five Open Terms Archive repositories no earlier set used, labelled before the extractor read them; untouched until set 9 was built, read for faults since. */
export const heldout8Dir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout8')
/** Set 9: 42 policies (16 from four Open Terms Archive repositories no earlier set used, 26 unseen services of contrib-versions), labelled before the extractor read them; the untouched set since set 8 became a tuning set. */
export const heldout9Dir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout9')
/** Set 10: 48 policies that public GitHub repositories publish at a fixed path (a source no earlier set used), labelled before the extractor read them; the untouched set after set 9, run once on the final candidate. */
export const heldout10Dir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout10')
/** Set 11: 50 policies that public GitHub repositories publish at nine other fixed paths (32 HTML pages, 18 Markdown), labelled before the extractor read them; the untouched set after set 10, run once on the final candidate. */
export const heldout11Dir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout11')
/** Set 12: 48 policies that public GitHub repositories publish at eight other fixed paths (36 HTML pages, 12 Markdown; Portuguese among them), labelled before the extractor read them; the untouched set after set 11, run once on the final candidate. */
export const heldout12Dir = path.resolve(__dirname, '..', 'fixtures', 'policies-heldout12')

/**
 * Where set 7's excerpts are: they are the services' texts, fetched from public repositories, so they are
 * not committed (scripts/policy-heldout-cut.ts rebuilds them from the commits that sources.json names).
 * RIGHTFUL_HELDOUT7_DIR, else the corpora folder (corpora.ts), else .scratch/heldout7; null when none exists.
 */
export function heldout7Root(): string | null {
  const repo = path.resolve(__dirname, '..', '..')
  const inCorpora = excerptsDir('policies-heldout7a')
  const candidates = [process.env.RIGHTFUL_HELDOUT7_DIR, inCorpora ? path.dirname(inCorpora) : undefined, path.join(repo, '.scratch', 'heldout7')]
  for (const dir of candidates) if (dir && fs.existsSync(path.join(dir, 'policies-heldout7a'))) return dir
  return null
}

/** Where a set's excerpts are (sets 3 to 6 as set 7: not committed, see corpora.ts), or null. */
export function heldoutTextDir(dir: string): string | null {
  return excerptsDir(path.basename(dir))
}

const labelSchema = z.strictObject({
  /** The addresses the policy ties to privacy, best first; empty when it ties none. */
  privacyEmails: z.array(z.string()),
  /** Where two addresses are equally the privacy contact, either may be ranked first. */
  acceptFirst: z.array(z.string()).optional(),
  otherEmails: z.array(z.string()),
  /** Neither expected nor penalised as other addresses; as a privacy contact still wrong. */
  ignoreEmails: z.array(z.string()).optional(),
  /** Must not be proposed at all (a regulator's). */
  excluded: z.array(z.string()).optional(),
  addresses: z.array(z.strictObject({ country: z.string().length(2), match: z.string().min(1) })),
  /** Pieces of affiliates' addresses: neither expected nor penalised. */
  ignoreAddresses: z.array(z.string()).optional(),
  /** Acceptable names of the company, the preferred first. */
  company: z.array(z.string().min(1)).min(1),
  note: z.string(),
})
export type Heldout3Label = z.infer<typeof labelSchema>

const fileSchema = z.strictObject({ about: z.string(), policies: z.record(z.string(), labelSchema) })

export type Heldout3Entry = { readonly file: string; readonly text: string; readonly source: string; readonly label: Heldout3Label }

/**
 * Every excerpt of a set (by default set 3) with its label; throws when a file has no label or a label no file,
 * or when the excerpts are not here. `textDir` holds the excerpts (by default the set's folder among the
 * corpora, corpora.ts); the sources.json beside the labels gives each excerpt's SHA-256, and an excerpt that
 * differs from the one labelled is refused.
 */
export function loadHeldout3(dir: string = heldout3Dir, textDir: string | null = heldoutTextDir(dir)): Heldout3Entry[] {
  if (textDir === null) throw new Error(excerptsMissing(path.basename(dir)) ?? `the excerpts of ${dir} are not here`)
  const { policies } = fileSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')))
  const sources = sourcesSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'sources.json'), 'utf8'))).files
  const labelled = Object.keys(policies).sort()
  const onDisk = fs.readdirSync(textDir).filter((f) => /\.(?:md|markdown|html?|txt)$/i.test(f)).sort()
  if (JSON.stringify(labelled) !== JSON.stringify(onDisk)) throw new Error(`heldout3: files and labels differ:\n${onDisk.join(' ')}\n${labelled.join(' ')}`)
  return labelled.map((file) => {
    const bytes = readExcerpt(textDir, file, sources[file]?.sha256 ?? '-')
    const raw = bytes.toString('utf8')
    const newline = raw.indexOf('\n')
    return { file, source: raw.slice(0, newline), text: raw.slice(newline + 1), label: policies[file]! }
  })
}

export type Heldout3Result = { readonly file: string; readonly proposal: PolicyProposal; readonly problems: string[] }

export type Heldout3Score = {
  policies: number
  privacyEmails: Tally
  otherEmails: Tally
  addresses: Tally
  /** Policies that tie an address to privacy: is the first proposal the right one? */
  top1: { correct: number; of: number }
  /** Policies that tie none: no privacy contact proposed, and the proposal says so. */
  none: { correct: number; of: number }
  /** Addresses proposed as privacy contacts in policies that give none. */
  falseWhereNone: number
  company: { correct: number; of: number }
  /** Proposed addresses with a scheme, brackets, markup or punctuation stuck to them. */
  malformed: number
  /** The same company address proposed twice. */
  duplicateAddresses: number
  results: Heldout3Result[]
}

const cleanAddress = /^[A-Za-z0-9~][A-Za-z0-9._%+'/~-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}$/

/** A name without case, punctuation and spacing, for comparison. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

export function scoreHeldout3(entries: ReadonlyArray<Heldout3Entry> = loadHeldout3()): Heldout3Score {
  const score: Heldout3Score = {
    policies: entries.length,
    privacyEmails: { tp: 0, fp: 0, fn: 0 },
    otherEmails: { tp: 0, fp: 0, fn: 0 },
    addresses: { tp: 0, fp: 0, fn: 0 },
    top1: { correct: 0, of: 0 },
    none: { correct: 0, of: 0 },
    falseWhereNone: 0,
    company: { correct: 0, of: 0 },
    malformed: 0,
    duplicateAddresses: 0,
    results: [],
  }
  for (const entry of entries) {
    const { label } = entry
    const proposal = extractPolicy({ text: entry.text, format: formatOf(entry.file) })
    const problems: string[] = []
    const lower = (list: ReadonlyArray<string>) => list.map((x) => x.toLowerCase())
    const gotPrivacy = lower(proposal.privacyEmails.map((e) => e.address))
    const gotOther = lower(proposal.otherEmails.map((e) => e.address))

    for (const address of [...gotPrivacy, ...gotOther]) {
      if (!cleanAddress.test(address)) {
        score.malformed += 1
        problems.push(`malformed address: ${address}`)
      }
    }

    const wantPrivacy = new Set(lower(label.privacyEmails))
    for (const g of new Set(gotPrivacy)) {
      if (wantPrivacy.has(g)) score.privacyEmails.tp += 1
      else {
        score.privacyEmails.fp += 1
        problems.push(`privacy e-mail: unexpected ${g}`)
      }
    }
    for (const w of wantPrivacy) {
      if (!gotPrivacy.includes(w)) {
        score.privacyEmails.fn += 1
        problems.push(`privacy e-mail: missed ${w}`)
      }
    }
    if (label.privacyEmails.length > 0) {
      score.top1.of += 1
      const accept = lower(label.acceptFirst ?? [label.privacyEmails[0]!])
      if (gotPrivacy[0] !== undefined && accept.includes(gotPrivacy[0])) score.top1.correct += 1
      else problems.push(`best privacy e-mail: ${gotPrivacy[0] ?? 'none'} instead of ${accept.join(' or ')}`)
    } else {
      score.none.of += 1
      score.falseWhereNone += gotPrivacy.length
      const said = proposal.warnings.some((w) => w.code === 'no-email' || w.code === 'no-privacy-email')
      if (gotPrivacy.length === 0 && said) score.none.correct += 1
      else problems.push(gotPrivacy.length > 0 ? `proposed ${gotPrivacy.join(', ')} as privacy contact where the policy gives none` : 'no privacy contact, but the proposal does not say so')
    }

    const ignored = new Set(lower(label.ignoreEmails ?? []))
    const wantOther = new Set(lower(label.otherEmails))
    for (const g of new Set(gotOther)) {
      if (ignored.has(g)) continue
      if (wantOther.has(g)) score.otherEmails.tp += 1
      else if (!wantPrivacy.has(g)) {
        score.otherEmails.fp += 1
        problems.push(`other e-mail: unexpected ${g}`)
      }
    }
    for (const w of wantOther) {
      if (!gotOther.includes(w)) {
        score.otherEmails.fn += 1
        problems.push(`other e-mail: missed ${w}${gotPrivacy.includes(w) ? ' (proposed as privacy contact)' : ''}`)
      }
    }
    for (const bad of lower(label.excluded ?? [])) {
      if (gotPrivacy.includes(bad) || gotOther.includes(bad)) problems.push(`proposed ${bad}, which is not the company's`)
    }

    // Postal addresses: the company's own, matched by country and an identifying piece.
    const companyAddresses = proposal.postalAddresses.filter((a) => a.role === 'company')
    const matched = new Set<number>()
    for (const want of label.addresses) {
      const hits = companyAddresses.map((a, i) => ({ a, i })).filter(({ a }) => a.country === want.country && a.text.includes(want.match))
      const fresh = hits.find(({ i }) => !matched.has(i))
      if (!fresh) {
        score.addresses.fn += 1
        problems.push(`address: missed ${want.country} “${want.match}”`)
        continue
      }
      score.addresses.tp += 1
      for (const { i } of hits) matched.add(i)
      score.duplicateAddresses += hits.length - 1
    }
    companyAddresses.forEach((a, i) => {
      if (matched.has(i)) return
      if ((label.ignoreAddresses ?? []).some((piece) => a.text.includes(piece))) return
      const near = label.addresses.find((w) => a.text.includes(w.match))
      score.addresses.fp += 1
      problems.push(`address: unexpected [${a.country ?? '??'}] ${a.text}${near ? ` (the text of ${near.country} “${near.match}”, wrong country)` : ''}`)
    })

    score.company.of += 1
    const got = proposal.companyName?.name ?? null
    if (got !== null && label.company.some((name) => nameKey(name) === nameKey(got))) score.company.correct += 1
    else problems.push(`company: ${got === null ? 'none' : `“${got}”`} instead of ${label.company.map((n) => `“${n}”`).join(' or ')}`)

    score.results.push({ file: entry.file, proposal, problems })
  }
  return score
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const rate = (r: { correct: number; of: number }) => (r.of === 0 ? 'n/a' : `${pct(r.correct / r.of)} (${r.correct}/${r.of})`)

/** The figures as a table. */
export function formatHeldout3(score: Heldout3Score, title: string): string {
  const row = (name: string, t: Tally): [string, string, string, string] => [name, pct(precision(t)), pct(recall(t)), `${t.tp}/${t.fp}/${t.fn}`]
  const rows: Array<[string, string, string, string]> = [
    ['field', 'precision', 'recall', 'counts (tp/fp/fn)'],
    row('privacy e-mails', score.privacyEmails),
    row('other e-mails', score.otherEmails),
    row('postal addresses', score.addresses),
  ]
  const width = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  return [
    `Policy extraction on ${score.policies} ${title}`,
    '',
    rows.map((r) => r.map((c, i) => c.padEnd(width[i]!)).join('  ')).join('\n'),
    '',
    `privacy contact ranked first (top-1)        ${rate(score.top1)}`,
    `no privacy contact: none proposed, and said ${rate(score.none)}`,
    `addresses proposed as privacy where none    ${score.falseWhereNone}`,
    `company name                                ${rate(score.company)}`,
    `addresses with a scheme or punctuation      ${score.malformed}`,
    `company addresses proposed twice            ${score.duplicateAddresses}`,
  ].join('\n')
}
