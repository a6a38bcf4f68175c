/** Turns a request (as drafted, or exactly as sent) into the letter the PDF renderer lays out. */
import type { PlainDate } from '../shared/calendar'
import { letterDraft, type Language, type RequestRecord } from '../requests/model'
import { longDate } from '../requests/draft-view'
import { letterLabels } from './letter-labels'
import type { LetterInput, Paper } from './pdf-letter'
import { cutUtf8 } from '../shared/text-cut'
import { coreError } from '../messages/errors'

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code
  } catch {
    return code
  }
}

/**
 * Where US Letter is the paper in the shops: the United States and Canada, Mexico, the
 * Philippines, Chile, Colombia, Venezuela, Guatemala, Costa Rica, the Dominican Republic and
 * Puerto Rico. Everywhere else, and when the sender's country is not known, A4.
 */
const US_LETTER_COUNTRIES: ReadonlySet<string> = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'DO', 'PR'])

/** The paper a sender in `country` (ISO 3166-1 alpha-2, or null when unknown) prints on. */
export function paperFor(country: string | null): Paper {
  return country !== null && US_LETTER_COUNTRIES.has(country.toUpperCase()) ? 'letter' : 'a4'
}

/**
 * The PDF's language tag: simplified Chinese is written for the mainland, traditional Chinese for
 * Hong Kong, Portuguese for Brazil (the laws these letters are written under).
 */
function languageTag(lang: Language): string {
  switch (lang) {
    case 'zh-Hans':
      return 'zh-CN'
    case 'zh-Hant':
      return 'zh-HK'
    case 'pt':
      return 'pt-BR'
    default:
      return lang
  }
}

/** Adds the sender's country to a letter abroad, unless the address already ends with it. */
function withCountry(lines: ReadonlyArray<string>, country: string | null): ReadonlyArray<string> {
  if (!country) return lines
  const name = countryName(country)
  const last = lines.at(-1)?.trim().toLowerCase() ?? ''
  return last === name.toLowerCase() || last === country.toLowerCase() ? lines : [...lines, name]
}

/**
 * The letter for a request. The sent snapshot wins over the draft, so a letter printed again later
 * is the letter that went out. The recipient's country is printed unless the sender's own country
 * (as recorded with the request) is known to be the same. The sender's country also chooses the
 * paper; the request's language the date format, the labels and the PDF's language. Enclosures
 * are the caller's to add: the files kept with the request's events are not sent along.
 */
export function letterFor(record: RequestRecord, options: { date: PlainDate; createdAt: Date }): LetterInput {
  const content = record.sent ?? letterDraft(record)
  const senderCountry = content.sender.country
  const address = record.sent?.recipientAddress ?? record.draft.recipientAddress
  if (!address) {
    throw coreError('NO_POSTAL_ADDRESS', 'error.letter.noPostal', { company: record.company.name })
  }
  const letterDate = record.sent?.channel === 'post' ? record.sent.on : options.date
  const international = senderCountry === null || senderCountry !== address.country
  return {
    sender: {
      name: content.sender.name,
      email: content.sender.email,
      address: withCountry(content.sender.address, international ? senderCountry : null),
    },
    recipient: {
      recipient: address.recipient,
      lines: address.lines,
      countryName: senderCountry === address.country ? null : countryName(address.country),
    },
    date: longDate(letterDate, record.lang),
    reference: record.reference,
    subject: content.subject,
    body: content.body,
    paper: paperFor(senderCountry),
    lang: languageTag(record.lang),
    labels: letterLabels(record.lang),
    metadata: {
      title: content.subject,
      author: content.sender.name,
      subject: `Data protection request ${record.reference} to ${record.company.name}`,
      createdAt: options.createdAt,
    },
  }
}

/** A file name people recognise in their Downloads folder: "RF-2026-0001 FS.COM access.pdf". */
export function outputFileName(record: RequestRecord, extension: 'pdf' | 'eml'): string {
  const company = [...record.company.name]
    .map((c) => (c.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
  // File systems take 255 bytes of UTF-8 a name; some room stays for a " (2)" the save may add.
  const rest = ` ${record.type}.${extension}`
  const room = 240 - Buffer.byteLength(`${record.reference} ${rest}`)
  return `${record.reference} ${cutUtf8(company, room).trim()}${rest}`
}
