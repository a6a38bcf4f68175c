/**
 * Real letters beside the datarequests.org generator (issue 15, "Letters").
 *
 * Four letters made from the real templates for seed companies and a sender's profile, through the
 * app's own path (requests:create, then letterFor and renderLetterPdf): an access and an erasure
 * request under the GDPR in English (FS.COM, a sender in Berlin) and under the PIPL in Chinese
 * (Foscam, a sender in Beijing). The same words (sender, recipient, reference, date, subject, body,
 * name) go to the `letter-generator` package as its users run it (bench/letter-generator-once.cjs).
 *
 * - warm: both in this process, after a warm-up of 5 each, 3 rounds of 25 letters each (in turns
 *   of 5); the medians of each round and their ratio, min / median of the 3 rounds;
 * - cold: a fresh process per letter, `rightful letter …` (the CLI on a data folder that has been
 *   used once before) beside `node bench/letter-generator-once.cjs`, 3 of each in turns, min /
 *   median, with the `node -e 0` anchor; the ratio of each run to the generator's run after it.
 * Both ratios go to the closing table of `npm run bench` (bench/summary.ts).
 * Nothing passes or fails on time. Run alone: npx tsx bench/letters.ts [--warm-only] (needs
 * `npm run build:cli` for the cold rows).
 *
 * A cold letter before and after issue 15's letter work (templates compiled at build time, mark
 * positioning read only for text with marks, the templates' words laid out at build time), as CPU
 * seconds (user + sys, /usr/bin/time) of fresh processes in turns on a 2-core machine, Mon 7 Dec
 * 2026, `rightful letter --company fs-com --type access --law gdpr --lang en` beside
 * `node bench/letter-generator-once.cjs` on the same words:
 * - at load 16-18, 5 each: before 1.01-1.20 s (median 1.06), after (without the bold table cut
 *   to subjects) 0.57-0.68 s (0.62), the generator 0.60-0.76 s (0.64); Chinese (foscam, cn-pipl)
 *   before 0.72-0.82 s, after 0.58-0.65 s, the generator 0.80-0.87 s;
 * - at load 10-12, 7 each, the final branch: English 0.52-0.58 s (median 0.55) beside the
 *   generator's 0.55-0.66 s (0.60); Chinese 0.51-0.59 s (0.54) beside 0.71-0.81 s (0.80).
 * Wall times at such loads vary by a factor of two from run to run (the cold rows above).
 * With `rightful letter` on its own API (core/api/letter-api.ts: no create-api chunk, mail, IMAP,
 * replies, bulk, discover, backup, evidence or authorities), the same PDF bytes (cmp, en and zh,
 * clock fixed): at load 9-11, 10 each in turns, the build before / after, CPU seconds: English
 * 0.53-0.63 (median 0.605) / 0.50-0.63 (0.55), Chinese 0.56-0.67 (0.60) / 0.52-0.64 (0.565).
 * What is left of a cold letter is mostly the fonts' run tables and pdfkit, zod building the
 * contract's schemas, conf/ajv for the stores and the request file's fsync.
 * Then (branch letterfast, Tue 8 Dec 2026): the letter API on ports without conf (letter-ports.ts),
 * the V8 cache holding each command's own code, the PDF code's unused libraries (brotli, linebreak,
 * AES) and Unicode tables started on first use (vite.lazy-modules.ts), the plain characters of the
 * run tables (no fontkit shaping in a fresh process for the sender's words, the address and the
 * reference), Noto Sans without post-table glyph names (font-names.ts) and a language's templates
 * read alone. Same PDF bytes (cmp, en and zh access and erasure, clock fixed). CPU seconds of 5
 * fresh processes each, in turns, at load 8, median (min-max), main / this branch / the generator:
 * English access 0.50 (0.48-0.52) / 0.40 (0.39-0.43) / 0.57 (0.55-0.59); Chinese access
 * 0.51 (0.49-0.53) / 0.46 (0.42-0.48) / 0.73 (0.70-0.74). Cold rows of this bench at load 9, wall
 * time medians, main then this branch: en access 1,633 / 585 ms beside the generator's 1,962 / 1,004
 * (1.20× / 1.72× faster); en erasure 0.89× / 1.04×; zh access 1.67× / 1.39×; zh erasure 1.30× / 1.58×
 * (wall times at such loads move by a factor of two between runs; the CPU seconds above do not).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createNodePorts, noFileSink } from '../electron/adapters/node/node-ports'
import { fontsFrom } from '../electron/adapters/node/resources'
import { createApi } from '../electron/core/api/create-api'
import { letterFor } from '../electron/core/letters/letter-for-request'
import { letterLabels } from '../electron/core/letters/letter-labels'
import { renderLetterPdf, type LetterInput } from '../electron/core/letters/pdf-letter'
import type { Profile } from '../electron/core/profile/profile'
import type { RequestRecord } from '../electron/core/requests/model'
import { againstAnchor, measureNodeStart } from './anchor'
import { recordFigure } from './summary'

const repoRoot = path.resolve(__dirname, '..')
const cli = path.join(repoRoot, 'bin', 'rightful.js')
const generatorScript = path.join(repoRoot, 'bench', 'letter-generator-once.cjs')
const now = () => new Date('2026-01-31T10:00:00Z')

type Report = (name: string, value: string) => void

/** What the generator is given for one letter (see bench/letter-generator-once.cjs). */
export type GeneratorLetter = {
  readonly family: 'dejavu' | 'noto-sans-sc'
  readonly sender: ReadonlyArray<string>
  readonly recipient: ReadonlyArray<string>
  readonly information: ReadonlyArray<string>
  readonly subject: string
  readonly content: string
  readonly name: string
}

