// @module-tag server
/**
 * Discovery in the IMAP account saved for replies, against Debian's dovecot on loopback (started
 * by the test; skipped with a printed reason where it is not installed). Between Rightful and the
 * server sits a counting relay: it records every command Rightful sends and every byte it
 * receives, so the test sees that only the From and Date lines were asked for and that the
 * messages' bodies never came down the wire. Progress, Cancel, and the errors for an account that
 * is not set up or refuses the password.
 */
import fs from 'node:fs'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { foldersToScan, maxScannedFolders } from '../../electron/core/discover/imap-senders'
import { inboxFlags, startDovecot, type TestDovecot } from '../helpers/dovecot'
import { expectOk, repoRoot, startCore, tempDir } from '../helpers/ports'

const user = 'alice@example.test'
const pass = 'secret'
const cancelUser = 'carol@example.test'
const cliUser = 'dave@example.test'
const foldersUser = 'erin@example.test'
let imap: TestDovecot | null = null

beforeAll(async () => {
  imap = await startDovecot({ [user]: pass, [cancelUser]: 'pw', [cliUser]: 'pw2', [foldersUser]: 'pw3' })
})
afterAll(async () => {
  await imap?.stop()
})

/** A relay on loopback in front of dovecot that records what the client sends and counts what it receives. */
async function countingRelay(target: number) {
  const sent: Buffer[] = []
  let received = 0
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1')
    sockets.add(client).add(upstream)
    client.on('data', (chunk: Buffer) => {
      sent.push(Buffer.from(chunk))
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      received += chunk.length
      client.write(chunk)
    })
    const close = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('close', close).on('error', close)
    upstream.on('close', close).on('error', close)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    commands: () => Buffer.concat(sent).toString('latin1'),
    received: () => received,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

const filler = `${'Lorem ipsum dolor sit amet, the body Rightful must never download. '.repeat(60)}\r\n`.repeat(25) // about 100 KB

function eml(from: string, date: string | null, subject: string): Buffer {
  return Buffer.from([`From: ${from}`, ...(date ? [`Date: ${date}`] : []), `Subject: ${subject}`, 'To: alice@example.test', 'Message-ID: <m-' + subject.replace(/\W/g, '') + '@x>', '', filler].join('\r\n'))
}

/** The CLI run in this process with `dir` as its data folder. */
async function cli(args: string[], env: Record<string, string>, dir: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dir, ...env }, cwd: dir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}

const settingsFor = (port: number, login = user) => ({ host: '127.0.0.1', port, security: 'none' as const, user: login, useSmtpLogin: false, mailbox: 'INBOX', trustedCertificate: null })

