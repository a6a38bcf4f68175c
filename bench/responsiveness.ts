/**
 * Does the window answer while the core works? (issue 12, item 4.) In the browser harness, whose
 * core runs off the request thread as the app's does:
 *
 * - a click that needs the core's answer (a company in the list → its page, filled by
 *   catalog:get) while a 2 MB policy is being read in another tab, beside the same click when
 *   nothing else runs;
 * - how soon `rightful catalog import-policy` of a 2 MB policy ends after SIGTERM, sent half-way
 *   through the reading, beside how long the whole reading takes.
 *
 * Figures only: nothing passes or fails on time (the e2e and CLI tests check the behaviour).
 * Run alone: npx tsx bench/responsiveness.ts (needs `npm run build`).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { againstAnchor, measureNodeStart } from './anchor'

const repoRoot = path.resolve(__dirname, '..')

/** A policy of about 2 MB, the most the API reads. */
export const benchPolicy = (() => {
  const block = 'We use cookies. Questions about your personal data: privacy@longform.org. Write to Longform Ltd, 1 Quay Street, Manchester, M3 3JE. Tel: +44 161 496 0000.\n\n'
  return `Longform Privacy Policy\n\n${block.repeat(Math.floor(1_990_000 / block.length))}`
})()

const median = (values: ReadonlyArray<number>) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`

/** What to type to find a company whose id is not its name. */
const searchFor = new Map([
  ['fs-com', 'fs.com'],
  ['amazon-de', 'amazon'],
  ['acxiom-broker', 'acxiom'],
])

/** Companies whose pages are opened one after another (each not yet loaded, so the core is asked). */
const companies = ['fs-com', 'foscam', 'b2s', 'faasoft', 'google', 'amazon-de', 'netflix', 'spotify', 'zalando', 'spokeo', 'acxiom-broker', 'apple']

/** Starts `npm run harness`'s server as a process of its own (as a user runs it) and resolves to its URL. */
function startHarnessProcess(dataDir: string): Promise<{ url: string; stop(): void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'harness', 'cli.ts'), '--data-dir', dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      const url = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out)?.[1]
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') })
    })
    child.on('exit', (code) => reject(new Error(`the harness ended (exit code ${code}): ${out}`)))
  })
}

export async function benchClickDuringImport(report: (name: string, value: string) => void, anchorMs: number): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const built = ['.vite/renderer/main_window/index.html', '.vite/build/core.js', '.vite/build/compute-worker.js'].every((f) => fs.existsSync(path.join(repoRoot, f)))
  if (!fs.existsSync(chromium) || !built) {
    report('a click while a 2 MB policy is read (harness)', `skipped: ${!built ? 'not built (npm run build)' : `no Chromium at ${chromium}`}`)
    return
  }
  const { chromium: playwright } = await import('playwright-core')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-click-'))
  // The harness in a process of its own: this one drives the browser and must not share its thread.
  const harness = await startHarnessProcess(dataDir)
  const browser = await playwright.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const reader = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    const clicker = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    await reader.goto(harness.url)
    // The first-start guide stands where the pages are until it is put off.
    await reader.getByRole('button', { name: 'Later' }).click()
    await clicker.goto(harness.url)
    await clicker.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' }).click()

    /**
     * Types a company's name, clicks it in the list and waits for its page: two answers of the core
     * (catalog:search, catalog:get), timed from the first key to the page.
     */
    const clickCompany = async (id: string): Promise<number> => {
      const start = performance.now()
      await clicker.getByLabel('Search companies').fill(searchFor.get(id) ?? id)
      const row = clicker.locator(`[data-company="${id}"]`)
      await row.click()
      // The company's facts are shown once the core's answer (catalog:get) is in.
      await clicker.getByTestId('company-facts').waitFor()
      const took = performance.now() - start
      await clicker.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' }).click()
      return took
    }

    const idle: number[] = []
    for (const id of companies.slice(0, 5)) idle.push(await clickCompany(id))

    const during: number[] = []
    let whileReading = 0
    for (const id of companies.slice(5, 10)) {
      await reader.reload()
      await reader.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Companies' }).click()
      await reader.getByRole('button', { name: 'From a privacy policy…' }).click()
      await reader.locator('input[type="file"]').setInputFiles({ name: 'policy.txt', mimeType: 'text/plain', buffer: Buffer.from(benchPolicy) })
      await reader.getByRole('button', { name: 'Read the policy' }).click()
      during.push(await clickCompany(id))
      // Whether the reading was still going on when the click had its answer.
      if (!(await reader.getByLabel('Company name').isVisible())) whileReading += 1
      await reader.getByLabel('Company name').waitFor({ timeout: 120_000 })
    }
    report('type a name, click the company, see its page; nothing else running (p50 of 5)', againstAnchor(median(idle), anchorMs))
    report('the same, just after a 2 MB policy began to be read in another tab', `${againstAnchor(median(during), anchorMs)} (p50 of 5; ${whileReading} of 5 answered while the reading still ran)`)
  } finally {
    await browser.close()
    harness.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Runs the built CLI on the policy; with `signalAfterMs`, sends SIGTERM then. Resolves to timings. */
function runCli(file: string, dataDir: string, signalAfterMs: number | null): Promise<{ totalMs: number; afterSignalMs: number | null; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const start = performance.now()
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'rightful.js'), 'catalog', 'import-policy', file, '--json'], {
      env: { ...process.env, RIGHTFUL_DATA_DIR: dataDir },
      stdio: 'ignore',
    })
    let signalled: number | null = null
    if (signalAfterMs !== null) {
      setTimeout(() => {
        signalled = performance.now()
        child.kill('SIGTERM')
      }, signalAfterMs)
    }
    child.on('exit', (code, signal) => {
      const end = performance.now()
      resolve({ totalMs: end - start, afterSignalMs: signalled === null ? null : end - signalled, code, signal })
    })
  })
}

export async function benchCliSignal(report: (name: string, value: string) => void, anchorMs: number): Promise<void> {
  if (!fs.existsSync(path.join(repoRoot, 'build', 'cli', 'cli.js'))) {
    report('CLI: SIGTERM while a 2 MB policy is read', 'skipped: the CLI is not built (npm run build:cli)')
    return
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-signal-'))
  const file = path.join(dir, 'policy.txt')
  fs.writeFileSync(file, benchPolicy)
  try {
    const whole: number[] = []
    for (let run = 0; run < 3; run += 1) whole.push((await runCli(file, path.join(dir, 'data'), null)).totalMs)
    const full = median(whole)
    const afterSignal: number[] = []
    let stopped = 0
    let finished = 0
    for (let run = 0; run < 5; run += 1) {
      // Past the start-up, while it reads the policy.
      const outcome = await runCli(file, path.join(dir, 'data'), full * 0.6)
      if (outcome.afterSignalMs === null) continue
      afterSignal.push(outcome.afterSignalMs)
      // Stopped: exit code 143, or killed by the signal. Finished: it read on to the end and exited 0.
      if (outcome.code === 143 || outcome.signal === 'SIGTERM') stopped += 1
      else if (outcome.code === 0) finished += 1
    }
    report('CLI: import-policy of 2 MB, start to end (p50 of 3)', againstAnchor(full, anchorMs))
    report(
      'CLI: SIGTERM sent at 60 % of that, to the end of the process (p50 of 5)',
      afterSignal.length > 0 ? `${ms(median(afterSignal))}: ${stopped} stopped by it, ${finished} read on to the end and exited 0` : 'it had always ended before the signal',
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  const anchorMs = measureNodeStart()
  const report = (name: string, value: string) => process.stdout.write(`${name.padEnd(72)} ${value}\n`)
  report('anchor: node -e 0 (p50 of 5)', `${anchorMs.toFixed(1)} ms`)
  void benchClickDuringImport(report, anchorMs)
    .then(() => benchCliSignal(report, anchorMs))
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
      process.exitCode = 1
    })
}
