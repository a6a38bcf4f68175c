/**
 * Discovery over IMAP (issue 14): a mailbox of N messages (default 20,000, about 6 KB each, in
 * INBOX and an Archive folder) on Debian's dovecot on loopback, read by `discover:scan` with
 * `folders: 'all'` in a child process of its own (so its peak RSS is the scan's, with the built-in
 * catalog loaded). Beside it, in the same run, the floor: a bare imapflow client fetching the same
 * two header lines of every message and doing nothing with them. Prints messages per second, the
 * bytes that came down the wire per message, and peak RSS. Skips, saying why, where dovecot cannot
 * run (it needs dovecot-imapd and root).
 *
 *   npx tsx bench/discover-imap.ts [messages, default 20000]
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { dovecotMissing, startDovecot } from '../test/helpers/dovecot'
import { peakRss } from './peak-rss'

const repoRoot = path.resolve(__dirname, '..')
const user = 'bench@example.test'
const password = 'bench'

const senders = [
  'Spotify <no-reply@mail.spotify.com>',
  'Netflix <info@members.netflix.com>',
  'Amazon.de <versand@amazon.de>',
  'Zalando <info@zalando.de>',
  'Shop <orders@tiny-unknown-shop.example>',
  'Alex <alex@gmail.com>',
  'News <news@unknown-newsletter.example>',
]
const body = `${'A line of a newsletter body that discovery never downloads. '.repeat(20)}\r\n`.repeat(5)

/** Writes `count` messages straight into the Maildir folders (one chown at the end). */
function fill(maildir: (user: string, folder?: string) => string, count: number): void {
  for (const folder of ['INBOX', 'Archive']) for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(maildir(user, folder), sub), { recursive: true })
  for (let i = 0; i < count; i += 1) {
    const folder = i % 3 === 0 ? 'Archive' : 'INBOX'
    const day = 1 + (i % 28)
    const text = `From: ${senders[i % senders.length]}\r\nDate: ${day} Mar 2026 10:00:00 +0000\r\nSubject: Message ${i}\r\nMessage-ID: <m${i}@bench>\r\n\r\n${body}`
    fs.writeFileSync(path.join(maildir(user, folder), 'new', `${1_700_000_000 + i}.M${i}.bench`), text)
  }
}

type ChildResult = { ms: number; messages: number; companies: number; maxRss: number; rssBefore: number }

/** In the child: the core's discovery with all folders, timed. */
async function child(port: number): Promise<void> {
  const { startCore, expectOk } = await import('../test/helpers/ports')
  const host = startCore()
  expectOk(await host.api.call('replies:saveImap', { settings: { host: '127.0.0.1', port, security: 'none', user, useSmtpLogin: false, mailbox: 'INBOX', trustedCertificate: null }, password }))
  const rssBefore = process.memoryUsage().rss
  const start = performance.now()
  const data = expectOk(await host.api.call('discover:scan', { kind: 'imap', folders: 'all' }))!
  const ms = performance.now() - start
  const result: ChildResult = { ms, messages: data.messages, companies: data.companies.length, maxRss: peakRss(), rssBefore }
  process.stdout.write(JSON.stringify(result))
}

/** The floor: the same FETCH by a bare client, counting bytes. */
async function floor(port: number): Promise<{ ms: number; messages: number; bytes: number }> {
  const { ImapFlow } = await import('imapflow')
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user, pass: password }, logger: false })
  client.on('error', () => undefined)
  const start = performance.now()
  await client.connect()
  let messages = 0
  let bytes = 0
  for (const folder of ['INBOX', 'Archive']) {
    await client.mailboxOpen(folder, { readOnly: true })
    for await (const message of client.fetch('1:*', { headers: ['from', 'date'], internalDate: true })) {
      messages += 1
      bytes += message.headers?.length ?? 0
    }
  }
  await client.logout()
  return { ms: performance.now() - start, messages, bytes }
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MB`

export async function benchDiscoverImap(report: (name: string, value: string) => void, count = 20_000): Promise<void> {
  const missing = dovecotMissing()
  if (missing) {
    report('discover over IMAP', `skipped: ${missing}`)
    return
  }
  const imap = await startDovecot({ [user]: password })
  if (!imap) return
  try {
    fill(imap.maildir, count)
    execFileSync('chown', ['-R', 'vmail:vmail', path.join(imap.dir, 'mail')])
    // dovecot indexes a new Maildir on first open: one bare pass warms it for both rows.
    await floor(imap.port)
    const bare = await floor(imap.port)
    const output = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--child', String(imap.port)], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1024 * 1024 })
    const r = JSON.parse(output) as ChildResult
    if (r.messages !== count || bare.messages !== count) throw new Error(`read ${r.messages} (core) and ${bare.messages} (bare) of ${count} messages`)
    report(
      `discover over IMAP: ${count.toLocaleString('en')} messages in 2 folders`,
      `${(r.ms / 1000).toFixed(2)} s, ${Math.round(count / (r.ms / 1000)).toLocaleString('en')} messages/s; peak RSS ${mb(r.maxRss)} (${mb(r.rssBefore)} before, catalog loaded); ${r.companies} companies`,
    )
    report(
      '  anchor: a bare imapflow FETCH of the same two header lines',
      `${(bare.ms / 1000).toFixed(2)} s, ${Math.round(count / (bare.ms / 1000)).toLocaleString('en')} messages/s; ${Math.round(bare.bytes / count)} header bytes per message of ${Math.round(Buffer.byteLength(body) / 1024)} KB bodies`,
    )
  } finally {
    await imap.stop()
  }
}

if (process.argv[2] === '--child') {
  void child(Number(process.argv[3]))
} else if (require.main === module) {
  void benchDiscoverImap((name, value) => process.stdout.write(`${name.padEnd(60)} ${value}\n`), Number(process.argv[2] ?? 20_000))
}
