/**
 * A company's reply as Rightful reads it: the raw .eml checked before anything trusts it (size,
 * header structure, line breaks smuggled into header fields), then parsed with mailparser into a
 * normalized reply. Nothing here writes anything; bad input throws a CoreError with a stable code.
 */
import { createHash } from 'node:crypto'
import { createTextBudget, unlimitedBudget, type TextBudget } from '../text/budget'
import type { AddressObject, ParsedMail } from 'mailparser'
import { CoreError } from '../shared/result'
import { cutFileName, maxFileNameBytes } from '../shared/text-cut'
import { coreError } from '../messages/errors'
import { message, type Message, type MessageParam } from '../shared/message'

/** The largest .eml Rightful imports (a reply with a data export attached may be large). */
export const maxReplyBytes = 25 * 1024 * 1024

/** How much of the reply's own text the timeline keeps. */
export const excerptLength = 600

/**
 * How long reading one reply's text may take (after mailparser has decoded it). Every step is
 * linear; the budget stops what would not be, with INPUT_TOO_COMPLEX.
 */
export const replyBudgetMs = 20_000

export type ReplyAddress = { readonly name: string; readonly address: string }

export type ReplyAttachment = {
  /** A safe file name (no folders, no control characters), never empty. */
  readonly name: string
  /** The name exactly as the message gave it, or null. */
  readonly originalName: string | null
  readonly contentType: string
  readonly size: number
  readonly sha256: string
  readonly content: Uint8Array
}

/** What a delivery status notification (bounce) says about the message it returns. */
export type BounceInfo = {
  /** The recipients the mail system could not deliver to. */
  readonly failedRecipients: ReadonlyArray<string>
  /** "5.1.1" */
  readonly status: string | null
  /** The remote server's words: "550 5.1.1 User unknown". */
  readonly diagnostic: string | null
  /** True for a standard report (multipart/report; report-type=delivery-status). */
  readonly standard: boolean
}

export type ParsedReply = {
  /** "<id@host>" as the message gives it; null when it has none. */
  readonly messageId: string | null
  readonly inReplyTo: ReadonlyArray<string>
  readonly references: ReadonlyArray<string>
  readonly from: ReplyAddress
  readonly to: ReadonlyArray<string>
  /** The Date header; null when missing or unreadable. */
  readonly date: Date | null
  readonly subject: string
  /** The whole text (from the HTML part when there is no text part). */
  readonly text: string
  /** The reply's own words: quoted earlier messages removed. */
  readonly ownText: string
  readonly excerpt: string
  readonly attachments: ReadonlyArray<ReplyAttachment>
  /** Message-IDs and text of the message a bounce returns (its headers part), for matching. */
  readonly returned: { readonly messageIds: ReadonlyArray<string>; readonly text: string }
  /** Set when the message is a bounce: a DSN, or a mailer-daemon/postmaster sender. */
  readonly bounce: BounceInfo | null
  readonly sha256: string
  readonly size: number
}

const fail = (key: string, params?: Readonly<Record<string, MessageParam>>): never => {
  throw coreError('EML_INVALID', `error.eml.${key}`, params)
}

const injection = (key: string, params?: Readonly<Record<string, MessageParam>>): never => {
  throw coreError('EML_HEADER_INJECTION', `error.eml.${key}`, params)
}

/** A header field as the messages name it: the person's words for the sender's, a field's own name for the rest. */
const headerNames = new Map<string, string>([['subject', 'subject'], ["sender's name", 'senderName'], ["sender's address", 'senderAddress']])
const headerOf = (what: string): Message => {
  const own = headerNames.get(what)
  return own ? message(`error.mail.field.${own}`) : message('error.eml.field', { name: what })
}

/** Header fields that may appear only once and that Rightful acts upon. */
const singleFields = ['from', 'subject', 'message-id', 'in-reply-to', 'references', 'date']

/**
 * Checks the raw header block: real "Name: value" lines (or folded continuations), one kind of
 * line ending, no bare CR, no NUL, and no repeated field that Rightful acts upon.
 */
