/**
 * E-mail addresses in a policy: written plainly, behind a mailto link, or spelled out to fool
 * harvesters ("privacy [at] example [dot] com"). Each is judged by its own words and the sentence
 * around it: a privacy contact, another contact of the company (with its purpose), or not the
 * company's at all (a regulator, a processor, an example, a no-reply sender).
 */
import { registrableDomain } from './identity'
import {
  companyCue,
  dataRequestCue,
  exerciseOfRightsCue,
  foreignLocalPart,
  foreignPurposeCues,
  localPartPurpose,
  ownerFromContext,
  privacyCues,
  purposeCues,
  regulatorCue,
  representativeCue,
  regulatorDomains,
  scoreCues,
  thirdPartyDomains,
  type Cue,
} from './cues'
import { unlimitedBudget, type TextBudget } from '../../text/budget'
import { asNotPrivacyContact, because, purpose as purposeOf, topic, withNote, type FoundNote, type Reason, type ReasonKey } from './reasons'
import type { TextLink } from './plain-text'
import type {
  ExcludedEmail,
  OtherEmailPurpose,
  ProposalWarning,
  ProposedOtherEmail,
  ProposedPrivacyEmail,
} from './proposal'
import type { Segments } from './segments'
import { proposalWarning, type WarningKey } from './warnings'

type Mention = {
  readonly address: string
  /** The visible text's span (the link words for a mailto link). */
  readonly start: number
  readonly end: number
  readonly via: 'text' | 'mailto' | 'mailto-mismatch' | 'link-elsewhere' | 'decoded'
  /** What the policy shows, when it is not the address itself; for 'link-elsewhere', the link's other target. */
  readonly shown: string | null
}

const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
const plainEmail = new RegExp(
  `(?<![\\w.%+'\u2010\u2011-])([A-Za-z0-9][A-Za-z0-9._%+'\u2010\u2011-]{0,63}@${label}(?:\\.${label})*\\.[A-Za-z]{2,24})(?![\\w-]|\\.[A-Za-z0-9])`,
  'g',
)

/** Top-level domains longer than two letters that policies' addresses use; two letters are countries. */
const knownLongTld = /^(?:com|net|org|edu|gov|int|mil|info|biz|name|pro|app|dev|io|ai|co|me|tv|eu|asia|earth|cloud|online|site|tech|email|global|group|company|legal|health|bank|shop|store|xyz|one|art|blog|news|media|live|life|world|today|page|studio|design|agency|digital|network|systems|solutions|services|international|museum|travel|jobs|mobi|tel|coop|aero|cat|ltd|gmbh|berlin|hamburg|london|paris|nyc|swiss|ovh|foundation|community|social|games|game|fun|space|website|work|team|works|zone|center|club|love|city|land|link|red|blue|green|pink|gold|black|plus|care|fit|vip|win|top|icu|wiki|lol|uno|ing|gle|google|amazon|apple|microsoft)$/i
/** Words a page run into an address ("dataskydd@kivra.seor by phone"): "or", "and", "to" after a country's domain. */
const gluedWord = /^([a-z]{2})(or|and|to|for|und|oder|et|ou|och|eller|of|at|in)$/i
/** The same after a generic domain ("legal@backmarket.comou par courrier"): "com" and a word of the sentence. */
const gluedAfterLongTld = /^(com|net|org|info|biz|edu|gov)(or|and|to|for|und|oder|et|ou|och|eller|of|at|in)$/i
/** Whether a domain ends in a country's two letters or a known longer top-level domain. */
function knownTld(domain: string): boolean {
  const tld = domain.slice(domain.lastIndexOf('.') + 1)
  return (tld.length === 2 || knownLongTld.test(tld)) && !notATld.test(tld)
}
const notATld = /^(?:png|jpe?g|gif|svg|webp|css|js|json|html?|php|pdf|zip)$/i

// At most ten spaces (or a line break and an indent) around each bracket: a longer run is no address,
// and is then read once, not again from every space in it.
// "palaute(a)vr.fi": a bare "(a)" between the two halves, as Nordic pages write it.
// "name(?)example.com", "name（＠）example.jp", "name＠example.jp": a question mark in brackets, or a
// full-width at sign, standing for the '@', written tight between the two halves (no space), as
// Japanese pages write it; a person reads both as an address. "(?)" with a space beside it is prose.
const atBracket = String.raw`(?:\s{0,10}[[({<]\s{0,10}(?:at|AT|At|@|＠)\s{0,10}[\])}>]\s{0,10}|\(a\)|[(（][?？＠][)）]|＠)`
const dotBracket = String.raw`\s{0,10}[[({<]\s{0,10}(?:dot|DOT|Dot|\.)\s{0,10}[\])}>]\s{0,10}`
const local = String.raw`[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}`
const bracketed = new RegExp(
  `(?<![\\w.%+-])(${local})${atBracket}(${label}(?:(?:${dotBracket}|\\.)${label})*(?:${dotBracket}|\\.)[A-Za-z]{2,24})(?![\\w-])`,
  'g',
)
const spelledOut = new RegExp(
  `(?<![\\w.%+-])(${local})\\s{1,10}(?:at|AT)\\s{1,10}(${label}(?:\\s{1,10}(?:dot|DOT)\\s{1,10}${label})*\\s{1,10}(?:dot|DOT)\\s{1,10}[A-Za-z]{2,24})(?![\\w-])`,
  'g',
)
/**
 * "n-info@n-info. co. jp": spaces after the dots of the domain. Read only when the domain ends in a
 * known top-level sequence written in lower case, so "… at acme. It is …" is not taken for one.
 */
const spacedTld = String.raw`(?:(?:co|or|ne|ac|go|ed|com|org|net|edu|gov|gob|gouv)\.[ \t]?(?:jp|uk|kr|cn|hk|tw|au|nz|in|za|br|sg|es|mx|ar|fr|il|th|id|my)|com|net|org|info|biz|edu|gov|io|eu|de|fr|it|es|nl|be|at|ch|uk|jp|cn|hk|tw|kr|sg|au|ca|us|se|no|dk|fi|pl|pt|ie|lu)`
const spacedDomain = new RegExp(
  `(?<![\\w.%+-])(${String.raw`[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}`})@(${label}(?:\\.[ \\t]?${label})*?\\.[ \\t]${spacedTld})(?![\\w-]|\\.[A-Za-z0-9])`,
  'g',
)

/**
 * "info@ quillon.com": a space (or two) after the '@', as a page typed it; a person reads the address
 * whole. Only where the '@' follows the mailbox's name without a space and the domain after it is in
 * lower case and ends in a known top-level domain, so "@ the office" or "Team@ Quillon Ltd" stay prose.
 */
const spaceAfterAt = new RegExp(
  `(?<![\\w.%+@-])(${String.raw`[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}`})@[ \\t]{1,2}((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,4}[a-z]{2,24})(?![\\w@-]|\\.[A-Za-z0-9])`,
  'g',
)

/**
 * "privacy at quillon.com": the at written out, the dots real. Prose writes "at" before a web address
 * too ("find us at quillon.com"), so this form is read only where a contact word leads to it (see
 * `writtenOutContext`) and after no article or possessive ("our team at quillon.com"), with a domain in
 * lower case that is no web host ("at Wix.Com (UK) Limited", "at www.example.com" are not mail domains).
 */
const spelledAt = new RegExp(
  `(?<![\\w.%+@-])(${local})\\s{1,3}(?:at|AT)\\s{1,3}(${label}(?:\\.${label})*\\.[A-Za-z]{2,24})(?![\\w@-]|\\.[A-Za-z0-9])`,
  'g',
)
/** How far before a written-out address its sentence is read for a word that leads to it. */
const writtenOutLead = 120
/** Words that lead to an address written out without brackets: writing, e-mailing, a label's colon. */
const writtenOutCue = /\b(?:e-?mail\w*|mail(?:ing)?|write|writing|contact\w*|send\w*|reach\w*|courriel|kontakt\w*|schreiben|adresse|address(?:ed)?)\b|:[ \t]*$/i
/** Words after which "X at Y" is prose, not an address ("our team at quillon.com"). */
const proseBefore = /\b(?:our|the|your|my|their|its|his|her|a|an|this|that|us|we|you)[ \t]+$/i