describe('discover:scan in the IMAP account', () => {
  it('finds exactly the known companies from the From and Date lines only, downloads no body and marks nothing read', async (context) => {
    if (!imap) return context.skip()
    const mails: Array<[string, string | null]> = [
      ['Spotify <no-reply@mail.spotify.com>', 'Tue, 03 Mar 2026 10:00:00 +0000'],
      ['=?utf-8?q?Spotify_=C3=9Cber?= <news@email.spotify.com>', 'Mon, 05 Jan 2026 08:00:00 +0100'],
      ['privacy@spotify.com', 'Wed, 15 Apr 2026 12:00:00 -0700'],
      ['Netflix <info@members.netflix.com>', 'Fri, 02 Jan 2026 09:00:00 +0000'],
      ['Amazon.de <versandbestaetigung@amazon.de>', null], // no Date line: the arrival date counts
      ['Shop <orders@tiny-unknown-shop.example>', 'Tue, 03 Mar 2026 10:00:00 +0000'],
      ['News <news@spotify.com.evil.example>', 'Tue, 03 Mar 2026 10:00:00 +0000'],
      ['Alex Friend <alex.friend@gmail.com>', 'Tue, 03 Mar 2026 10:00:00 +0000'],
      ['Mum <mum@web.de>', 'Tue, 03 Mar 2026 10:00:00 +0000'],
    ]
    mails.forEach(([from, date], i) => {
      const file = imap!.deliver(user, eml(from, date, `Message ${i}`))
      // The arrival date dovecot reports is the Maildir file's time.
      const arrived = new Date('2026-02-20T09:00:00Z')
      fs.utimesSync(file, arrived, arrived)
    })
    const relay = await countingRelay(imap.port)
    try {
      const host = startCore()
      expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(relay.port), password: pass }))
      const data = expectOk(await host.api.call('discover:scan', { kind: 'imap', operation: 'op-discover-imap' }))!
      expect(data).toMatchObject({ kind: 'imap', source: `${user} on 127.0.0.1, INBOX`, messages: mails.length, matched: 5, unknown: 2, freemail: 2, unreadable: 0 })
      expect(data.companies.map((c) => [c.company, c.messages, c.first, c.last])).toEqual([
        ['spotify', 3, '2026-01-05', '2026-04-15'],
        ['amazon-de', 1, '2026-02-20', '2026-02-20'],
        ['netflix', 1, '2026-01-02', '2026-01-02'],
      ])
      const text = JSON.stringify(data)
      for (const needle of ['tiny-unknown-shop', 'evil.example', 'gmail', 'web.de']) expect(text).not.toContain(needle)
      expect(host.progress.some((p) => p.channel === 'discover:scan' && p.stage === 'reading')).toBe(true)

      // What went over the wire: one FETCH of the two header lines (and the arrival date), no body.
      const commands = relay.commands()
      expect(commands).toMatch(/FETCH 1:\* \(.*BODY\.PEEK\[HEADER\.FIELDS \(from date\)\].*\)/i)
      for (const never of [/BODY\[/i, /RFC822/i, /ENVELOPE/i, /BODYSTRUCTURE/i, /BINARY/i, /HEADER\]/i, /STORE /i, /\bSELECT\b/]) expect(commands).not.toMatch(never)
      expect(commands).toMatch(/EXAMINE/i)
      const bodies = mails.length * filler.length
      expect(bodies).toBeGreaterThan(800_000)
      expect(relay.received()).toBeLessThan(20_000)
    } finally {
      await relay.close()
    }
    expect((await inboxFlags(imap!.port, user, pass)).every((flags) => !flags.includes('\\Seen'))).toBe(true)
  })

  it('says what to do when no account is set up or the password is refused, and writes nothing', async (context) => {
    if (!imap) return context.skip()
    const host = startCore()
    const none = await host.api.call('discover:scan', { kind: 'imap' })
    expect(none.ok ? 'ok' : none.error.code).toBe('IMAP_NOT_CONFIGURED')
    expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(imap.port), password: 'wrong' }))
    const refused = await host.api.call('discover:scan', { kind: 'imap' })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('IMAP_AUTH_FAILED')
    expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(imap.port), password: null }))
    const noPassword = await host.api.call('discover:scan', { kind: 'imap' })
    expect(noPassword.ok ? 'ok' : noPassword.error.code).toBe('IMAP_PASSWORD_MISSING')
  })

  it('reports progress through a big mailbox and stops with CANCELLED when cancelled half-way', async (context) => {
    if (!imap) return context.skip()
    const count = 1200
    for (let i = 0; i < count; i += 1) {
      imap.deliver(cancelUser, Buffer.from(`From: Netflix <info@members.netflix.com>\r\nDate: Fri, 02 Jan 2026 09:00:00 +0000\r\nSubject: ${i}\r\n\r\nHello.\r\n`))
    }
    let release: () => void = () => {}
    const reached = new Promise<void>((resolve) => (release = resolve))
    let readings = 0
    const host = startCore({
      hold: {
        at: async (point) => {
          // The first 'reading' checkpoint comes before the FETCH, the second after 200 messages.
          if (point.stage === 'reading' && ++readings === 2) release()
          await new Promise((r) => setTimeout(r, 20))
        },
      },
    })
    expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(imap.port, cancelUser), password: 'pw' }))
    const running = host.api.call('discover:scan', { kind: 'imap', operation: 'op-discover-imap-cancel' })
    await reached
    expect((await host.api.call('operations:cancel', { operation: 'op-discover-imap-cancel' })).ok).toBe(true)
    const result = await running
    expect(result.ok ? 'finished' : result.error.code).toBe('CANCELLED')
    const steps = host.progress.filter((p) => p.channel === 'discover:scan' && p.stage === 'reading')
    expect(steps.some((p) => p.total === count)).toBe(true)

    // Without a cancel the same mailbox is read to the end.
    const again = await startCoreWithAccount(cancelUser, 'pw')
    const whole = expectOk(await again.api.call('discover:scan', { kind: 'imap' }))!
    expect(whole.companies).toEqual([expect.objectContaining({ company: 'netflix', messages: count })])
  })
})