type Generator = { generate(letter: GeneratorLetter): Promise<Buffer>; available(): boolean }

/** One of the four letters: how the CLI asks for it, and what it is made of. */
export type BenchLetter = {
  /** Which of the four: the end of its summary rows' ids (bench/summary.ts). */
  readonly id: 'en-access' | 'en-erasure' | 'zh-access' | 'zh-erasure'
  readonly label: string
  readonly cliArgs: ReadonlyArray<string>
  readonly profile: Profile
  readonly input: LetterInput
}

const english: Profile = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin\nGermany', country: 'DE', region: null }
const chinese: Profile = { name: '张伟', email: 'zhang.wei@example.cn', address: '北京市朝阳区建国路88号\n100022', country: 'CN', region: null }

const kinds = [
  { id: 'en-access', label: 'en access (GDPR, FS.COM)', company: 'fs-com', type: 'access', law: 'gdpr', lang: 'en', profile: english },
  { id: 'en-erasure', label: 'en erasure (GDPR, FS.COM)', company: 'fs-com', type: 'erasure', law: 'gdpr', lang: 'en', profile: english },
  { id: 'zh-access', label: 'zh access (PIPL, Foscam)', company: 'foscam', type: 'access', law: 'cn-pipl', lang: 'zh-Hans', profile: chinese },
  { id: 'zh-erasure', label: 'zh erasure (PIPL, Foscam)', company: 'foscam', type: 'erasure', law: 'cn-pipl', lang: 'zh-Hans', profile: chinese },
] as const

/**
 * The four letters, made the way `rightful letter` makes them: a request for a seed company with
 * the profile, worded for post, then the letter of that request.
 */
