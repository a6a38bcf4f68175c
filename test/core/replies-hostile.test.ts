// @module-tag process
// @module-tag property
/**
 * Hostile and broken e-mails, and kills at the worst moment. One message with a 1,500-character
 * Message-ID, a Date in the year 10000, 600 failed recipients or very long fields once made the
 * whole replies file fail its schema on the next read, and it was moved aside. Now every record is
 * brought within its limits and validated before it is written, a bad record on disk costs only
 * itself, and a reply put on a timeline survives a kill between the two files without an orphan
 * event or a second one.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import MailComposer from 'nodemailer/lib/mail-composer'
import { describe, expect, it } from 'vitest'
import { CoreError } from '../../electron/core/shared/result'
import { replyLimits, replyRecordSchema } from '../../electron/core/replies/model'
import { keptDate, normaliseReplyRecord, type ReplyRecordDraft } from '../../electron/core/replies/normalise'
import { utf8Length } from '../../electron/core/shared/text-cut'
import { expectOk, repoRoot, startCore, testClock, type TestHost } from '../helpers/ports'
import { markedSent, simpleEml, writeTemp } from '../helpers/replies'
import { replyKillLoop } from '../helpers/reply-kill-loop'

/** Half of a surrogate pair (half an emoji), anywhere in a string. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function sentHost(): Promise<{ h: TestHost; reference: string }> {
  const h = startCore({ clock: testClock('2026-01-31T10:00:00Z') })
  const reference = await markedSent(h)
  h.clock.set('2026-02-10T09:00:00Z')
  return { h, reference }
}

async function importOne(h: TestHost, name: string, bytes: Uint8Array) {
  const result = expectOk(await h.api.call('replies:import', { files: [{ name, base64: base64(bytes) }] }))
  expect(result.failed).toEqual([])
  return result.outcomes[0]!
}

/** A raw message: header lines as given (folded by the caller where needed), a plain body. */
function rawEml(headers: ReadonlyArray<string>, body: string): Buffer {
  return Buffer.from([...headers, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n'), 'utf8')
}

async function composed(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(options).compile().build()
}

const replyEvents = async (h: TestHost, reference: string) =>
  expectOk(await h.api.call('requests:get', { reference })).record.events.filter((e) => e.kind === 'reply-received' && e.removedAt === null)

describe('hostile e-mails keep the replies store intact', () => {
  it('keeps a reply with a 1,500-character Message-ID (without that ID), and every reply after it, across a restart', async () => {
    const { h, reference } = await sentHost()
    const longId = `<${'a'.repeat(1500)}@evil.example>`
    const hostile = simpleEml({ from: 'privacy@fs.com', subject: `Re: ${reference}`, body: 'We have received your request.', messageId: longId })
    const first = await importOne(h, 'long-id.eml', hostile)
    expect(first).toMatchObject({ matched: reference, duplicate: false, reply: { messageId: null } })
    const second = await importOne(h, 'next.eml', simpleEml({ from: 'privacy@fs.com', subject: `Re: ${reference}`, body: 'Here is your data.' }))

    const again = startCore({ dataDir: h.dataDir, clock: h.clock })
    expect(expectOk(await again.api.call('replies:list', { reference })).map((r) => r.id).sort()).toEqual([first.replyId, second.replyId].sort())
    expect(expectOk(await again.api.call('app:status', {})).notices).toEqual([])
    // The same message again is still known (by its SHA-256): nothing is added twice.
    expect(await importOne(again, 'long-id.eml', hostile)).toMatchObject({ duplicate: true, replyId: first.replyId })
    expect(await replyEvents(again, reference)).toHaveLength(2)
  })

  it('keeps no Date from the year 10000 (or 1800) and counts the reply from a day between sending and today', async () => {
    const { h, reference } = await sentHost()
    for (const [name, date] of [
      ['future.eml', 'Sat, 01 Jan 10000 00:00:00 +0000'],
      ['ancient.eml', 'Wed, 01 Jan 1800 00:00:00 +0000'],
    ] as const) {
      const outcome = await importOne(h, name, rawEml([`Message-ID: <${name}@fs.com>`, `Date: ${date}`, 'From: privacy@fs.com', `Subject: Re: ${reference} ${name}`], 'Received.'))
      expect(outcome.reply.date).toBeNull()
      const event = (await replyEvents(h, reference)).find((e) => e.id === outcome.eventId)!
      expect(event.on >= '2026-01-31' && event.on <= '2026-02-10').toBe(true)
    }
    const again = startCore({ dataDir: h.dataDir, clock: h.clock })
    expect(expectOk(await again.api.call('replies:list', { reference }))).toHaveLength(2)
  })

  it('keeps a bounce with 600 failed recipients and very long recipient fields, cut to the record’s limits', async () => {
    const { h, reference } = await sentHost()
    const many = Array.from({ length: 600 }, (_, i) => `user${i}@fs.com`)
    const long = Array.from({ length: 3 }, (_, i) => `${'x'.repeat(3000)}${i}@fs.com`)
    const bounce = rawEml(
      [
        'Message-ID: <bounce-600@mx.example.org>',
        'Date: Tue, 03 Feb 2026 10:00:00 +0100',
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
        `Subject: Undelivered Mail Returned to Sender ${reference}`,
        `X-Failed-Recipients: ${[...long, ...many].join(',\r\n ')}`,
      ],
      `This is the mail system. Your message to privacy@fs.com (${reference}) could not be delivered.`,
    )
    const outcome = await importOne(h, 'bounce.eml', bounce)
    expect(outcome.matched).toBe(reference)
    const failed = outcome.reply.bounce!.failedRecipients
    expect(failed).toHaveLength(replyLimits.failedRecipients)
    expect(Math.max(...failed.map((f) => f.length))).toBeLessThanOrEqual(replyLimits.address)
    const event = (await replyEvents(h, reference)).find((e) => e.id === outcome.eventId)!
    expect(event.note!.length).toBeLessThanOrEqual(20_000)
    expect(event.note).toContain('more')

    const again = startCore({ dataDir: h.dataDir, clock: h.clock })
    expect(expectOk(await again.api.call('replies:list', { reference })).map((r) => r.id)).toEqual([outcome.replyId])
    expect(expectOk(await again.api.call('app:status', {})).notices).toEqual([])
  })

  it('keeps attachments named in 200 Han characters or 100 emoji, cut to 255 bytes of UTF-8 on disk and in the record', async () => {
    const { h, reference } = await sentHost()
    const han = `${'个人数据'.repeat(50)}.pdf`
    const emoji = `${'📄'.repeat(100)}.txt`
    const accented = `${'é'.repeat(130)}.csv`
    const eml = await composed({
      from: 'privacy@fs.com',
      to: 'alex@example.org',
      subject: `Re: ${reference}: your data`,
      messageId: '<files-cjk@fs.com>',
      date: new Date('2026-02-05T10:00:00Z'),
      text: 'Here is the data we hold about you.',
      attachments: [
        { filename: han, content: 'han bytes' },
        { filename: emoji, content: 'emoji bytes' },
        { filename: accented, content: 'accented bytes' },
      ],
    })
    const outcome = await importOne(h, 'files.eml', eml)
    const names = outcome.reply.attachments.map((a) => a.name)
    expect(names).toHaveLength(3)
    for (const [name, original] of names.map((n, i) => [n, [han, emoji, accented][i]!] as const)) {
      expect(utf8Length(name)).toBeLessThanOrEqual(255)
      expect(name.endsWith(path.extname(original))).toBe(true)
      expect(original.startsWith(name.slice(0, -path.extname(original).length - 1))).toBe(true)
      expect(name).not.toMatch(loneSurrogate) // no half of an emoji
    }
    const event = (await replyEvents(h, reference)).find((e) => e.id === outcome.eventId)!
    expect(event.attachments).toHaveLength(4)
    for (const [index, content] of ['han bytes', 'emoji bytes', 'accented bytes'].entries()) {
      const kept = event.attachments[index + 1]!
      expect(utf8Length(path.basename(kept.file))).toBeLessThanOrEqual(255)
      expect(kept.sha256).toBe(sha256(Buffer.from(content)))
      expect(fs.readFileSync(path.join(h.dataDir, kept.file), 'utf8')).toBe(content)
    }
  })

  it('keeps a file the user attaches whose name is 84 Han characters (252 bytes) with its event', async () => {
    const { h, reference } = await sentHost()
    // Fits the file system on its own, not with the event's prefix: this failed with ENAMETOOLONG.
    const name = `${'数'.repeat(80)}.pdf`
    expect(utf8Length(name)).toBe(244)
    const source = writeTemp(h, name, '%PDF-1.4 long name')
    h.picked.push(source)
    const [staged] = expectOk(await h.api.call('attachments:pick', {}))
    const view = expectOk(await h.api.call('requests:addEvent', { reference, kind: 'data-received', on: '2026-02-10', attachments: [staged!.token] }))
    const kept = view.record.events.at(-1)!.attachments[0]!
    expect(kept.name).toBe(name)
    expect(utf8Length(path.basename(kept.file))).toBeLessThanOrEqual(255)
    expect(path.basename(kept.file).endsWith('.pdf')).toBe(true)
    expect(fs.readFileSync(path.join(h.dataDir, kept.file), 'utf8')).toBe('%PDF-1.4 long name')
  })

  it('sets aside only the record that does not read, keeps the others, and tells once', async () => {
    const { h, reference } = await sentHost()
    const a = await importOne(h, 'a.eml', simpleEml({ from: 'privacy@fs.com', subject: `Re: ${reference} a`, body: 'Received.' }))
    const b = await importOne(h, 'b.eml', simpleEml({ from: 'privacy@fs.com', subject: `Re: ${reference} b`, body: 'Data attached.' }))
    const file = path.join(h.dataDir, 'replies', 'replies.json')
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'))
    // What an older, unvalidated write left: one record with a year-10000 date and a huge ID.
    stored.replies[0].date = '+010000-01-01T00:00:00.000Z'
    stored.replies[0].messageId = `<${'a'.repeat(1500)}@evil.example>`
    fs.writeFileSync(file, JSON.stringify(stored))
    const again = startCore({ dataDir: h.dataDir, clock: h.clock })
    expect(expectOk(await again.api.call('replies:list', { reference })).map((r) => r.id)).toEqual([b.replyId])
    const notices = expectOk(await again.api.call('app:status', {})).notices
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ code: 'RECORDS_SET_ASIDE', path: file })
    const aside = JSON.parse(fs.readFileSync(notices[0]!.movedTo!, 'utf8'))
    expect(aside.entries).toHaveLength(1)
    expect(aside.entries[0].data.id).toBe(a.replyId)
    // Told once: the next start has nothing new to say.
    const third = startCore({ dataDir: h.dataDir, clock: h.clock })
    expect(expectOk(await third.api.call('app:status', {})).notices).toHaveLength(1)
    expect(expectOk(await third.api.call('replies:list', { reference }))).toHaveLength(1)
  })
})

