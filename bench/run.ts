/**
 * `npm run bench`: figures for the hot paths of the walking skeleton, printed as a table.
 * - request store: create, append an event (mark sent), list, cold open with and without index,
 *   at 1,000 and 10,000 stored requests;
 * - GDPR deadline computation, cold (holiday table built) and warm;
 * - PDF letter rendering, first and warm.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fontsFrom } from '../electron/adapters/node/resources'
import { computeDeadline } from '../electron/core/deadlines/engine'
import { laws } from '../electron/core/requests/model'
import { renderLetterPdf } from '../electron/core/letters/pdf-letter'
import { createNoticeBoard } from '../electron/core/notices'
import type { RequestRecordInput } from '../electron/core/requests/model'
import { openRequestRepository } from '../electron/core/requests/repository'
import { createApi } from '../electron/core/api/create-api'
import { createNodePorts } from '../electron/adapters/node/node-ports'

const repoRoot = path.resolve(__dirname, '..')
const rows: Array<[string, string]> = []
const report = (name: string, value: string) => {
  rows.push([name, value])
  process.stdout.write(`${name.padEnd(58)} ${value}\n`)
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 1)} ms`

function time<T>(run: () => T): [T, number] {
  const start = performance.now()
  const value = run()
  return [value, performance.now() - start]
}

const now = () => new Date('2026-01-31T10:00:00Z')

function record(reference: string): RequestRecordInput {
  const stamp = now().toISOString()
  return {
    schemaVersion: 1,
    reference,
    createdAt: stamp,
    updatedAt: stamp,
    company: { id: 'fs-com', name: 'FS.COM', jurisdiction: 'US-DE' },
    type: 'access',
    law: 'gdpr',
    lang: 'en',
    draft: {
      to: 'legal@fs.com',
      recipientAddress: { recipient: 'FS.COM INC', lines: ['380 Centerpoint Blvd', 'New Castle, DE 19720'], country: 'US' },
      sender: { name: 'Alex Example', email: 'alex@example.org', address: ['Musterstraße 12', '10115 Berlin'], country: 'DE' },
      subject: `Data protection query: access request, Art. 15 GDPR – ${reference}`,
      body: 'Dear Sir or Madam,\n\n'.padEnd(2400, 'x'),
    },
    sent: null,
    events: [{ id: 'ev-1', kind: 'created', on: '2026-01-31', recordedAt: stamp }],
  }
}

function benchStore(count: number): void {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-'))
  const open = () => openRequestRepository({ dataDir, notices: createNoticeBoard(now), now })
  const repo = open()
  for (let i = 0; i < count; i += 1) repo.create(2026, record)

  const creates: number[] = []
  const appends: number[] = []
  for (let i = 0; i < 50; i += 1) {
    const [created, createMs] = time(() => repo.create(2026, record))
    creates.push(createMs)
    const [, appendMs] = time(() =>
      repo.save({
        ...created,
        sent: { on: '2026-01-31', channel: 'email', to: created.draft.to, recipientAddress: null, sender: created.draft.sender, subject: created.draft.subject, body: created.draft.body, bodySha256: '0'.repeat(64) },
        events: [...created.events, { id: 'ev-2', kind: 'sent', on: '2026-01-31', recordedAt: now().toISOString(), channel: 'email' }],
      }),
    )
    appends.push(appendMs)
  }
  const lists: number[] = []
  for (let i = 0; i < 10; i += 1) lists.push(time(() => repo.list())[1])
  const [, coldWithIndex] = time(() => open().list())
  fs.rmSync(path.join(dataDir, 'requests', 'index.json'))
  const [, coldRebuild] = time(() => open().list())

  const n = count.toLocaleString('en')
  report(`store @ ${n}: create one request (p50 / p95)`, `${ms(percentile(creates, 50))} / ${ms(percentile(creates, 95))}`)
  report(`store @ ${n}: mark one sent = append an event (p50 / p95)`, `${ms(percentile(appends, 50))} / ${ms(percentile(appends, 95))}`)
  report(`store @ ${n}: list all, warm (p50)`, ms(percentile(lists, 50)))
  report(`store @ ${n}: open and list, cold, with index`, ms(coldWithIndex))
  report(`store @ ${n}: open and list, index lost (rebuild)`, ms(coldRebuild))
  fs.rmSync(dataDir, { recursive: true, force: true })
}

function benchDeadlines(): void {
  const jurisdictions = ['DE', 'DE-BY', 'US-DE', 'US-CA', 'CN', 'HK', 'GB', 'FR', 'CH-ZH', 'BR', 'CA-ON', 'JP', 'AU-NSW']
  const inputs = Array.from({ length: 10_000 }, (_, i) => ({
    law: laws[i % laws.length]!,
    type: 'access' as const,
    jurisdiction: jurisdictions[i % jurisdictions.length]!,
    receipt: { kind: 'email' as const, on: new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 1100) * 86_400_000).toISOString().slice(0, 10), at: null },
  }))
  const [, cold] = time(() => inputs.forEach((input) => computeDeadline(input, undefined, { explain: false })))
  const warm: number[] = []
  for (let run = 0; run < 5; run += 1) warm.push(time(() => inputs.forEach((input) => computeDeadline(input, undefined, { explain: false })))[1])
  const explained: number[] = []
  for (const input of inputs.slice(0, 2000)) explained.push(time(() => computeDeadline(input))[1])
  report('deadlines of 10,000 requests, 13 laws, distinct dates: first run', ms(cold))
  report('deadlines of 10,000 requests: warm (p50 of 5 runs)', ms(percentile(warm, 50)))
  report('one deadline with its explanation (p50 / p95)', `${ms(percentile(explained, 50))} / ${ms(percentile(explained, 95))}`)
}

async function benchLetters(): Promise<void> {
  const fonts = fontsFrom(repoRoot)
  const input = {
    sender: { name: 'Alex Example', email: 'alex@example.org', address: ['Musterstraße 12', '10115 Berlin', 'Germany'] },
    recipient: { recipient: 'FS.COM INC', lines: ['380 Centerpoint Blvd', 'New Castle, DE 19720'], countryName: 'United States' },
    date: '31 January 2026',
    reference: 'RF-2026-0001',
    subject: 'Data protection request: erasure, Art. 17 GDPR – RF-2026-0001',
    body: 'Dear Sir or Madam,\n\nI ask FS.COM to erase all personal data concerning me without undue delay, under Article 17 GDPR.\n\nPlease confirm in writing once my data have been erased.\n\nYours faithfully,\n\nAlex Example',
    metadata: { title: 'Erasure request', author: 'Alex Example', subject: 'RF-2026-0001', createdAt: now() },
  }
  const first = performance.now()
  await renderLetterPdf(input, fonts)
  const firstMs = performance.now() - first
  const samples: number[] = []
  for (let i = 0; i < 30; i += 1) {
    const start = performance.now()
    await renderLetterPdf(input, fonts)
    samples.push(performance.now() - start)
  }
  report('PDF letter, one page: first (fonts read and parsed)', ms(firstMs))
  report('PDF letter, one page: warm (p50 / p95, 30 letters)', `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`)
}

/** A data folder with 10,000 requests over 13 laws and many jurisdictions, 9 in 10 of them sent. */
function seedTenThousand(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-list-'))
  const repo = openRequestRepository({ dataDir, notices: createNoticeBoard(now), now })
  const jurisdictions = ['DE', 'US-DE', 'CN', 'HK', 'GB', 'FR', 'CH-ZH', 'BR', 'CA-ON', 'JP', 'AU-NSW']
  for (let i = 0; i < 10_000; i += 1) {
    repo.create(2026, (reference) => {
      const base = record(reference)
      const on = new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 1000) * 86_400_000).toISOString().slice(0, 10)
      const sent = i % 10 !== 0
      return {
        ...base,
        law: laws[i % laws.length]!,
        company: { ...base.company, jurisdiction: jurisdictions[i % jurisdictions.length]! },
        sent: sent ? { on, channel: 'email', to: 'legal@fs.com', recipientAddress: null, sender: base.draft.sender, subject: base.draft.subject, body: base.draft.body, bodySha256: '0'.repeat(64) } : null,
        events: sent ? [...base.events, { id: 'ev-2', kind: 'sent', on, recordedAt: now().toISOString(), channel: 'email' }] : base.events,
      }
    })
  }
  return dataDir
}