describe('rightful discover --imap', () => {
  it('reads a server given once (password from the environment, never stored) or the one saved for replies', async (context) => {
    if (!imap) return context.skip()
    imap.deliver(cliUser, Buffer.from('From: Spotify <no-reply@mail.spotify.com>\r\nDate: Tue, 03 Mar 2026 10:00:00 +0000\r\n\r\nHi.\r\n'))
    imap.deliver(cliUser, Buffer.from('From: Shop <orders@tiny-unknown-shop.example>\r\nDate: Tue, 03 Mar 2026 10:00:00 +0000\r\n\r\nHi.\r\n'))
    const dir = tempDir()
    const url = `imap://${encodeURIComponent(cliUser)}@127.0.0.1:${imap.port}`
    const once = await cli(['discover', '--imap', url, '--plain', '--json'], { RIGHTFUL_IMAP_PASSWORD: 'pw2' }, dir)
    expect(once.stderr).toBe('')
    expect(once.code).toBe(0)
    expect(JSON.parse(once.stdout)).toEqual([{ company: 'spotify', name: 'Spotify AB', domain: 'spotify.com', messages: 1, first: '2026-03-03', last: '2026-03-03' }])
    // Nothing of the server or its password was written.
    expect(fs.existsSync(`${dir}/replies/imap.json`)).toBe(false)

    const wrong = await cli(['discover', '--imap', url, '--plain', '--json'], { RIGHTFUL_IMAP_PASSWORD: 'nope' }, dir)
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toContain('did not accept the user name and password')

    const host = startCore({ dataDir: dir })
    expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(imap.port, cliUser), password: 'pw2' }))
    const saved = await cli(['discover', '--saved-imap', '--json'], { RIGHTFUL_IMAP_PASSWORD: 'pw2' }, dir)
    expect(saved.code).toBe(0)
    expect(JSON.parse(saved.stdout).map((c: { company: string }) => c.company)).toEqual(['spotify'])

    const both = await cli(['discover', 'inbox.mbox', '--imap', url], {}, dir)
    expect(both.code).toBe(2)
    const plainAlone = await cli(['discover', 'inbox.mbox', '--plain'], {}, dir)
    expect(plainAlone.code).toBe(2)
  })

  it('reads every folder of received mail when asked, never sent mail, drafts, junk or trash', async (context) => {
    if (!imap) return context.skip()
    const date = 'Tue, 03 Mar 2026 10:00:00 +0000'
    imap.deliver(foldersUser, eml('Spotify <no-reply@mail.spotify.com>', date, 'inbox'))
    imap.deliver(foldersUser, eml('Netflix <info@members.netflix.com>', date, 'archived'), 'Archive')
    imap.deliver(foldersUser, eml('Netflix <info@members.netflix.com>', 'Wed, 04 Mar 2026 10:00:00 +0000', 'archived 2'), 'Archive.2025')
    // Sent mail, drafts, junk and trash: not mail the companies sent the user (or not to be trusted).
    imap.deliver(foldersUser, eml('Amazon.de <versand@amazon.de>', date, 'sent'), 'Sent')
    imap.deliver(foldersUser, eml('Amazon.de <versand@amazon.de>', date, 'draft'), 'Drafts')
    imap.deliver(foldersUser, eml('Amazon.de <versand@amazon.de>', date, 'junk'), 'Junk')
    imap.deliver(foldersUser, eml('Amazon.de <versand@amazon.de>', date, 'trash'), 'Trash')
    const host = await startCoreWithAccount(foldersUser, 'pw3')

    const inboxOnly = expectOk(await host.api.call('discover:scan', { kind: 'imap' }))!
    expect(inboxOnly).toMatchObject({ messages: 1, folders: ['INBOX'], foldersLeftOut: 0 })
    expect(inboxOnly.companies.map((c) => c.company)).toEqual(['spotify'])

    const all = expectOk(await host.api.call('discover:scan', { kind: 'imap', folders: 'all', operation: 'op-all-folders' }))!
    expect([...all.folders].sort()).toEqual(['Archive', 'Archive.2025', 'INBOX'])
    expect(all).toMatchObject({ messages: 3, matched: 3, foldersLeftOut: 0, source: `${foldersUser} on 127.0.0.1, 3 folders` })
    expect(all.companies.map((c) => [c.company, c.messages, c.first, c.last])).toEqual([
      ['netflix', 2, '2026-03-03', '2026-03-04'],
      ['spotify', 1, '2026-03-03', '2026-03-03'],
    ])
    // The progress bar runs over all three folders' messages.
    const reading = host.progress.filter((p) => p.channel === 'discover:scan' && p.stage === 'reading')
    expect(reading.at(-1)?.total).toBe(3)
    for (const folder of ['INBOX', 'Archive', 'Archive.2025']) {
      expect((await inboxFlags(imap!.port, foldersUser, 'pw3', folder)).every((flags) => !flags.includes('\\Seen'))).toBe(true)
    }

    // The CLI: --all-folders, and the folders named in its text.
    const dir = tempDir()
    const out = await cli(['discover', '--imap', `imap://${encodeURIComponent(foldersUser)}@127.0.0.1:${imap.port}`, '--plain', '--all-folders'], { RIGHTFUL_IMAP_PASSWORD: 'pw3' }, dir)
    expect(out.code).toBe(0)
    expect(out.stdout).toMatch(/Folders read: .*Archive/)
    const mixed = await cli(['discover', '--imap', `imap://${encodeURIComponent(foldersUser)}@127.0.0.1:${imap.port}`, '--plain', '--all-folders', '--mailbox', 'INBOX'], { RIGHTFUL_IMAP_PASSWORD: 'pw3' }, dir)
    expect(mixed.code).toBe(2)
    const fileAndFolders = await host.api.call('discover:scan', { kind: 'file', folders: 'all' })
    expect(fileAndFolders.ok ? 'ok' : fileAndFolders.error.code).toBe('INVALID_INPUT')
  })

  it('refuses an account without its password, or an account with a file, changing nothing', async () => {
    const host = startCore()
    const account = { host: '127.0.0.1', port: 1, security: 'none' as const, user: 'x@example.test', mailbox: 'INBOX' }
    const noPassword = await host.api.call('discover:scan', { kind: 'imap', account })
    expect(noPassword.ok ? 'ok' : noPassword.error.code).toBe('INVALID_INPUT')
    const withFile = await host.api.call('discover:scan', { kind: 'file', account, password: 'x' })
    expect(withFile.ok ? 'ok' : withFile.error.code).toBe('INVALID_INPUT')
    expect(host.picked).toEqual([])
  })
})

