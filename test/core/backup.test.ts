/**
 * Backup and restore through the real core: a round trip of every kind of the user's data, the
 * refusals (damaged, truncated, oversize, wrong passphrase, newer format, crafted), secrets kept
 * out, and a restore that a crash interrupts at each step.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { restoreBackup, type RestoreStep } from '../../electron/core/backup/restore'
import { readBackup } from '../../electron/core/backup/reader'
import { defaultLimits } from '../../electron/core/backup/format'
import { writeBackup } from '../../electron/core/backup/writer'
import { fingerprint, imapPassword, parsePlainBackup, populate, populateOther, smtpPassword, writePlainBackup } from '../helpers/backup'
import { expectOk, startCore, tempDir, testClock, type TestHost } from '../helpers/ports'

const clockAt = '2026-02-03T10:00:00Z'

/** A populated data folder and its plain backup, made once: the tests copy them. */
let shared: Promise<{ dataDir: string; backup: string; encrypted: string; references: Awaited<ReturnType<typeof populate>> }> | null = null
function source() {
  shared ??= (async () => {
    const host = startCore({ clock: testClock(clockAt) })
    const references = await populate(host)
    const backup = expectOk(await host.api.call('backup:create', {})).path!
    const encrypted = expectOk(await host.api.call('backup:create', { passphrase: 'correct horse battery' })).path!
    return { dataDir: host.dataDir, backup, encrypted, references }
  })()
  return shared
}

/** A fresh core on an empty data folder, the same clock. */
function emptyHost(): TestHost {
  return startCore({ clock: testClock(clockAt) })
}

/** Chooses `file` through the picker and inspects it. */
async function choose(host: TestHost, file: string) {
  host.picked.push(file)
  return expectOk(await host.api.call('backup:choose', {}))
}

/** Everything a user sees, through the API: equal for two data folders holding the same data. */
async function everything(host: TestHost) {
  const requests = expectOk(await host.api.call('requests:list', {}))
  const views = []
  for (const item of requests) views.push(expectOk(await host.api.call('requests:get', { reference: item.reference })))
  const smtp = expectOk(await host.api.call('mail:getSmtp', {}))
  const imap = expectOk(await host.api.call('replies:imapSettings', {}))
  return {
    requests,
    views,
    replies: expectOk(await host.api.call('replies:list', {})),
    pending: expectOk(await host.api.call('replies:list', { pending: true })),
    profile: expectOk(await host.api.call('profile:get', {})),
    settings: expectOk(await host.api.call('settings:get', {})),
    smtp: smtp.smtp,
    sentCopy: smtp.sentCopy,
    imap: imap.settings,
    catalog: expectOk(await host.api.call('catalog:list', {})),
    deleted: expectOk(await host.api.call('catalog:deleted', {})),
    templates: expectOk(await host.api.call('templates:list', {})).filter((t) => t.origin === 'user').map((t) => ({ id: t.id, title: t.title })),
    notifications: expectOk(await host.api.call('notifications:pending', {})),
  }
}

/** The user's files (not the index, not secrets) with their hashes. */
function userFiles(dir: string): Map<string, string> {
  const all = fingerprint(dir)
  return new Map(
    [...all].filter(([p]) => !p.endsWith('/') && !p.startsWith('requests/index.') && p !== 'secrets.json' && !p.includes('.restore-') && !p.startsWith('before-restore-')),
  )
}

