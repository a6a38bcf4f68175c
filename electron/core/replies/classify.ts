/**
 * What a reply probably is: a bounce (from its structure and sender), else the kind whose phrases
 * (rules.ts) it contains, with the phrase that decided it as the reason. A suggestion only: the
 * user confirms before anything follows from it. Pure.
 */
import { message, type Message } from '../shared/message'
import type { BounceInfo } from './parse'
import { classificationRules, kindPriority, type ClassificationRule, type ReplyKind, type RuleLanguage } from './rules'

export type Classification = {
  readonly kind: ReplyKind
  /** 0 to 1: how sure Rightful is. */
  readonly confidence: number
  /** Why: the phrase found (and its language), or what made it a bounce. */
  readonly reason: string
  /**
   * The same reason as a message each host renders in the reader's language (the found phrase
   * stays as written; its language and the other kind are named by nested messages).
   */
  readonly reasonMessage: Message
  /** The language of the phrase that decided it, when one did. */
  readonly lang: RuleLanguage | null
}

/** A Unicode-aware \b: JavaScript's own treats "é", "ü" and "ß" as non-letters. */
const letter = '[\\p{L}\\p{N}_]'
const boundary = `(?:(?<=${letter})(?!${letter})|(?<!${letter})(?=${letter}))`

/**
 * The rules as matched, made on first use: building their Unicode patterns costs about 0.2 s,
 * which a command that never classifies a reply should not pay at start.
 */
let compiled: ReadonlyArray<ClassificationRule> | null = null
const compiledRules = (): ReadonlyArray<ClassificationRule> =>
  (compiled ??= classificationRules.map((rule) => ({
    ...rule,
    // Gaps between words (".{0,40}") stay within one sentence.
    pattern: new RegExp(rule.pattern.source.replace(/\\b/g, boundary).replace(/\.\{0,(\d+)\}/g, '[^.!?。！？\\n]{0,$1}'), 'u'),
  })))

