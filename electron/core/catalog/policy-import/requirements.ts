/**
 * What the company asks of a request: a wording in the subject line, how to ask for deletion, and
 * the age below which it does not want users.
 */
import type { ProposedDeletion, ProposedMinAge, ProposedSubjectRule } from './proposal'
import { exerciseOfRightsCue } from './cues'
import type { Segments } from './segments'
import { ownValue } from '../../shared/own-keys'

const subjectWords = /\bsubject(?:[- ]line)?\b|\bBetreff\b|\bobjet\b|\basunto\b|主题|標題|标题/i
const demand = /\b(?:should|must|shall|please|required?|need to|clearly state|label(?:l)?ed|mark(?:ed)?|includ(?:e|ing)|specify|state|quote|put|use|with)\b|\bbitte\b|请|須|须/i
const nouns = 'quer(?:y|ies)|requests?|complaints?|complain|inquir(?:y|ies)|enquir(?:y|ies)'

/** "data protection query, request or complain" → the three phrases it stands for. */
function phrasesOf(sentence: string): string[] {
  const phrases: string[] = []
  const quoted = sentence.match(/[“"«„‘']([^“”"«»„‘’']{3,80})[”"»“’']/g) ?? []
  for (const q of quoted) phrases.push(q.slice(1, -1).trim())
  const list = new RegExp(String.raw`\b((?:[A-Za-z]+\s){1,3}?)(${nouns})((?:\s*,\s*(?:${nouns}))*)(?:\s*,)?\s+(?:or|and|and\/or)\s+(${nouns})\b`, 'i').exec(sentence)
  if (list) {
    const head = list[1]!.trim().replace(/^(?:a|an|the|making|make)\s+/i, '').replace(/^(?:a|an|the)\s+/i, '')
    const items = [list[2]!, ...list[3]!.split(',').map((s) => s.trim()).filter(Boolean), list[4]!]
    for (const item of items) {
      const noun = item.toLowerCase() === 'complain' ? 'complaint' : item.toLowerCase()
      if (head) phrases.push(`${head} ${noun}`)
    }
  }
  return [...new Set(phrases.filter((p) => p.length >= 3))]
}

export function findSubjectRule(segments: Segments): ProposedSubjectRule | null {
  const text = segments.text
  let best: { rule: ProposedSubjectRule; score: number } | null = null
  for (const s of segments.sentences) {
    const sentence = text.slice(s.start, s.end)
    if (sentence.length > 600 || !subjectWords.test(sentence) || !demand.test(sentence)) continue
    // "the subject of this policy" is not a subject line.
    if (!/\bsubject[- ]line\b|\bin the subject\b|\bon the subject\b|\bsubject:|\bsubject field\b|\bBetreff\b|主题|標題|标题|\bsubject of (?:your|the) (?:e-?mail|message|request)\b/i.test(sentence)) continue
    const phrases = phrasesOf(sentence)
    const score = (phrases.length > 0 ? 2 : 0) + (/\b(?:data protection|privacy|personal data|rights?|request)\b/i.test(sentence) ? 1 : 0)
    const rule: ProposedSubjectRule = { text: sentence, phrases, quote: sentence, start: s.start, end: s.end }
    if (!best || score > best.score) best = { rule, score }
  }
  return best?.rule ?? null
}

const deletionWords =
  /\b(?:delet(?:e|ion|ed)|eras(?:e|ed|ure)|eliminat(?:e|ed|ion)|right to be forgotten|remov(?:e|al|ed)|close (?:your|my) account|deactivat\w+|cancel (?:your|my) account)\b|\blösch\w*|\bgelöscht|\bverwijder\w*|\bsuppression\b|\beffacement\b|\bsupresión\b|\bcancelación\b|\bcancellazione\b|删除|注销|刪除|削除|消去/i
const instruction =
  /\b(?:by (?:sending|emailing|e-mailing|writing|contacting|calling|visiting|going|logging|clicking)|send(?:ing)? (?:an? )?(?:e-?mail|message|request|letter)|e-?mail(?:ing)? us|write to|writing to|contact(?:ing)? us|contact \S+@|please (?:contact|write|email|e-mail|send|go|visit|log|click|use)|request (?:the )?delet|request that we|ask us|settings|log ?in|sign in|account page|web ?form)\b|wenden Sie sich|kontaktieren|schreiben Sie|联系我们|通过/i