describe('a backup restored on an empty data folder', () => {
  it('gives back everything: requests, events, files, replies, settings, catalog, templates', async () => {
    const { dataDir, backup, references } = await source()
    const original = startCore({ dataDir, clock: testClock(clockAt) })
    const target = emptyHost()

    const chosen = await choose(target, backup)
    expect(chosen).toMatchObject({ name: path.basename(backup), encrypted: false })
    const preview = expectOk(await target.api.call('backup:inspect', { token: chosen.token! }))
    expect(preview).toMatchObject({
      encrypted: false,
      appVersion: '0.0.0-test',
      createdAt: new Date(clockAt).toISOString(),
      current: { requests: 0, files: 0 },
      counts: {
        requests: 2,
        drafts: 1,
        replies: 2,
        repliesToSort: 1,
        companiesAdded: 1,
        companiesChanged: 1,
        companiesDeleted: 1,
        companiesImported: 1,
        templates: 1,
        profile: true,
        mailServer: true,
        imapServer: true,
        notificationsShown: 1,
      },
    })
    // The sent e-mail, the reply's message, and the file kept with the event.
    expect(preview.counts.attachments).toBe(3)

    const restored = expectOk(await target.api.call('backup:restore', { token: chosen.token! }))
    expect(restored).toMatchObject({ requests: 2, replies: 2, attachments: 3, previousData: null, dataDir: target.dataDir })

    // The same API object shows the restored data at once …
    expect(await everything(target)).toEqual(await everything(original))
    // … and so does a restart.
    expect(await everything(startCore({ dataDir: target.dataDir, clock: testClock(clockAt) }))).toEqual(await everything(original))
    // Byte for byte, and the discarded draft's number is still taken.
    expect(userFiles(target.dataDir)).toEqual(userFiles(dataDir))
    expect(fs.existsSync(path.join(target.dataDir, 'requests', 'discarded', `${references.discarded}.json`))).toBe(true)
    const next = expectOk(await target.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expect(next.record.reference).toBe('RF-2026-0004')
    // Nothing is left behind by the restore itself.
    expect(fs.readdirSync(target.dataDir).filter((n) => n.startsWith('.restore-') || n.startsWith('before-restore-') || n === 'restore-journal.json')).toEqual([])
  })

  it('never holds a password: not in the backup bytes, and none is known after a restore', async () => {
    const { backup, encrypted } = await source()
    const bytes = fs.readFileSync(backup)
    // The mail settings are there (so this test would see a password beside them) …
    expect(bytes.includes(Buffer.from('smtp.backup-test.example'))).toBe(true)
    expect(bytes.includes(Buffer.from('imap.backup-test.example'))).toBe(true)
    // … the passwords and the secrets file are not.
    for (const secret of [smtpPassword, imapPassword, Buffer.from(smtpPassword).toString('base64')]) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false)
      expect(fs.readFileSync(encrypted).includes(Buffer.from(secret))).toBe(false)
    }
    expect([...parsePlainBackup(backup).contents.keys()].some((p) => p.includes('secrets'))).toBe(false)

    const target = emptyHost()
    const chosen = await choose(target, backup)
    expectOk(await target.api.call('backup:restore', { token: chosen.token! }))
    expect(expectOk(await target.api.call('mail:getSmtp', {}))).toMatchObject({ smtp: { host: 'smtp.backup-test.example', user: 'alex' }, hasPassword: false })
    expect(expectOk(await target.api.call('replies:imapSettings', {}))).toMatchObject({ settings: { host: 'imap.backup-test.example' }, hasPassword: false })
  })

  it('encrypted: asks for the passphrase, refuses a wrong one, restores with the right one', async () => {
    const { encrypted, dataDir } = await source()
    const text = fs.readFileSync(encrypted)
    // The plain header names the cipher and scrypt parameters; nothing of the content shows.
    const header = JSON.parse(text.subarray(16, text.indexOf(0x0a, 16)).toString('utf8'))
    expect(header.encryption).toMatchObject({ kdf: 'scrypt', n: 131072, r: 8, p: 1, cipher: 'aes-256-gcm' })
    expect(Buffer.from(header.encryption.iv, 'base64')).toHaveLength(12)
    expect(text.includes(Buffer.from('Alex Example'))).toBe(false)
    expect(text.includes(Buffer.from('requests/RF-2026-0001.json'))).toBe(false)

    const target = emptyHost()
    await populateOther(target)
    const before = fingerprint(target.dataDir)
    const chosen = await choose(target, encrypted)
    expect(chosen.encrypted).toBe(true)
    const missing = await target.api.call('backup:inspect', { token: chosen.token! })
    expect(missing.ok ? null : missing.error.code).toBe('BACKUP_PASSPHRASE_REQUIRED')
    for (const wrong of ['correct horse battery!', 'Correct horse battery', 'x']) {
      const refused = await target.api.call('backup:restore', { token: chosen.token!, passphrase: wrong, replace: true })
      expect(refused.ok ? null : refused.error.code).toBe('BACKUP_WRONG_PASSPHRASE')
      expect(fingerprint(target.dataDir)).toEqual(before)
    }
    const preview = expectOk(await target.api.call('backup:inspect', { token: chosen.token!, passphrase: 'correct horse battery' }))
    expect(preview).toMatchObject({ encrypted: true, counts: { requests: 2 }, current: { requests: 1 } })
    const restored = expectOk(await target.api.call('backup:restore', { token: chosen.token!, passphrase: 'correct horse battery', replace: true }))
    expect(restored.previousData).toMatch(/before-restore-/)
    expect(userFiles(target.dataDir)).toEqual(userFiles(dataDir))
    // The replaced data is kept, not deleted.
    expect(fs.readFileSync(path.join(restored.previousData!, 'profile.json'), 'utf8')).toContain('Other Person')
  })

  it('the passphrase is the same words however they were typed (Unicode NFC)', async () => {
    const host = startCore({ clock: testClock(clockAt) })
    await populateOther(host)
    const composed = 'Grüße aus Köln'
    const made = expectOk(await host.api.call('backup:create', { passphrase: composed }))
    const decomposed = composed.normalize('NFD')
    expect(decomposed).not.toBe(composed)
    const info = await readBackup(made.path!, { passphrase: decomposed })
    expect(info.counts.requests).toBe(1)
  })
})