/**
 * Whether an address written out without brackets ("privacy at quillon dot com") stands where an
 * address is expected: a contact word or a label's colon before it in its own sentence, and no
 * article or possessive right before its first word. Ordinary prose ("the team at quillon dot com
 * built it") is left alone.
 */
function writtenOutContext(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - writtenOutLead), start)
  const sentence = before.slice(Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1)
  return writtenOutCue.test(sentence) && !proseBefore.test(sentence)
}

/** Words that are not the start of an address in "… at … dot …". */
const notALocalPart = /^(?:us|me|you|them|him|her|it|we|or|and|to|contact|write|email|e-mail|mail|reach|look|is|are|was|be|arrive|stay|available|located)$/i

const cloudflare = /\[\s*email[\s\u00a0]+protected\s*\]/gi

const placeholderDomain =
  /^(?:example\.(?:com|org|net|edu)|[\w-]+\.example|example|test|invalid|localhost|domain\.(?:com|tld|org|net)|email\.(?:com|tld)|your-?domain\.[a-z]+|my-?domain\.[a-z]+|your-?company\.[a-z]+|company\.(?:com|tld)|sample\.com|xxx+\.[a-z]+|email-?address\.com)$/i
const placeholderLocal =
  /^(?:you|your(?:[._-]?(?:name|email|e-?mail|address|mail))?|yourname|username|user|name|firstname[._]?lastname|first[._]?last|john[._]?doe|jane[._]?doe|someone|somebody|email|e-?mail|test|xxx+|abc|foo)$/i

function isPlaceholder(address: string): boolean {
  const [l, d] = address.split('@') as [string, string]
  return placeholderDomain.test(d) || (placeholderLocal.test(l) && /^(?:domain|email|example|company|mail|website|site)\./i.test(d))
    || /^(?:you|yourname|your\.?name|your\.?email|username|user|name|someone|john\.?doe|jane\.?doe)$/i.test(l)
}

/**
 * An address as a mail program wants it: no scheme ("mailto:", even doubled, or "mailto://"), no
 * markup or punctuation around it, typographic hyphens as "-", the domain in lower case, and a word
 * the page ran into its end cut off ("kivra.seor" → "kivra.se").
 */