const aboutYou = /\b(?:you|your)\b|\bSie\b|\bIhre?\b|\b(?:je|jij|jouw|uw)\b|\b(?:vous|vos|votre)\b|\b(?:usted|sus)\b|您/i
/** An e-mail address in a sentence; the part before the @ has at most 64 characters (RFC 5321), so a long run without an @ is read once per place it could start, not to its end. */
const emailIn = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/

export function findDeletionInstruction(segments: Segments): ProposedDeletion | null {
  const text = segments.text
  let best: { found: ProposedDeletion; score: number } | null = null
  segments.sentences.forEach((first, index) => {
    // "You have the right to be forgotten. In this case, please contact …": the how follows the what.
    let s: { start: number; end: number } = first
    const next = segments.sentences[index + 1]
    if (next && next.start - first.end < 200 && !instruction.test(text.slice(first.start, first.end)) && /^(?:in this case|to do so|to do this|for this|to exercise|if you wish|please)\b/i.test(text.slice(next.start, next.end)) && instruction.test(text.slice(next.start, next.end))) {
      s = { start: first.start, end: next.end }
    }
    const sentence = text.slice(s.start, s.end)
    if (sentence.length > 700 || !deletionWords.test(text.slice(first.start, first.end)) || !aboutYou.test(sentence)) return
    // The company deleting data on its own ("we will delete that information") is not an instruction.
    if (/\b(?:we|it) (?:will|shall|may|automatically)\b[^.]{0,40}\b(?:delete|remove|erase)/i.test(sentence) && !/\b(?:you may|you can|please|request)\b/i.test(sentence)) return
    const email = emailIn.exec(sentence)?.[0] ?? null
    let score = 0
    if (instruction.test(sentence)) score += 2
    if (email) score += 2
    if (/\b(?:request|ask|verzoek|demande|solicitud|richiesta)\b/i.test(sentence)) score += 1
    if (/\b(?:your (?:account|data|personal|information)|personal (?:data|information))\b/i.test(sentence)) score += 1
    if (/\bcookies?\b/i.test(sentence)) score -= 2
    // Parents asking for a child's data to go is not how a user asks for their own deletion.
    if (/\b(?:minors?|child(?:ren)?|parental|minderjarige?n?|kinderen|mineurs?|enfants?|menores|minori)\b/i.test(sentence)) score -= 2
    if (score < 2) return
    const found: ProposedDeletion = { text: sentence, email, quote: sentence, start: s.start, end: s.end }
    if (!best || score > best.score) best = { found, score }
  })
  return (best as { found: ProposedDeletion } | null)?.found ?? exerciseOfRights(segments)
}

/** A right to erasure stated for the user ("the right to have your personal data erased", "Recht auf Löschung"). */
const rightsContext =
  /\bright(?:s)?\b|\bRecht\b|\bdroits?\b|\bderechos?\b|\bdiritt[oi]\b|\brecht op\b|Art(?:icle|\.)?\s*17\b|\b(?:request(?:ed|s)?|ask|verlangen|demander|solicitar|richiedere)\b|\byou (?:can|may|have)\b|\bSie (?:können|haben)\b|\bvous (?:pouvez|avez)\b|\byour (?:personal )?(?:data|information)\b|請求|求め/i
const contactCue = /@|\bcontact\w*|\bwrit\w+ to\b|\bby (?:sending|e-?mail|post|letter)\b|\bsend\w*\b|\bKontakt\w*|\ban <|\badresse\b|\baddress\b|\bformlos\b|\bauprès de\b|\bdirig\w+|\bindirizz\w+|お問い?合わ?せ|ご連絡/i

/**
 * When no sentence says how to ask for deletion itself, but the policy grants a right to erasure
 * and says how to exercise the rights, that sentence is the instruction (it covers deletion).
 */
function exerciseOfRights(segments: Segments): ProposedDeletion | null {
  const text = segments.text
  const erasure = segments.sentences.some((s) => {
    const sentence = text.slice(s.start, s.end)
    return sentence.length <= 1200 && deletionWords.test(sentence) && rightsContext.test(sentence) && !/\bcookies?\b/i.test(sentence) && !/\b(?:we|it) (?:(?:will|shall|may|automatically)\b[^.]{0,40}\b)?(?:delete|remove|erase)/i.test(sentence)
  })
  if (!erasure) return null
  let best: { found: ProposedDeletion; score: number } | null = null
  for (const s of segments.sentences) {
    const sentence = text.slice(s.start, s.end)
    if (sentence.length > 700 || !exerciseOfRightsCue.test(sentence) || !contactCue.test(sentence)) continue
    // About the authority ("you may lodge a complaint …") or a child's data: not how the user asks.
    if (/\b(?:complaint|supervisory authority|Aufsichtsbehörde|Beschwerde|réclamation|reclamación|reclamo)\b/i.test(sentence)) continue
    if (/\b(?:child(?:ren)?|minors?|parents?)\b/i.test(sentence)) continue
    const email = emailIn.exec(sentence)?.[0] ?? null
    const score = (email ? 2 : 0) + (deletionWords.test(sentence) ? 1 : 0)
    if (!best || score > best.score) best = { found: { text: sentence, email, quote: sentence, start: s.start, end: s.end }, score }
  }
  return best?.found ?? null
}