function checkHeaderBlock(bytes: Uint8Array): void {
  // The header block ends at the first empty line; look at most at 1 MB of it.
  const limit = Math.min(bytes.length, 1024 * 1024)
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, limit).toString('latin1')
  const end = head.search(/\r?\n\r?\n/)
  const block = end >= 0 ? head.slice(0, end) : head
  if (end < 0 && limit === bytes.length && !/\n/.test(head)) fail('noHeader')
  if (block.includes('\u0000')) fail('binaryHeader')
  const crlf = /\r\n/.test(block)
  if (/\r(?!\n)/.test(block)) injection('bareCr')
  if (crlf && /(?<!\r)\n/.test(block)) {
    injection('mixedEndings')
  }
  const lines = block.split(/\r?\n/)
  if (!lines[0] || !/^[!-9;-~]+:/.test(lines[0])) fail('noFields')
  const seen = new Map<string, number>()
  for (const [index, line] of lines.entries()) {
    if (/^[ \t]/.test(line)) continue // folded continuation of the line before
    const match = /^([!-9;-~]+):/.exec(line)
    if (!match) fail('badLine', { line: index + 1, text: line.slice(0, 40) })
    const name = match![1]!.toLowerCase()
    seen.set(name, (seen.get(name) ?? 0) + 1)
  }
  for (const name of singleFields) {
    if ((seen.get(name) ?? 0) > 1) {
      injection('repeated', { count: seen.get(name) ?? 2, name })
    }
  }
  if (!seen.has('from')) fail('noFrom')
}

/** Throws when a decoded header value carries a line break or a control character. */
function singleLine(value: string | undefined, what: string): string {
  if (value === undefined) return ''
  if (/[\r\n]/.test(value)) injection('lineBreak', { field: headerOf(what) })
  if ([...value].some((c) => (c.charCodeAt(0) < 32 && c !== '\t') || c.charCodeAt(0) === 127)) injection('controlCharacter', { field: headerOf(what) })
  return value
}

const messageIdPattern = /<[^<>\s]+>/g

/** Message-IDs in a header value, in order, each as "<left@right>". */
export function messageIdsIn(value: string | ReadonlyArray<string> | undefined): string[] {
  if (value === undefined) return []
  const text = typeof value === 'string' ? value : value.join(' ')
  return [...text.matchAll(messageIdPattern)].map((m) => m[0])
}

/** Compares Message-IDs as mail systems do: the domain part without regard to case. */
export function sameMessageId(a: string, b: string): boolean {
  const norm = (id: string) => {
    const at = id.lastIndexOf('@')
    return at < 0 ? id : id.slice(0, at) + id.slice(at).toLowerCase()
  }
  return norm(a.trim()) === norm(b.trim())
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): ReplyAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field]
  const flat = objects.flatMap((o) => o.value).flatMap((a) => (a.group ? a.group : [a]))
  return flat.filter((a) => a.address).map((a) => ({ name: a.name ?? '', address: a.address!.trim() }))
}

/**
 * A file name safe to write anywhere: the last segment of any path (both slash kinds), without
 * control characters or characters Windows forbids, not starting with a dot.
 */
export function safeAttachmentName(original: string | undefined | null, index: number, contentType: string): string {
  const lastSegment = (original ?? '').split(/[/\\]/).filter((s) => s !== '' && s !== '.' && s !== '..').pop() ?? ''
  const cleaned = [...lastSegment]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 || '<>:"|?*'.includes(c) ? '_' : c))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim()
  // File systems count names in bytes: 255 of UTF-8 (85 CJK characters, 63 emoji), extension kept.
  if (cleaned) return cutFileName(cleaned, maxFileNameBytes)
  const ext = extensionFor.get(contentType.toLowerCase()) ?? 'bin'
  return `attachment-${index + 1}.${ext}`
}

/** A content type comes from the message: a Map, so "constructor" finds nothing. */
const extensionFor: ReadonlyMap<string, string> = new Map([
  ['application/pdf', 'pdf'],
  ['application/zip', 'zip'],
  ['application/json', 'json'],
  ['text/csv', 'csv'],
  ['text/plain', 'txt'],
  ['text/html', 'html'],
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
  ['message/rfc822', 'eml'],
])