const leadingJunk = /[\s<>()[\]{}"'“”‘’*_,;:/]/
const trailingJunk = /[\s<>()[\]{}"'“”‘’*_,;:.!?]/

export function normalise(address: string): string {
  let a = address.trim().replace(/[\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d]/g, '-')
  for (let i = 0; i < 4 && /^mailto:/i.test(a); i += 1) a = a.replace(/^mailto:\/{0,2}/i, '')
  let from = 0
  let to = a.length
  while (from < to && leadingJunk.test(a[from]!)) from += 1
  while (to > from && trailingJunk.test(a[to - 1]!)) to -= 1
  a = a.slice(from, to)
  const at = a.lastIndexOf('@')
  if (at === -1) return a
  let domain = a.slice(at + 1).toLowerCase()
  const dot = domain.lastIndexOf('.')
  const tld = domain.slice(dot + 1)
  const glued = gluedWord.exec(tld) ?? gluedAfterLongTld.exec(tld)
  if (dot > 0 && glued && !knownLongTld.test(tld)) domain = `${domain.slice(0, dot + 1)}${glued[1]}`
  return `${a.slice(0, at)}@${domain}`
}

/**
 * A web link written where a mailto was meant ("http://privacy@example.com/"): the part before the
 * '@' is no user name of a web page, and the link opens no page of its own; the address is the target.
 */
const webLinkAsAddress = /^\s*https?:\/\/([\w.+-]{1,64})@([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.[a-z]{2,24})\/?\s*$/i

function mailtoTargets(href: string): string[] {
  const web = webLinkAsAddress.exec(href)
  if (web) return [normalise(`${web[1]}@${web[2]}`)]
  if (!/^\s*mailto:/i.test(href)) return []
  let body = href.replace(/^\s*(?:mailto:\/{0,2})+/i, '').split('?')[0] ?? ''
  try {
    body = decodeURIComponent(body)
  } catch {
    // keep as written
  }
  return body
    .split(/[,;]/)
    .map((a) => a.trim().replace(/@[ \t]{1,2}(?=[a-z0-9])/, '@'))
    .map(normalise)
    .filter((a) => /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(a))
}

/** A policy names a handful of addresses; past this many mentions, the rest of the text is not searched. */
export const maxMentions = 2000
/** Distinct addresses judged at most (a policy with more is a list, not a policy). */
export const maxAddresses = 200
/** How much of its sentence, on each side, a mention is judged by ("Questions about your data: …"). */
const sentenceWindow = 1500

/** The last word of a country's name, run into the local part of an address ("Kingdomline@"). */
const gluedCountryWord =
  /^(?:Kingdom|States|Emirates|Zealand|Africa|Kong|Germany|France|Ireland|Netherlands|Japan|Singapore|Switzerland|Luxembourg|Belgium|Spain|Italy|Sweden|Canada|Australia|China|Korea|Cyprus|Malta|Austria|Denmark|Norway|Finland|Poland|Portugal|Greece|India|Brazil|Israel|Mexico)(?=[a-z0-9])/
/** Words that open a country's name of two words, whose second word needs them. */
const countryFirstWord = /(?:United|New|South|Hong|Arab)[ \t]$/

/**
 * How many characters at the start of `raw` (an address found at `start`) are a country's name
 * closing the postal address before it, or 0. Only after a postal address: a digit (its postcode or
 * number) in the words just before, the country word starting a word, and a two-word name whole.
 */
function countryGluedBefore(text: string, start: number, raw: string): number {
  const word = gluedCountryWord.exec(raw)
  if (!word) return 0
  const before = text.slice(Math.max(0, start - 80), start)
  if (!/\d/.test(before) || !/[\s,]$/.test(before)) return 0
  if (/^(?:Kingdom|States|Emirates|Zealand|Africa|Kong)$/.test(word[0]) && !countryFirstWord.test(before)) return 0
  return word[0].length
}

/** Finds every mention; warns about what it decodes, ignores or cannot read. */
function findMentions(text: string, links: ReadonlyArray<TextLink>, warnings: ProposalWarning[], budget: TextBudget): Mention[] {
  const mentions: Mention[] = []
  // Which characters already belong to a found address (a plain copy inside a link, say).
  const used = new Uint8Array(text.length + 1)
  const taken = {
    push({ start, end }: { start: number; end: number }) {
      used.fill(1, start, end)
    },
  }
  const overlaps = (start: number, end: number) => {
    for (let i = start; i < end; i += 1) if (used[i]) return true
    return false
  }

  // 1. Links: a mailto whose words are the address, or other words (or another address).
  // One warning per pair of words and target: a page repeating a link is told once.
  const mismatchWarned = new Set<string>()
  const warnMismatch = (key: string, warning: ProposalWarning) => {
    if (mismatchWarned.has(key)) return
    mismatchWarned.add(key)
    warnings.push(warning)
  }
  for (const link of links) {
    if (mentions.length >= maxMentions) break
    budget.check()
    const targets = mailtoTargets(link.href)
    const shown = text.slice(link.start, link.end)
    if (/email-protection/i.test(link.href) && !/@/.test(shown)) continue // reported below as Cloudflare text
    const shownAddresses = (shown.match(plainEmail) ?? []).map(normalise)
    for (const target of targets) {
      const same = shownAddresses.find((a) => a.toLowerCase() === target.toLowerCase())
      if (same !== undefined) {
        const at = Math.max(0, shown.toLowerCase().indexOf(target.toLowerCase()))
        const length = shown.toLowerCase().indexOf(target.toLowerCase()) === -1 ? shown.length : target.length
        mentions.push({ address: target, start: link.start + at, end: link.start + at + length, via: 'mailto', shown: null })
        taken.push({ start: link.start + at, end: link.start + at + length })
        continue
      }
      const cut = shownAddresses.find((a) => a.includes('@') && a.length < target.length && target.toLowerCase().includes(a.toLowerCase()))
      const piece = shown.trim().toLowerCase()
      const fragment = shownAddresses.length === 0 && piece.length > 0 && !/\s/.test(piece) && (target.toLowerCase().startsWith(piece) || target.toLowerCase().endsWith(piece))
      if (cut !== undefined || fragment) {
        // The page split one address over two links ("aws-privacy@amazon.co" + "m", "re" + "lais@…",
        // both to the whole address): the words are a piece of the target, which is the address.
        mentions.push({ address: target, start: link.start, end: link.end, via: 'mailto', shown: null })
        taken.push({ start: link.start, end: link.end })
        continue
      }
      if (shownAddresses.length > 0) {
        // The words are an address and the link goes elsewhere: the reader sees the words, and the
        // sentence speaks of them. Rightful proposes what the policy shows and tells about the link.
        const address = shownAddresses[0]!
        const at = Math.max(0, shown.toLowerCase().indexOf(address.toLowerCase()))
        mentions.push({ address, start: link.start + at, end: link.start + at + address.length, via: 'link-elsewhere', shown: target })
        taken.push({ start: link.start, end: link.end })
        warnMismatch(`${address}\u0000${target}`, proposalWarning('mailto-mismatch', 'linkShowsOther', { shown: address, target }, link.start, link.end))
        continue
      }
      mentions.push({ address: target, start: link.start, end: link.end, via: 'mailto-mismatch', shown })
      taken.push({ start: link.start, end: link.end })
      warnMismatch(target, proposalWarning('mailto-mismatch', 'linkTarget', { shown, target }, link.start, link.end))
    }
  }

  // 2. Plain addresses.
  plainEmail.lastIndex = 0
  for (let m = plainEmail.exec(text); m && mentions.length < maxMentions; m = plainEmail.exec(text)) {
    budget.check()
    let rawEnd = m[1]!.length
    while (rawEnd > 0 && m[1]![rawEnd - 1] === '.') rawEnd -= 1
    const raw = m[1]!.slice(0, rawEnd)
    const start = m.index
    const end = start + raw.length
    const tld = raw.slice(raw.lastIndexOf('.') + 1)
    if (notATld.test(tld) || text[start - 1] === '/' || overlaps(start, end)) continue
    // "…, London, WC2B 5AH, United Kingdomline@example.com": the page ran the country closing a
    // postal address into the address after it; the country's word is not part of the address.
    const glued = countryGluedBefore(text, start, raw)
    if (glued > 0) {
      mentions.push({ address: normalise(raw.slice(glued)), start: start + glued, end, via: 'text', shown: null })
      taken.push({ start: start + glued, end })
      continue
    }
    mentions.push({ address: normalise(raw), start, end, via: 'text', shown: null })
    taken.push({ start, end })
  }

  // 3. Addresses written out ("privacy [at] example [dot] com", "privacy at example dot com").
  const decodedWarned = new Set<string>()
  for (const pattern of [bracketed, spelledOut, spelledAt, spacedDomain, spaceAfterAt]) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(text); m && mentions.length < maxMentions; m = pattern.exec(text)) {
      budget.check()
      const start = m.index
      const end = start + m[0].length
      if (overlaps(start, end)) continue
      const localPart = m[1]!
      if ((pattern === spelledOut || pattern === spelledAt) && (notALocalPart.test(localPart) || !writtenOutContext(text, start))) continue
      // "at Wix.Com (UK) Limited", "at www.datarep.com": a company's or a web site's name, not a mail domain.
      if (pattern === spelledAt && (/^www\./i.test(m[2]!) || /\p{Lu}/u.test(m[2]!))) continue
      // "info@ quillon.com": only a top-level domain a mail domain ends in ("info@ 9.30am" is none).
      if (pattern === spaceAfterAt && !knownTld(m[2]!)) continue
      const domain = m[2]!.replace(new RegExp(dotBracket, 'g'), '.').replace(/\s{1,10}(?:dot|DOT)\s{1,10}/g, '.').replace(/\s+/g, '').toLowerCase()
      if (!/\.[a-z]{2,24}$/.test(domain)) continue
      const address = `${localPart}@${domain}`
      const shown = m[0].replace(/\s+/g, ' ')
      mentions.push({ address, start, end, via: 'decoded', shown })
      taken.push({ start, end })
      if (decodedWarned.has(address)) continue
      decodedWarned.add(address)
      warnings.push(proposalWarning('obfuscated-decoded', 'decoded', { shown, address }, start, end))
    }
  }

  // 4. Cloudflare's e-mail protection: the address is not in the text at all.
  cloudflare.lastIndex = 0
  let protectedCount = 0
  for (let m = cloudflare.exec(text); m && protectedCount < maxMentions; m = cloudflare.exec(text)) {
    protectedCount += 1
    warnings.push(proposalWarning('cloudflare-protected', 'cloudflare', { shown: m[0] }, m.index, m.index + m[0].length))
  }

  return withoutGluedPreposition(mentions).sort((a, b) => a.start - b.start)
}

/** Short words of "to", "at", "on" that a page runs into the address after them ("un email lacontact@x.com"). */
const gluedPreposition = /^(?:la|to|at|an|à|al|de|per|para|sur|op|auf|na|pe|ad)(?=[a-z0-9])/i

/**
 * "… trimiteți un email lacontact@avoteca.com": the page ran a preposition into the address. Only
 * when the policy gives the same address without it elsewhere (contact@avoteca.com) is the word cut
 * off; a mailbox that merely starts with those letters (laura@…, support@…) stays as it is.
 */
function withoutGluedPreposition(mentions: Mention[]): Mention[] {
  const known = new Set(mentions.map((m) => m.address.toLowerCase()))
  return mentions.map((m) => {
    if (m.via !== 'text') return m
    const word = gluedPreposition.exec(m.address)
    if (!word) return m
    const rest = m.address.slice(word[0].length)
    if (!known.has(rest.toLowerCase())) return m
    return { ...m, address: rest, start: m.start + word[0].length }
  })
}

/** The words around a mention, without addresses and links (whose letters would count as cues). */
function clean(text: string): string {
  return text.replace(plainEmail, ' ').replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
}

export type EmailContext = {
  readonly segments: Segments
  readonly companyDomain: string | null
  /** The domain the policy's own links mostly go to (identity.ts siteDomainOf): its addresses are the company's. */
  readonly siteDomain?: string | null
  readonly companyName: RegExp | null
  /** The company's name as the policy gives it (to tell its own mail domain from a provider's). */
  readonly companyNameText?: string | null
  /** Checked per mention; the policy import's time budget. */
  readonly budget?: TextBudget
}

/**
 * What several mentions ask of the same sentence or paragraph, worked out once: the score of a
 * list's introduction, the heading a paragraph stands for.
 */
type EmailMemo = {
  readonly intro: Map<number, { score: number; strongest: Cue | null }>
  readonly heading: Map<number, string | null>
  /** The first words of the organisations the policy names as its own representative ("Our EU representative is Amazon Europe Core S.a.r.l."). */
  readonly representatives: ReadonlySet<string>
  /** The mail domains of a list of providers, each block under a label that names it (see `labelledProviderDomains`). */
  readonly labelledProviders: ReadonlySet<string>
}

/** "Our EU representative is X", "our representative in the EU: X": the company's own representative, by name. */
const ownRepresentative =
  /\b(?:our|its)\s+(?:(?:EU|EEA|UK|Swiss|European|GDPR|data protection|privacy)\s+)?representatives?\b[^.\n]{0,40}?(?:\bis|\bare|:)\s+(\p{Lu}[\p{L}\p{N}.&'’-]{1,40})/giu
/** Representatives read per policy at most. */
const maxRepresentatives = 20

/** The first words of the organisations a policy names as its own representative, lower case. */
function representativesOf(text: string): ReadonlySet<string> {
  const found = new Set<string>()
  ownRepresentative.lastIndex = 0
  for (let m = ownRepresentative.exec(text); m && found.size < maxRepresentatives; m = ownRepresentative.exec(text)) found.add(m[1]!.toLowerCase())
  ownRepresentative.lastIndex = 0
  return found
}
type JudgeContext = EmailContext & { readonly memo: EmailMemo }

type Judged = {
  mention: Mention
  owner: 'company' | 'regulator' | 'third-party'
  /** How strongly the words around it tie it to privacy. */
  privacy: number
  /** How strongly its own paragraph or the introduction of its list ties it to privacy (not the heading or the page around it). */
  own: number
  /** Its own sentence gives it a sales or support purpose ("contact our support team at …") and no privacy use. */
  supportSentence: boolean
  strongest: Cue | null
  fromOwnSentence: boolean
  dpo: boolean
  /** The policy sends requests about the rights to it. */
  directed: boolean
  /** The other purpose its own sentence gives it (jobs, security reports, the press …), if any. */
  foreign: string | null
  purposeHint: OtherEmailPurpose | null
  quote: { quote: string; start: number; end: number }
}

function judge(mention: Mention, ctx: JudgeContext): Judged {
  const { segments } = ctx
  const text = segments.text
  const sentence = segments.sentenceAt(mention.start)
  // The sentence around the mention, at most `sentenceWindow` characters on each side.
  const ownStart = Math.max(sentence.start, mention.start - sentenceWindow)
  const ownEnd = Math.min(Math.max(mention.end, sentence.end), mention.end + sentenceWindow)
  // A link whose words are not the address ("contact our privacy team") keeps its words in the sentence.
  const words = mention.via === 'mailto-mismatch' ? text.slice(mention.start, mention.end) : ' '
  const own = clean(text.slice(ownStart, mention.start) + ' ' + words + ' ' + text.slice(mention.end, ownEnd))
  // The words before the sentence, but not those about another address ("Privacy: a@x. Orders: b@x").
  // A heading that opens the address's own section ends what the words before it say about the address.
  // A bare label ("E-mail: …") continues the block above it (an address, a name), heading or not.
  const windowStart = Math.max(0, mention.start - 350)
  const section = bareLabelWords.test(own.replace(/[^\p{L}]+/gu, '')) ? null : headingEndBefore(segments, sentence.start, windowStart)
  const sectionStart = section === null ? -1 : section.end
  let leadText = segments.before(sentence.start, 260)
  // … and a heading about privacy leaves the words before it their say.
  if (section !== null && sentence.start - section.end < leadText.length && scoreCues(clean(section.text), privacyCues).score === 0) leadText = text.slice(section.end, sentence.start)
  // A company's general mailbox (info@, contact@) on a bare line under a contact heading that says nothing
  // of privacy ("Contact Information / Email: info@…") is tied to privacy only by its own section: the words
  // before that heading belong to another section, and the mailbox stays what its name says. (A name line
  // above the address, "Example GmbH", is not such a heading: the block goes on above it.)
  let ownSectionFrom = 0
  if (section === null && localPartPurpose(mention.address.slice(0, mention.address.lastIndexOf('@'))) === 'general') {
    const above = headingEndBefore(segments, sentence.start, windowStart)
    if (above !== null && contactHeading.test(above.text) && scoreCues(clean(above.text), privacyCues).score === 0) {
      ownSectionFrom = above.end
      if (sentence.start - above.end < leadText.length) leadText = text.slice(above.end, sentence.start)
    }
  }
  plainEmail.lastIndex = 0
  for (let m = plainEmail.exec(leadText); m; m = plainEmail.exec(leadText)) leadText = leadText.slice(m.index + m[0].length)
  plainEmail.lastIndex = 0
  const lead = clean(leadText)
  const ownScore = scoreCues(own, privacyCues)
  let leadScore = scoreCues(lead, privacyCues)
  // "You have the right to … Please contact us at …": a bare contact sentence takes the topic of the
  // sentences before it in its own paragraph.
  let leadWeight = 0.5
  if (ownScore.score < 1 && companyCue.test(own)) {
    const paragraph = segments.paragraphAt(mention.start)
    const sameParagraph = clean(text.slice(Math.max(paragraph.start, sentence.start - 400), sentence.start) + ' ' + text.slice(sentence.end, Math.min(paragraph.end, sentence.end + 300)))
    const inParagraph = scoreCues(sameParagraph, privacyCues)
    if (inParagraph.score >= 2) {
      leadScore = inParagraph
      leadWeight = 0.9
    }
  }
  // A list's introduction ("If you have questions about this policy, contact us at:") speaks for
  // every item under it; so does the section heading above ("Name des Datenschutzbeauftragten").
  const introFound = introductionIndexBefore(segments, sentence.start)
  const introIndex = introFound !== -1 && segments.sentences[introFound]!.start < ownSectionFrom ? -1 : introFound
  let introScore = introIndex === -1 ? { score: 0, strongest: null } : ctx.memo.intro.get(introIndex)
  if (!introScore) {
    const s = segments.sentences[introIndex]!
    introScore = scoreCues(clean(text.slice(s.start, s.end)), privacyCues)
    ctx.memo.intro.set(introIndex, introScore)
  }
  const heading = headingBefore(segments, sentence.start, ctx.memo.heading)
  const headingScore = heading ? scoreCues(clean(heading), privacyCues) : { score: 0, strongest: null }
  // A topic taken from the paragraph ties an address, but less than its own sentence would.
  const fromLead = leadWeight === 0.5 ? 0.5 * leadScore.score : Math.min(2.5, leadWeight * leadScore.score)
  // A bare label ("E-mail:", "Eメール:") says nothing itself: the section's heading speaks for it.
  const bareLabel = bareLabelWords.test(own.replace(/[^\p{L}]+/gu, ''))
  const fromLines = bareLabel ? Math.max(fromLead, Math.min(2.5, leadScore.score)) : fromLead
  let privacy = ownScore.score + Math.max(fromLines, 0.9 * introScore.score) + (bareLabel ? 1 : 0.5) * headingScore.score
  const newsletter = purposeCues[0]!.pattern
  // What the sentence says an address is for is read without a link's own words ("[support](mailto:…)").
  const ownPlain = mention.via === 'mailto-mismatch' ? clean(text.slice(ownStart, mention.start) + ' ' + text.slice(mention.end, ownEnd)) : own
  if (newsletter.test(ownPlain)) privacy -= 1.5
  else if (newsletter.test(lead)) privacy -= 0.5
  // "Order questions: sales@…": a sentence about something else, with nothing about privacy in it.
  if (ownScore.score < 1.5 && purposeCues.slice(1, 3).some((c) => c.pattern.test(ownPlain))) privacy -= 1
  const dpoCue = privacyCues[0]!.pattern
  const near = clean(segments.before(mention.start, 160))
  const dpo = dpoCue.test(own) || dpoCue.test(near) || (heading !== null && dpoCue.test(heading))
  // "Anfragen dazu bitte an …", "Ces droits s'exercent auprès de … à l'adresse …": where the policy
  // itself sends requests about the rights.
  // Where the policy sends a person's own requests, not an agent's or an appeal.
  const introText = introIndex === -1 ? '' : clean(text.slice(segments.sentences[introIndex]!.start, segments.sentences[introIndex]!.end))
  const directed = (exerciseOfRightsCue.test(own) || dataRequestCue.test(own) || dataRequestCue.test(introText)) && !/(?<!\byou or your |\(or your )\bauthori[sz]ed agents?\b|\bappeal\b/i.test(ownPlain)
  // Only the sentence itself (up to the address and a little after) says what the address is for.
  const sentenceOnly = clean(text.slice(Math.max(sentence.start, mention.start - 400), mention.start) + ' ' + text.slice(mention.end, Math.min(sentence.end, mention.end + 200)))
  // … unless that sentence itself is about privacy ("to have your data removed, write to our HR department").
  const foreign = statedPurposeAfter(text, mention.end, sentence.end) ?? (scoreCues(sentenceOnly, privacyCues).score >= 2 ? null : (foreignPurposeCues.find((c) => c.pattern.test(sentenceOnly))?.about ?? null))
  let purposeHint: OtherEmailPurpose | null = null
  for (const cue of purposeCues) {
    if (cue.pattern.test(own)) {
      purposeHint = cue.purpose
      break
    }
  }
  // "… its data protection office can be reached at dpd@partner.example": another organisation's
  // privacy people, named as such in the address's own sentence, are not the company's.
  const otherOrganisation =
    (namesAnotherOrganisation(text.slice(Math.max(sentence.start, mention.start - 400), mention.start), ctx) ||
      headingNamesDomain(heading, mention.address) ||
      ctx.memo.labelledProviders.has(registrableDomain(mention.address.slice(mention.address.lastIndexOf('@') + 1).toLowerCase()))) &&
    !looksOwn(mention.address, ctx)
  // A regulator named before a heading that opens the address's own section ("… complain to the CNIL …
  // / 10. CONTACT / … e-mail our DPO at …") speaks for the section before, not for the address.
  const ownerInContext = otherOrganisation ? 'third-party' : ownerFromContext(text.slice(windowStart, mention.start), ctx.companyName, Math.max(0, sentence.start - windowStart), sectionStart === -1 ? 0 : sectionStart - windowStart)
  // The privacy people of the company's own representative, named as such ("the data protection officer for
  // Amazon Europe Core SARL" after "Our EU representative is Amazon Europe Core S.a.r.l.") are a way to reach it.
  // The company's representative, whom regulators and people may contact ("an EU based representative
  // … for data protection authorities and individuals, who can be contacted at …"), is not a regulator:
  // its address is a way to reach the company, unless the sentence is about a complaint.
  const representativeWords = `${ownPlain} ${introIndex === -1 ? '' : introText}`
  const representativeNotRegulator = ownerInContext === 'regulator' && representativeCue.test(representativeWords) && !/\bcomplain\w*|\blodge\b|\bplainte\b|\bBeschwerde\b/i.test(representativeWords)
  const owner = representativeNotRegulator || (ownerInContext === 'third-party' && !otherOrganisation && namesRepresentative(text.slice(sentence.start, mention.start), ctx.memo.representatives)) ? 'company' : ownerInContext
  const nearby = [introScore.strongest, leadScore.strongest, headingScore.strongest].reduce<Cue | null>((a, b) => (b && (!a || b.weight > a.weight) ? b : a), null)
  const strongest = ownScore.strongest && (!nearby || ownScore.strongest.weight >= nearby.weight * 0.5) ? ownScore.strongest : nearby
  return {
    mention,
    owner,
    privacy,
    own: Math.max(ownScore.score, introScore.score, paragraphScore(segments, mention)),
    supportSentence: ownScore.score < 1.5 && purposeCues.slice(1, 3).some((c) => c.pattern.test(ownPlain)),
    strongest,
    fromOwnSentence: strongest !== null && strongest === ownScore.strongest,
    dpo,
    directed,
    foreign,
    purposeHint,
    quote: segments.quoteAt(mention.start),
  }
}

/** How much of its paragraph, on each side, an address is tied to privacy by (see `paragraphScore`). */
const paragraphWindow = 600

/** The privacy cues of the paragraph an address stands in ("The controller is: Quill GmbH, … E-Mail: info@…"), without the addresses in it. */
function paragraphScore(segments: Segments, mention: Mention): number {
  const paragraph = segments.paragraphAt(mention.start)
  const from = Math.max(paragraph.start, mention.start - paragraphWindow)
  const to = Math.min(paragraph.end, mention.end + paragraphWindow)
  return scoreCues(clean(segments.text.slice(from, to)), privacyCues).score
}

/** How far after an address its own label of purpose is read ("support@x.com – for general inquiries"). */
const statedPurposeWindow = 80
/** A purpose written right after an address, as a label of its own: "– for general inquiries", "(for technical support)". */
const statedPurpose =
  /^[\s*_)\]]{0,6}(?:[-–—:]|\(|,)[ \t]*(?:only[ \t]+)?(?:for|regarding|re:|concerning)[ \t]+(?:all[ \t]+|any[ \t]+|other[ \t]+)?(general (?:inquir|enquir|question)\w*|(?:customer|technical|product) (?:support|service|care)|support|technical (?:questions?|issues?)|sales|billing|orders?|press|media|business (?:inquir|enquir)\w*|partnerships?|jobs?|careers?)(?![\p{L}])/iu

/**
 * The purpose an address's own label gives it, written right after it and before the next address
 * or line ("support@x.com – for general inquiries, dpo@x.com – for privacy inquiries"): that label
 * speaks for the address alone, whatever its neighbours say. Null when there is none, or when the
 * label itself speaks of privacy.
 */
function statedPurposeAfter(text: string, end: number, sentenceEnd: number): string | null {
  let after = text.slice(end, Math.min(text.length, end + statedPurposeWindow, Math.max(sentenceEnd, end + 1)))
  const cut = after.search(/[\n|@]/)
  if (cut !== -1) after = after.slice(0, cut)
  const m = statedPurpose.exec(after)
  if (!m || scoreCues(after, privacyCues).score >= 1.5) return null
  return m[1]!.toLowerCase()
}

/** A privacy office named as another organisation's: "its data protection officer", "leur bureau de protection des données". */
const possessiveOtherPrivacyOffice =
  /(?<![\p{L}])(?:its|their|son|sa|ses|leur|leurs|seine[mnrs]?|ihre[mnrs]?|su|sus)\s+(?:own\s+|propre\s+)?(?:bureau (?:de|du) (?:la )?protection des données|délégué(?:e)? à la protection des données|DPO|DPD|data protection (?:officer|office|team)|privacy (?:office|officer|team)|Datenschutzbeauftragte\w*|delegad[oa] de protección de datos)(?![\p{L}])/iu

/** "the data protection officer of the Ministry …", "délégué à la protection des données du ministère …": whose office it is, named after it. */
const privacyOfficeOf =
  /(?<![\p{L}])(?:délégué(?:e)? à la protection des données|data protection officer|DPO|DPD)\s+(?:du|de la|de l['’]|des|of the|of)\s+(\p{L}[\p{L}'’&.-]{2,40}(?:\s+\p{L}[\p{L}'’&.-]{1,40}){0,3})/iu

/** "CA Example Finance, Délégué à la protection des données": an organisation's name, then its privacy office. */
const organisationThenPrivacyOffice = /(?:^|[\n:;(])[ \t]*(\p{Lu}[\p{L}\p{N}&.'’ -]{1,60}),\s*(?:Délégué(?:e)? à la protection des données|Data Protection Officer|DPO)(?![\p{L}])/u

/** Words that stand for the company itself, or for a department, after "of" or before a privacy office. */
const ownOrDepartment = /^(?:(?:notre|nos|our|the|la|le|l['’])\s+)?(?:company|société|entreprise|group|groupe|organisation|organization|controller|responsable|privacy|team|legal|department|service|attn|attention)\b/i

/**
 * Whether the words before an address (in its own sentence) give it as the privacy office of an
 * organisation other than the company: a possessive ("its", "their", "son", "leur" …) before the
 * office, or the office "of" a name that is not the company's.
 */
function namesAnotherOrganisation(before: string, ctx: EmailContext): boolean {
  if (possessiveOtherPrivacyOffice.test(before)) return true
  const of = privacyOfficeOf.exec(before)
  if (of && !ownOrDepartment.test(of[1]!) && !(ctx.companyName?.test(of[1]!) ?? false)) return true
  const named = organisationThenPrivacyOffice.exec(before)
  return named !== null && !ownOrDepartment.test(named[1]!.trim()) && !(ctx.companyName?.test(named[1]!) ?? false)
}

/** Words of a heading that make it a topic, not a provider's name ("Privacy contact", "Your rights"). */
const topicHeading = /\b(?:privacy|data|protection|contact|officer|rights?|controller|questions?|requests?|complaints?|legal|datenschutz|kontakt|impressum|about|who we are|us)\b|données|confidentialité/i

/**
 * Whether the section an address stands in is headed by the name its domain spells ("### Adjust" over
 * "… write to privacy@adjust.com", "### Adnxs (AppNexus)" over privacy@appnexus.com): a provider's
 * section in a list of the providers the company uses. A heading of a few words only, naming no topic.
 */
function headingNamesDomain(heading: string | null, address: string): boolean {
  if (heading === null) return false
  const words = heading.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0)
  if (words.length === 0 || words.length > 4 || topicHeading.test(heading)) return false
  const label = registrableDomain(address.slice(address.lastIndexOf('@') + 1).toLowerCase()).split('.')[0]!.replace(/[^\p{L}\p{N}]+/gu, '')
  return label.length >= 3 && words.includes(label)
}

/** The longest label line read as a provider's name ("GameAnalytics:", "Acme Analytics Ltd:"). */
const maxLabelLine = 60

/** Whether the words of a short label or heading name the organisation a mail domain's label spells ("Game Analytics" and gameanalytics.com). */
function wordsNameDomain(words: ReadonlyArray<string>, address: string): boolean {
  const label = registrableDomain(address.slice(address.lastIndexOf('@') + 1).toLowerCase()).split('.')[0]!.replace(/[^\p{L}\p{N}]+/gu, '')
  return label.length >= 3 && (words.includes(label) || words.join('') === label)
}

/**
 * The mail domains of a list of the providers a company uses, written as blocks each opened by a label
 * line naming the provider ("GameAnalytics:" over "email: privacy@gameanalytics.com", "Adjust:" over
 * "email: privacy@adjust.com"): where at least two blocks of the policy are so labelled, each by the
 * name its own address's domain spells, the addresses in them are the providers', not the company's.
 * One such block alone may be the company's own contact block, and is left to the other evidence.
 */
function labelledProviderDomains(mentions: ReadonlyArray<Mention>, ctx: EmailContext): ReadonlySet<string> {
  const { segments } = ctx
  const text = segments.text
  const found = new Set<string>()
  for (const mention of mentions.slice(0, maxAddresses)) {
    const paragraph = segments.paragraphAt(mention.start)
    const lineEnd = text.indexOf('\n', paragraph.start)
    if (lineEnd === -1 || lineEnd >= mention.start || lineEnd - paragraph.start > maxLabelLine) continue
    const line = text.slice(paragraph.start, lineEnd).trim()
    if (!/^[\p{L}\p{N}][^:@\n]{0,58}:$/u.test(line) || topicHeading.test(line)) continue
    const words = line.slice(0, -1).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0)
    if (words.length === 0 || words.length > 4 || !wordsNameDomain(words, mention.address)) continue
    found.add(registrableDomain(mention.address.slice(mention.address.lastIndexOf('@') + 1).toLowerCase()))
  }
  return found.size >= 2 ? found : new Set()
}

/** Whether an address is at the company's own domain (its web address, its site's links, or a domain its name spells). */
function looksOwn(address: string, ctx: EmailContext): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase()
  const at = (d: string | null | undefined) => !!d && (domain === d || domain.endsWith(`.${d}`))
  if (at(ctx.companyDomain) || at(ctx.siteDomain)) return true
  if (!ctx.companyNameText) return false
  const label = registrableDomain(domain).split('.')[0]!.replace(/[^\p{L}\p{N}]+/gu, '')
  const name = ctx.companyNameText.toLowerCase().replace(nameNoise, ' ').replace(/[^\p{L}\p{N}]+/gu, '')
  return label.length >= 3 && name.length >= 3 && (name.includes(label) || label.includes(name))
}

/**
 * Whether an address at a well-known provider's domain is the company's own mailbox there: the policy
 * is the provider's own (GitHub's, with dpo@github.com), or a product of the provider's group names
 * its own mailbox at the group's domain (YouTube Kids' youtubekids-privacy@google.com). Told by the
 * company's name as the policy gives it: the domain spells it, or the mailbox's name starts with it.
 */
function providerOwnMailbox(address: string, ctx: EmailContext): boolean {
  if (!ctx.companyNameText) return false
  const name = ctx.companyNameText.toLowerCase().replace(nameNoise, ' ').replace(/[^\p{L}\p{N}]+/gu, '')
  if (name.length < 4) return false
  const at = address.lastIndexOf('@')
  const label = registrableDomain(address.slice(at + 1).toLowerCase()).split('.')[0]!.replace(/[^\p{L}\p{N}]+/gu, '')
  const mailbox = address.slice(0, at).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  return label === name || (label.length >= 4 && name.startsWith(label)) || mailbox.startsWith(name)
}

/** The nearest sentence before `start` that ends with a colon, within a short distance. */
export function introductionBefore(segments: Segments, start: number): string | null {
  const index = introductionIndexBefore(segments, start)
  if (index === -1) return null
  const s = segments.sentences[index]!
  return segments.text.slice(s.start, s.end)
}

/** The index of the sentence `introductionBefore` finds, or -1; reads only the end of each sentence. */
function introductionIndexBefore(segments: Segments, start: number): number {
  const text = segments.text
  const floor = Math.max(0, start - 450)
  for (let index = segments.sentenceIndexAt(start); index >= 0; index -= 1) {
    const s = segments.sentences[index]!
    if (s.start >= start) continue
    if (s.end < floor) break
    // /[:：]\s*$/ and more than 25 characters.
    let last = s.end
    while (last > s.start && /\s/.test(text[last - 1]!)) last -= 1
    if (last > s.start && (text[last - 1] === ':' || text[last - 1] === '：') && s.end - s.start > 25) return index
  }
  return -1
}

/**
 * Whether two addresses are at domains of one organisation: the same domain, or domains whose own
 * part (left of what they share) is one name with a word after it ("123greetings" and "123greetings-inc").
 */
function sameOrganisationDomain(a: string, b: string): boolean {
  const da = a.slice(a.lastIndexOf('@') + 1).toLowerCase().split('.')
  const db = b.slice(b.lastIndexOf('@') + 1).toLowerCase().split('.')
  while (da.length > 1 && db.length > 1 && da[da.length - 1] === db[db.length - 1]) {
    da.pop()
    db.pop()
  }
  const la = da[da.length - 1]!.replace(/[^\p{L}\p{N}]+/gu, '')
  const lb = db[db.length - 1]!.replace(/[^\p{L}\p{N}]+/gu, '')
  return la === lb || (Math.min(la.length, lb.length) >= 4 && (la.startsWith(lb) || lb.startsWith(la)))
}

/** Whether `before` (the address's own sentence up to it) names the privacy office of one of the company's own representatives. */
function namesRepresentative(before: string, representatives: ReadonlySet<string>): boolean {
  if (representatives.size === 0 || !/\b(?:data protection officer|DPO|privacy (?:team|office|officer)|representative)\b/i.test(before)) return false
  for (const word of before.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3 && representatives.has(word)) return true
  return false
}

/** A heading that opens a section of contact details ("Contact Information", "Kontakt", "Nous contacter"). */
const contactHeading = /^[\d.\s]{0,6}(?:contact(?:o|ez-nous)?|kontakt|contatti|get in touch|reach us|nous contacter|impressum|about us)\b/iu

/** The words of a bare label before an address ("E-mail:", "Eメール:"), letters only. */
const bareLabelWords = /^(?:e?mail(?:address)?|email|courriel|correo|kontakt|contact|eメール|メール|電子メール|邮箱|电子邮件|電郵)?$/i

/** The section heading nearest above `start` (its words and where it ends), if one stands between `floor` and `start`. */
function headingEndBefore(segments: Segments, start: number, floor: number): { text: string; end: number } | null {
  const text = segments.text
  for (let index = segments.paragraphIndexAt(start) - 1; index >= 0; index -= 1) {
    const p = segments.paragraphs[index]!
    if (p.end < floor) break
    const t = text.slice(p.start, p.end).trim()
    if (!t.includes('\n') && t.length <= 90 && !/[.,;:!?]$/.test(t) && /^[\p{Lu}\p{N}\p{Script=Han}]/u.test(t) && !/@|\d{3,}/.test(t) && !regulatorCue.test(t)) return { text: t, end: p.end }
  }
  return null
}

/** The section heading above `start`: a short single-line paragraph without final punctuation. */
export function headingBefore(segments: Segments, start: number, memo?: Map<number, string | null>): string | null {
  const text = segments.text
  const floor = Math.max(0, start - 900)
  for (let index = segments.paragraphIndexAt(start) - 1; index >= 0; index -= 1) {
    const p = segments.paragraphs[index]!
    if (p.end < floor) break
    let heading = memo?.get(index)
    if (heading === undefined) {
      const t = text.slice(p.start, p.end).trim()
      heading = !t.includes('\n') && t.length <= 90 && !/[.,;:!?]$/.test(t) && /^[\p{Lu}\p{N}\p{Script=Han}]/u.test(t) && !/@|\d{3,}/.test(t) ? t : null
      memo?.set(index, heading)
    }
    if (heading !== null) return heading
  }
  return null
}

export type EmailFindings = {
  readonly privacyEmails: ProposedPrivacyEmail[]
  readonly otherEmails: ProposedOtherEmail[]
  readonly excludedEmails: ExcludedEmail[]
  readonly warnings: ProposalWarning[]
}

export function findEmails(links: ReadonlyArray<TextLink>, input: EmailContext): EmailFindings {
  const budget = input.budget ?? unlimitedBudget
  const text = input.segments.text
  const warnings: ProposalWarning[] = []
  const mentions = findMentions(text, links, warnings, budget)
  const labelledProviders = labelledProviderDomains(mentions, input)
  const ctx: JudgeContext = { ...input, memo: { intro: new Map(), heading: new Map(), representatives: representativesOf(text), labelledProviders } }
  const excluded: ExcludedEmail[] = []
  const warned = new Set<string>()

  // Group mentions by address (case-insensitive).
  const byAddress = new Map<string, Mention[]>()
  for (const mention of mentions) {
    const key = mention.address.toLowerCase()
    const list = byAddress.get(key)
    if (list) list.push(mention)
    else byAddress.set(key, [mention])
  }

  type Candidate = {
    address: string
    first: number
    judged: Judged[]
    best: Judged
    localPurpose: ReturnType<typeof localPartPurpose>
  }
  const candidates: Candidate[] = []

  let judgedAddresses = 0
  for (const [key, list] of byAddress) {
    if (judgedAddresses >= maxAddresses) break
    judgedAddresses += 1
    budget.check()
    const address = list[0]!.address
    const [localPart, domain] = address.split('@') as [string, string]
    const first = list[0]!
    const quote = ctx.segments.quoteAt(first.start)
    const exclude = (why: ExcludedEmail['why'], reasonKey: ReasonKey, code: ProposalWarning['code'], warningKey: WarningKey, params: Readonly<Record<string, string>> = { address }) => {
      excluded.push({ address, why, ...because(reasonKey), quote: quote.quote, start: quote.start, end: quote.end })
      if (!warned.has(`${code}:${key}`)) {
        warned.add(`${code}:${key}`)
        warnings.push(proposalWarning(code, warningKey, params, first.start, first.end))
      }
    }
    if (isPlaceholder(address)) {
      exclude('placeholder', 'email.placeholder', 'placeholder-ignored', 'placeholder')
      continue
    }
    const lp = localPartPurpose(localPart)
    if (lp === 'sender') {
      exclude('sender-only', 'email.senderOnly', 'sender-only-ignored', 'senderOnly')
      continue
    }
    const at = (d: string | null | undefined) => !!d && (domain === d || domain.endsWith(`.${d}`))
    const ownDomain = at(ctx.companyDomain) || at(ctx.siteDomain)
    if (regulatorDomains.test(domain)) {
      exclude('regulator', 'email.regulatorDomain', 'regulator-excluded', 'regulatorDomain')
      continue
    }
    // A few mentions tell enough; a policy repeating an address thousands of times needs no more.
    const judged = list.slice(0, 25).map((m) => judge(m, ctx))
    const companyJudged = ownDomain ? judged : judged.filter((j) => j.owner === 'company')
    if (companyJudged.length === 0) {
      const owner = judged[0]!.owner
      if (owner === 'regulator') {
        exclude('regulator', 'email.regulatorText', 'regulator-excluded', 'regulatorEmail')
      } else {
        exclude('third-party', 'email.thirdPartyText', 'third-party-excluded', 'thirdPartyEmail')
      }
      continue
    }
    if (!ownDomain && thirdPartyDomains.test(domain) && !providerOwnMailbox(address, ctx)) {
      exclude('third-party', 'email.providerDomain', 'third-party-excluded', 'providerDomain', { address, domain })
      continue
    }
    const best = companyJudged.reduce((a, b) => (b.privacy > a.privacy ? b : a))
    candidates.push({ address, first: first.start, judged: companyJudged, best, localPurpose: lp })
  }

  const privacyEmails: ProposedPrivacyEmail[] = []
  const otherEmails: ProposedOtherEmail[] = []
  const dedicated = new Set(candidates.filter((c) => c.localPurpose === 'privacy' || c.localPurpose === 'dpo').map((c) => c.address))
  // A privacy route of the company's own: an address dedicated to privacy that the policy ties to it.
  const privacyRoute = candidates.some((c) => dedicated.has(c.address) && c.best.privacy >= 1.5 && !foreignLocalPart(c.address.split('@')[0]!))
  const directedTo = new Set<string>()
  for (const c of candidates) {
    const domain = c.address.split('@')[1]!
    const ownDomain = ctx.companyDomain !== null && (domain === ctx.companyDomain || domain.endsWith(`.${ctx.companyDomain}`))
    const lpPrivacy = c.localPurpose === 'privacy' || c.localPurpose === 'dpo'
    const threshold = c.localPurpose === 'newsletter' ? 2.5 : 1.5
    // Another purpose, from the address itself or from every sentence that gives it ("our HR team",
    // "a security question", "e-mail providers"): never the privacy contact, unless it is the DPO's.
    const dpoNamed = c.localPurpose === 'dpo' || c.judged.some((j) => j.dpo && j.foreign === null)
    const foreign = lpPrivacy || dpoNamed ? null : (foreignLocalPart(c.address.split('@')[0]!) ?? (c.judged.every((j) => j.foreign !== null) ? c.judged[0]!.foreign : null))
    // A mailbox named for another purpose (sales@, support@, info@) is tied to privacy only by its own
    // sentence: where only the page around it speaks of privacy (a footer under the policy's last
    // section), or where the policy has a privacy route of its own and this sentence gives no privacy
    // use, it stays what its name says.
    const ownTie = c.judged.some((j) => (j.own >= 1.5 && !(privacyRoute && j.supportSentence)) || j.directed)
    const namedOtherwise = c.localPurpose === 'sales' || c.localPurpose === 'newsletter' || ((c.localPurpose === 'support' || c.localPurpose === 'general') && privacyRoute)
    const isPrivacy = foreign === null && (lpPrivacy || c.best.privacy >= threshold) && !(namedOtherwise && !ownTie && !dpoNamed)
    const shownNote = noteFor(c.best.mention)
    if (foreign !== null) {
      otherEmails.push({
        address: c.address,
        purpose: otherPurpose(c.localPurpose, c.judged),
        ...withNote(because('email.foreign', { purpose: purposeOf(foreign) }), shownNote),
        quote: c.best.quote.quote,
        start: c.best.quote.start,
        end: c.best.quote.end,
      })
    } else if (isPrivacy) {
      // An Italian PEC mailbox (posta elettronica certificata) usually accepts only certified mail:
      // an ordinary mailbox of the same office goes first.
      const certified = /(?:^|\.)pec\./i.test(domain) || /^pec(?:$|[._-])/i.test(c.address)
      const dpo = c.localPurpose === 'dpo' || c.judged.some((j) => j.dpo)
      const tied = c.judged.filter((j) => j.privacy >= 1.5).length
      const directed = c.judged.some((j) => j.directed && j.owner === 'company')
      if (directed) directedTo.add(c.address)
      const score =
        Math.round(
          (Math.max(0, c.best.privacy) + (lpPrivacy ? 3 : c.localPurpose === 'legal' ? 1 : 0) + (dpo ? 1 : 0) + (directed ? 6 : 0) + (ownDomain ? 0.5 : 0) + Math.min(0.5, 0.1 * Math.max(0, tied - 1)) - (certified ? 0.5 : 0)) * 100,
        ) / 100
      privacyEmails.push({
        address: c.address,
        score,
        ...withNote(privacyReason(c.best, c.localPurpose, dpo), shownNote),
        quote: c.best.quote.quote,
        start: c.best.quote.start,
        end: c.best.quote.end,
        purpose: dpo ? 'dpo' : 'privacy',
      })
    } else {
      const purpose = otherPurpose(c.localPurpose, c.judged)
      otherEmails.push({
        address: c.address,
        purpose,
        ...withNote(because('email.other', { purpose: purposeOf(purpose) }), shownNote),
        quote: c.best.quote.quote,
        start: c.best.quote.start,
        end: c.best.quote.end,
      })
    }
  }

  // No address tied to privacy: Rightful says so and proposes none. The company's own addresses stay
  // listed as what they are (general, support, sales …), each marked as not a privacy contact, so the
  // person can choose one knowingly or look for the privacy contact elsewhere.
  if (privacyEmails.length === 0 && otherEmails.length > 0) {
    for (const e of otherEmails) Object.assign(e, asNotPrivacyContact(e))
    const listed = otherEmails.map((e) => e.address)
    const shown = listed.slice(0, 5).join(', ')
    warnings.push(
      listed.length > 5
        ? proposalWarning('no-privacy-email', 'noPrivacyEmailMore', { listed: shown, more: listed.length - 5 }, null, null)
        : proposalWarning('no-privacy-email', 'noPrivacyEmail', { listed: shown }, null, null),
    )
  }

  // Addresses dedicated to privacy (a DPO's, privacy@…) first, then by how strongly the text ties them to it.
  // An address the policy sends rights requests to ranks with them.
  // Where the policy itself sends requests about the rights comes before a DPO named for questions.
  // Before all that, an address at the company's own mail domain: the company's own privacy people
  // rather than a law firm, a representative service or an affiliate named for one region.
  // A general mailbox (support@, team@, info@) the policy also sends requests to does not come before
  // an address dedicated to privacy that the policy gives too: it is where the requests land among others.
  // Only a dedicated address of the same organisation counts (123greetings-inc.com beside 123greetings.com;
  // not a ministry's DPO beside a service's contact, pm.gouv.fr beside demarche.numerique.gouv.fr).
  const generalMailbox = new Set(candidates.filter((c) => c.localPurpose === 'support' || c.localPurpose === 'general' || c.localPurpose === 'sales').map((c) => c.address))
  const dedicatedBeside = (address: string) => privacyEmails.some((e) => dedicated.has(e.address) && sameOrganisationDomain(e.address, address))
  const tier = (e: ProposedPrivacyEmail) => (directedTo.has(e.address) && !(generalMailbox.has(e.address) && dedicatedBeside(e.address)) ? 2 : e.purpose === 'dpo' || dedicated.has(e.address) ? 1 : 0)
  privacyEmails.sort((a, b) => tier(b) - tier(a) || b.score - a.score || a.start - b.start)
  homeFirst(privacyEmails, ctx.companyDomain, ctx.companyNameText ?? null)

  if (privacyEmails.length === 0 && otherEmails.length === 0) {
    warnings.push(
      excluded.length > 0
        ? proposalWarning('no-email', 'noEmailOnly', { addresses: excluded.map((e) => e.address).join(', '), count: excluded.length }, null, null)
        : proposalWarning('no-email', 'noEmail', undefined, null, null),
    )
  }

  return { privacyEmails, otherEmails, excludedEmails: excluded, warnings }
}

function noteFor(mention: Mention): FoundNote | null {
  if (mention.via === 'mailto-mismatch') return { kind: 'linkText', shown: mention.shown ?? '' }
  if (mention.via === 'link-elsewhere') return { kind: 'linkElsewhere', shown: mention.shown ?? '' }
  if (mention.via === 'decoded') return { kind: 'decoded', shown: mention.shown ?? '' }
  return null
}

function privacyReason(best: Judged, lp: ReturnType<typeof localPartPurpose>, dpo: boolean): Reason {
  if (lp === 'dpo' || (dpo && best.strongest?.about === 'the Data Protection Officer')) return because('email.dpo')
  if (lp === 'privacy' && (!best.strongest || best.privacy < 1.5)) return because('email.privacyAddress')
  return because(best.fromOwnSentence ? 'email.ownSentence' : 'email.afterText', { topic: topic(best.strongest?.about) })
}

function otherPurpose(lp: ReturnType<typeof localPartPurpose>, judged: ReadonlyArray<Judged>): OtherEmailPurpose {
  if (lp === 'newsletter' || lp === 'sales' || lp === 'support' || lp === 'general') return lp
  for (const j of judged) if (j.purposeHint && j.purposeHint !== 'general') return j.purposeHint
  if (judged.some((j) => j.purposeHint === 'general') || judged.some((j) => companyCue.test(j.quote.quote))) return 'general'
  return 'other'
}

/**
 * Moves the addresses at the company's own mail domain (see `homeDomain`) before the others, the
 * order within each group kept; used again once the company's name is known from its postal address.
 */
export function homeFirst(privacyEmails: ProposedPrivacyEmail[], companyDomain: string | null, companyName: string | null): void {
  const home = homeDomain(privacyEmails.map((e) => e.address), companyDomain, companyName)
  if (home === null) return
  const atHome = (e: ProposedPrivacyEmail) => (isAtDomain(e.address, home) ? 1 : 0)
  privacyEmails.sort((a, b) => atHome(b) - atHome(a))
}

/** Whether `address` is at `domain` or one of its subdomains. */
function isAtDomain(address: string, domain: string): boolean {
  const at = address.slice(address.lastIndexOf('@') + 1).toLowerCase()
  return at === domain || at.endsWith(`.${domain}`)
}

const nameNoise = /\b(?:the|inc|incorporated|ltd|limited|llc|gmbh|ag|se|sa|sas|plc|corp|corporation|company|co|group|holdings?|b\.?v|n\.?v|oy|ab|as|s\.?p\.?a|s\.?r\.?l|pte|pty|unlimited)\b\.?/gi

/**
 * The company's own mail domain among the privacy addresses: the one its web address gives; else
 * the one whose name is the company's ("Roblox Corporation" and roblox.com, "New Work SE" and
 * new-work.se); else none. Returns the registrable domain ("roblox.com").
 */
export function homeDomain(addresses: ReadonlyArray<string>, companyDomain: string | null, companyName: string | null): string | null {
  if (companyDomain) return companyDomain
  if (!companyName || addresses.length < 2) return null
  const words = companyName.toLowerCase().replace(nameNoise, ' ').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0)
  const joined = words.join('')
  if (joined.length < 3) return null
  const matches = new Set<string>()
  for (const address of addresses) {
    const domain = registrableDomain(address.slice(address.lastIndexOf('@') + 1))
    const label = domain.split('.')[0]!.replace(/[^\p{L}\p{N}]+/gu, '')
    if (label.length < 3) continue
    // "New York Times" and nytimes.com: the first words' initials before the last word.
    const initialsAndLast = words.length >= 2 ? `${words.slice(0, -1).map((w) => w[0]).join('')}${words[words.length - 1]}` : null
    // "123Greetings" and 123greetings-inc.com: the name with a word after it is the company's too.
    if (label === joined || label === initialsAndLast || (words[0]!.length >= 4 && label === words[0]) || (label.length >= 5 && joined.startsWith(label)) || (words[0]!.length >= 5 && label.startsWith(words[0]!))) matches.add(domain)
  }
  // Two different domains both look like the company's: nothing to prefer.
  return matches.size === 1 ? [...matches][0]! : null
}
