/**
 * The closing table of `npm run bench`: one row per target of issue 15 ("Fast at every scale"),
 * each with the figure measured in this very run (min / median), its anchor and whether the
 * target is met. The benches record their figures here (`recordFigure`) as they print them; a
 * target whose bench did not run, failed or was skipped says so in its row. Nothing here holds a
 * measured number: the rows are filled by the run, the targets are the issue's.
 *
 * Targets on time are read against the machine as loaded as it was (the anchor column); a target
 * met by the min but not by the median reads "min only" (a busy machine), and the other way round
 * for "at least" targets.
 */
import { assertNever } from '../electron/core/shared/assert-never'

/** Every target row of issue 15, in the order of the table. */
export const targetIds = [
  'cli-version',
  'cli-deadline',
  'cli-compile-cache',
  'cli-lazy',
  'main-window',
  'letter-warm-en-access',
  'letter-warm-en-erasure',
  'letter-warm-zh-access',
  'letter-warm-zh-erasure',
  'letter-cold-en-access',
  'letter-cold-en-erasure',
  'letter-cold-zh-access',
  'letter-cold-zh-erasure',
  'catalog-start',
  'catalog-rss',
  'catalog-edit',
  'catalog-compact',
  'hard-queries-set',
  'hard-queries-top3-builtin',
  'hard-queries-top3-100k',
  'hard-queries-p95-builtin',
  'hard-queries-p95-100k',
  'requests-create',
  'requests-cold-open',
  'requests-list-cli',
  'holiday-tables',
  'dashboard-fetch',
  'core-peak-rss',
] as const

export type TargetId = (typeof targetIds)[number]

/** The unit a figure is printed in. */
export type Unit = 'ms' | 'MB' | '×' | '%' | 'queries'

/** A limit on a figure: below it (times, memory) or at least it (speed-ups, shares, counts). */
export type Limit = { readonly op: '<'; readonly value: number } | { readonly op: '>='; readonly value: number } | { readonly op: '>'; readonly value: number }

/** One target row: what is measured, the target, and where it is measured. */
export type Target = {
  readonly id: TargetId
  /** What the row measures, as the table names it. */
  readonly figure: string
  /** The target in the words. */
  readonly target: string
  /** The limit on the numbers, when the target has one. */
  readonly limit?: Limit
  /** True when the target is a condition the bench observes (the figure's `check`). */
  readonly checked?: boolean
  /** The run.ts step that measures it (its failure is shown in the row). */
  readonly step: string
  /** The bench file that records it. */
  readonly source: string
}

/** What a bench measured for one target. */
export type Figure = {
  /** The numbers, when the figure is one: the smallest and the median of the runs. */
  readonly min?: number
  readonly median?: number
  readonly unit?: Unit
  /** Words after the numbers (what was counted, or the whole figure for a condition). */
  readonly detail?: string
  /** For a `checked` target: whether the condition held in this run. */
  readonly check?: boolean
  /** The anchor measured beside it in the same run. */
  readonly anchor: string
}

const ms = (value: number): Limit => ({ op: '<', value })