/** Lines that start a quoted earlier message: everything from there on is not the reply's own text. */
const quoteStarts: ReadonlyArray<RegExp> = [
  /^-{2,}\s*(original message|forwarded message|ursprüngliche nachricht|weitergeleitete nachricht|message d'origine|message transféré|mensaje original|mensaje reenviado|原始邮件|转发邮件)\s*-{2,}/i,
  /^_{5,}\s*$/,
  /^on\b.{0,200}\bwrote:\s*$/i,
  /^am\b.{0,200}\bschrieb\b.{0,200}:\s*$/i,
  /^le\b.{0,200}\ba écrit\s*:\s*$/i,
  /^el\b.{0,200}\bescribió:\s*$/i,
  /^在.{0,200}写道[:：]\s*$/,
]
const headerBlockStart = /^(from|von|de|发件人)\s*[:：]/i
const headerBlockNext = /^(sent|date|gesendet|datum|envoyé|enviado|fecha|发送时间|日期|to|an|à|para|收件人)\s*[:：]/i

/** The reply's own words: quoted lines ("> …") and everything after a quote header are removed. */
export function ownTextOf(text: string, budget: TextBudget = unlimitedBudget): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const kept: string[] = []
  for (let i = 0; i < lines.length; i += 1) {
    if ((i & 1023) === 0) budget.check()
    const line = lines[i]!.trim()
    if (quoteStarts.some((p) => p.test(line))) break
    // "On Tue, 3 Feb 2026, Alex <alex@example.org>" / "wrote:" on the next line.
    if (/^(on|am|le|el)\b/i.test(line) && /^(wrote|schrieb|a écrit|escribió)\b.*:\s*$/i.test(lines[i + 1]?.trim() ?? '')) break
    if (headerBlockStart.test(line) && lines.slice(i + 1, i + 5).some((l) => headerBlockNext.test(l.trim()))) break
    if (line.startsWith('>')) continue
    kept.push(lines[i]!)
  }
  return kept.join('\n').trim()
}

export function excerptOf(text: string, length = excerptLength): string {
  const flat = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  if (flat.length <= length) return flat
  const cut = flat.slice(0, length)
  const space = cut.lastIndexOf(' ')
  return `${space > length * 0.7 ? cut.slice(0, space) : cut}…`
}

const bounceSenders = /^(mailer-daemon|mail-daemon|mailerdaemon|postmaster|mail-delivery-subsystem|bounces?|noreply-dsn)$/i
const bounceSubjects =
  /(undeliver|undelivered mail|delivery status notification|delivery (has )?failed|mail delivery failed|returned mail|failure notice|unzustellbar|nicht zustellbar|non remis|échec de (la )?remise|no se puede entregar|no entregado|无法投递|退信|投递失败)/i

const headerPatterns = new Map<string, RegExp>()