const chineseNumbers: Readonly<Record<string, number>> = { 十三: 13, 十四: 14, 十六: 16, 十八: 18, 十二: 12 }
const agePatterns: ReadonlyArray<RegExp> = [
  /\bunder (?:the )?age (?:of )?(\d{1,2})\b/gi,
  /\b(?:children|minors?|persons|people|individuals|anyone|users|kids)\s+(?:who are\s+)?(?:under|below|younger than)\s+(?:the age of\s+)?(\d{1,2})(?:\s+years)?\b/gi,
  /\b(?:under|below|younger than) (\d{1,2}) (?:years(?: of age| old)?|y\.?o\.?)\b/gi,
  /\b(?:at least|over|older than|aged) (\d{1,2})(?: years(?: of age| old)?| or (?:older|over|above))\b/gi,
  /\b(\d{1,2}) years (?:of age )?or older\b/gi,
  /\b(?:minimum|required) age (?:of|is) (\d{1,2})\b/gi,
  /\bunder (\d{1,2})\b(?=[^.]{0,60}\b(?:register|use|provide|submit|collect|personal)\b)/gi,
  /\bunter (\d{1,2}) Jahren\b|\b(\d{1,2}) Jahre(?:n)? (?:oder älter|alt)\b|\bMindestalter (?:von )?(\d{1,2})\b/gi,
  /(?:未满|不满|低于|小于)\s*(\d{1,2}|十[二三四六八])\s*(?:周岁|岁)/g,
  // Dutch: "jonger dan 16 jaar", "jonger zijn dan 16 jaar", "onder de 16 jaar"
  /\bjonger (?:zijn |is )?dan (\d{1,2}) jaar\b|\bonder de (\d{1,2}) jaar\b|\b(\d{1,2}) jaar of ouder\b/gi,
  // Japanese: "16歳未満", "16 歳未満", "16才未満"
  /(?<!\d)(\d{1,2})\s*(?:歳|才)未満/g,
]
const childContext = /\b(?:child(?:ren)?|minors?|age|kids|parent(?:al)?|COPPA|years old|register|users?|younger than|knowingly|anyone|persons?)\b|Kinder|Jugendliche|\bkinderen\b|minderjarig\w*|\bjonger (?:zijn |is )?dan\b|未成年|儿童|兒童|未満|児童|子ども/i

export function findMinAge(segments: Segments): ProposedMinAge | null {
  const text = segments.text
  const hits: Array<{ age: number; start: number }> = []
  // Whether a sentence speaks of children or users, asked once per sentence however many ages it holds.
  const aboutChildren = new Map<number, boolean>()
  for (const pattern of agePatterns) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const value = m.slice(1).find((g) => g !== undefined)
      if (!value) continue
      const age = ownValue(chineseNumbers, value) ?? Number(value)
      if (!Number.isInteger(age) || age < 6 || age > 21) continue
      const index = segments.sentenceIndexAt(m.index)
      let about = aboutChildren.get(index)
      if (about === undefined) {
        const s = segments.sentences[index] ?? segments.sentenceAt(m.index)
        about = childContext.test(text.slice(s.start, s.end))
        aboutChildren.set(index, about)
      }
      if (!about) continue
      hits.push({ age, start: m.index })
    }
  }
  if (hits.length === 0) return null
  // The age the policy repeats most; on a tie, the first one it states.
  const counts = new Map<number, number>()
  for (const h of hits) counts.set(h.age, (counts.get(h.age) ?? 0) + 1)
  hits.sort((a, b) => (counts.get(b.age)! - counts.get(a.age)!) || a.start - b.start)
  const chosen = hits[0]!
  const quote = segments.quoteAt(chosen.start)
  return { age: chosen.age, quote: quote.quote, start: quote.start, end: quote.end }
}
