/**
 * The worst case of every parser that reads outside text, on 1 MB of its worst input
 * (test/helpers/hostile-inputs.ts), beside an anchor measured in the same run on the same
 * megabyte: `text.toLowerCase()`, one linear pass. A parser that is linear stays a steady multiple
 * of the anchor; one that is not shows it here (issue 12 measured minutes for some of these).
 *
 * `npm run bench` runs it with the rest; alone: `npx tsx bench/hostile-inputs.ts`, or one case:
 * `npx tsx bench/hostile-inputs.ts --case "policy import (text)/spaces" [--size 1048576]`.
 */
import { performance } from 'node:perf_hooks'
import { extractPolicy } from '../electron/core/catalog/policy-import/extract'
import { normalizeForSearch } from '../electron/core/catalog/search/text'
import { buildEml } from '../electron/core/mail/eml'
import { classifyReply, stripReplyPrefixes } from '../electron/core/replies/classify'
import { referencesIn } from '../electron/core/replies/match'
import { ownTextOf, parseReply } from '../electron/core/replies/parse'
import { fill, hostilePolicies, hostileReplies, hostileReplyTexts } from '../test/helpers/hostile-inputs'

type Case = {
  readonly parser: string
  readonly name: string
  /** The input at `size`, and the text the anchor lower-cases. */
  prepare(size: number): { run(): unknown; anchorText: string }
}

const policyParsers: Record<string, string> = { text: 'policy import (plain text)', markdown: 'policy import (Markdown)', html: 'policy import (HTML)' }

export const hostileCases: ReadonlyArray<Case> = [
  ...hostilePolicies.map((policy) => ({
    parser: policyParsers[policy.format]!,
    name: policy.name,
    prepare(size: number) {
      const text = policy.make(size)
      return { run: () => extractPolicy({ text, format: policy.format }), anchorText: text }
    },
  })),
  ...hostileReplies.map((reply) => ({
    parser: 'reply import (.eml: mailparser, bounce, quotes)',
    name: reply.name,
    prepare(size: number) {
      const bytes = reply.make(size)
      return { run: () => parseReply(bytes), anchorText: bytes.toString('latin1') }
    },
  })),
  ...hostileReplyTexts.map((reply) => ({
    parser: 'reply classification (phrases, prefixes)',
    name: reply.name,
    prepare(size: number) {
      const text = reply.make(size)
      return { run: () => classifyReply({ subject: text.slice(0, 4096), text, bounce: null }), anchorText: text }
    },
  })),
  ...hostileReplyTexts.map((reply) => ({
    parser: 'reply matching (references) and own words',
    name: reply.name,
    prepare(size: number) {
      const text = reply.make(size)
      return { run: () => [referencesIn(text).length, ownTextOf(text).length, stripReplyPrefixes(text).length], anchorText: text }
    },
  })),
  ...[
    { name: 'accented letters', unit: 'é' },
    { name: 'spaces', unit: ' ' },
    { name: 'punctuation', unit: '.-/' },
    { name: 'Chinese', unit: '深圳' },
  ].map(({ name, unit }) => ({
    parser: 'catalog search text (normalize)',
    name,
    prepare(size: number) {
      const text = fill(unit, size)
      return { run: () => normalizeForSearch(text), anchorText: text }
    },
  })),
  ...[
    { name: 'one long line', unit: 'x' },
    { name: 'blank lines', unit: '\n' },
    { name: 'non-ASCII', unit: 'ü' },
  ].map(({ name, unit }) => ({
    parser: 'e-mail building (.eml)',
    name,
    prepare(size: number) {
      const body = fill(unit, size)
      const input = { from: { name: 'Alex Example', address: 'alex@example.org' }, to: 'privacy@example.com', subject: 'Data protection request', body, date: new Date('2026-01-31T10:00:00Z'), reference: 'RF-2026-0001' }
      return { run: () => buildEml(input), anchorText: body }
    },
  })),
]

async function timeOf(run: () => unknown): Promise<number> {
  const start = performance.now()
  try {
    await run()
  } catch {
    // A coded error (INPUT_TOO_COMPLEX, EML_INVALID) ends the case as well as a result does.
  }
  return performance.now() - start
}

export type HostileTiming = { parser: string; name: string; ms: number; anchorMs: number }

/** Runs one case at `size`: its time and the anchor's on the same input. */
export async function timeCase(item: Case, size: number): Promise<HostileTiming> {
  const { run, anchorText } = item.prepare(size)
  const anchorStart = performance.now()
  let lower = ''
  for (let i = 0; i < 5; i += 1) lower = anchorText.toLowerCase()
  const anchorMs = (performance.now() - anchorStart) / 5
  if (lower.length !== anchorText.length && lower.length === 0) throw new Error('anchor')
  return { parser: item.parser, name: item.name, ms: await timeOf(run), anchorMs }
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`

/** Every case at 1 MB; prints the worst one per parser beside its anchor. */
export async function benchHostileInputs(report: (name: string, value: string) => void, size = 1024 * 1024): Promise<HostileTiming[]> {
  const timings: HostileTiming[] = []
  for (const item of hostileCases) timings.push(await timeCase(item, size))
  const parsers = [...new Set(timings.map((t) => t.parser))]
  for (const parser of parsers) {
    const mine = timings.filter((t) => t.parser === parser)
    const worst = mine.reduce((a, b) => (b.ms > a.ms ? b : a))
    report(`${parser}: worst of ${mine.length} on 1 MB`, `${ms(worst.ms)} (${worst.name}); anchor toLowerCase ${ms(worst.anchorMs)}, ×${Math.round(worst.ms / Math.max(worst.anchorMs, 0.01))}`)
  }
  return timings
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const sizeAt = args.indexOf('--size')
  const size = sizeAt === -1 ? 1024 * 1024 : Number(args[sizeAt + 1])
  const caseAt = args.indexOf('--case')
  if (caseAt !== -1) {
    const wanted = args[caseAt + 1]
    const item = hostileCases.find((c) => `${c.parser}/${c.name}` === wanted)
    if (!item) throw new Error(`No case "${wanted}"; one of:\n${hostileCases.map((c) => `${c.parser}/${c.name}`).join('\n')}`)
    const timing = await timeCase(item, size)
    process.stdout.write(`${JSON.stringify(timing)}\n`)
    return
  }
  const timings = await benchHostileInputs((name, value) => process.stdout.write(`${name.padEnd(70)} ${value}\n`), size)
  if (args.includes('--all')) for (const t of timings) process.stdout.write(`  ${t.parser}/${t.name}: ${ms(t.ms)} (anchor ${ms(t.anchorMs)})\n`)
}

if (require.main === module) void main()