async function startCoreWithAccount(login: string, password: string) {
  const host = startCore()
  expectOk(await host.api.call('replies:saveImap', { settings: settingsFor(imap!.port, login), password }))
  return host
}

describe('foldersToScan', () => {
  const folder = (path: string, specialUse?: string, flags: string[] = []) => ({ path, flags: new Set(flags), specialUse })

  it('reads a server’s \\All folder alone, so that no message is counted twice', () => {
    const gmail = [
      folder('INBOX'),
      folder('[Gmail]', undefined, ['\\Noselect']),
      folder('[Gmail]/All Mail', '\\All'),
      folder('[Gmail]/Sent Mail', '\\Sent'),
      folder('[Gmail]/Important', '\\Important'),
      folder('Receipts'),
    ]
    expect(foldersToScan(gmail)).toEqual({ folders: ['[Gmail]/All Mail'], leftOut: 0 })
  })

  it('else reads every selectable folder but sent mail, drafts, junk, trash and the virtual views', () => {
    const listed = [
      folder('INBOX'),
      folder('Archive', '\\Archive'),
      folder('Sent', '\\Sent'),
      folder('Drafts', '\\Drafts'),
      folder('Spam', undefined, ['\\Junk']),
      folder('Trash', '\\Trash'),
      folder('Starred', '\\Flagged'),
      folder('Projects', undefined, ['\\Noselect', '\\HasChildren']),
      folder('Projects/Shop'),
      folder('Constructor'),
      folder('__proto__'),
    ]
    expect(foldersToScan(listed)).toEqual({ folders: ['INBOX', 'Archive', 'Projects/Shop', 'Constructor', '__proto__'], leftOut: 0 })
  })

  it('reads at most maxScannedFolders folders in one scan and says how many it left out', () => {
    const many = Array.from({ length: maxScannedFolders + 7 }, (_, i) => folder(`F${i}`))
    const chosen = foldersToScan(many)
    expect(chosen.folders).toHaveLength(maxScannedFolders)
    expect(chosen.leftOut).toBe(7)
  })
})