describe('a restore that changes nothing', () => {
  /** A data folder with its own data, the fingerprint before, and a restore that must fail. */
  async function refused(file: string, input: { passphrase?: string; replace?: boolean } = { replace: true }) {
    const target = emptyHost()
    await populateOther(target)
    const before = fingerprint(target.dataDir)
    const listed = expectOk(await target.api.call('requests:list', {}))
    target.picked.push(file)
    const chosen = await target.api.call('backup:choose', {})
    let code: string | null = chosen.ok ? null : chosen.error.code
    let message = chosen.ok ? '' : chosen.error.message
    if (chosen.ok) {
      const inspected = await target.api.call('backup:inspect', { token: chosen.data.token!, ...(input.passphrase ? { passphrase: input.passphrase } : {}) })
      const restored = await target.api.call('backup:restore', { token: chosen.data.token!, ...input })
      if (restored.ok || restored.error.code !== 'DATA_FOLDER_NOT_EMPTY') expect(inspected.ok ? null : inspected.error.code).toBe(restored.ok ? null : restored.error.code)
      code = restored.ok ? null : restored.error.code
      message = restored.ok ? '' : restored.error.message
    }
    expect(fingerprint(target.dataDir)).toEqual(before)
    expect(expectOk(await target.api.call('requests:list', {}))).toEqual(listed)
    return { code, message }
  }

  it('refuses a damaged file: any byte flipped, anywhere', async () => {
    const { backup } = await source()
    const bytes = fs.readFileSync(backup)
    const dir = tempDir('rightful-damaged-')
    // The header, the manifest, the content (start, middle, end), the checksum.
    const positions = [3, 20, 60, 200, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 40, bytes.length - 1]
    for (const position of positions) {
      const damaged = Buffer.from(bytes)
      damaged[position] = damaged[position]! ^ 0x20
      const file = path.join(dir, `flipped-${position}.rightful-backup`)
      fs.writeFileSync(file, damaged)
      const { code } = await refused(file)
      expect(['BACKUP_DAMAGED', 'BACKUP_INVALID'], `byte ${position}: ${code}`).toContain(code)
      // Past the header, it is the checksum that tells.
      if (position > 200) expect(code, `byte ${position}`).toBe('BACKUP_DAMAGED')
    }
  })

  it('refuses a byte flipped in an encrypted file as damaged, not as a wrong passphrase', async () => {
    const { encrypted } = await source()
    const bytes = fs.readFileSync(encrypted)
    const damaged = Buffer.from(bytes)
    damaged[Math.floor(bytes.length / 2)] ^= 0x01
    const file = path.join(tempDir('rightful-damaged-'), 'damaged.rightful-backup')
    fs.writeFileSync(file, damaged)
    const { code, message } = await refused(file, { passphrase: 'correct horse battery', replace: true })
    expect(code).toBe('BACKUP_DAMAGED')
    expect(message).toMatch(/damaged/)
  })

  it('refuses a truncated file, wherever it was cut', async () => {
    const { backup } = await source()
    const bytes = fs.readFileSync(backup)
    const dir = tempDir('rightful-truncated-')
    for (const length of [0, 5, 16, 40, Math.floor(bytes.length / 2), bytes.length - 33, bytes.length - 1]) {
      const file = path.join(dir, `cut-${length}.rightful-backup`)
      fs.writeFileSync(file, bytes.subarray(0, length))
      const { code, message } = await refused(file)
      expect(code, `cut at ${length}`).toBe(length === 0 ? 'BACKUP_INVALID' : 'BACKUP_DAMAGED')
      if (length > 100) expect(message).toMatch(/ends early|cut off/)
    }
  })

  it('refuses a file with bytes added at the end', async () => {
    const { backup } = await source()
    const file = path.join(tempDir('rightful-longer-'), 'longer.rightful-backup')
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(backup), Buffer.from('x')]))
    expect((await refused(file)).code).toBe('BACKUP_DAMAGED')
  })

  it('refuses an oversize file before reading it', async () => {
    const file = path.join(tempDir('rightful-huge-'), 'huge.rightful-backup')
    // A sparse file: 17 GB long, nothing on disk.
    const fd = fs.openSync(file, 'w')
    fs.writeSync(fd, 'RIGHTFUL-BACKUP\n')
    fs.ftruncateSync(fd, defaultLimits.maxBytes + 1)
    fs.closeSync(fd)
    const { code, message } = await refused(file)
    expect(code).toBe('BACKUP_TOO_LARGE')
    expect(message).toMatch(/GB/)
  })

  it('applies the reader the limits it is given (size, entries, manifest, records)', async () => {
    const { backup } = await source()
    const size = fs.statSync(backup).size
    const target = emptyHost()
    const attempt = async (limits: Partial<typeof defaultLimits>) => {
      try {
        await restoreBackup({ dataDir: target.dataDir, file: backup, passphrase: null, replace: false, now: new Date(), limits: { ...defaultLimits, ...limits } })
        return 'restored'
      } catch (error) {
        return (error as { code?: string }).code
      }
    }
    expect(await attempt({ maxBytes: size - 1 })).toBe('BACKUP_TOO_LARGE')
    expect(await attempt({ maxEntries: 3 })).toBe('BACKUP_INVALID')
    expect(await attempt({ maxManifestBytes: 200 })).toBe('BACKUP_INVALID')
    expect(await attempt({ maxRecordBytes: 100 })).toBe('BACKUP_INVALID')
    expect(fs.readdirSync(target.dataDir).sort()).toEqual(['requests'])
    expect(await attempt({ maxBytes: size })).toBe('restored')
  })

  it('refuses a file that is not a backup, and one made by a newer Rightful', async () => {
    const dir = tempDir('rightful-other-')
    const notBackup = path.join(dir, 'photo.jpg')
    fs.writeFileSync(notBackup, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]))
    expect((await refused(notBackup)).code).toBe('BACKUP_INVALID')

    const { backup } = await source()
    const parsed = parsePlainBackup(backup)
    const newer = path.join(dir, 'newer.rightful-backup')
    writePlainBackup(newer, { ...parsed, header: { ...parsed.header, version: 2, compression: 'zstd' } })
    const { code, message } = await refused(newer)
    expect(code).toBe('BACKUP_UNSUPPORTED')
    expect(message).toMatch(/newer Rightful/)
  })

  it('refuses consistent but crafted files: paths out of the data, wrong hashes, invalid records, false counts', async () => {
    const { backup } = await source()
    const dir = tempDir('rightful-crafted-')
    const crafted = (name: string, change: (b: ReturnType<typeof parsePlainBackup>) => void, options: { keepEntryHashes?: boolean } = {}) => {
      const parsed = parsePlainBackup(backup)
      change(parsed)
      const file = path.join(dir, `${name}.rightful-backup`)
      writePlainBackup(file, parsed, options)
      return file
    }
    const add = (b: ReturnType<typeof parsePlainBackup>, entryPath: string, content: string) => {
      b.manifest.entries.push({ path: entryPath, size: 0, sha256: '0'.repeat(64) })
      b.contents.set(entryPath, Buffer.from(content))
      b.manifest.counts.files = (b.manifest.counts.files as number) + 1
    }
    const cases: Array<[string, string, RegExp]> = [
      [crafted('traversal', (b) => add(b, 'requests/../../evil.txt', 'x')), 'BACKUP_INVALID', /cannot be restored safely/],
      [crafted('absolute', (b) => add(b, '/etc/evil', 'x')), 'BACKUP_INVALID', /cannot be restored safely/],
      [crafted('outside', (b) => add(b, 'secrets.json', '{}')), 'BACKUP_INVALID', /not part of Rightful's data/],
      [crafted('index', (b) => add(b, 'requests/index.json', '{}')), 'BACKUP_INVALID', /not part of Rightful's data/],
      [crafted('hidden', (b) => add(b, 'replies/.import-1/x.eml', 'x')), 'BACKUP_INVALID', /not part of Rightful's data/],
      [crafted('backslash', (b) => add(b, 'requests\\..\\evil', 'x')), 'BACKUP_INVALID', /cannot be restored safely/],
      [
        crafted('twice', (b) => {
          const pdf = b.manifest.entries.find((e) => e.path.endsWith('.pdf'))!
          b.manifest.entries.push({ ...pdf })
          b.manifest.counts.files = (b.manifest.counts.files as number) + 1
          b.manifest.counts.attachments = (b.manifest.counts.attachments as number) + 1
        }),
        'BACKUP_INVALID',
        /twice/,
      ],
      [
        crafted('case', (b) => {
          add(b, 'templates/en/x.txt', 'a')
          add(b, 'templates/en/X.txt', 'b')
        }),
        'BACKUP_INVALID',
        /twice/,
      ],
      [
        crafted(
          'hash',
          (b) => {
            const first = b.manifest.entries.find((e) => e.path.endsWith('.pdf'))!
            b.contents.set(first.path, Buffer.from('%PDF-1.4 something else'))
          },
          { keepEntryHashes: true },
        ),
        'BACKUP_INVALID',
        /does not match its checksum/,
      ],
      [
        crafted('record', (b) => {
          const file = b.manifest.entries.find((e) => /^requests\/RF-\d+-\d+\.json$/.test(e.path))!
          const record = JSON.parse(b.contents.get(file.path)!.toString('utf8'))
          record.reference = 'RF-2026-9999'
          b.contents.set(file.path, Buffer.from(JSON.stringify(record)))
        }),
        'BACKUP_INVALID',
        /not a valid record/,
      ],
      [
        crafted('json', (b) => b.contents.set('profile.json', Buffer.from('{"version": 1, "profile": '))),
        'BACKUP_INVALID',
        /profile\.json" is not a valid record/,
      ],
      [crafted('counts', (b) => void (b.manifest.counts.requests = 5)), 'BACKUP_INVALID', /do not match/],
      [crafted('version', (b) => void (b.manifest.version = 7)), 'BACKUP_INVALID', /list of contents is not valid/],
    ]
    for (const [file, code, message] of cases) {
      const result = await refused(file)
      expect(result.code, path.basename(file)).toBe(code)
      expect(result.message, path.basename(file)).toMatch(message)
    }
    expect(fs.existsSync(path.join(path.dirname(dir), 'evil.txt'))).toBe(false)
  })

  it('refuses to replace data unless told to', async () => {
    const { backup } = await source()
    const { code, message } = await refused(backup, {})
    expect(code).toBe('DATA_FOLDER_NOT_EMPTY')
    expect(message).toMatch(/1 request/)
  })
})

describe('making a backup', () => {
  it('leaves out, and names, a file that does not read as what it should be', async () => {
    const host = startCore({ clock: testClock(clockAt) })
    await populateOther(host)
    fs.mkdirSync(path.join(host.dataDir, 'templates', 'en'), { recursive: true })
    fs.writeFileSync(path.join(host.dataDir, 'templates', 'en', 'broken.md'), 'no front matter here')
    const made = expectOk(await host.api.call('backup:create', {}))
    expect(made.skipped).toEqual([{ path: 'templates/en/broken.md', reason: expect.stringMatching(/front matter/) }])
    // What is in it restores.
    const info = await readBackup(made.path!, { passphrase: null })
    expect(info.counts).toMatchObject({ requests: 1, templates: 0, profile: true })
  })

  it('refuses a passphrase too short to protect anything, and a target inside the data folder', async () => {
    const host = startCore({ clock: testClock(clockAt) })
    const short = await host.api.call('backup:create', { passphrase: 'abc' })
    expect(short.ok ? null : short.error.code).toBe('INVALID_INPUT')
    await expect(
      writeBackup({ dataDir: host.dataDir, target: path.join(tempDir(), 'no', 'such', 'folder', 'x.rightful-backup'), appVersion: 't', now: new Date(), passphrase: null }),
    ).rejects.toMatchObject({ code: 'STORAGE_FAILED' })
  })

  it('an empty data folder makes a valid, empty backup', async () => {
    const host = emptyHost()
    const made = expectOk(await host.api.call('backup:create', {}))
    expect(made).toMatchObject({ requests: 0, replies: 0, attachments: 0, skipped: [] })
    expect((await readBackup(made.path!, { passphrase: null })).counts.files).toBe(0)
  })
})

describe('a restore interrupted by a crash', () => {
  it('leaves the old data or the new, never a mix, whichever step it stopped after', async () => {
    const { backup } = await source()
    // The old data, its fingerprint as the app sees it, and the steps of a complete restore.
    const oldHost = startCore({ clock: testClock(clockAt) })
    await populateOther(oldHost)
    const oldView = await everything(oldHost)
    const newView = await everything(startCore({ dataDir: (await source()).dataDir, clock: testClock(clockAt) }))

    const probe = tempDir('rightful-probe-')
    fs.cpSync(oldHost.dataDir, probe, { recursive: true })
    const steps: RestoreStep[] = []
    await restoreBackup({ dataDir: probe, file: backup, passphrase: null, replace: true, now: new Date(clockAt), onStep: (s) => void steps.push(s) })
    expect(steps).toEqual(expect.arrayContaining(['staged', 'journal-written', 'moved-aside:requests', 'moved-in:requests', 'moved-aside:profile.json', 'swapped', 'journal-removed']))

    for (const [index, step] of steps.entries()) {
      const dataDir = tempDir('rightful-crash-')
      fs.cpSync(oldHost.dataDir, dataDir, { recursive: true })
      await expect(
        restoreBackup({
          dataDir,
          file: backup,
          passphrase: null,
          replace: true,
          now: new Date(clockAt),
          onStep: (s) => {
            if (s === step) throw new Error(`crash after ${s}`)
          },
        }),
      ).rejects.toThrow(`crash after ${step}`)
      // The next start (createApi) finishes or forgets the restore before reading anything.
      const restarted = startCore({ dataDir, clock: testClock(clockAt) })
      const seen = await everything(restarted)
      const committed = index >= steps.indexOf('journal-written')
      expect(seen, `crash after ${step}`).toEqual(committed ? newView : oldView)
      const names = fs.readdirSync(dataDir)
      expect(names.filter((n) => n.startsWith('.restore-') || n === 'restore-journal.json'), step).toEqual([])
      // The replaced data is kept once the restore went through.
      const kept = names.filter((n) => n.startsWith('before-restore-'))
      expect(kept, step).toHaveLength(committed ? 1 : 0)
      if (committed) expect(fs.readFileSync(path.join(dataDir, kept[0]!, 'profile.json'), 'utf8')).toContain('Other Person')
      // A restart that finished a restore says so.
      const notice = expectOk(await restarted.api.call('app:status', {})).notices.find((n) => n.code === 'RESTORE_FINISHED')
      expect(Boolean(notice), step).toBe(committed && step !== 'journal-removed')
    }
  })
})

describe('a restore whose swap fails half-way', () => {
  it('is reported, nothing uses the half-swapped folder, and the next start finishes it', async () => {
    const { backup, dataDir: sourceDir } = await source()
    const target = emptyHost()
    await populateOther(target)
    const chosen = await choose(target, backup)
    const rename = fs.renameSync
    const busy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).includes(`${path.sep}new${path.sep}requests`)) throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' })
      return rename(from, to)
    })
    try {
      const result = await target.api.call('backup:restore', { token: chosen.token!, replace: true })
      expect(result.ok ? null : result.error).toMatchObject({ code: 'STORAGE_FAILED', message: expect.stringMatching(/half-way/) })
      // Neither the old nor the new data is served meanwhile.
      const later = await target.api.call('requests:list', {})
      expect(later.ok ? null : later.error).toMatchObject({ code: 'STORAGE_FAILED', message: expect.stringMatching(/start Rightful again/) })
      expect(fs.existsSync(path.join(target.dataDir, 'restore-journal.json'))).toBe(true)
    } finally {
      busy.mockRestore()
    }
    const restarted = startCore({ dataDir: target.dataDir, clock: testClock(clockAt) })
    expect(await everything(restarted)).toEqual(await everything(startCore({ dataDir: sourceDir, clock: testClock(clockAt) })))
    expect(fs.existsSync(path.join(target.dataDir, 'restore-journal.json'))).toBe(false)
  })
})

describe('the data folder', () => {
  it('opens in the file manager through the host', async () => {
    const host = emptyHost()
    expect(expectOk(await host.api.call('app:openDataFolder', {}))).toEqual({ path: host.dataDir })
    expect(host.folders).toEqual([host.dataDir])
  })
})