/** The targets of issue 15, one row each. */
export const targets: ReadonlyArray<Target> = [
  { id: 'cli-version', figure: 'rightful --version, fresh process', target: '< 150 ms (idle machine)', limit: ms(150), step: 'CLI start', source: 'bench/cli-start.ts' },
  { id: 'cli-deadline', figure: 'rightful deadline … --json, fresh process', target: '< 150 ms (idle machine)', limit: ms(150), step: 'CLI start', source: 'bench/cli-start.ts' },
  { id: 'cli-compile-cache', figure: 'V8 compile cache: rightful deadline with it off', target: 'a compile cache for what remains', checked: true, step: 'CLI start', source: 'bench/cli-start.ts' },
  { id: 'cli-lazy', figure: 'code loaded by rightful deadline --json', target: 'mail, PDF, IMAP, holidays, classifiers only when needed', checked: true, step: 'CLI start', source: 'bench/cli-start.ts' },
  { id: 'main-window', figure: 'main.js loaded to BrowserWindow created', target: 'window before what the first screen does not need', checked: true, step: 'main start', source: 'bench/main-start.ts' },
  ...(['en access', 'en erasure', 'zh access', 'zh erasure'] as const).map(
    (kind): Target => ({ id: `letter-warm-${kind.replace(' ', '-')}` as TargetId, figure: `letter ${kind}, warm: letter-generator ÷ ours`, target: '>= 4× faster warm', limit: { op: '>=', value: 4 }, step: 'real letters', source: 'bench/letters.ts' }),
  ),
  ...(['en access', 'en erasure', 'zh access', 'zh erasure'] as const).map(
    (kind): Target => ({ id: `letter-cold-${kind.replace(' ', '-')}` as TargetId, figure: `letter ${kind}, cold (fresh processes): generator ÷ ours`, target: 'faster cold (> 1×)', limit: { op: '>', value: 1 }, step: 'real letters', source: 'bench/letters.ts' }),
  ),
  { id: 'catalog-start', figure: 'catalog @ 100,000: core start (open + first search)', target: '< 1 s', limit: ms(1000), step: 'catalog scale', source: 'bench/catalog-scale.ts' },
  { id: 'catalog-rss', figure: 'catalog @ 100,000: peak RSS of that process', target: '< 300 MB', limit: { op: '<', value: 300 }, step: 'catalog scale', source: 'bench/catalog-scale.ts' },
  { id: 'catalog-edit', figure: 'catalog @ 100,000: slowest of 3 edits + a search seeing it', target: '< 50 ms, index patched in place', limit: ms(50), step: 'catalog scale', source: 'bench/catalog-scale.ts' },
  { id: 'catalog-compact', figure: 'catalog @ 100,000: start beside parsing every pack', target: 'compact form, loads without parsing everything', checked: true, step: 'catalog scale', source: 'bench/catalog-scale.ts' },
  { id: 'hard-queries-set', figure: 'hard queries (test/fixtures/catalog/hard-queries.json)', target: '>= 200, ranking not tuned on them', limit: { op: '>=', value: 200 }, step: 'hard queries', source: 'bench/catalog-hard-queries.ts' },
  { id: 'hard-queries-top3-builtin', figure: 'hard queries @ built-in catalog: ours top-3', target: '>= 95% (beside MiniSearch, Fuse)', limit: { op: '>=', value: 95 }, step: 'hard queries', source: 'bench/catalog-hard-queries.ts' },
  { id: 'hard-queries-top3-100k', figure: 'hard queries @ 100,000: ours top-3', target: '>= 95% (beside MiniSearch, Fuse)', limit: { op: '>=', value: 95 }, step: 'hard queries', source: 'bench/catalog-hard-queries.ts' },
  { id: 'hard-queries-p95-builtin', figure: 'hard queries @ built-in catalog: ours p95 per query', target: '< 5 ms', limit: ms(5), step: 'hard queries', source: 'bench/catalog-hard-queries.ts' },
  { id: 'hard-queries-p95-100k', figure: 'hard queries @ 100,000: ours p95 per query', target: '< 5 ms', limit: ms(5), step: 'hard queries', source: 'bench/catalog-hard-queries.ts' },
  { id: 'requests-create', figure: 'requests @ 100,000: create one', target: '< 2 ms (next number from the index)', limit: ms(2), step: 'requests at scale', source: 'bench/requests-scale.ts' },
  { id: 'requests-cold-open', figure: 'requests @ 100,000: open and list, cold, with index', target: '< 500 ms', limit: ms(500), step: 'requests at scale', source: 'bench/requests-scale.ts' },
  { id: 'requests-list-cli', figure: 'rightful requests list --json @ 10,000, fresh process', target: '< 300 ms', limit: ms(300), step: 'requests at scale', source: 'bench/requests-scale.ts' },
  { id: 'holiday-tables', figure: 'holidays for rightful requests list @ 10,000', target: 'tables computed once / at build time', checked: true, step: 'requests at scale', source: 'bench/requests-scale.ts' },
  { id: 'dashboard-fetch', figure: 'dashboard @ 10,000: requests:list calls, rows in the page', target: 'fetches once, pages / windows', checked: true, step: 'dashboard paint', source: 'bench/run.ts' },
  { id: 'core-peak-rss', figure: 'core @ 10,000 requests + 100,000 companies: peak RSS', target: 'printed (no limit)', step: 'core memory', source: 'bench/core-memory.ts' },
]

