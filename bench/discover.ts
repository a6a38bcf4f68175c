/**
 * Discovery on a large mbox (issue 14): an mbox of the given size is generated on the fly into a
 * temp file (senders the catalog knows, with subdomains, unknown senders, freemail senders, long
 * bodies with a few very long lines), then read by `discover:scan` in a child process of its own,
 * so that its peak RSS is the scan's alone (with the built-in catalog loaded); the file is
 * deleted after. Prints throughput and peak RSS beside the child's RSS before the scan.
 *
 *   npx tsx bench/discover.ts [size in MB, default 1024]
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { peakRss } from './peak-rss'

const repoRoot = path.resolve(__dirname, '..')

const senders = [
  'Spotify <no-reply@mail.spotify.com>',
  'Netflix <info@members.netflix.com>',
  'Amazon.de <versand@amazon.de>',
  'FS.COM <sales@us.fs.com>',
  'Google <no-reply@accounts.google.com>',
  'Shop <orders@tiny-unknown-shop.example>',
  'Alex <alex@gmail.com>',
  'News <news@unknown-newsletter.example>',
]

/** Writes an mbox of about `bytes` bytes; resolves to the number of messages. */
async function writeMbox(file: string, bytes: number): Promise<number> {
  const out = fs.createWriteStream(file)
  const paragraph = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12)}\n`
  const body = paragraph.repeat(6)
  const longLine = `${'x'.repeat(40_000)}\n`
  let written = 0
  let messages = 0
  while (written < bytes) {
    const parts: string[] = []
    for (let i = 0; i < 200; i += 1) {
      const n = messages + i
      const day = 1 + (n % 28)
      parts.push(
        `From MAILER-DAEMON Thu Jan  1 12:00:00 2026\nFrom: ${senders[n % senders.length]}\nTo: me@example.org\nDate: Mon, ${day} Feb 2026 10:00:00 +0000\nSubject: Message ${n}\nMessage-ID: <${n}@bench.example>\n\n${body}${n % 50 === 0 ? longLine : ''}>From the body, escaped\n\n`,
      )
    }
    const chunk = parts.join('')
    messages += 200
    written += Buffer.byteLength(chunk)
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  return messages
}

/** In the child: opens a core, scans the file, prints JSON with its figures. */
async function child(file: string): Promise<void> {
  const { createApi } = await import('../electron/core/api/create-api')
  const { createNodePorts, noFileSink, listPicker } = await import('../electron/adapters/node/node-ports')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-discover-data-'))
  try {
    const api = createApi(createNodePorts({ dataDir, resourcesRoot: repoRoot, appVersion: 'bench', files: noFileSink, picker: listPicker(() => [file]) }))
    // The catalog is opened on first use: open it before measuring.
    await api.call('catalog:search', { query: 'spotify', limit: 1 })
    const rssBefore = process.memoryUsage().rss
    const start = performance.now()
    const result = await api.call('discover:scan', { kind: 'file' })
    const ms = performance.now() - start
    if (!result.ok || !result.data) throw new Error(result.ok ? 'nothing read' : result.error.message)
    const d = result.data
    process.stdout.write(
      JSON.stringify({ ms, bytes: d.bytes, messages: d.messages, companies: d.companies.length, matched: d.matched, unknown: d.unknown, freemail: d.freemail, rssBefore, maxRss: peakRss() }),
    )
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(0)} MB`

/** Generates, scans in a child process, reports, deletes. */
export async function benchDiscover(report: (name: string, value: string) => void, sizesMb: ReadonlyArray<number> = [256, 1024]): Promise<void> {
  for (const size of sizesMb) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-mbox-'))
    const file = path.join(dir, 'inbox.mbox')
    try {
      const genStart = performance.now()
      const messages = await writeMbox(file, size * 1024 * 1024)
      const genMs = performance.now() - genStart
      const output = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--child', file], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1024 * 1024 })
      const r = JSON.parse(output) as { ms: number; bytes: number; messages: number; companies: number; matched: number; unknown: number; freemail: number; rssBefore: number; maxRss: number }
      if (r.messages !== messages) throw new Error(`read ${r.messages} messages of ${messages}`)
      report(
        `discover: ${mb(r.bytes)} mbox, ${r.messages.toLocaleString('en')} messages (generated in ${(genMs / 1000).toFixed(1)} s)`,
        `${(r.ms / 1000).toFixed(1)} s, ${(r.bytes / (1024 * 1024) / (r.ms / 1000)).toFixed(0)} MB/s; peak RSS ${mb(r.maxRss)} (${mb(r.rssBefore)} before the scan, catalog loaded); ${r.companies} companies, ${r.unknown.toLocaleString('en')} unknown and ${r.freemail.toLocaleString('en')} freemail messages not listed`,
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}

if (process.argv[2] === '--child') {
  void child(process.argv[3]!)
} else if (require.main === module) {
  const size = Number(process.argv[2] ?? 1024)
  void benchDiscover((name, value) => process.stdout.write(`${name.padEnd(60)} ${value}\n`), [size])
}