describe('a kill between the request and the replies file', () => {
  const killAt = (dataDir: string, eml: string, target: string, nth: number) =>
    // tsx as a loader, in this one process: the kill reaches the process that writes.
    spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'helpers', 'kill-import.ts'), dataDir, eml, target, String(nth)], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
    })

  it('leaves no orphan event: the next start completes the record, and importing again adds nothing', async () => {
    const { h, reference } = await sentHost()
    const bytes = simpleEml({ from: 'privacy@fs.com', subject: `Re: ${reference}`, body: 'We have received your request.', messageId: '<kill-1@fs.com>' })
    const eml = writeTemp(h, 'kill.eml', bytes)
    // Dies just before the replies file gets its record (the second write to it; the first is the intent).
    const child = killAt(h.dataDir, eml, 'replies.json', 2)
    expect(child.signal, `${child.stdout}${child.stderr}`).toBe('SIGKILL')
    const events = await replyEvents(startCore({ dataDir: h.dataDir, clock: h.clock }), reference)
    expect(events).toHaveLength(1)

    const again = startCore({ dataDir: h.dataDir, clock: h.clock })
    const replies = expectOk(await again.api.call('replies:list', { reference }))
    expect(replies).toHaveLength(1)
    expect(replies[0]).toMatchObject({ state: 'attached', eventId: events[0]!.id, sha256: sha256(bytes) })
    expect(await importOne(again, 'kill.eml', bytes)).toMatchObject({ duplicate: true, eventId: events[0]!.id })
    expect(await replyEvents(again, reference)).toHaveLength(1)
    const stored = JSON.parse(fs.readFileSync(path.join(h.dataDir, 'replies', 'replies.json'), 'utf8'))
    expect(stored.attaching).toEqual([])
    // Nothing the killed process was writing is left behind.
    const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp') || n.startsWith('.import-'))
    expect(leftovers(path.join(h.dataDir, 'replies'))).toEqual([])
    expect(leftovers(path.join(h.dataDir, 'requests'))).toEqual([])
  }, 180_000)

  it('lets an import killed before its event go, and imports the message cleanly next time', async () => {
    const { h, reference } = await sentHost()
    const bytes = simpleEml({ from: 'privacy@fs.com', subject: `Re: ${reference}`, body: 'Received.', messageId: '<kill-2@fs.com>' })
    const eml = writeTemp(h, 'kill.eml', bytes)
    // Dies as the request file is about to get the event.
    const child = killAt(h.dataDir, eml, `${reference}.json`, 1)
    expect(child.signal, `${child.stdout}${child.stderr}`).toBe('SIGKILL')
    const again = startCore({ dataDir: h.dataDir, clock: h.clock })
    expect(expectOk(await again.api.call('replies:list', { reference }))).toEqual([])
    expect(await replyEvents(again, reference)).toEqual([])
    expect(await importOne(again, 'kill.eml', bytes)).toMatchObject({ duplicate: false, matched: reference })
    expect(await replyEvents(again, reference)).toHaveLength(1)
  }, 180_000)

  it('recognises the message on the timeline when its record was lost some other way (dedupe by SHA-256)', async () => {
    const { h, reference } = await sentHost()
    const bytes = simpleEml({ from: 'privacy@fs.com', subject: `Re: ${reference}`, body: 'Received.', messageId: '<lost@fs.com>' })
    const first = await importOne(h, 'r.eml', bytes)
    const file = path.join(h.dataDir, 'replies', 'replies.json')
    fs.writeFileSync(file, JSON.stringify({ version: 1, replies: [] }))
    const again = await importOne(h, 'r.eml', bytes)
    expect(again).toMatchObject({ duplicate: false, eventId: first.eventId })
    expect(await replyEvents(h, reference)).toHaveLength(1)
  })

  it('cleans temporary files a killed process left, and never another live process’s', async () => {
    const { h } = await sentHost()
    let dead = 4_000_000
    while (dead > 1000) {
      try {
        process.kill(dead, 0)
        dead -= 1
      } catch {
        break
      }
    }
    const replies = path.join(h.dataDir, 'replies')
    fs.mkdirSync(path.join(replies, `.import-${dead}-0123456789ab`, '0'), { recursive: true })
    fs.writeFileSync(path.join(replies, `.import-${dead}-0123456789ab`, '0', 'x.pdf'), 'half')
    fs.writeFileSync(path.join(replies, `.replies.json.${dead}.deadbeef.tmp`), '{"version": 1, "rep')
    fs.writeFileSync(path.join(h.dataDir, 'requests', `.RF-2026-0001.json.${dead}.cafe.tmp`), '{')
    const confTemp = path.join(h.dataDir, 'profile.json.tmp-1765000000abcdef')
    fs.writeFileSync(confTemp, '{')
    const anHourAgo = new Date(Date.now() - 3600_000)
    fs.utimesSync(confTemp, anHourAgo, anHourAgo)
    // A write in progress in a process that runs (this one), and a young conf temp file: kept.
    const live = path.join(replies, `.replies.json.${process.pid}.feed.tmp`)
    fs.writeFileSync(live, '{')
    const young = path.join(h.dataDir, 'settings.json.tmp-1765000001abcdef')
    fs.writeFileSync(young, '{')

    startCore({ dataDir: h.dataDir, clock: h.clock })
    expect(fs.readdirSync(replies).filter((n) => n.startsWith('.')).sort()).toEqual([path.basename(live)])
    expect(fs.readdirSync(path.join(h.dataDir, 'requests')).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(fs.existsSync(confTemp)).toBe(false)
    expect(fs.existsSync(young)).toBe(true)
  })
})

