/**
 * `npm test`: every stage of the test suite, each run even when an earlier one failed, then one
 * summary of all of them; the exit code is non-zero when any stage failed or could not run.
 *
 *   build  npm run build:main, build:preload, build:core, build:renderer, build:cli (each tried; .vite/ and
 *          build/cli/ are emptied first, so a failed step never leaves an older bundle behind to be tested)
 *   unit   vitest: core, shell (Electron mocked), CLI, renderer helpers, lint rules
 *   e2e    playwright: the built renderer against the real core in the browser harness, and the
 *          real Electron app where its binary exists; needs build:core and build:renderer (the
 *          harness runs the core's bundle in a worker thread), not run without them
 *
 * The last line is the count of tests over all stages, "tests: N passed, N failed, N skipped";
 * test-results/summary.json holds the same as data (.ci/run repeats that line at its end).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

/** Counts of tests, as a runner reported them. */
export type Counts = { readonly passed: number; readonly failed: number; readonly skipped: number }

/** One command of a stage: npm with these arguments. */
export type Command = { readonly label: string; readonly args: ReadonlyArray<string>; readonly env?: Readonly<Record<string, string>> }

/** Runs a command with the output shown as it comes; resolves to its exit code. */
export type Runner = (command: Command) => Promise<number>

export type StageResult =
  | {
      readonly name: string
      readonly status: 'passed' | 'failed'
      readonly ms: number
      /** What passed and failed inside the stage, in words. */
      readonly detail: string
      readonly counts: Counts | null
    }
  | { readonly name: string; readonly status: 'not run'; readonly reason: string }

export type Summary = {
  readonly ok: boolean
  readonly stages: ReadonlyArray<StageResult>
  readonly tests: Counts
  /** "tests: N passed, N failed, N skipped" */
  readonly closingLine: string
}

export const buildSteps = ['build:main', 'build:preload', 'build:core', 'build:renderer', 'build:cli'] as const

/** Where the runners' JSON reports go (test-results/ is ignored by git). */
export type ReportFiles = { readonly dir: string; readonly vitest: string; readonly playwright: string }

export function reportFilesIn(dir: string): ReportFiles {
  return { dir, vitest: path.join(dir, 'vitest.json'), playwright: path.join(dir, 'playwright.json') }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
  } catch {
    return null
  }
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0)

/** vitest's JSON report (the Jest format): passed, failed, and skipped or todo. Null when absent. */
export function vitestCounts(report: unknown): Counts | null {
  if (typeof report !== 'object' || report === null) return null
  const r = report as Record<string, unknown>
  if (typeof r.numTotalTests !== 'number') return null
  return { passed: count(r.numPassedTests), failed: count(r.numFailedTests), skipped: count(r.numPendingTests) + count(r.numTodoTests) }
}

/** Playwright's JSON report: expected and flaky pass, unexpected fail, skipped. Null when absent. */
export function playwrightCounts(report: unknown): Counts | null {
  if (typeof report !== 'object' || report === null) return null
  const stats = (report as { stats?: unknown }).stats
  if (typeof stats !== 'object' || stats === null) return null
  const s = stats as Record<string, unknown>
  if (typeof s.expected !== 'number') return null
  return { passed: count(s.expected) + count(s.flaky), failed: count(s.unexpected), skipped: count(s.skipped) }
}

