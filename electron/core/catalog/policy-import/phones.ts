/**
 * Telephone and fax numbers: a number counts when the text calls it one ("Tel:", "call us", 电话),
 * when it is written in international form (+852 …), when it is a North American number
 * (1-800-427-7895) or when it is a tel: link. A regulator's helpline is not the company's.
 */
import { unlimitedBudget, type TextBudget } from '../../text/budget'
import { ownerFromContext } from './cues'
import type { TextLink } from './plain-text'
import type { ProposalWarning, ProposedPhone } from './proposal'
import type { Segments } from './segments'
import { proposalWarning } from './warnings'

const candidate = /(?<![\w+@./-])(?:\+[ \t]?|\()?\d[\d \t().\-–/]{5,26}\d/g
const phoneCue =
  /(?:\b(?:tel(?:ephone)?|phone|telefon|fon|call(?: us)?|hotline|helpline|mobile|mobil|cell|contact number|fax|telefax|TDD|ph|t|f)\b\.?|电话|電話|传真|傳真|热线|熱線|联系方式|联系电话|聯絡電話)[^\n\d+]{0,30}$/i
const faxCue = /(?:\b(?:fax|telefax|facsimile)\b|传真|傳真)/i
const dateLike = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$|^(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d$/
const northAmerican = /^(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}$/

export type PhoneContext = {
  readonly segments: Segments
  readonly companyName: RegExp | null
  /** Checked per candidate; the policy import's time budget. */
  readonly budget?: TextBudget
}

/** A policy gives a handful of numbers; past this many, the rest of the text is not searched. */
export const maxPhones = 100

/** Whether some tel: link spans [start, end): links sorted by start, with the furthest end so far. */
function telLinkIndex(links: ReadonlyArray<TextLink>): (start: number, end: number) => boolean {
  const tel = links.filter((l) => /^tel:/i.test(l.href)).sort((a, b) => a.start - b.start)
  const furthest: number[] = []
  for (const link of tel) furthest.push(Math.max(link.end, furthest[furthest.length - 1] ?? -1))
  return (start, end) => {
    let lo = 0
    let hi = tel.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (tel[mid]!.start <= start) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && furthest[lo - 1]! >= end
  }
}

/**
 * Whether only a short label ("Tel:", at most 20 characters and a colon) or nothing but spaces
 * stands between the start of the line and `start` (as /^\s*$/ after removing /^[^:：]{0,20}[:：]/
 * from that stretch), reading only the spaces before `start` and at most 21 characters more.
 */
function onlyLabelBefore(text: string, lineStart: number, start: number): boolean {
  let last = start
  while (last > lineStart && /\s/.test(text[last - 1]!)) last -= 1
  if (last === lineStart) return true
  if (last - 1 - lineStart > 20 || (text[last - 1] !== ':' && text[last - 1] !== '：')) return false
  for (let i = lineStart; i < last - 1; i += 1) if (text[i] === ':' || text[i] === '：') return false
  return true
}

export function findPhones(links: ReadonlyArray<TextLink>, ctx: PhoneContext): { phones: ProposedPhone[]; warnings: ProposalWarning[] } {
  const text = ctx.segments.text
  const budget = ctx.budget ?? unlimitedBudget
  const phones: ProposedPhone[] = []
  const warnings: ProposalWarning[] = []
  const seen = new Set<string>()
  const inTelLink = telLinkIndex(links)

  candidate.lastIndex = 0
  for (let m = candidate.exec(text); m && phones.length + warnings.length < maxPhones; m = candidate.exec(text)) {
    budget.check()
    let raw = m[0]
    let start = m.index
    // Unbalanced brackets at the edges are not part of the number.
    if (raw.startsWith('(') && !raw.includes(')')) {
      raw = raw.slice(1)
      start += 1
    }
    // Closing spaces, brackets and dashes, then closing brackets left unopened (a match has at most 28 characters).
    let rawEnd = raw.length
    while (rawEnd > 0 && /[\s(–-]/.test(raw[rawEnd - 1]!)) rawEnd -= 1
    raw = raw.slice(0, rawEnd)
    const opens = (raw.match(/\(/g) ?? []).length
    const closes = (raw.match(/\)/g) ?? []).length
    if (closes > opens) {
      while (rawEnd > 0 && raw[rawEnd - 1] === ')') rawEnd -= 1
      raw = raw.slice(0, rawEnd)
    }
    const digits = raw.replace(/\D/g, '')
    if (digits.length < 7 || digits.length > 15) continue
    if (/[ \t]{3,}/.test(raw.replace(/^\+[ \t]+/, '+'))) continue
    if (dateLike.test(raw.trim())) continue
    const end = start + raw.length
    const lineIndex = ctx.segments.lineIndexAt(start)
    const lineStart = ctx.segments.lines[lineIndex]!.start
    const before = text.slice(Math.max(lineStart, start - 40), start)
    const cued =
      phoneCue.test(before) ||
      (onlyLabelBefore(text, lineStart, start) && lineIndex > 0 && /\b(?:call|phone|tel)\w*\b[^\n]{0,20}[:：]?\s*$/i.test(text.slice(ctx.segments.lines[lineIndex - 1]!.start, ctx.segments.lines[lineIndex - 1]!.end)))
    const international = raw.startsWith('+') && digits.length >= 8
    const linked = inTelLink(start, end)
    const nanp = northAmerican.test(raw.trim())
    if (!cued && !international && !linked && !nanp) continue
    // Not a number inside a word, an e-mail address or a web address.
    if (/[A-Za-z]$/.test(text.slice(Math.max(0, start - 1), start)) || /^[A-Za-z@]/.test(text.slice(end, end + 1))) continue
    const key = digits.replace(/^00/, '')
    if (seen.has(key)) continue
    seen.add(key)

    const windowStart = Math.max(0, start - 250)
    const owner = ownerFromContext(text.slice(windowStart, start), ctx.companyName, Math.max(0, Math.min(ctx.segments.sentenceAt(start).start, start) - windowStart))
    const number = raw.replace(/\s+/g, ' ').trim()
    if (owner === 'regulator') {
      warnings.push(proposalWarning('regulator-excluded', 'regulatorPhone', { number }, start, end))
      continue
    }
    const cueText = before.slice(before.lastIndexOf('\n') + 1)
    const lastFax = cueText.search(faxCue) === -1 ? -1 : cueText.lastIndexOf(cueText.match(new RegExp(faxCue.source, 'gi'))!.pop()!)
    const lastPhone = (() => {
      const all = cueText.match(/\b(?:tel(?:ephone)?|phone|telefon|call|hotline|mobile)\b|电话|電話/gi)
      return all ? cueText.lastIndexOf(all[all.length - 1]!) : -1
    })()
    const kind = lastFax !== -1 && lastFax > lastPhone ? 'fax' : 'phone'
    const quote = ctx.segments.quoteAt(start)
    phones.push({ number, kind, quote: quote.quote, start: quote.start, end: quote.end })
  }
  return { phones, warnings }
}
