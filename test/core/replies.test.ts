// @module-tag server
/**
 * Replies: .eml files parsed (plain, multipart/alternative, PDF attachment, DSN bounce,
 * quoted-printable German, Chinese UTF-8, malformed), matched to a request in the documented order,
 * classified in five languages, and kept: a 'reply-received' event with the .eml and its files
 * (SHA-256), a suggestion only the user's confirmation turns into a deadline-moving event, and
 * nothing imported twice. Bad input gets a coded error and changes nothing.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../electron/core/shared/result'
import { classifyReply } from '../../electron/core/replies/classify'
import { matchReply, referencesIn, type MatchSource } from '../../electron/core/replies/match'
import { uidRanges } from '../../electron/core/replies/imap-sync'
import { maxReplyBytes, parseReply, safeAttachmentName } from '../../electron/core/replies/parse'
import type { ReplyKind } from '../../electron/core/replies/rules'
import { expectOk, startCore, testClock, type TestHost } from '../helpers/ports'
import { fixture, markedSent, sentBySmtp, simpleEml, writeTemp } from '../helpers/replies'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected a failure, got ok')
  return result.error
}

/** A core whose clock stands at the sending day, then moves on to 10 February for the replies. */
function host(): TestHost {
  return startCore({ clock: testClock('2026-01-31T10:00:00Z') })
}
const replyDay = (h: TestHost) => h.clock.set('2026-02-10T09:00:00Z')

async function importBytes(h: TestHost, name: string, bytes: Uint8Array, extra: { reference?: string; confirm?: boolean } = {}) {
  const result = expectOk(await h.api.call('replies:import', { files: [{ name, base64: base64(bytes) }], ...extra }))
  expect(result.failed).toEqual([])
  expect(result.outcomes).toHaveLength(1)
  return result.outcomes[0]!
}