export async function benchLetters(): Promise<BenchLetter[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-letters-'))
  try {
    const api = createApi(createNodePorts({ dataDir, resourcesRoot: repoRoot, appVersion: 'bench', files: noFileSink, clock: { now } }))
    const letters: BenchLetter[] = []
    for (const kind of kinds) {
      const created = await api.call('requests:create', { companyId: kind.company, type: kind.type, law: kind.law, lang: kind.lang, profile: kind.profile, channel: 'post' })
      if (!created.ok) throw new Error(`${kind.label}: ${created.error.message}`)
      const record: RequestRecord = created.data.record
      letters.push({
        id: kind.id,
        label: kind.label,
        cliArgs: ['letter', '--company', kind.company, '--type', kind.type, '--law', kind.law, '--lang', kind.lang],
        profile: kind.profile,
        input: letterFor(record, { date: '2026-01-31', createdAt: now() }),
      })
    }
    return letters
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The same words as the generator's props: the name closes the letter as its text signature. */
export function generatorLetter(input: LetterInput, lang: string): GeneratorLetter {
  const labels = letterLabels(lang === 'zh' ? 'zh-Hans' : 'en')
  const paragraphs = input.body.replace(/\r\n?/g, '\n').trimEnd().split(/\n[ \t]*\n/)
  const signed = paragraphs.at(-1)?.trim() === input.sender.name.trim()
  const country = input.recipient.countryName?.toUpperCase()
  return {
    family: lang === 'zh' ? 'noto-sans-sc' : 'dejavu',
    sender: [input.sender.name, ...input.sender.address],
    recipient: [input.recipient.recipient, ...input.recipient.lines, ...(country ? [country] : [])],
    information: [`${labels.reference}: ${input.reference}`, `${labels.date}: ${input.date}`, `${labels.email}: ${input.sender.email}`],
    subject: input.subject,
    content: (signed ? paragraphs.slice(0, -1) : paragraphs).join('\n\n'),
    name: input.sender.name,
  }
}

const median = (values: ReadonlyArray<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`)

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

/**
 * Medians of 25 runs of `a` and of `b`, taken in turns of 5 (a × 5, b × 5, a × 5, …) so that the
 * load of a busy machine falls on both alike.
 */
async function warmMedians(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  const first: number[] = []
  const second: number[] = []
  for (let turn = 0; turn < 5; turn += 1) {
    for (let i = 0; i < 5; i += 1) first.push(await timed(a))
    for (let i = 0; i < 5; i += 1) second.push(await timed(b))
  }
  return [median(first), median(second)]
}

/** Wall time of one fresh process running `node <command>`. */
function freshProcess(command: ReadonlyArray<string>, env: NodeJS.ProcessEnv): number {
  const start = performance.now()
  const result = spawnSync(process.execPath, command, { env, encoding: 'utf8' })
  const elapsed = performance.now() - start
  if (result.status !== 0) throw new Error(`${command.join(' ')} exited with ${String(result.status)}: ${result.stderr}`)
  return elapsed
}

type Spread = { readonly min: number; readonly median: number }
const spread = (samples: ReadonlyArray<number>): Spread => ({ min: Math.min(...samples), median: median(samples) })

/** Prints the letters' figures through `report`, warm and cold, ours beside the generator's. */
export async function benchRealLetters(report: Report, anchorMs: number, options: { cold?: boolean } = {}): Promise<void> {
  const generator = createRequire(__filename)(generatorScript) as Generator
  if (!generator.available()) {
    report('letters beside letter-generator', 'skipped: DejaVu Sans (fonts-dejavu-core) or Noto Sans SC is missing')
    return
  }
  const letters = await benchLetters()
  const fonts = fontsFrom(repoRoot)

  process.stdout.write('Warm, in this process (3 rounds of medians of 25 each, in turns of 5, after 5 each; min / median of the 3):\n')
  for (const letter of letters) {
    const lang = letter.input.lang?.startsWith('zh') ? 'zh' : 'en'
    const theirs = generatorLetter(letter.input, lang)
    const ourLetter = () => renderLetterPdf(letter.input, fonts)
    const theirLetter = () => generator.generate(theirs)
    for (let i = 0; i < 5; i += 1) {
      await ourLetter()
      await theirLetter()
    }
    const rounds: Array<[number, number]> = []
    for (let round = 0; round < 3; round += 1) rounds.push(await warmMedians(ourLetter, theirLetter))
    const ours = spread(rounds.map(([o]) => o))
    const generated = spread(rounds.map(([, g]) => g))
    const ratios = spread(rounds.map(([o, g]) => g / o))
    report(`  ${letter.label}: ours / letter-generator`, `${ms(ours.min)} / ${ms(generated.min)} (min), ${ms(ours.median)} / ${ms(generated.median)} (median) = ${ratios.min.toFixed(1)} / ${ratios.median.toFixed(1)}× faster`)
    recordFigure(`letter-warm-${letter.id}`, { ...ratios, unit: '×', detail: `ours ${ms(ours.min)} / ${ms(ours.median)}`, anchor: `letter-generator ${ms(generated.min)} / ${ms(generated.median)}` })
  }

  if (options.cold === false) return
  const built = fs.existsSync(path.join(repoRoot, 'build', 'cli', 'cli.js'))
  if (!built) {
    report('letters, cold', 'skipped: run `npm run build:cli` first')
    return
  }
  process.stdout.write('Cold, a fresh process per letter, in turns (min / median of 3; ours on a data folder used once before):\n')
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-letters-cold-'))
  try {
    for (const [index, letter] of letters.entries()) {
      const lang = letter.input.lang?.startsWith('zh') ? 'zh' : 'en'
      const dataDir = path.join(work, `data-${index}`)
      const profileFile = path.join(work, `profile-${index}.json`)
      fs.writeFileSync(profileFile, JSON.stringify(letter.profile))
      const env = { ...process.env, RIGHTFUL_DATA_DIR: dataDir }
      const ourCommand = [cli, ...letter.cliArgs, '--profile', profileFile, '--out', path.join(work, `ours-${index}.pdf`)]
      const input = path.join(work, `generator-${index}.json`)
      fs.writeFileSync(input, JSON.stringify(generatorLetter(letter.input, lang)))
      const theirCommand = [generatorScript, input, path.join(work, `generator-${index}.pdf`)]
      freshProcess(ourCommand, env)
      const ourSamples: number[] = []
      const theirSamples: number[] = []
      for (let run = 0; run < 3; run += 1) {
        ourSamples.push(freshProcess(ourCommand, env))
        theirSamples.push(freshProcess(theirCommand, process.env))
      }
      const ours = spread(ourSamples)
      const theirs = spread(theirSamples)
      // Runs in turns: each of ours beside the generator's run right after it.
      const ratios = spread(ourSamples.map((our, run) => theirSamples[run]! / our))
      recordFigure(`letter-cold-${letter.id}`, {
        ...ratios,
        unit: '×',
        detail: `ours ${Math.round(ours.min)} / ${Math.round(ours.median)} ms, generator ${Math.round(theirs.min)} / ${Math.round(theirs.median)} ms`,
        anchor: `node -e 0 ${Math.round(anchorMs)} ms`,
      })
      report(`  ${letter.label}: rightful letter`, `${againstAnchor(ours.min, anchorMs)} / ${againstAnchor(ours.median, anchorMs)}`)
      report(`  ${letter.label}: letter-generator`, `${againstAnchor(theirs.min, anchorMs)} / ${againstAnchor(theirs.median, anchorMs)}`)
      report(`  ${letter.label}: cold ratio (median)`, `${(theirs.median / ours.median).toFixed(2)}× ${theirs.median >= ours.median ? 'faster' : 'slower'}`)
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

if (require.main === module) {
  const report: Report = (name, value) => process.stdout.write(`${name.padEnd(58)} ${value}\n`)
  void (async () => {
    process.stdout.write(`Letters on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}\n`)
    const anchorMs = measureNodeStart()
    report('anchor: node -e 0 (p50 of 5), at the start', ms(anchorMs))
    await benchRealLetters(report, anchorMs, { cold: !process.argv.includes('--warm-only') })
    report('anchor: node -e 0 (p50 of 5), at the end', ms(measureNodeStart()))
  })()
}