describe('normalising reply records (property tests)', () => {
  const hex = fc.stringMatching(/^[0-9a-f]{64}$/)
  const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 3000 }), fc.string({ unit: 'grapheme-composite', maxLength: 2500 }))
  const anyDate = fc.oneof(
    fc.constant(null),
    fc.date({ noInvalidDate: false }),
    fc.integer({ min: -8.64e15, max: 8.64e15 }).map((t) => new Date(t)),
    fc.constantFrom('+010000-01-01T00:00:00.000Z', '2026-02-03T10:00:00.000Z', 'not a date'),
  )
  const draft: fc.Arbitrary<ReplyRecordDraft> = fc.record({
    id: fc.stringMatching(/^rp-[0-9a-f]{12}$/),
    messageId: fc.oneof(fc.constant(null), anyText, fc.string({ minLength: 990, maxLength: 1600 }).map((s) => `<${s}@x>`)),
    sha256: hex,
    size: fc.oneof(fc.integer(), fc.double()),
    from: fc.record({ name: anyText, address: anyText }),
    to: fc.array(anyText, { maxLength: 150 }),
    date: anyDate,
    subject: anyText,
    excerpt: anyText,
    attachments: fc.array(fc.record({ name: anyText, contentType: anyText, size: fc.integer(), sha256: hex }), { maxLength: 520 }),
    bounce: fc.option(
      fc.record({
        failedRecipients: fc.array(anyText, { maxLength: 700 }),
        status: fc.option(anyText),
        diagnostic: fc.option(anyText),
        standard: fc.boolean(),
      }),
    ),
    source: fc.constantFrom('file' as const, 'imap' as const),
    importedAt: fc.constant('2026-02-10T09:00:00.000Z'),
    state: fc.constantFrom('attached' as const, 'needs-confirmation' as const, 'unmatched' as const, 'dismissed' as const),
    match: fc.record({
      reference: fc.option(fc.constant('RF-2026-0001')),
      by: fc.option(fc.constantFrom('in-reply-to' as const, 'reference' as const, 'sender-domain' as const)),
      candidates: fc.array(fc.constant('RF-2026-0002'), { maxLength: 250 }),
    }),
    eventId: fc.option(fc.constant('ev-0123456789ab')),
    file: fc.constant('replies/inbox/x.eml'),
    suggestion: fc.record({
      kind: fc.constantFrom('acknowledged' as const, 'refused' as const, 'bounce' as const),
      confidence: fc.oneof(fc.double(), fc.constant(Number.NaN)),
      reason: anyText,
      lang: fc.constantFrom(null, 'en' as const),
    }),
    confirmed: fc.constant(null),
  })

  it('always gives a record the schema takes, which reads back the same from JSON', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const record = normaliseReplyRecord(d)
        expect(replyRecordSchema.safeParse(record).success).toBe(true)
        expect(replyRecordSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record)
      }),
      { numRuns: 300, seed: 20261207 },
    )
  })

  it('is idempotent, and only ever cuts text at its end, at whole characters', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const once = normaliseReplyRecord(d)
        expect(normaliseReplyRecord(once)).toEqual(once)
        for (const [kept, given, limit] of [
          [once.subject, d.subject, replyLimits.subject],
          [once.from.name, d.from.name, replyLimits.name],
          [once.suggestion.reason, d.suggestion.reason, replyLimits.reason],
        ] as const) {
          expect(given.startsWith(kept)).toBe(true)
          if (given.length <= limit) expect(kept).toBe(given)
          else expect(kept.length).toBeLessThanOrEqual(limit)
          // A cut never leaves half a surrogate pair that the text did not have.
          if (!loneSurrogate.test(given)) expect(kept).not.toMatch(loneSurrogate)
        }
        for (const attachment of once.attachments) expect(utf8Length(attachment.name)).toBeLessThanOrEqual(replyLimits.attachmentNameBytes)
        expect(once.date === null || (once.date >= '1900' && once.date < '9999-12-32')).toBe(true)
        if (once.messageId !== null) expect(once.messageId.length).toBeLessThanOrEqual(replyLimits.messageId)
      }),
      { numRuns: 300, seed: 7 },
    )
  })

  it('keeps a valid date as it is, and refuses what no cutting can mend with REPLY_UNSTORABLE', () => {
    expect(keptDate(new Date('2026-02-03T10:00:00Z'))).toBe('2026-02-03T10:00:00.000Z')
    expect(keptDate(new Date('+010000-01-01T00:00:00Z'))).toBeNull()
    expect(keptDate(new Date(Number.NaN))).toBeNull()
    fc.assert(
      fc.property(draft, fc.string({ maxLength: 10 }), (d, badSha) => {
        try {
          normaliseReplyRecord({ ...d, sha256: `zz${badSha}` })
          return false
        } catch (error) {
          return error instanceof CoreError && error.code === 'REPLY_UNSTORABLE'
        }
      }),
      { numRuns: 100, seed: 3 },
    )
  })
})

describe('the kill loop', () => {
  it('loses no acknowledged import, leaves no orphan, no double and no temporary file, wherever the kill falls', async () => {
    // A few trials with a fixed seed here; `npx tsx bench/reply-kill-loop.ts` runs 200.
    const report = await replyKillLoop({ trials: 8, seed: 20261207 })
    expect(report.problems).toEqual([])
    expect(report).toMatchObject({ trials: 8, acknowledgedLost: 0, orphanEvents: 0, duplicateEvents: 0, leftoverTempFiles: 0 })
    expect(report.killed).toBeGreaterThan(0)
  }, 600_000)
})
