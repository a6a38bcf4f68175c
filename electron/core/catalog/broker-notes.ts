/**
 * Reads the free-text notes of the data-broker list (drumandbytes/eraser) into facts Rightful keeps
 * as structure: requests go through a web form only; an address bounced, refuses requests, is not
 * read, or was retired (with the date); other addresses and phone numbers to use; the broker
 * became part of another company, or is gone (and whether its domain now belongs to someone else);
 * requests need a device's advertising identifier; other records were merged into this one.
 *
 * Only facts leave this module, never the notes' sentences (the list's licence allows copying, but
 * Rightful says things in its own words). The rules were written on the notes outside the held-out
 * set in test/fixtures/catalog/broker-notes-heldout.json and are measured on it
 * (test/core/broker-notes.test.ts). A note longer than `maxNoteLength` is read up to that length;
 * every pattern is linear in the note's length.
 */
import type { EmailProblemKind } from './schema'

export type BrokerNoteFacts = {
  /** The note says requests go through the web form, not by e-mail. */
  readonly webFormOnly: boolean
  /** Addresses the note reports a problem with. */
  readonly problems: ReadonlyArray<{ readonly address: string; readonly kind: EmailProblemKind }>
  /** Other addresses the note gives to write to (lower case). */
  readonly alternatives: ReadonlyArray<string>
  /** The company it became part of, by name. */
  readonly successor: string | null
  /** A newer name the company trades under. */
  readonly renamedTo: string | null
  readonly defunct: boolean
  /** The company's domain now belongs to someone else: send nothing there. */
  readonly doNotContact: boolean
  /** Requests need a device or advertising identifier (AAID, IDFA, cookie id), not a name. */
  readonly deviceId: boolean
  /** Ids of other records of the list merged into this one. */
  readonly aliases: ReadonlyArray<string>
  readonly phones: ReadonlyArray<string>
  /** Web addresses of forms the note gives besides the record's opt-out address. */
  readonly webForms: ReadonlyArray<string>
  /** The first date the note gives (when the facts were seen), or null. */
  readonly on: string | null
}

export const maxNoteLength = 5000

const emailPattern = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g
const datePattern = /\b(20\d\d-[01]\d-[0-3]\d)\b/

/** What the words after an address say about it, first match wins (checked in this order). */
const problemCues: ReadonlyArray<readonly [EmailProblemKind, RegExp]> = [
  ['bounced', /\bbounced?\b|hard-bounced|address rejected|delivery failure|mailbox full/i],
  ['retired', /no longer (?:used|active|in use|part of)|wrong domain|deprecated|\bleft (?:the company|[A-Z])|has left|\bare dead\b|\bis dead\b/i],
  ['not-monitored', /not (?:being )?monitored|n't monitored|unmonitored/i],
  [
    'refuses-requests',
    /\b(?:don't|doesn't|didn't|aren't|isn't|can't|couldn't|won't|do not|does not|did not|are not|is not|cannot|could not|will not)\b[^.;]{0,40}?\b(?:accept|accepted|process|processed|intended|take|evaluate)|on behalf of (?:its |their )?clients|\bunable to (?:accept|process)|\bcannot (?:accept|process)|can no longer|no longer (?:take|able)|redirected|pointing to [^.;]{0,40}(?:page|form|portal)|pointed [^.;]{0,60}(?:form|portal|page|center|centre)|designated (?:method|channel)|only go through|must go through|require[sd]? [^.;]{0,60}(?:go through|portal|form|page)|only submission method|as the only/i,
  ],
]

/** The note says requests go through a form instead of e-mail. */
const webFormOnlyCue =
  /web ?form only|\bform only|only go through|must (?:go|be submitted) through|designated (?:method|channel)|instead of e-?mail|rather than e-?mail|not e-?mail\b|not accepted via e-?mail|n't accepted|(?:do not|don't|doesn't|does not|cannot|can't|unable to|no longer)\b[^.;]{0,30}?\b(?:accept|process|take)\b[^.;]{0,50}?(?:e-?mail|this address|this mailbox|DSRs)|use the (?:existing )?(?:opt_out_url|opt-out form|privacy request form|privacy choices|webform|web form|portal|form)|will not be processed|not intended for privacy|can no longer evaluate|not (?:being )?monitored|n't monitored|unmonitored|redirected (?:DSRs|requests)|pointed [^.;]{0,60}(?:form|portal|page|center|centre)|pointing to [^.;]{0,40}(?:page|form|portal)|points? to (?:this|their) [^.;]{0,40}(?:form|page|portal|cent(?:er|re))|submit [^.;]{0,60}via this|complete this form|requires? (?:their|the|a) [^.;]{0,30}(?:form|portal)|DSARs require|email skipped|email cleared|no working email|only submission method|direct(?:s|ed)? (?:privacy )?requests to (?:their|this) [^.;]{0,30}(?:form|portal|cent(?:er|re))|via (?:a|this|their) [^.;]{0,30}?(?:web ?form|portal|form|page)|points? to this|go through this|until this form|require[sd]? [^.;]{0,40}(?:through|via) (?:this|their|the|a) [^.;]{0,20}(?:portal|form|page)/i

