/**
 * `npm test` (scripts/test-all.ts): every stage runs whatever failed before it, a stage that needs
 * a failed build is reported as not run with the reason, the counts come from the runners' own
 * reports (never an old one), and the verdict is false when anything failed or did not run.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildSteps, formatSummary, playwrightCounts, reportFilesIn, runAll, vitestCounts, type Command, type ReportFiles } from '../../scripts/test-all'

let dir: string
let reports: ReportFiles

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-test-all-'))
  reports = reportFilesIn(path.join(dir, 'test-results'))
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

type Plan = {
  build?: Partial<Record<(typeof buildSteps)[number], number>>
  unit?: { code: number; report?: Record<string, unknown> | null }
  e2e?: { code: number; report?: Record<string, unknown> | null }
}

const vitestReport = (passed: number, failed: number, skipped: number) => ({
  numTotalTests: passed + failed + skipped,
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: skipped,
  numTodoTests: 0,
  success: failed === 0,
  testResults: [],
})
const playwrightReport = (expected: number, unexpected: number, skipped: number) => ({ stats: { expected, unexpected, flaky: 0, skipped, duration: 1 }, suites: [], errors: [] })

/** A runner that answers each command as planned and writes the runners' reports where asked. */
function fakeRunner(plan: Plan) {
  const commands: Command[] = []
  const run = vi.fn(async (command: Command) => {
    commands.push(command)
    const [, script] = command.args
    if (script?.startsWith('build:')) return plan.build?.[script as (typeof buildSteps)[number]] ?? 0
    if (script === 'test:unit') {
      const unit = plan.unit ?? { code: 0, report: vitestReport(10, 0, 1) }
      const out = command.args.find((arg) => arg.startsWith('--outputFile.json='))?.slice('--outputFile.json='.length)
      if (unit.report !== null && out) fs.writeFileSync(out, JSON.stringify(unit.report ?? vitestReport(10, 0, 1)))
      return unit.code
    }
    if (script === 'test:e2e') {
      const e2e = plan.e2e ?? { code: 0, report: playwrightReport(5, 0, 1) }
      const out = command.env?.PLAYWRIGHT_JSON_OUTPUT_FILE
      if (e2e.report !== null && out) fs.writeFileSync(out, JSON.stringify(e2e.report ?? playwrightReport(5, 0, 1)))
      return e2e.code
    }
    throw new Error(`unexpected command ${command.args.join(' ')}`)
  })
  return { run, commands, scripts: () => commands.map((c) => c.args[1]) }
}