/** Everything under the data folder, relative, for "nothing changed" checks. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((f) => !f.endsWith('index.log') && !f.endsWith('index.json') && !f.endsWith('index.v6.json'))
    .sort()
}

let smtp: TestSmtpServer
beforeAll(async () => {
  smtp = await startSmtpServer()
})
afterAll(async () => {
  await smtp?.close()
})

describe('reading an .eml', () => {
  it('reads a plain-text reply and keeps only its own words in the excerpt', async () => {
    const reply = await parseReply(fixture('plain-reference-en.eml'))
    expect(reply.from).toEqual({ name: 'FS.COM Privacy Team', address: 'privacy@fs.com' })
    expect(reply.subject).toBe('Re: Data protection query: access request, Art. 15 GDPR – RF-2026-0001')
    expect(reply.messageId).toBe('<ack-4711.20260202@fs.com>')
    expect(reply.date?.toISOString()).toBe('2026-02-02T13:05:00.000Z')
    expect(reply.excerpt).toContain('We have received your request')
    // The quoted request is in the text, not in the reply's own words.
    expect(reply.text).toContain('> This is a request for access')
    expect(reply.ownText).not.toContain('This is a request for access')
    expect(reply.excerpt).not.toContain('wrote:')
  })

  it('takes the text part of multipart/alternative, and reads In-Reply-To and References', async () => {
    const reply = await parseReply(fixture('alternative-identity-en.eml', { MESSAGE_ID: '<RF-2026-0001.abcdef012345@example.org>' }))
    expect(reply.inReplyTo).toEqual(['<RF-2026-0001.abcdef012345@example.org>'])
    expect(reply.references).toEqual(['<older-thread@fs.com>', '<RF-2026-0001.abcdef012345@example.org>'])
    expect(reply.excerpt).toMatch(/^Hello,\n\nBefore we can process your request we need to verify your identity\./)
    expect(reply.excerpt).not.toContain('<b>')
    expect(reply.attachments).toEqual([])
  })

  it('decodes a quoted-printable German reply in windows-1252, headers included', async () => {
    const reply = await parseReply(fixture('qp-german-identity.eml'))
    expect(reply.from.name).toBe('FS.COM Datenschutz (Kürten)')
    expect(reply.subject).toBe('AW: Ihre Anfrage zur Datenauskunft')
    expect(reply.ownText).toContain('Um Ihre Identität zu überprüfen, benötigen wir eine Kopie Ihres Personalausweises')
    // Soft line breaks are joined; the original message below the separator is not the reply's own.
    expect(reply.ownText).not.toContain('=\n')
    expect(reply.ownText).not.toContain('Ursprüngliche Nachricht')
    expect(reply.text).toContain('RF-2026-0001')
  })

  it('decodes a Chinese UTF-8 reply (base64 body, encoded subject and name)', async () => {
    const reply = await parseReply(fixture('chinese-utf8.eml'))
    expect(reply.from).toEqual({ name: 'b2s 客服', address: 'service@b2s.com' })
    expect(reply.subject).toBe('回复：数据保护请求：删除个人数据（《通用数据保护条例》第17条）– RF-2026-0003')
    expect(reply.ownText).toContain('我们已删除您的个人数据和账户')
    expect(reply.ownText).not.toContain('如贵公司拒绝本请求')
  })

  it('keeps a PDF attachment with its size and SHA-256', async () => {
    const reply = await parseReply(fixture('pdf-attachment-fr.eml'))
    expect(reply.attachments).toHaveLength(1)
    const [pdf] = reply.attachments
    expect(pdf).toMatchObject({ name: 'donnees-personnelles.pdf', contentType: 'application/pdf' })
    expect(Buffer.from(pdf!.content).toString('latin1')).toMatch(/^%PDF-1\.4/)
    expect(pdf!.size).toBe(pdf!.content.byteLength)
    expect(pdf!.sha256).toBe(sha256(pdf!.content))
  })

  it('recognises a DSN bounce with the recipient it failed for and the Message-ID it returns', async () => {
    const reply = await parseReply(fixture('dsn-bounce.eml', { MESSAGE_ID: '<RF-2026-0001.0123456789ab@example.org>' }))
    expect(reply.bounce).toEqual({
      failedRecipients: ['legal@fs.com'],
      status: '5.1.1',
      diagnostic: '550 5.1.1 <legal@fs.com>: Recipient address rejected: User unknown in virtual mailbox table',
      standard: true,
    })
    expect(reply.returned.messageIds).toEqual(['<RF-2026-0001.0123456789ab@example.org>'])
    expect(reply.returned.text).toContain('RF-2026-0001')
    // The report's own parts are not the company's files.
    expect(reply.attachments).toEqual([])
  })

  it('recognises a bounce without a report from the mailer-daemon sender, with the failed recipient', async () => {
    const bytes = simpleEml({
      from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      subject: 'Delivery Status Notification (Failure)',
      body: "Your message wasn't delivered to privacy@fs.com because the address couldn't be found.\r\n\r\nX-Failed: see below",
    })
    const withHeader = Buffer.from(bytes.toString('utf8').replace('MIME-Version', 'X-Failed-Recipients: privacy@fs.com\r\nMIME-Version'))
    const reply = await parseReply(withHeader)
    expect(reply.bounce).toMatchObject({ failedRecipients: ['privacy@fs.com'], standard: false })
  })

  it('turns attachment names that leave the folder into plain file names', async () => {
    const reply = await parseReply(fixture('traversal-names.eml'))
    expect(reply.attachments.map((a) => [a.originalName, a.name])).toEqual([
      ['../../x', 'x'],
      ['..\\..\\Windows\\evil.bat', 'evil.bat'],
      ['../../.ssh/authorized_keys', 'authorized_keys'],
    ])
    expect(safeAttachmentName('..', 0, 'application/pdf')).toBe('attachment-1.pdf')
    expect(safeAttachmentName('/', 2, 'text/csv')).toBe('attachment-3.csv')
    expect(safeAttachmentName('a\u0000b:c.txt', 0, 'text/plain')).toBe('a_b_c.txt')
    expect(safeAttachmentName('.htaccess', 0, 'text/plain')).toBe('htaccess')
  })

  it('refuses what is not an e-mail, or smuggles header lines, with a coded error', async () => {
    const code = (bytes: Uint8Array) => parseReply(bytes).then(() => 'parsed', (e: { code: string }) => e.code)
    expect(await code(fixture('malformed.eml'))).toBe('EML_INVALID')
    expect(await code(new Uint8Array())).toBe('EML_INVALID')
    expect(await code(Buffer.from('%PDF-1.4\n\u0000\u0001binary'))).toBe('EML_INVALID')
    expect(await code(Buffer.from('Subject: no sender\r\n\r\nbody'))).toBe('EML_INVALID')
    expect(await code(Buffer.from('From: a@fs.com\r\nthis line is no header\r\nSubject: x\r\n\r\nbody'))).toBe('EML_INVALID')
    expect(await code(fixture('header-injection.eml'))).toBe('EML_HEADER_INJECTION')
    expect(await code(Buffer.from('From: a@fs.com\r\nSubject: hi\rBcc: evil@x.example\r\n\r\nbody'))).toBe('EML_HEADER_INJECTION')
    expect(await code(Buffer.from('From: a@fs.com\r\nSubject: hi\nBcc: evil@x.example\r\n\r\nbody'))).toBe('EML_HEADER_INJECTION')
    expect(await code(Buffer.from('From: a@fs.com\r\nSubject: one\r\nSubject: two\r\n\r\nbody'))).toBe('EML_HEADER_INJECTION')
    const name = Buffer.from(`From: =?UTF-8?B?${Buffer.from('Eve\r\nBcc: x@y.example').toString('base64')}?= <eve@fs.com>\r\nSubject: x\r\n\r\nbody`)
    expect(await code(name)).toBe('EML_HEADER_INJECTION')
    // LF-only files (as many programs save them) are fine, and so is an mbox separator line.
    expect(await code(Buffer.from('From: a@fs.com\nSubject: hi\n\nbody\n'))).toBe('parsed')
    expect(await code(Buffer.from('From privacy@fs.com Mon Feb  2 09:14:03 2026\nFrom: a@fs.com\nSubject: hi\n\nbody\n'))).toBe('parsed')
    const huge = Buffer.alloc(maxReplyBytes + 1, 'a')
    Buffer.from('From: a@fs.com\r\nSubject: big\r\n\r\n').copy(huge)
    expect(await code(huge)).toBe('EML_TOO_LARGE')
  })
})

describe('classifying a reply', () => {
  const cases: ReadonlyArray<[string, ReplyKind, string]> = [
    ['en', 'acknowledged', 'Thank you. We have received your request and will respond within one month.'],
    ['en', 'identity-requested', 'To proceed, please provide proof of identity, such as a copy of your passport.'],
    ['en', 'extension-claimed', 'Due to the complexity we need to extend the period by a further two months.'],
    ['en', 'data-received', 'Please find attached a copy of your personal data.'],
    ['en', 'refused', 'We are unable to comply with your request.'],
    ['en', 'completed', 'We have deleted your personal data from all our systems.'],
    ['de', 'acknowledged', 'Wir bestätigen hiermit den Eingang Ihrer Anfrage vom 31.01.2026.'],
    ['de', 'identity-requested', 'Bitte senden Sie uns eine Kopie Ihres Personalausweises.'],
    ['de', 'extension-claimed', 'Wir müssen die Frist um zwei weitere Monate verlängern.'],
    ['de', 'data-received', 'Anbei erhalten Sie die Auskunft über Ihre gespeicherten Daten.'],
    ['de', 'refused', 'Leider können wir Ihrem Antrag nicht nachkommen.'],
    ['de', 'completed', 'Ihre Daten wurden vollständig gelöscht.'],
    ['fr', 'acknowledged', 'Nous accusons bonne réception de votre demande.'],
    ['fr', 'identity-requested', "Merci de nous fournir un justificatif d'identité."],
    ['fr', 'extension-claimed', 'Le délai de réponse est prolongé de deux mois.'],
    ['fr', 'data-received', 'Vous trouverez ci-joint vos données.'],
    ['fr', 'refused', 'Nous ne pouvons pas donner suite à votre demande.'],
    ['fr', 'completed', 'Vos données ont été supprimées.'],
    ['es', 'acknowledged', 'Hemos recibido su solicitud y le responderemos en breve.'],
    ['es', 'identity-requested', 'Necesitamos verificar su identidad con una copia de su DNI.'],
    ['es', 'extension-claimed', 'Debemos ampliar el plazo de respuesta en dos meses adicionales.'],
    ['es', 'data-received', 'Adjunto le remitimos sus datos personales.'],
    ['es', 'refused', 'No podemos atender su solicitud.'],
    ['es', 'completed', 'Sus datos han sido eliminados de nuestros sistemas.'],
    ['zh', 'acknowledged', '您好，我们已收到您的申请，将在15个工作日内回复。'],
    ['zh', 'identity-requested', '为保护您的信息安全，我们需要核实您的身份，请提供身份证复印件。'],
    ['zh', 'extension-claimed', '由于情况复杂，我们需要延长处理期限。'],
    ['zh', 'data-received', '附件是您的个人信息，请查收。'],
    ['zh', 'refused', '很抱歉，我们无法满足您的请求。'],
    ['zh', 'completed', '您的账户已被注销，相关信息已删除。'],
  ]
  it.each(cases)('%s: %s', (lang, kind, text) => {
    const result = classifyReply({ subject: '', text, bounce: null })
    expect(result.kind).toBe(kind)
    expect(result.lang).toBe(lang)
    expect(result.confidence).toBeGreaterThanOrEqual(0.5)
    // The reason quotes the phrase found in the reply.
    const quoted = /^“([^”]+)”/.exec(result.reason)?.[1]
    expect(quoted).toBeTruthy()
    expect(text.toLowerCase().replace(/\s+/g, ' ')).toContain(quoted!)
  })

  it('finds nothing in a reply without a known phrase, and says so', () => {
    expect(classifyReply({ subject: 'Hello', text: 'Thanks, noted.', bounce: null })).toMatchObject({ kind: 'reply-received', confidence: 0.3 })
  })

  it('ignores our own words: the quoted request and our subject', () => {
    const ours = { subject: 'Request for erasure – RF-2026-0001', body: 'If you refuse this request, tell me which exemption applies and why.\nPlease confirm that you have deleted my personal data.' }
    const text = 'Hello,\n\nIf you refuse this request, tell me which exemption applies and why.\nPlease confirm that you have deleted my personal data.\n'
    expect(classifyReply({ subject: 'Re: Request for erasure – RF-2026-0001', text, bounce: null, ours }).kind).toBe('reply-received')
    // The same words from the company itself count.
    expect(classifyReply({ subject: 'Your request', text: 'We have deleted your personal data.', bounce: null, ours }).kind).toBe('completed')
  })

  it('weighs a refusal above an acknowledgement in the same reply, and is less sure', () => {
    const result = classifyReply({ subject: '', text: 'We have received your request. However, we are unable to comply with your request.', bounce: null })
    expect(result.kind).toBe('refused')
    expect(result.confidence).toBeLessThan(0.85)
    expect(result.reason).toContain('also says')
  })

  it('calls a bounce a bounce, surer for a standard report', () => {
    const bounce = { failedRecipients: ['legal@fs.com'], status: '5.1.1', diagnostic: '550 User unknown', standard: true }
    expect(classifyReply({ subject: 'Undelivered', text: 'We have received your request', bounce })).toMatchObject({ kind: 'bounce', confidence: 0.95 })
    expect(classifyReply({ subject: 'x', text: '', bounce: { ...bounce, standard: false } }).confidence).toBeLessThan(0.95)
  })
})

describe('matching order', () => {
  const source = (requests: Record<string, { messageId?: string; domains?: string[]; to?: string; open?: boolean; sentOn?: string }>): MatchSource => ({
    sent: () => Object.entries(requests).map(([reference, r]) => ({ reference, open: r.open ?? true, sentOn: r.sentOn ?? '2026-01-31' })),
    byMessageId: (id) => Object.entries(requests).find(([, r]) => r.messageId === id)?.[0] ?? null,
    contactsOf: (reference) => ({ domains: requests[reference]?.domains ?? [], addresses: requests[reference]?.to ? [requests[reference]!.to!] : [] }),
  })
  const requests = {
    'RF-2026-0001': { messageId: '<RF-2026-0001.aaa@example.org>', domains: ['fs.com'], to: 'legal@fs.com' },
    'RF-2026-0002': { messageId: '<RF-2026-0002.bbb@example.org>', domains: ['b2s.com'], to: 'webmaster@b2s.com' },
    'RF-2026-0003': { domains: ['foscam.com'], to: 'aftersales@foscam.com', open: false },
    'RF-2026-0004': { domains: ['foscam.com'], to: 'aftersales@foscam.com', sentOn: '2026-01-20' },
  }
  const base = { inReplyTo: [], references: [], subject: '', text: '', from: 'someone@elsewhere.example' }

  it('takes In-Reply-To before References, the reference and the domain', () => {
    const result = matchReply(
      { ...base, inReplyTo: ['<RF-2026-0001.aaa@example.org>'], references: ['<RF-2026-0002.bbb@example.org>'], subject: 'RE: RF-2026-0003', from: 'x@foscam.com' },
      source(requests),
    )
    expect(result).toEqual({ reference: 'RF-2026-0001', by: 'in-reply-to', needsConfirmation: false, candidates: ['RF-2026-0001'] })
  })

  it('takes References (the newest first) before the reference in the subject', () => {
    const result = matchReply(
      { ...base, inReplyTo: ['<unknown@fs.com>'], references: ['<RF-2026-0001.aaa@example.org>', '<RF-2026-0002.bbb@example.org>'], subject: 'RE: RF-2026-0003' },
      source(requests),
    )
    expect(result).toMatchObject({ reference: 'RF-2026-0002', by: 'references', needsConfirmation: false })
  })

  it('takes the reference in the subject before the one in the text, and the text before the domain', () => {
    expect(matchReply({ ...base, subject: 'Re: RF-2026-0002', text: 'about RF-2026-0001', from: 'x@foscam.com' }, source(requests))).toMatchObject({
      reference: 'RF-2026-0002',
      by: 'reference',
    })
    expect(matchReply({ ...base, text: '> Your reference RF-2026-0001', from: 'x@foscam.com' }, source(requests))).toMatchObject({ reference: 'RF-2026-0001', by: 'reference' })
    // A reference no sent request has is no match.
    expect(matchReply({ ...base, subject: 'RF-2026-0099', from: 'x@elsewhere.example' }, source(requests)).reference).toBeNull()
  })

  it('proposes requests by the sender’s domain (subdomains too), open ones first, and asks to confirm', () => {
    const result = matchReply({ ...base, from: 'noreply@support.foscam.com' }, source(requests))
    expect(result).toEqual({ reference: 'RF-2026-0004', by: 'sender-domain', needsConfirmation: true, candidates: ['RF-2026-0004', 'RF-2026-0003'] })
    expect(matchReply({ ...base, from: 'x@notfoscam.com' }, source(requests)).reference).toBeNull()
  })

  it('does not match a public mail provider’s domain, only the exact address there', () => {
    const shared = { 'RF-2026-0009': { domains: [], to: 'shop.owner@gmail.com' } }
    expect(matchReply({ ...base, from: 'stranger@gmail.com' }, source(shared)).reference).toBeNull()
    expect(matchReply({ ...base, from: 'Shop.Owner@gmail.com' }, source(shared)).reference).toBe('RF-2026-0009')
  })

  it('matches a bounce by the Message-ID it returns, else by the failed recipient', () => {
    expect(matchReply({ ...base, from: 'mailer-daemon@mx.example.org', returned: { messageIds: ['<RF-2026-0002.bbb@example.org>'], text: '' } }, source(requests))).toMatchObject({
      reference: 'RF-2026-0002',
      by: 'references',
    })
    expect(matchReply({ ...base, from: 'mailer-daemon@mx.example.org', failedRecipients: ['legal@fs.com'] }, source(requests))).toMatchObject({
      reference: 'RF-2026-0001',
      by: 'sender-domain',
      needsConfirmation: true,
    })
  })

  it('asks IMAP for UIDs in ranges', () => {
    expect(uidRanges([3, 4, 5, 6, 7, 9, 12, 13])).toBe('3:7,9,12:13')
    expect(uidRanges([42])).toBe('42')
    expect(uidRanges([])).toBe('')
  })

  it('finds references only as whole tokens', () => {
    expect(referencesIn('RF-2026-0001, xRF-2026-0002, RF-2026-00031 and RF-2026-0001 again')).toEqual(['RF-2026-0001', 'RF-2026-00031'])
  })
})

describe('importing replies into requests', () => {
  it('puts a reply to the Message-ID Rightful sent on the timeline, and only the confirmation moves the deadline', async () => {
    const h = host()
    const { reference, messageId } = await sentBySmtp(h, smtp)
    replyDay(h)
    const bytes = fixture('alternative-identity-en.eml', { MESSAGE_ID: messageId })
    const outcome = await importBytes(h, 'reply.eml', bytes)
    expect(outcome).toMatchObject({
      matched: reference,
      matchedBy: 'in-reply-to',
      needsConfirmation: false,
      duplicate: false,
      classification: { kind: 'identity-requested' },
      confirmedEventId: null,
    })
    expect(outcome.classification.reason).toContain('verify your identity')

    const view = expectOk(await h.api.call('requests:get', { reference }))
    const event = view.record.events.find((e) => e.id === outcome.eventId)!
    expect(event).toMatchObject({ kind: 'reply-received', on: '2026-02-03' })
    expect(event.note).toContain('From FS.COM Data Protection <dpo@fs.com>')
    expect(event.note).toContain('Subject: Your privacy request')
    expect(event.note).toContain('we need to verify your identity')
    // The whole message is kept, byte for byte, with its SHA-256.
    const [eml] = event.attachments
    expect(eml!.name).toMatch(/\.eml$/)
    expect(eml!.sha256).toBe(sha256(bytes))
    expect(fs.readFileSync(path.join(h.dataDir, eml!.file)).equals(bytes)).toBe(true)
    // A suggestion is not a fact: the company's clock is not stopped yet.
    expect(view.status.kind).toBe('awaiting-reply')
    expect(view.record.events.some((e) => e.kind === 'identity-requested')).toBe(false)

    const { reply, request } = expectOk(await h.api.call('replies:confirm', { replyId: outcome.replyId, kind: 'identity-requested' }))
    expect(reply.confirmed).toMatchObject({ kind: 'identity-requested', on: '2026-02-03' })
    expect(request.record.events.find((e) => e.id === reply.confirmed!.eventId)).toMatchObject({ kind: 'identity-requested', on: '2026-02-03' })
    expect(request.status).toMatchObject({ kind: 'waiting-for-you', reason: 'identity' })

    // "Choose another": the earlier choice's event is removed (kept as removed), the new one added.
    const changed = expectOk(await h.api.call('replies:confirm', { replyId: outcome.replyId, kind: 'acknowledged' }))
    const events = changed.request.record.events
    expect(events.find((e) => e.id === reply.confirmed!.eventId)?.removedAt).not.toBeNull()
    expect(events.filter((e) => e.kind === 'acknowledged' && e.removedAt === null)).toHaveLength(1)
    expect(changed.request.status.kind).toBe('awaiting-reply')
    expect(changed.request.record.events.filter((e) => e.kind === 'reply-received')).toHaveLength(1)
  })

  it('matches In-Reply-To before the RF- reference, and that before the sender’s domain', async () => {
    const h = host()
    const first = await sentBySmtp(h, smtp) // RF-2026-0001 to fs.com
    const second = await markedSent(h, 'b2s') // RF-2026-0002 to b2s.com
    const third = await markedSent(h, 'foscam') // RF-2026-0003 to foscam.com
    replyDay(h)
    const all = simpleEml({ from: 'support@foscam.com', subject: `Re: ${second}`, body: 'Noted.', inReplyTo: first.messageId })
    expect(await importBytes(h, 'a.eml', all)).toMatchObject({ matched: first.reference, matchedBy: 'in-reply-to' })
    const referenceAndDomain = simpleEml({ from: 'support@foscam.com', subject: `Re: ${second}`, body: 'Noted.' })
    expect(await importBytes(h, 'b.eml', referenceAndDomain)).toMatchObject({ matched: second, matchedBy: 'reference', needsConfirmation: false })
    const domainOnly = simpleEml({ from: 'support@foscam.com', subject: 'Your message', body: 'Noted.' })
    expect(await importBytes(h, 'c.eml', domainOnly)).toMatchObject({ matched: third, matchedBy: 'sender-domain', needsConfirmation: true })
  })

  it('adds nothing for a sender-domain match until the user confirms the request', async () => {
    const h = host()
    const reference = await markedSent(h)
    replyDay(h)
    const bytes = fixture('sender-domain-es.eml')
    const outcome = await importBytes(h, 'es.eml', bytes)
    expect(outcome).toMatchObject({ matched: reference, matchedBy: 'sender-domain', needsConfirmation: true, eventId: null, classification: { kind: 'refused' } })
    expect(outcome.classification.reason).toContain('(es)')
    expect(expectOk(await h.api.call('requests:get', { reference })).record.events.map((e) => e.kind)).toEqual(['created', 'sent'])
    // The message is kept meanwhile, and listed as to be sorted, also on the request's page.
    const kept = path.join(h.dataDir, outcome.reply.file)
    expect(fs.readFileSync(kept).equals(bytes)).toBe(true)
    expect(expectOk(await h.api.call('replies:list', { pending: true })).map((r) => r.id)).toEqual([outcome.replyId])
    expect(expectOk(await h.api.call('replies:list', { reference })).map((r) => r.id)).toEqual([outcome.replyId])

    const { reply, request } = expectOk(await h.api.call('replies:confirm', { replyId: outcome.replyId, reference, kind: 'refused' }))
    expect(reply).toMatchObject({ state: 'attached', match: { reference, by: 'sender-domain' } })
    expect(request.record.events.map((e) => e.kind)).toEqual(['created', 'sent', 'reply-received', 'refused'])
    expect(request.status.kind).toBe('refused')
    // Now kept with the request: the waiting copy is gone, the request's copy is the same bytes.
    expect(fs.existsSync(kept)).toBe(false)
    expect(fs.readFileSync(path.join(h.dataDir, reply.file)).equals(bytes)).toBe(true)
    expect(expectOk(await h.api.call('replies:list', { pending: true }))).toEqual([])
  })

  it('keeps a reply that matches nothing, lets the user assign it or dismiss it', async () => {
    const h = host()
    const reference = await markedSent(h)
    replyDay(h)
    const outcome = await importBytes(h, 'x.eml', simpleEml({ from: 'news@shop.example', subject: 'Our newsletter', body: 'Sale!' }))
    expect(outcome).toMatchObject({ matched: null, matchedBy: null, needsConfirmation: false, eventId: null })
    expect(errorOf(await h.api.call('replies:confirm', { replyId: outcome.replyId, kind: 'acknowledged' })).code).toBe('INVALID_INPUT')
    const dismissed = expectOk(await h.api.call('replies:dismiss', { replyId: outcome.replyId }))
    expect(dismissed.state).toBe('dismissed')
    expect(expectOk(await h.api.call('replies:list', { pending: true }))).toEqual([])
    // Dismissed by mistake: it can still be put on a request.
    const { request } = expectOk(await h.api.call('replies:confirm', { replyId: outcome.replyId, reference }))
    expect(request.record.events.map((e) => e.kind)).toContain('reply-received')
  })

  it('proposes the request whose page the reply was imported on, and waits for confirmation', async () => {
    const h = host()
    const reference = await markedSent(h, 'b2s')
    replyDay(h)
    const outcome = await importBytes(h, 'y.eml', simpleEml({ from: 'someone@other.example', subject: 'Hi', body: 'About your letter.' }), { reference })
    expect(outcome).toMatchObject({ matched: reference, matchedBy: 'user', needsConfirmation: true, eventId: null })
  })

  it('does not import the same message twice (same bytes, or same Message-ID)', async () => {
    const h = host()
    const reference = await markedSent(h)
    replyDay(h)
    const bytes = fixture('plain-reference-en.eml')
    const first = await importBytes(h, 'one.eml', bytes)
    expect(first).toMatchObject({ matched: reference, matchedBy: 'reference', duplicate: false, classification: { kind: 'acknowledged' } })
    const again = await importBytes(h, 'one-again.eml', bytes)
    expect(again).toMatchObject({ duplicate: true, replyId: first.replyId, eventId: first.eventId })
    // Saved again by another program: other bytes, same Message-ID.
    const resaved = Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1')
    expect(await importBytes(h, 'resaved.eml', resaved)).toMatchObject({ duplicate: true, replyId: first.replyId })
    const events = expectOk(await h.api.call('requests:get', { reference })).record.events
    expect(events.filter((e) => e.kind === 'reply-received')).toHaveLength(1)
    expect(expectOk(await h.api.call('replies:list', {}))).toHaveLength(1)

    // Removed from the timeline by the user: gone from the list, and it may be imported again.
    expectOk(await h.api.call('requests:removeEvent', { reference, eventId: first.eventId! }))
    expect(expectOk(await h.api.call('replies:list', {}))).toEqual([])
    const fresh = await importBytes(h, 'one.eml', bytes)
    expect(fresh).toMatchObject({ duplicate: false, matched: reference })
    expect(fresh.replyId).not.toBe(first.replyId)
  })

  it('stores attachments with their SHA-256 inside the request’s folder, whatever their names say', async () => {
    const h = host()
    const reference = await markedSent(h)
    replyDay(h)
    const outcome = await importBytes(h, 'files.eml', fixture('traversal-names.eml'))
    expect(outcome).toMatchObject({ matched: reference, classification: { kind: 'data-received' } })
    const event = expectOk(await h.api.call('requests:get', { reference })).record.events.find((e) => e.id === outcome.eventId)!
    expect(event.attachments.map((a) => a.name)).toEqual([expect.stringMatching(/\.eml$/), 'x', 'evil.bat', 'authorized_keys'])
    const folder = path.join(h.dataDir, 'requests', `${reference}.files`)
    const contents = ['first file', 'echo second file', 'third,file']
    for (const [index, attachment] of event.attachments.slice(1).entries()) {
      const full = path.resolve(h.dataDir, attachment.file)
      expect(path.dirname(full)).toBe(folder)
      const bytes = fs.readFileSync(full)
      expect(bytes.toString('utf8').trim()).toBe(contents[index])
      expect(attachment.sha256).toBe(sha256(bytes))
      expect(attachment.size).toBe(bytes.length)
    }
    // Nothing landed beside or above the data folder, and no temporary folder is left.
    expect(fs.existsSync(path.join(h.dataDir, '..', 'x'))).toBe(false)
    expect(fs.existsSync(path.join(h.dataDir, 'requests', 'x'))).toBe(false)
    expect(fs.readdirSync(path.join(h.dataDir, 'replies')).filter((n) => n.startsWith('.import-'))).toEqual([])
    // The files can be shown in the file manager like any other.
    const { path: shown } = expectOk(await h.api.call('attachments:reveal', { reference, attachmentId: event.attachments[1]!.id }))
    expect(fs.readFileSync(shown, 'utf8')).toBe('first file')
  })

  it('imports a DSN bounce as undeliverable, matched by the returned Message-ID, with the failed recipient', async () => {
    const h = host()
    const { reference, messageId } = await sentBySmtp(h, smtp)
    replyDay(h)
    const outcome = await importBytes(h, 'bounce.eml', fixture('dsn-bounce.eml', { MESSAGE_ID: messageId }))
    expect(outcome).toMatchObject({ matched: reference, matchedBy: 'references', classification: { kind: 'bounce', confidence: 0.95 } })
    expect(outcome.reply.bounce?.failedRecipients).toEqual(['legal@fs.com'])
    const view = expectOk(await h.api.call('requests:get', { reference }))
    const event = view.record.events.find((e) => e.id === outcome.eventId)!
    expect(event.note).toMatch(/undeliverable .* legal@fs\.com .*550 5\.1\.1/s)
    // Confirmed as a bounce: no answer of the company is made up, only the failed delivery.
    const { reply, request } = expectOk(await h.api.call('replies:confirm', { replyId: outcome.replyId, kind: 'bounce' }))
    // A confirmed bounce records that the request was not delivered: no deadline runs until it is sent again.
    expect(reply.confirmed?.kind).toBe('bounce')
    expect(reply.confirmed?.eventId).toBeTruthy()
    expect(request.record.events.map((e) => e.kind)).toEqual(['created', 'sent', 'reply-received', 'undeliverable'])
    expect(request.status.kind).toBe('undeliverable')
    expect(request.deadline).toBeNull()
  })

  it('classifies a German and a Chinese reply and takes the suggestion with confirm: true', async () => {
    const h = host()
    const de = await markedSent(h, 'fs-com', 'de')
    const zh = await markedSent(h, 'b2s', 'zh', 'erasure')
    expect([de, zh]).toEqual(['RF-2026-0001', 'RF-2026-0002'])
    replyDay(h)
    const german = await importBytes(h, 'de.eml', fixture('qp-german-identity.eml'), { confirm: true })
    expect(german).toMatchObject({ matched: de, matchedBy: 'reference', classification: { kind: 'identity-requested' } })
    expect(german.confirmedEventId).toBeTruthy()
    expect(expectOk(await h.api.call('requests:get', { reference: de })).status.kind).toBe('waiting-for-you')

    // The fixture names RF-2026-0003: only the domain fits here, so it needs confirming.
    const chinese = await importBytes(h, 'zh.eml', fixture('chinese-utf8.eml'))
    expect(chinese).toMatchObject({ matched: zh, matchedBy: 'sender-domain', needsConfirmation: true, classification: { kind: 'completed' } })
    expect(chinese.classification.reason).toContain('(zh)')
    const { request } = expectOk(await h.api.call('replies:confirm', { replyId: chinese.replyId, reference: zh, kind: 'completed' }))
    expect(request.status.kind).toBe('completed')
  })

  it('dates a reply between the sending day and today, whatever its Date header says', async () => {
    const h = host()
    const reference = await markedSent(h)
    replyDay(h)
    const early = await importBytes(h, 'early.eml', simpleEml({ from: 'p@fs.com', subject: `Re: ${reference}`, body: 'Hi', date: 'Mon, 05 Jan 2026 10:00:00 +0000' }))
    const late = await importBytes(h, 'late.eml', simpleEml({ from: 'p@fs.com', subject: `Re: ${reference}`, body: 'Hi again', date: 'Mon, 05 Oct 2026 10:00:00 +0000' }))
    const events = expectOk(await h.api.call('requests:get', { reference })).record.events
    expect(events.find((e) => e.id === early.eventId)?.on).toBe('2026-01-31')
    expect(events.find((e) => e.id === late.eventId)?.on).toBe('2026-02-10')
  })

  it('puts a reply to a reminder on the request it reminds of', async () => {
    const h = host()
    const original = await markedSent(h)
    h.clock.set('2026-03-05T09:00:00Z')
    const { record } = expectOk(await h.api.call('requests:createFollowUp', { reference: original, type: 'reminder' }))
    expectOk(await h.api.call('requests:markSent', { reference: record.reference, on: '2026-03-05', channel: 'email' }))
    h.clock.set('2026-03-10T09:00:00Z')
    const outcome = await importBytes(h, 'r.eml', simpleEml({ from: 'legal@fs.com', subject: `Re: ${record.reference}`, body: 'Sorry for the delay. Please find attached a copy of your personal data.', date: 'Mon, 09 Mar 2026 10:00:00 +0100' }))
    expect(outcome).toMatchObject({ matched: original, matchedBy: 'reference', classification: { kind: 'data-received' } })
    const events = expectOk(await h.api.call('requests:get', { reference: original })).record.events
    expect(events.find((e) => e.id === outcome.eventId)?.kind).toBe('reply-received')
    // From the domain alone, the original is proposed once, not beside its reminder.
    const domain = await importBytes(h, 'd.eml', simpleEml({ from: 'legal@fs.com', subject: 'Hello', body: 'A question.' }))
    expect(domain).toMatchObject({ matched: original, candidates: [original] })
  })

  it('refuses the request Rightful sent itself as a reply', async () => {
    const h = host()
    const { reference } = await sentBySmtp(h, smtp)
    const archive = expectOk(await h.api.call('requests:get', { reference })).record.sent!.email!.archive
    const bytes = fs.readFileSync(path.join(h.dataDir, archive.file))
    const error = errorOf(await h.api.call('replies:import', { files: [{ name: 'sent.eml', base64: base64(bytes) }] }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain(reference)
  })

  it('gives bad files a coded error and changes nothing; in a batch the good ones still import', async () => {
    const h = host()
    const reference = await markedSent(h)
    replyDay(h)
    const before = filesUnder(h.dataDir)
    for (const [name, code] of [
      ['malformed.eml', 'EML_INVALID'],
      ['header-injection.eml', 'EML_HEADER_INJECTION'],
    ] as const) {
      const error = errorOf(await h.api.call('replies:import', { files: [{ name, base64: base64(fixture(name)) }] }))
      expect(error.code).toBe(code)
      expect(error.message.length).toBeGreaterThan(20)
    }
    // A huge file is refused before it is read (from the picker) or decoded (dropped).
    const huge = writeTemp(h, 'huge.eml', '')
    fs.truncateSync(huge, maxReplyBytes + 1)
    h.picked.push(huge)
    expect(errorOf(await h.api.call('replies:import', { reference })).code).toBe('EML_TOO_LARGE')
    expect(errorOf(await h.api.call('replies:import', { files: [{ name: 'x.eml', base64: '%%%not base64' }] })).code).toBe('INVALID_INPUT')
    expect(filesUnder(h.dataDir)).toEqual(before)
    expect(expectOk(await h.api.call('replies:list', {}))).toEqual([])
    expect(expectOk(await h.api.call('requests:get', { reference })).record.events.map((e) => e.kind)).toEqual(['created', 'sent'])

    // Several files from the picker: each bad one is reported, the good ones are imported.
    h.picked.push(writeTemp(h, 'bad.eml', fixture('malformed.eml')), writeTemp(h, 'good.eml', fixture('plain-reference-en.eml')))
    const result = expectOk(await h.api.call('replies:import', {}))
    expect(result.outcomes.map((o) => o.matched)).toEqual([reference])
    expect(result.failed).toEqual([{ source: expect.stringMatching(/bad\.eml$/), code: 'EML_INVALID', message: expect.any(String) }])
  })

  it('keeps the replies across a restart; sets a bad record aside and keeps the others; moves a file that is no JSON aside', async () => {
    const h = host()
    const reference = await markedSent(h)
    replyDay(h)
    const outcome = await importBytes(h, 'r.eml', fixture('plain-reference-en.eml'))
    const again = startCore({ dataDir: h.dataDir, clock: h.clock })
    expect(expectOk(await again.api.call('replies:list', { reference })).map((r) => r.id)).toEqual([outcome.replyId])
    const file = path.join(h.dataDir, 'replies', 'replies.json')
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { replies: unknown[] }
    fs.writeFileSync(file, JSON.stringify({ ...stored, replies: [{ id: 3 }, ...stored.replies] }))
    const third = startCore({ dataDir: h.dataDir, clock: h.clock })
    expect(expectOk(await third.api.call('replies:list', {})).map((r) => r.id)).toEqual([outcome.replyId])
    const status = expectOk(await third.api.call('app:status', {}))
    expect(status.notices.map((n) => n.code)).toEqual(['RECORDS_SET_ASIDE'])
    const aside = fs.readdirSync(path.join(h.dataDir, 'replies')).filter((n) => n.startsWith('replies.set-aside-'))
    expect(aside).toHaveLength(1)
    expect(JSON.parse(fs.readFileSync(path.join(h.dataDir, 'replies', aside[0]!), 'utf8')).entries).toMatchObject([{ key: 'reply #1', data: { id: 3 } }])

    fs.writeFileSync(file, '{"version": 1, "replies": [')
    const fourth = startCore({ dataDir: h.dataDir, clock: h.clock })
    expect(expectOk(await fourth.api.call('replies:list', {}))).toEqual([])
    expect(expectOk(await fourth.api.call('app:status', {})).notices.map((n) => n.code)).toContain('STORE_FILE_UNREADABLE')
    expect(fs.readdirSync(path.join(h.dataDir, 'replies')).some((n) => n.startsWith('replies.unreadable-'))).toBe(true)
  })

  it('checks its input', async () => {
    const h = host()
    expect(errorOf(await h.api.call('replies:confirm', { replyId: 'rp-000000000000', kind: 'acknowledged' })).code).toBe('NOT_FOUND')
    expect(errorOf(await h.api.call('replies:confirm', { replyId: '../../x', kind: 'acknowledged' })).code).toBe('INVALID_INPUT')
    expect(errorOf(await h.api.call('replies:confirm', { replyId: 'rp-000000000000', kind: 'made-up' as never })).code).toBe('INVALID_INPUT')
    expect(errorOf(await h.api.call('replies:import', { files: [] })).code).toBe('INVALID_INPUT')
  })
})
