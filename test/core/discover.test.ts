/**
 * Discovery on synthetic mailboxes: exactly the catalog's companies among the senders (subdomains
 * too), never an unknown sender, never a freemail one; the header scanner's edge cases (folded
 * headers, CRLF, overlong lines, "From " inside a body, a missing Date); progress and Cancel.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { createHeaderScanner, dayOf, maxLineBytes, senderDomain, type MessageHeaders } from '../../electron/core/discover/header-scan'
import { createSenderMatcher } from '../../electron/core/discover/sender-match'
import { isFreemail } from '../../electron/core/discover/freemail'
import { repoRoot, startCore, tempDir } from '../helpers/ports'
import { renderMessage } from '../../electron/core/messages/render'

type Mail = { from: string; date?: string; body?: string; subject?: string }

function mboxOf(mails: ReadonlyArray<Mail>, eol = '\n'): string {
  return mails
    .map((m, i) =>
      [
        `From MAILER-DAEMON Thu Jan  1 12:00:0${i % 10} 2026`,
        `From: ${m.from}`,
        ...(m.date ? [`Date: ${m.date}`] : []),
        `Subject: ${m.subject ?? `Message ${i}`}`,
        '',
        m.body ?? 'Hello.',
        '',
      ].join(eol),
    )
    .join(eol)
}

const known: Mail[] = [
  { from: 'Spotify <no-reply@mail.spotify.com>', date: 'Tue, 03 Mar 2026 10:00:00 +0000' },
  { from: '"Spotify, the app" <news@email.spotify.com>', date: 'Mon, 05 Jan 2026 08:00:00 +0100' },
  { from: 'privacy@spotify.com', date: 'Wed, 15 Apr 2026 12:00:00 -0700' },
  { from: 'Netflix <info@members.netflix.com>', date: 'Fri, 02 Jan 2026 09:00:00 +0000' },
  { from: 'Amazon.de <versandbestaetigung@amazon.de>', date: 'Sat, 10 Jan 2026 09:00:00 +0100' },
  { from: 'FS <sales@us.fs.com> (FS.COM sales)', date: 'Sun, 11 Jan 2026 09:00:00 +0800' },
]
const unknown: Mail[] = [
  { from: 'Shop <orders@tiny-unknown-shop.example>', date: 'Tue, 03 Mar 2026 10:00:00 +0000' },
  { from: 'News <news@spotify.com.evil.example>', date: 'Tue, 03 Mar 2026 10:00:00 +0000' },
  { from: 'Fake <x@notspotify.com>', date: 'Tue, 03 Mar 2026 10:00:00 +0000' },
  { from: 'Someone <someone@co.uk>', date: 'Tue, 03 Mar 2026 10:00:00 +0000' },
]
const freemail: Mail[] = [
  { from: 'Alex Friend <alex.friend@gmail.com>', date: 'Tue, 03 Mar 2026 10:00:00 +0000' },
  { from: 'Mum <mum@web.de>', date: 'Tue, 03 Mar 2026 10:00:00 +0000' },
  { from: 'Kim <kim@mail.yahoo.co.jp>', date: 'Tue, 03 Mar 2026 10:00:00 +0000' },
]

function scanText(text: string, mode: 'mbox' | 'eml' = 'mbox', chunk = 7): MessageHeaders[] {
  const found: MessageHeaders[] = []
  const scanner = createHeaderScanner(mode, (h) => found.push(h))
  const bytes = Buffer.from(text, 'utf8')
  for (let i = 0; i < bytes.length && !scanner.done; i += chunk) scanner.push(bytes.subarray(i, i + chunk))
  scanner.end()
  return found
}

describe('header scanner', () => {
  it('reads From and Date of each message of an mbox, in any chunking, LF or CRLF', () => {
    const text = mboxOf([...known, ...unknown])
    for (const chunk of [1, 3, 7, 64, 100_000]) {
      const found = scanText(text, 'mbox', chunk)
      expect(found.map((h) => h.from)).toEqual([...known, ...unknown].map((m) => m.from))
      expect(found.map((h) => h.date)).toEqual([...known, ...unknown].map((m) => m.date))
    }
    expect(scanText(mboxOf(known, '\r\n'), 'mbox', 5).map((h) => h.from)).toEqual(known.map((m) => m.from))
  })

  it('unfolds a folded From, ignores "From " and From: lines in a body, and keeps the envelope date when Date is missing', () => {
    const text = [
      'From a@b Thu Jan  1 00:00:00 2026',
      'From: "A very long display name that',
      '  goes on" <hello@mail.spotify.com>',
      'Subject: x',
      '',
      'From: evil@tiny-unknown-shop.example',
      '>From the body, escaped',
      'From inside a paragraph, not after an empty line',
      '',
      'From b@c Fri Feb 13 10:00:00 2026',
      'From: Netflix <info@netflix.com>',
      '',
      'body',
    ].join('\n')
    const found = scanText(text)
    expect(found).toHaveLength(2)
    expect(senderDomain(found[0]!.from!)).toBe('mail.spotify.com')
    expect(found[1]!.date).toBeNull()
    expect(dayOf(found[1]!.envelopeDate)).toBe('2026-02-13')
  })

  it('cuts an overlong line at the cap and goes on with the next message', () => {
    const long = 'x'.repeat(maxLineBytes * 5)
    const text = mboxOf([{ from: 'Spotify <a@spotify.com>', date: 'Tue, 03 Mar 2026 10:00:00 +0000', body: long }, { from: 'Netflix <b@netflix.com>' }])
    const found = scanText(text, 'mbox', 1000)
    expect(found.map((h) => senderDomain(h.from ?? ''))).toEqual(['spotify.com', 'netflix.com'])
    // A header line of megabytes is cut too: the value kept is bounded.
    const huge = scanText(`From x Thu Jan  1 00:00:00 2026\nFrom: ${'y'.repeat(1_000_000)}@spotify.com\n\nbody\n`, 'mbox', 4096)
    expect(huge).toHaveLength(1)
    expect(huge[0]!.from!.length).toBeLessThanOrEqual(maxLineBytes)
  })

  it('reads only the header block of an .eml and then says it is done', () => {
    const found = scanText('From: Spotify <a@spotify.com>\r\nDate: Tue, 03 Mar 2026 10:00:00 +0000\r\n\r\nFrom: not@netflix.com\r\n', 'eml', 3)
    expect(found).toHaveLength(1)
    expect(senderDomain(found[0]!.from!)).toBe('spotify.com')
  })

  it('takes the address in angle brackets, else the first word with an @, and refuses what is no domain', () => {
    expect(senderDomain('=?utf-8?q?Spotify?= <No-Reply@Mail.Spotify.COM>')).toBe('mail.spotify.com')
    expect(senderDomain('info@netflix.com (Netflix)')).toBe('netflix.com')
    expect(senderDomain('Nobody')).toBeNull()
    expect(senderDomain('<@>')).toBeNull()
    expect(senderDomain('x <a@localhost>')).toBeNull()
    expect(senderDomain('x <a@exa mple.com>')).toBeNull()
  })
})

describe('sender matching', () => {
  const matcher = createSenderMatcher([
    { id: 'spotify', name: 'Spotify AB', domains: ['spotify.com'] },
    { id: 'constructor', name: 'Constructor', domains: ['constructor.io'] },
    { id: 'bad', name: 'Claims a suffix', domains: ['co.uk'] },
  ])
  it('matches subdomains to the nearest catalog domain and nothing else', () => {
    expect(matcher.match('mail.spotify.com')).toMatchObject({ id: 'spotify', domain: 'spotify.com' })
    expect(matcher.match('spotify.com')).toMatchObject({ id: 'spotify' })
    expect(matcher.match('notspotify.com')).toBeNull()
    expect(matcher.match('spotify.com.evil.example')).toBeNull()
    expect(matcher.match('shop.co.uk')).toBeNull()
    expect(matcher.match('constructor.io')).toMatchObject({ id: 'constructor' })
    expect(matcher.match('__proto__.com')).toBeNull()
  })
  it('skips freemail senders, subdomains included', () => {
    expect(matcher.match('gmail.com')).toBe('freemail')
    expect(isFreemail('mail.yahoo.co.jp')).toBe(true)
    expect(isFreemail('spotify.com')).toBe(false)
  })
})

describe('discover:scan and rightful discover', () => {
  const mails = [...known, ...unknown, ...freemail, { from: 'Spotify <x@spotify.com>' }, { from: 'no address at all' }]

  it('finds exactly the known companies, with counts and first/last day, and reports no unknown sender', async () => {
    const dir = tempDir()
    const mbox = path.join(dir, 'inbox.mbox')
    fs.writeFileSync(mbox, mboxOf(mails))
    const host = startCore()
    host.picked.push(mbox)
    const result = await host.api.call('discover:scan', { kind: 'file', operation: 'op-discover-1' })
    if (!result.ok) throw new Error(result.error.message)
    const data = result.data!
    expect(data.companies.map((c) => c.company).sort()).toEqual(['amazon-de', 'fs-com', 'netflix', 'spotify'])
    const spotify = data.companies.find((c) => c.company === 'spotify')!
    expect(spotify).toMatchObject({ name: 'Spotify AB', domain: 'spotify.com', messages: 4, first: '2026-01-01', last: '2026-04-15' })
    expect(spotify.senderDomains).toEqual(['email.spotify.com', 'mail.spotify.com', 'spotify.com'])
    expect(data.companies[0]!.company).toBe('spotify')
    expect({ messages: data.messages, matched: data.matched, unknown: data.unknown, freemail: data.freemail, unreadable: data.unreadable }).toEqual({
      messages: mails.length,
      matched: 7,
      unknown: 4,
      freemail: 3,
      unreadable: 1,
    })
    // No unknown or freemail domain appears anywhere in what is returned.
    const text = JSON.stringify(data)
    for (const needle of ['tiny-unknown-shop', 'evil.example', 'notspotify', 'gmail', 'web.de', 'yahoo']) expect(text).not.toContain(needle)
    expect(host.progress.some((p) => p.channel === 'discover:scan' && p.stage === 'reading')).toBe(true)
  })

  it('reads a folder of .eml files the same way', async () => {
    const dir = tempDir()
    const folder = path.join(dir, 'mails')
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true })
    mails.forEach((m, i) => {
      const file = path.join(folder, i % 2 ? 'sub' : '', `m${i}.eml`)
      fs.writeFileSync(file, `From: ${m.from}\r\n${m.date ? `Date: ${m.date}\r\n` : ''}Subject: x\r\n\r\nFrom: ignored@netflix.com\r\n`)
    })
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'From: x@amazon.de\n\n')
    const host = startCore()
    host.picked.push(folder)
    const result = await host.api.call('discover:scan', { kind: 'folder' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.data!.kind).toBe('folder')
    expect(result.data!.companies.map((c) => [c.company, c.messages])).toEqual([
      ['spotify', 4],
      ['amazon-de', 1],
      ['fs-com', 1],
      ['netflix', 1],
    ])
  })

  it('reports its progress in the user\'s language, in the window and on the command line', async () => {
    const dir = tempDir()
    const folder = path.join(dir, 'mails')
    fs.mkdirSync(folder, { recursive: true })
    known.forEach((m, i) => fs.writeFileSync(path.join(folder, `m${i}.eml`), `From: ${m.from}\r\nDate: ${m.date}\r\nSubject: x\r\n\r\nHello.\r\n`))
    // The core: every report carries its words as a message beside the English.
    const host = startCore()
    host.picked.push(folder)
    expect((await host.api.call('discover:scan', { kind: 'folder', operation: 'op-discover-words' })).ok).toBe(true)
    const reports = host.progress.filter((p) => p.channel === 'discover:scan')
    expect(reports.length).toBeGreaterThan(2)
    for (const report of reports) expect(renderMessage(report.detail!, 'en').replace(/…$/, '').replace(/\.$/, '')).toBe(report.message.replace(/…$/, ''))
    // The command line: the same reports, in German.
    const seen: string[] = []
    let stdout = ''
    const code = await runCli(
      ['discover', folder, '--ui-lang', 'de', '--json'],
      { stdout: (t) => (stdout += t), stderr: () => {}, env: { RIGHTFUL_DATA_DIR: tempDir() }, cwd: dir, progress: (p) => seen.push(p.message) },
      { resourcesRoot: repoRoot },
    )
    expect(code, stdout).toBe(0)
    expect(seen).toContain('Suche nach .eml-Dateien …')
    expect(seen).toContain(`Nachricht 1 von ${known.length} wird gelesen …`)
    expect(seen.at(-1)).toBe(`4 Unternehmen in ${known.length} Nachrichten gefunden.`)
    expect(seen.join('\n')).not.toMatch(/Reading|Looking|Found/)
  })

  it('answers null when the picker was cancelled, NOT_FOUND for a path that is not there', async () => {
    const host = startCore()
    const none = await host.api.call('discover:scan', { kind: 'file' })
    expect(none).toEqual({ ok: true, data: null })
    host.picked.push(path.join(tempDir(), 'missing.mbox'))
    const missing = await host.api.call('discover:scan', { kind: 'file' })
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND')
  })

  it('stops with CANCELLED when cancelled half-way', async () => {
    const dir = tempDir()
    const mbox = path.join(dir, 'big.mbox')
    const many = Array.from({ length: 40_000 }, (_, i) => known[i % known.length]!)
    fs.writeFileSync(mbox, mboxOf(many))
    let release: () => void = () => {}
    const reached = new Promise<void>((resolve) => (release = resolve))
    const host = startCore({
      hold: {
        at: async (point) => {
          if (point.stage === 'reading') release()
          await new Promise((r) => setTimeout(r, 5))
        },
      },
    })
    host.picked.push(mbox)
    const running = host.api.call('discover:scan', { kind: 'file', operation: 'op-discover-cancel' })
    await reached
    expect((await host.api.call('operations:cancel', { operation: 'op-discover-cancel' })).ok).toBe(true)
    const result = await running
    expect(result.ok ? 'finished' : result.error.code).toBe('CANCELLED')
  })

  it('rightful discover <mbox> --json prints [{company, name, domain, messages, first, last}]', async () => {
    const dir = tempDir()
    const mbox = path.join(dir, 'inbox.mbox')
    fs.writeFileSync(mbox, mboxOf(mails))
    let stdout = ''
    let stderr = ''
    const code = await runCli(['discover', mbox, '--json'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dir }, cwd: dir }, { resourcesRoot: repoRoot })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const json = JSON.parse(stdout) as Array<Record<string, unknown>>
    expect(json[0]).toEqual({ company: 'spotify', name: 'Spotify AB', domain: 'spotify.com', messages: 4, first: '2026-01-01', last: '2026-04-15' })
    expect(json.map((c) => c.company).sort()).toEqual(['amazon-de', 'fs-com', 'netflix', 'spotify'])
    const missing = await runCli(['discover', path.join(dir, 'nope.mbox')], { stdout: () => {}, stderr: () => {}, env: { RIGHTFUL_DATA_DIR: dir }, cwd: dir }, { resourcesRoot: repoRoot })
    expect(missing).toBe(2)
  })
})