/** requests:list through the real API: every request's facts, deadline and status, at 10,000. */
async function benchDashboardData(dataDir: string): Promise<void> {
  const ports = createNodePorts({ dataDir, resourcesRoot: repoRoot, appVersion: 'bench', files: { save: async () => null }, clock: { now } })
  const [api, openMs] = time(() => createApi(ports))
  const [first, firstMs] = await timeAsync(() => api.call('requests:list', {}))
  const warm: number[] = []
  for (let run = 0; run < 5; run += 1) warm.push((await timeAsync(() => api.call('requests:list', {})))[1])
  if (!first.ok || first.data.length !== 10_000) throw new Error('requests:list did not list 10,000 requests')
  report('open the core on 10,000 requests', ms(openMs))
  report('requests:list at 10,000 (status + deadline each): first', ms(firstMs))
  report('requests:list at 10,000: warm (p50 of 5)', ms(percentile(warm, 50)))
}

/** The dashboard with 10,000 requests, in the browser harness: time until the first rows are painted. */
async function benchDashboardPaint(dataDir: string): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  const rendererBuilt = fs.existsSync(path.join(repoRoot, '.vite', 'renderer', 'main_window', 'index.html'))
  if (!fs.existsSync(chromium) || !rendererBuilt) {
    report('dashboard with 10,000 requests in the harness', `skipped: ${!rendererBuilt ? 'renderer not built (npm run build)' : `no Chromium at ${chromium}`}`)
    return
  }
  const { startHarness } = await import('../test/harness/server')
  const { chromium: playwright } = await import('playwright-core')
  const harness = await startHarness({ dataDir, clock: { now } })
  const browser = await playwright.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const samples: number[] = []
    const paints: number[] = []
    for (let run = 0; run < 3; run += 1) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
      const start = performance.now()
      await page.goto(harness.url)
      await page.locator('[role="row"][data-reference]').first().waitFor()
      samples.push(performance.now() - start)
      const rows = await page.locator('[role="row"][data-reference]').count()
      const paint = await page.evaluate(() => globalThis.performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)
      if (paint !== null) paints.push(paint)
      if (run === 0) report('dashboard with 10,000 requests: rows in the page (windowed)', String(rows))
      await page.close()
    }
    report('dashboard with 10,000 requests: navigation to first rows (p50 of 3)', ms(percentile(samples, 50)))
    if (paints.length) report('dashboard with 10,000 requests: first contentful paint (p50)', ms(percentile(paints, 50)))
  } finally {
    await browser.close()
    await harness.close()
  }
}

async function timeAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await run()
  return [value, performance.now() - start]
}

async function main(): Promise<void> {
  process.stdout.write(`Rightful benchmarks on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n\n`)
  benchStore(1_000)
  benchStore(10_000)
  benchDeadlines()
  const dataDir = seedTenThousand()
  await benchDashboardData(dataDir)
  await benchDashboardPaint(dataDir)
  fs.rmSync(dataDir, { recursive: true, force: true })
  await benchLetters()
}

void main()