const figures = new Map<TargetId, Figure>()
const failures = new Map<string, string>()

/** Records what a bench measured for a target in this run (the last record of a target wins). */
export function recordFigure(id: TargetId, figure: Figure): void {
  figures.set(id, figure)
}

/** Records that a run.ts step failed, so that its targets' rows say why they have no figure. */
export function recordStepFailure(step: string, message: string): void {
  failures.set(step, message)
}

/** The figures recorded so far, and the failed steps (for the table). */
export function recordedFigures(): { readonly figures: ReadonlyMap<TargetId, Figure>; readonly failures: ReadonlyMap<string, string> } {
  return { figures, failures }
}

/** Forgets every record (tests, and a run that starts again). */
export function clearFigures(): void {
  figures.clear()
  failures.clear()
}

/** A number as the table prints it in `unit`. */
export function formatValue(value: number, unit: Unit): string {
  const digits = (n: number) => (Math.abs(n) < 10 ? n.toFixed(2) : Math.abs(n) < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en'))
  switch (unit) {
    case 'ms':
      return `${digits(value)} ms`
    case 'MB':
      return `${Math.round(value).toLocaleString('en')} MB`
    case '×':
      return `${value.toFixed(2)}×`
    case '%':
      return `${value.toFixed(1)}%`
    case 'queries':
      return `${Math.round(value).toLocaleString('en')} queries`
    default:
      return assertNever(unit)
  }
}

const within = (value: number, limit: Limit): boolean => (limit.op === '<' ? value < limit.value : limit.op === '>' ? value > limit.value : value >= limit.value)

/** Whether a figure meets its target: yes, no, min only / median only (the two disagree), or why it cannot say. */
export function judge(target: Target, figure: Figure | undefined): string {
  if (!figure) return '-'
  const parts: boolean[] = []
  let partial: string | null = null
  if (target.limit) {
    if (figure.min === undefined || figure.median === undefined) return 'no figure'
    const minMet = within(figure.min, target.limit)
    const medianMet = within(figure.median, target.limit)
    if (minMet !== medianMet) partial = minMet ? 'min only' : 'median only'
    parts.push(minMet && medianMet)
  }
  if (target.checked) {
    if (figure.check === undefined) return 'no check'
    parts.push(figure.check)
  }
  if (parts.length === 0) return 'printed (no limit)'
  if (parts.every(Boolean)) return 'yes'
  if (partial && (!target.checked || figure.check)) return partial
  return 'no'
}

/** The measured cell: "min / median unit" and the detail, or why there is none. */
export function measuredCell(target: Target, figure: Figure | undefined, failures: ReadonlyMap<string, string>): string {
  if (!figure) {
    const failed = failures.get(target.step)
    return failed ? `not measured: step "${target.step}" FAILED: ${failed}` : `not measured in this run (step "${target.step}" skipped or did not run)`
  }
  const numbers = figure.min !== undefined && figure.median !== undefined && figure.unit ? `${formatValue(figure.min, figure.unit)} / ${formatValue(figure.median, figure.unit)}` : ''
  return [numbers, figure.detail ?? ''].filter((part) => part !== '').join('; ')
}

/** The table: a header line and one line per target, columns separated by " | ". */
export function summaryTable(recorded: { readonly figures: ReadonlyMap<TargetId, Figure>; readonly failures: ReadonlyMap<string, string> } = recordedFigures()): string[] {
  const rows = targets.map((target) => {
    const figure = recorded.figures.get(target.id)
    return [target.figure, target.target, measuredCell(target, figure, recorded.failures), figure?.anchor ?? '-', judge(target, figure)]
  })
  const header = ['figure', 'target', 'measured (min / median)', 'anchor', 'met?']
  const widths = header.map((title, column) => Math.min(column === 2 ? 90 : 60, Math.max(title.length, ...rows.map((row) => row[column]!.length))))
  const line = (cells: ReadonlyArray<string>) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join(' | ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)]
}

/** The min and the median of some samples (the lower middle one for an even count). */
export function minMedian(samples: ReadonlyArray<number>): { readonly min: number; readonly median: number } {
  if (samples.length === 0) throw new Error('no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]! }
}