function headerValue(block: string, name: string): string | null {
  let pattern = headerPatterns.get(name)
  if (!pattern) headerPatterns.set(name, (pattern = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im')))
  const match = pattern.exec(block)
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : null
}

/** The fields of a message/delivery-status part (RFC 3464): per-recipient blocks. */
function deliveryStatus(text: string, budget: TextBudget): { failed: string[]; status: string | null; diagnostic: string | null } {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)
  const failed: string[] = []
  const known = new Set<string>()
  let status: string | null = null
  let diagnostic: string | null = null
  for (const [index, block] of blocks.entries()) {
    if ((index & 255) === 0) budget.check()
    const action = headerValue(block, 'Action')?.toLowerCase() ?? null
    const recipient = headerValue(block, 'Final-Recipient') ?? headerValue(block, 'Original-Recipient')
    if (!recipient) continue
    if (action !== null && action !== 'failed') continue
    const address = recipient.replace(/^[^;]*;\s*/, '').replace(/^<|>$/g, '').trim().toLowerCase()
    if (address && !known.has(address)) {
      known.add(address)
      failed.push(address)
    }
    status ??= headerValue(block, 'Status')
    diagnostic ??= headerValue(block, 'Diagnostic-Code')?.replace(/^[^;]*;\s*/, '') ?? null
  }
  return { failed, status, diagnostic }
}

/**
 * The addresses of a plain-text bounce: "<addr>: reason" at the start of a line, as
 * /^\s*<?([^\s<>@]+@[^\s<>]+?)>?\s*:/gm finds them, but each run of blank lines is read once (the
 * pattern itself reads the rest of a run again from every line in it: minutes for 1 MB).
 */
export function plainBounceRecipients(text: string, budget: TextBudget = unlimitedBudget): string[] {
  const found: string[] = []
  const known = new Set<string>()
  const addressAt = /<?([^\s<>@]+@[^\s<>]+?)>?\s*:/y
  const spaces = /\s*/y
  const lineBreak = /[\n\r\u2028\u2029]/g
  let from = 0
  let skippedTo = -1
  let firstNonSpace = -1
  let tried = -1
  for (let lineStart = 0, lines = 0; lineStart <= text.length; lines += 1) {
    if ((lines & 1023) === 0) budget.check()
    if (lineStart >= from) {
      // Where the spaces (and blank lines) after this line start end; within a run already read, that end is known.
      if (lineStart > skippedTo) {
        spaces.lastIndex = lineStart
        spaces.exec(text)
        firstNonSpace = spaces.lastIndex
        skippedTo = firstNonSpace
      }
      if (firstNonSpace !== tried) {
        tried = firstNonSpace
        addressAt.lastIndex = firstNonSpace
        const match = addressAt.exec(text)
        if (match) {
          const address = match[1]!.toLowerCase()
          if (!known.has(address)) {
            known.add(address)
            found.push(address)
          }
          from = addressAt.lastIndex
        }
      }
    }
    // The next line: after \n, \r, U+2028 or U+2029 (where /^/m matches).
    lineBreak.lastIndex = lineStart
    const next = lineBreak.exec(text)
    lineStart = next ? next.index + 1 : text.length + 1
  }
  return found
}

function bounceOf(mail: ParsedMail, from: ReplyAddress, subject: string, text: string, budget: TextBudget): BounceInfo | null {
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined
  const standard = contentType?.value?.toLowerCase() === 'multipart/report' && contentType.params?.['report-type']?.toLowerCase() === 'delivery-status'
  const local = from.address.split('@')[0] ?? ''
  const bySender = bounceSenders.test(local) || /^mail delivery (system|subsystem)$/i.test(from.name)
  const xFailed = mail.headers.get('x-failed-recipients')
  if (!standard && !bySender && !xFailed && !(bounceSubjects.test(subject) && /auto-replied|auto-generated/i.test(String(mail.headers.get('auto-submitted') ?? '')))) {
    return null
  }
  const report = mail.attachments.find((a) => a.contentType.toLowerCase() === 'message/delivery-status')
  const parsed = report ? deliveryStatus(report.content.toString('utf8'), budget) : { failed: [], status: null, diagnostic: null }
  const failed = [...parsed.failed]
  const known = new Set(failed)
  for (const address of String(xFailed ?? '').split(',').map((s) => s.trim().toLowerCase())) {
    if (address && !known.has(address)) {
      known.add(address)
      failed.push(address)
    }
  }
  // A plain-text bounce: the addresses in "<addr>: reason" lines.
  if (failed.length === 0) failed.push(...plainBounceRecipients(text, budget))
  return { failedRecipients: failed, status: parsed.status, diagnostic: parsed.diagnostic, standard }
}

/** The media type of the message itself ("text/html", "multipart/alternative"), lower case. */
function rootTypeOf(mail: ParsedMail): string {
  const contentType = mail.headers.get('content-type') as { value?: string } | undefined
  return contentType?.value?.toLowerCase() ?? 'text/plain'
}

/**
 * mailparser, with its HTML-to-text conversion kept from unbounded HTML (html-text.ts). The first
 * reading converts no HTML. A message without HTML, or whose HTML only stands beside a text part
 * (multipart/alternative), is then complete. An HTML-only message gets its text from
 * `textOfHtml`. Any other with HTML (a text part and an HTML part side by side, say) is read a
 * second time with the conversion on when its HTML fits the bounds (so the text is exactly what
 * mailparser writes), and otherwise gets the stripped HTML after its text parts.
 */
async function readMail(buffer: Buffer, budget: TextBudget): Promise<{ mail: ParsedMail; text: string }> {
  // Loaded on the first reply read, not when the core starts.
  const [{ simpleParser }, { htmlToTextFits, strippedHtml, textOfHtml }] = await Promise.all([import('mailparser'), import('./html-text')])
  const options = { keepDeliveryStatus: true, skipImageLinks: true }
  const first = await simpleParser(buffer, { ...options, skipHtmlToText: true, skipTextToHtml: true })
  const html = typeof first.html === 'string' ? first.html : ''
  const rootType = rootTypeOf(first)
  if (!html || rootType === 'multipart/alternative') return { mail: first, text: first.text ?? '' }
  budget.check()
  if (rootType === 'text/html') return { mail: first, text: textOfHtml(html, budget) }
  if (htmlToTextFits(html)) {
    const second = await simpleParser(buffer, options)
    return { mail: second, text: second.text ?? '' }
  }
  return { mail: first, text: [first.text ?? '', strippedHtml(html, budget)].filter((part) => part !== '').join('\n') }
}

/**
 * Reads and checks an .eml; throws EML_TOO_LARGE, EML_INVALID or EML_HEADER_INJECTION, and
 * INPUT_TOO_COMPLEX when reading its text outruns `replyBudgetMs` (or the budget given).
 */
export async function parseReply(bytes: Uint8Array, options: { readonly budget?: TextBudget } = {}): Promise<ParsedReply> {
  const budget = options.budget ?? createTextBudget({ what: 'the e-mail', limitMs: replyBudgetMs })
  if (bytes.length === 0) fail('empty')
  if (bytes.length > maxReplyBytes) {
    throw coreError('EML_TOO_LARGE', 'error.eml.tooLarge', { size: (bytes.length / 1048576).toFixed(1), max: maxReplyBytes / 1048576 })
  }
  // A message saved from an mbox file may start with its "From sender date" separator line.
  const mboxLine = /^From (?!:)[^\r\n]*\r?\n/.exec(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1000)).toString('latin1'))
  const message = mboxLine ? bytes.subarray(mboxLine[0].length) : bytes
  checkHeaderBlock(message)
  let mail: ParsedMail
  let mailText: string
  try {
    ;({ mail, text: mailText } = await readMail(Buffer.from(message.buffer, message.byteOffset, message.byteLength), budget))
  } catch (error) {
    if (error instanceof CoreError) throw error
    return fail('unreadable', { reason: String((error as Error).message) })
  }
  budget.check()
  const subject = singleLine(mail.subject, 'subject').trim()
  const fromList = addressesOf(mail.from)
  const from = fromList[0] ?? fail('noSender')
  singleLine(from.name, "sender's name")
  singleLine(from.address, "sender's address")
  if (!/^[^\s@]+@[^\s@]+$/.test(from.address)) fail('senderNotAddress', { address: from.address })
  const messageIdRaw = singleLine(mail.messageId, 'Message-ID')
  const messageId = messageIdsIn(messageIdRaw)[0] ?? null
  const inReplyTo = messageIdsIn(singleLine(mail.inReplyTo, 'In-Reply-To'))
  const references = messageIdsIn(
    typeof mail.references === 'string' ? singleLine(mail.references, 'References') : (mail.references ?? []).map((r) => singleLine(r, 'References')),
  )
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null
  const text = mailText.replace(/\r\n?/g, '\n')
  const ownText = ownTextOf(text, budget)

  const returnedParts = mail.attachments.filter((a) => ['text/rfc822-headers', 'message/rfc822', 'message/rfc822-headers'].includes(a.contentType.toLowerCase()))
  const returnedText = returnedParts.map((a) => a.content.toString('utf8').slice(0, 200_000)).join('\n')
  const returnedIds = returnedParts.flatMap((a) => {
    const content = a.content.toString('utf8')
    const blank = content.search(/\r?\n\r?\n/)
    return messageIdsIn(headerValue(blank === -1 ? content : content.slice(0, blank), 'Message-ID') ?? '')
  })
  const bounce = bounceOf(mail, from, subject, text, budget)
  budget.check()

  const attachments: ReplyAttachment[] = mail.attachments
    // Inline images the HTML shows (logos) and the parts of a bounce report are not the company's files.
    .filter((a) => !a.related)
    .filter((a) => !(bounce && ['message/delivery-status', 'text/rfc822-headers', 'message/rfc822-headers'].includes(a.contentType.toLowerCase())))
    .map((a, index) => {
      const content = new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength)
      return {
        name: safeAttachmentName(a.filename, index, a.contentType),
        originalName: a.filename ?? null,
        contentType: a.contentType,
        size: content.byteLength,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
      }
    })

  return {
    messageId,
    inReplyTo,
    references,
    from,
    to: addressesOf(mail.to).map((a) => a.address),
    date,
    subject,
    text,
    ownText,
    excerpt: excerptOf(bounce ? text : ownText || text),
    attachments,
    returned: { messageIds: returnedIds, text: returnedText },
    bounce,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
  }
}