/** Things the note says about the person's data, not about how to write: not web-form facts. */
const notAboutChannel = /inbox is monitored|worth retrying by e-?mail/i

const successorCue = /\b(?:merged into|acquired by|is now part of|is now an?)\s+((?:[A-Z0-9][A-Za-z0-9&'’.-]*)(?:\s+[A-Z0-9][A-Za-z0-9&'’.-]*){0,5})/g
const renameCue = /\b[Rr]ebranded as\s+([A-Z][A-Za-z0-9&'’.-]*(?:\s+[A-Z][A-Za-z0-9&'’.-]*){0,4})/
const defunctCue = /ceased (?:operations|operating)|no longer operational|\bdefunct\b|no longer exists(?! (?:as a )?separate)|\bparked\b|for sale on|does not resolve|DO NOT CONTACT|has been resold/i
const doNotContactCue = /DO NOT CONTACT|has been resold|now hosts unrelated/i
const deviceIdCue = /advertising id|advertiser id|\bMAID\b|\bAAID\b|\bIDFA\b|device[/ ](?:or )?(?:browser |advertising )?id(?:entifier)?s?\b|digital identifiers?|cookie-based|cookie value|\bANON_ID\b|installation id/i
const notDeviceIdCue = /NOT recategori[sz]ed as device-id-only/i
const aliasCue = /\b[Tt]he separate ([a-z0-9][a-z0-9-]{0,99}) entry\b[^.;]{0,60}?\bmerged into this one/g
const phoneCue = /\b(?:call|calling|phone)\b[^0-9+]{0,30}?(\+?1?[ .-]?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}|\+?1?[ .-]?\(\d{3}\)\d{3}[ .-]\d{4})/gi
const urlPattern = /https:\/\/[^\s()"'<>]{1,500}/g

/** Words that end a company name read after "merged into". */
const nameStop = new Set(['as', 'in', 'and', 'on', 'for', 'the', 'with', 'company', 'since', 'from', 'via', 'because', 'but'])

function cleanName(raw: string): string | null {
  const words: string[] = []
  for (const word of raw.split(/\s+/)) {
    if (nameStop.has(word.toLowerCase())) break
    words.push(word)
  }
  const name = words.join(' ').replace(/['’]s$/, '').replace(/[.,;:-]+$/, '')
  return name.length >= 2 && !/^this\b/i.test(name) ? name : null
}

/** The clause an address stands in: from it to the next sentence, semicolon or dash break. */
function afterAddress(note: string, end: number): string {
  const rest = note.slice(end, end + 300)
  const stop = rest.search(/[;]|\.\s|\s-\s|\s–\s/)
  return stop < 0 ? rest : rest.slice(0, stop)
}

export function readBrokerNote(rawNote: string, options: { readonly email: string }): BrokerNoteFacts {
  const note = rawNote.slice(0, maxNoteLength)
  const own = options.email.trim().toLowerCase()
  const problems: Array<{ address: string; kind: EmailProblemKind }> = []
  const alternatives: string[] = []
  const seen = new Set<string>()

  for (const match of note.matchAll(emailPattern)) {
    const address = match[0].replace(/\.+$/, '').toLowerCase()
    if (seen.has(address)) continue
    seen.add(address)
    const start = match.index
    const end = start + match[0].length
    const before = note.slice(Math.max(0, start - 25), start)
    // The words after an address, up to the end of its clause, say what is wrong with it; an
    // address without a problem is one more to write to, unless it is only where a reply came from.
    const kind = problemCues.find(([, cue]) => cue.test(afterAddress(note, end)))?.[0] ?? null
    if (kind) problems.push({ address, kind })
    else if (address !== own && !/\bfrom\s*$/i.test(before)) alternatives.push(address)
  }

  const successors = [...note.matchAll(successorCue)].map((m) => cleanName(m[1]!)).filter((n): n is string => n !== null)
  const successor = successors[0] ?? null
  const renamed = renameCue.exec(note)
  const deviceId = deviceIdCue.test(note) && !notDeviceIdCue.test(note)
  const defunct = successor === null && defunctCue.test(note)
  const aliases = [...note.matchAll(aliasCue)].map((m) => m[1]!)
  const phones = [...new Set([...note.matchAll(phoneCue)].map((m) => m[1]!.trim()))]
  const webForms = [...new Set([...note.matchAll(urlPattern)].map((m) => m[0].replace(/[.,;:]+$/, '')))]

  return {
    webFormOnly: successor === null && !defunct && webFormOnlyCue.test(note) && !notAboutChannel.test(note),
    problems,
    // A company that is gone or became part of another takes no requests at its old addresses.
    alternatives: successor === null && !defunct ? alternatives : [],
    successor,
    renamedTo: renamed ? cleanName(renamed[1]!) : null,
    defunct,
    doNotContact: defunct && doNotContactCue.test(note),
    deviceId,
    aliases,
    phones: successor === null && !defunct ? phones : [],
    webForms,
    on: datePattern.exec(note)?.[1] ?? null,
  }
}