describe('npm test', () => {
  it('runs build, unit and e2e, and sums the tests of both runners', async () => {
    const runner = fakeRunner({})
    const cleanBuild = vi.fn()
    const summary = await runAll({ run: runner.run, reports, cleanBuild })
    expect(runner.scripts()).toEqual([...buildSteps, 'test:unit', 'test:e2e'])
    expect(cleanBuild).toHaveBeenCalledTimes(1)
    expect(summary.ok).toBe(true)
    expect(summary.stages.map((s) => [s.name, s.status])).toEqual([
      ['build', 'passed'],
      ['unit', 'passed'],
      ['e2e', 'passed'],
    ])
    expect(summary.tests).toEqual({ passed: 15, failed: 0, skipped: 2 })
    const text = formatSummary(summary)
    expect(text).toContain('npm test: all stages passed')
    expect(text.split('\n').at(-1)).toBe('tests: 15 passed, 0 failed, 2 skipped')
    // The runners write machine-readable reports next to their usual output.
    const unit = runner.commands.find((c) => c.args[1] === 'test:unit')!
    expect(unit.args).toEqual(['run', 'test:unit', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${reports.vitest}`])
    expect(runner.commands.find((c) => c.args[1] === 'test:e2e')?.env).toEqual({ PLAYWRIGHT_JSON_OUTPUT_FILE: reports.playwright })
  })

  it('goes on after a failed build step, runs the unit tests, and reports e2e as not run with the reason', async () => {
    const runner = fakeRunner({ build: { 'build:renderer': 1 } })
    const summary = await runAll({ run: runner.run, reports, cleanBuild: () => {} })
    // build:cli still ran after the renderer failed; e2e did not.
    expect(runner.scripts()).toEqual([...buildSteps, 'test:unit'])
    expect(summary.ok).toBe(false)
    expect(summary.stages[0]).toMatchObject({ name: 'build', status: 'failed', detail: 'failed or not run: build:renderer' })
    expect(summary.stages[1]).toMatchObject({ name: 'unit', status: 'passed' })
    expect(summary.stages[2]).toEqual({ name: 'e2e', status: 'not run', reason: 'it tests the built renderer, and build:renderer failed or did not run' })
    const text = formatSummary(summary)
    expect(text).toMatch(/e2e\s+NOT RUN\s+it tests the built renderer/)
    expect(text).toContain('npm test: FAILED (build failed, e2e not run)')
    expect(text.split('\n').at(-1)).toBe('tests: 10 passed, 0 failed, 1 skipped')
  })

  it('does not run e2e when the core bundle the harness runs failed to build', async () => {
    const runner = fakeRunner({ build: { 'build:core': 1 } })
    const summary = await runAll({ run: runner.run, reports, cleanBuild: () => {} })
    expect(runner.scripts()).toEqual([...buildSteps, 'test:unit'])
    expect(summary.stages[2]).toEqual({ name: 'e2e', status: 'not run', reason: 'the harness runs the built core, and build:core failed or did not run' })
  })

  it('runs e2e after failing unit tests, and fails with both counted', async () => {
    const runner = fakeRunner({ unit: { code: 1, report: vitestReport(8, 2, 0) }, e2e: { code: 1, report: playwrightReport(3, 1, 0) } })
    const summary = await runAll({ run: runner.run, reports, cleanBuild: () => {} })
    expect(runner.scripts()).toEqual([...buildSteps, 'test:unit', 'test:e2e'])
    expect(summary.ok).toBe(false)
    expect(summary.tests).toEqual({ passed: 11, failed: 3, skipped: 0 })
    expect(formatSummary(summary)).toContain('npm test: FAILED (unit failed, e2e failed)')
  })

  it('fails a stage whose runner exits non-zero without a failed test, and says so', async () => {
    const runner = fakeRunner({ unit: { code: 1, report: vitestReport(4, 0, 0) }, e2e: { code: 1, report: null } })
    const summary = await runAll({ run: runner.run, reports, cleanBuild: () => {} })
    expect(summary.ok).toBe(false)
    expect(summary.stages[1]).toMatchObject({ status: 'failed', detail: '4 passed, 0 failed, 0 skipped; vitest exited with 1 (an error outside the tests: see above)' })
    expect(summary.stages[2]).toMatchObject({ status: 'failed', detail: 'no report from playwright (exit code 1)', counts: null })
  })

  it('never counts a report left over from an earlier run', async () => {
    fs.mkdirSync(reports.dir, { recursive: true })
    fs.writeFileSync(reports.vitest, JSON.stringify(vitestReport(999, 0, 0)))
    fs.writeFileSync(reports.playwright, JSON.stringify(playwrightReport(999, 0, 0)))
    const runner = fakeRunner({ unit: { code: 1, report: null }, e2e: { code: 0, report: null } })
    const summary = await runAll({ run: runner.run, reports, cleanBuild: () => {} })
    expect(summary.tests).toEqual({ passed: 0, failed: 0, skipped: 0 })
    expect(summary.stages[1]).toMatchObject({ status: 'failed', detail: 'no report from vitest (exit code 1)' })
  })

  it('stops starting commands once interrupted, and reports the rest as not run', async () => {
    let interrupted = false
    const runner = fakeRunner({})
    runner.run.mockImplementationOnce(async () => {
      interrupted = true
      return 130
    })
    const summary = await runAll({ run: runner.run, reports, cleanBuild: () => {}, interrupted: () => interrupted })
    expect(runner.run.mock.calls.map(([command]) => command.args[1])).toEqual(['build:main'])
    expect(summary.ok).toBe(false)
    expect(summary.stages.map((s) => s.status)).toEqual(['failed', 'not run', 'not run'])
  })
})

describe('the runners’ reports', () => {
  it('reads vitest’s counts, todo as skipped, and nothing from anything else', () => {
    expect(vitestCounts({ ...vitestReport(3, 1, 2), numTodoTests: 1 })).toEqual({ passed: 3, failed: 1, skipped: 3 })
    expect(vitestCounts(null)).toBeNull()
    expect(vitestCounts({})).toBeNull()
    expect(vitestCounts('x')).toBeNull()
    expect(vitestCounts({ numTotalTests: 1, numPassedTests: -5, numFailedTests: 1.5 })).toEqual({ passed: 0, failed: 0, skipped: 0 })
  })

  it('reads playwright’s counts, flaky as passed', () => {
    expect(playwrightCounts({ stats: { expected: 4, unexpected: 1, flaky: 2, skipped: 3 } })).toEqual({ passed: 6, failed: 1, skipped: 3 })
    expect(playwrightCounts({ stats: null })).toBeNull()
    expect(playwrightCounts({ errors: ['config error'] })).toBeNull()
    expect(playwrightCounts(undefined)).toBeNull()
  })
})