/** Lower case, straight apostrophes, one space between words, full-width colons made plain. */
export function normalizeForRules(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u00a0\u2000-\u200b\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * "Re:", "AW:", "WG:", "Fwd:", "回复：" … at the start of a subject, any number of them, in one
 * pass (no two quantifiers can trade the same spaces).
 */
const replyPrefixes = /^(?:(?:re|aw|wg|fw|fwd|tr|rv|sv|antw|réf|ref|回复|答复|转发)\s*(?:\[\d+\]\s*)?[:：]\s*)+/i

/** Drops "Re:", "AW:", "WG:", "Fwd:", "回复：" … from the start of a subject. */
export function stripReplyPrefixes(subject: string): string {
  return subject.trim().replace(replyPrefixes, '')
}

/**
 * How much of a reply's own words the phrases are looked for in: a company's answer says what it
 * is near its start, and a longer text (a pasted data export) is not read to its end.
 */
export const maxClassifiedLength = 200_000

function confidenceOf(score: number, runnerUp: number, matches: number): number {
  // More than one phrase of the winning kind: a little surer; a close second kind: less sure.
  const value = score + Math.min(0.1, (matches - 1) * 0.05) - (runnerUp >= score - 0.1 ? 0.2 : runnerUp > 0 ? 0.1 : 0)
  return Math.round(Math.max(0.1, Math.min(0.95, value)) * 100) / 100
}

export type ClassifyInput = {
  readonly subject: string
  /** The reply's own words (quotes removed). */
  readonly text: string
  readonly bounce: BounceInfo | null
  /** Text Rightful wrote itself (the request's subject and body): never evidence of a kind. */
  readonly ours?: { readonly subject?: string | null; readonly body?: string | null }
  /** Whether the reply carries files (a data export usually does). */
  readonly hasAttachments?: boolean
}

/** Removes lines of our own request that the reply quotes without marking them. */
function withoutOurText(text: string, body: string | null | undefined): string {
  if (!body) return text
  const ours = new Set(
    body
      .split(/\r?\n/)
      .map((l) => normalizeForRules(l))
      .filter((l) => l.length >= 20),
  )
  return text
    .split(/\r?\n/)
    .filter((l) => !ours.has(normalizeForRules(l)))
    .join('\n')
}

export function classifyReply(input: ClassifyInput): Classification {
  if (input.bounce) {
    const who = input.bounce.failedRecipients.length ? ` for ${input.bounce.failedRecipients.join(', ')}` : ''
    const why = input.bounce.diagnostic ? ` (${input.bounce.diagnostic.slice(0, 200)})` : input.bounce.status ? ` (status ${input.bounce.status})` : ''
    // The recipients as the message holds them: as many as a kept reason can show (1000 characters).
    const whoMessage = input.bounce.failedRecipients.length ? message('reply.reason.for', { recipients: input.bounce.failedRecipients.join(', ').slice(0, 1000) }) : ''
    const whyMessage = input.bounce.diagnostic
      ? message('reply.reason.diagnostic', { diagnostic: input.bounce.diagnostic.slice(0, 200) })
      : input.bounce.status
        ? message('reply.reason.status', { status: input.bounce.status })
        : ''
    const params = { who: whoMessage, why: whyMessage }
    return input.bounce.standard
      ? {
          kind: 'bounce',
          confidence: 0.95,
          reason: `A delivery status report: the message could not be delivered${who}${why}.`,
          reasonMessage: message('reply.reason.bounceReport', params),
          lang: null,
        }
      : {
          kind: 'bounce',
          confidence: 0.8,
          reason: `Sent by the mail system, not by a person: the message was probably not delivered${who}${why}.`,
          reasonMessage: message('reply.reason.bounceProbable', params),
          lang: null,
        }
  }
  const subject = stripReplyPrefixes(input.subject)
  const ourSubject = input.ours?.subject ? normalizeForRules(stripReplyPrefixes(input.ours.subject)) : null
  // The subject counts only where the company wrote its own, not where it repeats ours.
  const subjectText = ourSubject && normalizeForRules(subject).includes(ourSubject) ? '' : subject
  const own = input.text.length > maxClassifiedLength ? input.text.slice(0, maxClassifiedLength) : input.text
  const text = normalizeForRules(`${subjectText}\n${withoutOurText(own, input.ours?.body)}`)

  const byKind = new Map<ClassificationRule['kind'], { score: number; matches: number; phrase: string; lang: RuleLanguage }>()
  for (const rule of compiledRules()) {
    const match = rule.pattern.exec(text)
    if (!match) continue
    const known = byKind.get(rule.kind)
    if (!known) byKind.set(rule.kind, { score: rule.weight, matches: 1, phrase: match[0], lang: rule.lang })
    else {
      known.matches += 1
      if (rule.weight > known.score) Object.assign(known, { score: rule.weight, phrase: match[0], lang: rule.lang })
    }
  }
  // Files and a "data" phrase: a data export, more surely.
  const data = byKind.get('data-received')
  if (data && input.hasAttachments) data.score = Math.min(0.95, data.score + 0.1)

  const ranked = [...byKind.entries()].sort(
    ([kindA, a], [kindB, b]) => b.score - a.score || kindPriority.indexOf(kindA) - kindPriority.indexOf(kindB),
  )
  const [best, second] = ranked
  if (!best) {
    return {
      kind: 'reply-received',
      confidence: 0.3,
      reason: 'No phrase Rightful knows was found: read the reply and choose what it is.',
      reasonMessage: message('reply.reason.noPhrase'),
      lang: null,
    }
  }
  const [kind, found] = best
  const phrase = found.phrase.trim().slice(0, 120)
  const other = second ? second[1].phrase.trim().slice(0, 60) : null
  const lang = message(`reply.reason.lang.${found.lang}`)
  return {
    kind,
    confidence: confidenceOf(found.score, second?.[1].score ?? 0, found.matches),
    reason: `“${phrase}” (${found.lang})${second ? `; it also says “${other}” (${second[0].replace(/-/g, ' ')})` : ''}`,
    reasonMessage:
      second && other !== null
        ? message('reply.reason.phraseAndOther', { phrase, lang, other, otherKind: message(`reply.reason.kind.${second[0]}`) })
        : message('reply.reason.phrase', { phrase, lang }),
    lang: found.lang,
  }
}