const words = (c: Counts) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`

/** A test stage's outcome in words: its counts, and why it failed when no test did. */
function describe(counts: Counts | null, code: number, runner: string): string {
  if (!counts) return `no report from ${runner} (exit code ${code})`
  if (code !== 0 && counts.failed === 0) return `${words(counts)}; ${runner} exited with ${code} (an error outside the tests: see above)`
  return words(counts)
}

/** Runs the stages in order, each whatever happened before, and sums them up. */
export async function runAll(options: {
  run: Runner
  reports: ReportFiles
  /** Removes old build output before building; the real one empties .vite/ and build/cli/. */
  cleanBuild: () => void
  /** Asked before each command; true once the user interrupted (Ctrl-C): the rest is not run. */
  interrupted?: () => boolean
  now?: () => number
}): Promise<Summary> {
  const { run, reports } = options
  const now = options.now ?? (() => performance.now())
  const interrupted = options.interrupted ?? (() => false)
  const stages: StageResult[] = []
  fs.mkdirSync(reports.dir, { recursive: true })

  // build: every step, so that one broken bundle does not hide the state of the others.
  const built = new Map<string, boolean>()
  if (interrupted()) {
    stages.push({ name: 'build', status: 'not run', reason: 'interrupted' })
  } else {
    const started = now()
    options.cleanBuild()
    for (const step of buildSteps) {
      if (interrupted()) break
      built.set(step, (await run({ label: step, args: ['run', step] })) === 0)
    }
    const failedSteps = buildSteps.filter((step) => built.get(step) !== true)
    stages.push({
      name: 'build',
      status: failedSteps.length === 0 ? 'passed' : 'failed',
      ms: now() - started,
      detail: failedSteps.length === 0 ? `${buildSteps.join(', ')} passed` : `failed or not run: ${failedSteps.join(', ')}`,
      counts: null,
    })
  }

  // unit: needs no build (the test of the built CLI skips, saying why, when there is none).
  if (interrupted()) {
    stages.push({ name: 'unit', status: 'not run', reason: 'interrupted' })
  } else {
    fs.rmSync(reports.vitest, { force: true })
    const started = now()
    const code = await run({
      label: 'unit (vitest)',
      args: ['run', 'test:unit', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${reports.vitest}`],
    })
    const counts = vitestCounts(readJson(reports.vitest))
    stages.push({ name: 'unit', status: code === 0 ? 'passed' : 'failed', ms: now() - started, detail: describe(counts, code, 'vitest'), counts })
  }

  // e2e: the harness serves the built renderer and runs the built core; without them there is nothing to test.
  const missing = (['build:core', 'build:renderer'] as const).filter((step) => built.get(step) !== true)
  if (interrupted()) {
    stages.push({ name: 'e2e', status: 'not run', reason: 'interrupted' })
  } else if (missing.includes('build:renderer')) {
    stages.push({ name: 'e2e', status: 'not run', reason: 'it tests the built renderer, and build:renderer failed or did not run' })
  } else if (missing.length > 0) {
    stages.push({ name: 'e2e', status: 'not run', reason: 'the harness runs the built core, and build:core failed or did not run' })
  } else {
    fs.rmSync(reports.playwright, { force: true })
    const started = now()
    const code = await run({
      label: 'e2e (playwright)',
      args: ['run', 'test:e2e', '--', '--reporter=list,json'],
      env: { PLAYWRIGHT_JSON_OUTPUT_FILE: reports.playwright },
    })
    const counts = playwrightCounts(readJson(reports.playwright))
    stages.push({ name: 'e2e', status: code === 0 ? 'passed' : 'failed', ms: now() - started, detail: describe(counts, code, 'playwright'), counts })
  }

  const tests = stages.reduce<Counts>(
    (sum, stage) => (stage.status !== 'not run' && stage.counts ? { passed: sum.passed + stage.counts.passed, failed: sum.failed + stage.counts.failed, skipped: sum.skipped + stage.counts.skipped } : sum),
    { passed: 0, failed: 0, skipped: 0 },
  )
  return { ok: stages.every((stage) => stage.status === 'passed'), stages, tests, closingLine: `tests: ${words(tests)}` }
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`
}

/** The summary as printed at the end of `npm test`; its last line is `summary.closingLine`. */
export function formatSummary(summary: Summary): string {
  const lines = ['', '── npm test: every stage ' + '─'.repeat(46)]
  for (const stage of summary.stages) {
    if (stage.status === 'not run') lines.push(`  ${stage.name.padEnd(6)} NOT RUN          ${stage.reason}`)
    else lines.push(`  ${stage.name.padEnd(6)} ${(stage.status === 'passed' ? 'passed' : 'FAILED').padEnd(7)} ${duration(stage.ms).padStart(8)}  ${stage.detail}`)
  }
  const bad = summary.stages.filter((stage) => stage.status !== 'passed').map((stage) => `${stage.name} ${stage.status === 'not run' ? 'not run' : 'failed'}`)
  lines.push('─'.repeat(70))
  lines.push(summary.ok ? 'npm test: all stages passed' : `npm test: FAILED (${bad.join(', ')})`)
  lines.push(summary.closingLine)
  return lines.join('\n')
}

/** Runs npm with the given arguments (through the npm that started this script, where known). */
function npmRunner(onChild: (child: ReturnType<typeof spawn> | null) => void): Runner {
  const npmCli = process.env.npm_execpath
  return (command) =>
    new Promise((resolve) => {
      process.stdout.write(`\n▶ ${command.label}: npm ${command.args.join(' ')}\n`)
      const env = { ...process.env, ...command.env }
      const child =
        npmCli && /\.(c|m)?js$/.test(npmCli)
          ? spawn(process.execPath, [npmCli, ...command.args], { stdio: 'inherit', env })
          : spawn('npm', [...command.args], { stdio: 'inherit', env, shell: process.platform === 'win32' })
      onChild(child)
      child.on('error', (error) => {
        process.stderr.write(`could not start npm: ${error.message}\n`)
      })
      child.on('close', (code, signal) => {
        onChild(null)
        resolve(code ?? (signal ? 128 : 1))
      })
    })
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..')
  process.chdir(root)
  let interrupted = false
  let current: ReturnType<typeof spawn> | null = null
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      interrupted = true
      current?.kill(signal)
    })
  }
  const summary = await runAll({
    run: npmRunner((child) => (current = child)),
    reports: reportFilesIn(path.join(root, 'test-results')),
    cleanBuild: () => {
      for (const output of ['.vite', path.join('build', 'cli')]) fs.rmSync(path.join(root, output), { recursive: true, force: true })
    },
    interrupted: () => interrupted,
  })
  fs.writeFileSync(path.join(root, 'test-results', 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`)
  process.stdout.write(`${formatSummary(summary)}\n`)
  process.exitCode = interrupted ? 130 : summary.ok ? 0 : 1
}

if (require.main === module) void main()
