/**
 * Postal addresses. Each starts from an anchor that only addresses have (a US "City, ST 12345", a
 * UK postcode, a German postcode before a town, a Hong Kong or Chinese locality, a country name
 * closing a run of street lines, a Chinese 省/市/区/路/号 address) and grows backwards over the
 * street, building and addressee parts, on the same line (comma by comma) and on the lines above.
 * Then it is judged: the company's, a regulator's (where complaints go) or a third party's.
 */
import { unlimitedBudget, type TextBudget } from '../../text/budget'
import { declaredController, hostingCue, ownerFromContext, privacyCues, regulatorAddress, regulatorCue, scoreCues, thirdPartyName } from './cues'
import type { ProposedPostalAddress } from './proposal'
import { because, type Reason } from './reasons'
import type { Segments, Span } from './segments'
import { ownValue } from '../../shared/own-keys'

const usStates: Readonly<Record<string, string>> = {
  Alabama: 'AL', Alaska: 'AK', Arizona: 'AZ', Arkansas: 'AR', California: 'CA', Colorado: 'CO', Connecticut: 'CT',
  Delaware: 'DE', Florida: 'FL', Georgia: 'GA', Hawaii: 'HI', Idaho: 'ID', Illinois: 'IL', Indiana: 'IN', Iowa: 'IA',
  Kansas: 'KS', Kentucky: 'KY', Louisiana: 'LA', Maine: 'ME', Maryland: 'MD', Massachusetts: 'MA', Michigan: 'MI',
  Minnesota: 'MN', Mississippi: 'MS', Missouri: 'MO', Montana: 'MT', Nebraska: 'NE', Nevada: 'NV', 'New Hampshire': 'NH',
  'New Jersey': 'NJ', 'New Mexico': 'NM', 'New York': 'NY', 'North Carolina': 'NC', 'North Dakota': 'ND', Ohio: 'OH',
  Oklahoma: 'OK', Oregon: 'OR', Pennsylvania: 'PA', 'Rhode Island': 'RI', 'South Carolina': 'SC', 'South Dakota': 'SD',
  Tennessee: 'TN', Texas: 'TX', Utah: 'UT', Vermont: 'VT', Virginia: 'VA', Washington: 'WA', 'West Virginia': 'WV',
  Wisconsin: 'WI', Wyoming: 'WY', 'District of Columbia': 'DC',
}
const stateCodes = new Set(Object.values(usStates))
const stateAndZip = new RegExp(String.raw`^(?:[A-Z]{2}|${Object.keys(usStates).join('|')})\.?\s\d{5}(?:-\d{4})?$`)

/** Country names (as policies write them) and their ISO codes. */
const countries: ReadonlyArray<[RegExp, string]> = [
  [/^(?:the\s+)?(?:United States(?: of America)?|U\.?S\.?A\.?|U\.S\.|US|États-Unis|Etats-Unis|Estados Unidos)$/i, 'US'],
  [/^(?:the\s+)?(?:United Kingdom|U\.?K\.?|Great Britain|England|Scotland|Wales|Northern Ireland|Royaume-Uni|Reino Unido|Vereinigtes Königreich)$/i, 'GB'],
  [/^(?:Germany|Deutschland|Federal Republic of Germany|Bundesrepublik Deutschland|Allemagne|Alemania|Germania)$/i, 'DE'],
  [/^(?:Hong\s?Kong(?:\s+SAR)?|HKSAR|Hong Kong S\.A\.R\.?|香港)$/i, 'HK'],
  [/^(?:(?:the\s+)?People'?s Republic of China|P\.?\s?R\.?\s?C\.?|P\.?R\.?\s?China|China|Mainland China|中国|中华人民共和国)$/i, 'CN'],
  [/^(?:Ireland|Irland|Republic of Ireland|Éire|Irlande|Irlanda)$/i, 'IE'],
  [/^(?:France|Frankreich|Francia)$/i, 'FR'],
  [/^(?:the\s+)?(?:Netherlands|Niederlande|Nederland|Holland|Pays-Bas|Países Bajos)$/i, 'NL'],
  [/^(?:Singapore|Singapour)$/i, 'SG'],
  [/^(?:Japan|日本|Japon|Japón)$/i, 'JP'],
  [/^(?:Canada)$/i, 'CA'],
  [/^(?:Australia)$/i, 'AU'],
  [/^(?:Switzerland|Schweiz|Suisse|Svizzera|Suiza)$/i, 'CH'],
  [/^(?:Austria|Österreich|Autriche)$/i, 'AT'],
  [/^(?:Sweden|Schweden|Sverige|Suède|Suecia)$/i, 'SE'],
  [/^(?:Spain|Spanien|España|Espagne|Spagna)$/i, 'ES'],
  [/^(?:Italy|Italien|Italia|Italie)$/i, 'IT'],
  [/^(?:Belgium|Belgien|Belgique|België|Bélgica)$/i, 'BE'],
  [/^(?:Luxembourg|Luxemburg|Luxemburgo)$/i, 'LU'],
  [/^(?:Denmark|Dänemark|Danmark|Danemark|Dinamarca)$/i, 'DK'],
  [/^(?:Norway|Norwegen|Norge|Norvège|Noruega)$/i, 'NO'],
  [/^(?:Finland|Finnland|Suomi|Finlande|Finlandia)$/i, 'FI'],
  [/^(?:Poland|Polen|Polska|Pologne|Polonia)$/i, 'PL'],
  [/^(?:Taiwan|台灣|台湾)$/i, 'TW'],
  [/^(?:India)$/i, 'IN'],
  [/^(?:(?:South\s+)?Korea|Republic of Korea)$/i, 'KR'],
  [/^(?:Israel)$/i, 'IL'],
  [/^(?:Brazil|Brasil|Brésil)$/i, 'BR'],
  [/^(?:Cyprus|Κύπρος|Chypre|Chipre)$/i, 'CY'],
  [/^(?:Malaysia)$/i, 'MY'],
  [/^(?:Czech Republic|Czechia|Česká republika|Tschechien|République tchèque|République Tchèque|República Checa)$/i, 'CZ'],
  [/^(?:Portugal)$/i, 'PT'],
  [/^(?:Greece|Griechenland|Grèce|Grecia)$/i, 'GR'],
  [/^(?:Estonia|Eesti)$/i, 'EE'],
  [/^(?:Latvia|Latvija)$/i, 'LV'],
  [/^(?:Lithuania|Lietuva)$/i, 'LT'],
  [/^(?:Malta|Malte)$/i, 'MT'],
  [/^(?:Iceland|Ísland)$/i, 'IS'],
  [/^(?:Hungary|Magyarország)$/i, 'HU'],
  [/^(?:Romania|România)$/i, 'RO'],
  [/^(?:Bulgaria)$/i, 'BG'],
  [/^(?:Croatia|Hrvatska)$/i, 'HR'],
  [/^(?:Slovenia|Slovenija)$/i, 'SI'],
  [/^(?:Slovakia|Slovensko)$/i, 'SK'],
  [/^(?:Liechtenstein)$/i, 'LI'],
  [/^(?:Monaco)$/i, 'MC'],
  [/^(?:New Zealand)$/i, 'NZ'],
  [/^(?:South Africa)$/i, 'ZA'],
  [/^(?:Mexico|México)$/i, 'MX'],
  [/^(?:United Arab Emirates|UAE|U\.A\.E\.)$/i, 'AE'],
  [/^(?:Gibraltar)$/i, 'GI'],
  [/^(?:Isle of Man)$/i, 'IM'],
  [/^(?:Cayman Islands)$/i, 'KY'],
  [/^(?:British Virgin Islands)$/i, 'VG'],
  [/^(?:Ukraine)$/i, 'UA'],
  [/^(?:Serbia)$/i, 'RS'],
  [/^(?:(?:the\s+)?Republic of\s+)?Panama$/i, 'PA'],
  [/^(?:Colombia|Kolumbien|Colombie)$/i, 'CO'],
  [/^(?:Argentina|Argentinien|Argentine)$/i, 'AR'],
  [/^(?:Chile|Chili)$/i, 'CL'],
  [/^(?:Peru|Perú|Pérou)$/i, 'PE'],
  [/^(?:Ecuador|Équateur)$/i, 'EC'],
  [/^(?:Uruguay)$/i, 'UY'],
  [/^(?:Costa Rica)$/i, 'CR'],
]

/** `text` without a closing run of the characters in `chars` (as .replace(/[…]+$/, '') does, in one pass). */
function withoutTrailing(text: string, chars: string): string {
  let end = text.length
  while (end > 0 && chars.includes(text[end - 1]!)) end -= 1
  return end === text.length ? text : text.slice(0, end)
}

/** `text` without closing asterisks and the spaces before them (as .replace(/\s*\*+$/, '') does, in one pass). */
export function withoutTrailingStars(text: string): string {
  let end = text.length
  while (end > 0 && text[end - 1] === '*') end -= 1
  if (end === text.length) return text
  while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1
  return text.slice(0, end)
}

function countryOf(part: string): string | null {
  // A country name is short: a long part is none, whatever closes it.
  if (part.length > 400) return null
  const t = withoutTrailing(part.trim(), '.;”"\'’)').trim()
  if (t.length > 40) return null
  for (const [pattern, code] of countries) if (pattern.test(t)) return code
  return null
}

const countryWords =
  String.raw`United States(?: of America)?|USA|U\.S\.A\.|United Kingdom|UK|England|Scotland|Wales|Germany|Deutschland|Hong\s?Kong(?:\s+SAR)?|China|PRC|P\.\s?R\.\s?C\.?|P\.R\. China|People'?s Republic of China|Ireland|Irland|France|Netherlands|Singapore|Japan|Canada|Australia|Switzerland|Schweiz|Austria|Österreich|Sweden|Spain|Italy|Belgium|Luxembourg|Denmark|Norway|Finland|Poland|Taiwan|India|Brazil|Brasil|Israel|South Korea|Republic of Korea|Cyprus|Malaysia|Czech Republic|Czechia|Portugal|Greece|Estonia|Latvia|Lithuania|Malta|Iceland|Hungary|Romania|Bulgaria|Croatia|Slovenia|Slovakia|Liechtenstein|Monaco|New Zealand|South Africa|Mexico|United Arab Emirates|UAE|Gibraltar|Colombia|Argentina|Chile|Perú|Peru|Ecuador|Uruguay|Costa Rica|México|Isle of Man|Cayman Islands|British Virgin Islands|Ukraine|Serbia|Republic of Panama|Panama|États-Unis|Etats-Unis|Royaume-Uni|Allemagne|Irlande|Pays-Bas|Suisse|Autriche|Espagne|Italie|Belgique|Luxemburg|Danemark|Suède|Norvège|Finlande|Pologne|Grèce|Malte|Chypre|République tchèque|République Tchèque|Brésil|Singapour|Japon|Deutschland|España|Italia|Nederland|Estados Unidos|Reino Unido|Alemania|Francia|Irlanda`

/** A country name as written in running text (the anchor also takes it in capitals). */
const countryCase = new RegExp(String.raw`^(?:the\s+)?(?:${countryWords})$`)

const cnCities =
  'Shenzhen|Shanghai|Beijing|Guangzhou|Hangzhou|Chengdu|Wuhan|Nanjing|Tianjin|Chongqing|Suzhou|Xiamen|Dongguan|Qingdao|Changsha|Hefei|Zhengzhou|Jinan|Fuzhou|Shenyang|Dalian|Kunming|Harbin|Changchun|Ningbo|Wuxi|Foshan|Zhuhai|Huizhou|Zhongshan|Xi\'an|Xian'

/** The line around a match: the words before it and after it on the same line. */
function lineAround(input: string, start: number, end: number): { before: string; after: string } {
  // Up to 120 characters before and 80 after, within the line: never a search of the whole line.
  const before = input.slice(Math.max(0, start - 120), start)
  const after = input.slice(end, end + 80)
  const lineBreakAfter = after.indexOf('\n')
  return { before: before.slice(before.lastIndexOf('\n') + 1), after: lineBreakAfter === -1 ? after : after.slice(0, lineBreakAfter) }
}

const spanishStreet = /(?:^|[\s,:(])(?:C\/|Calle|C\.\/|Avda\.?|Avenida|Av\.|Plaza|Pza\.|Paseo|Pº|Carrer|Camino|Carretera|Ctra\.|Ronda|Travesía|Polígono|Pol\.)\s/i
const italianStreet = /(?:^|[\s,:(])(?:Via|Viale|V\.le|Piazza|P\.zza|Piazzale|Corso|C\.so|Largo|Vicolo|Strada|Lungotevere|Località|Loc\.)\s/i

/**
 * "an Italian company based in Via Nino Bonnet 10, Milan, MI 20154": an Italian street before a
 * town, a two-letter province and five digits, with Italy named near, is not a US address (streets
 * called "Via …" or "Calle …" in California are, so the street word alone decides nothing).
 */
function southernStreetBefore(input: string, start: number): Omit<Anchor, 'start' | 'end'> | null {
  const { before, after } = lineAround(input, start, start)
  const near = `${input.slice(Math.max(0, start - 300), start)} ${after}`
  if (italianStreet.test(before) && /\bItal(?:y|ian|ia|iana|iano)\b/i.test(near)) return { country: 'IT', region: null, strength: 4 }
  return null
}

function southernCountry(input: string, start: number, end: number): Omit<Anchor, 'start' | 'end'> | null {
  const { before, after } = lineAround(input, start, end)
  if (/\b(?:España|Spain|Spanien|Espagne|Spagna)\b/i.test(after) || spanishStreet.test(before)) return { country: 'ES', region: null, strength: 3 }
  if (/\b(?:Italia|Italy|Italien|Italie)\b|^\s*\(?[A-Z]{2}\)/.test(after) || italianStreet.test(before)) return { country: 'IT', region: null, strength: 3 }
  return null
}

const frenchStreet = /(?:^|[\s,:(\d])(?:rue|bd|boulevard|avenue|av\.|place|quai|allée|chemin|impasse|cours|route|square|cité|parvis|esplanade|faubourg)\s/i

/** A French postcode: the line has a French street word, or "France" follows, or CEDEX. */
function frenchPlausible(input: string, start: number, end: number): boolean {
  const { before, after } = lineAround(input, start, end)
  if (/\bCEDEX\b/i.test(input.slice(start, end)) || /^[\s,–(-]*(?:France|FRANCE)\b/.test(after)) return true
  // Overseas departments: "97438 SAINTE MARIE, Ile de La Réunion".
  if (/^97\d{3}$/.test(input.slice(start, start + 5)) && /^[^\n]{0,30}\b(?:R[ée]union|Guadeloupe|Martinique|Guyane|Mayotte)\b/i.test(after)) return true
  if (namesOtherCountry(after, 'FR')) return false
  // The street may sit on the line (or paragraph) above: "56 rue de Varenne\n\n75007 Paris".
  const above = input.slice(Math.max(0, start - 160), start)
  return frenchStreet.test(before) || /\d{1,5}(?:\s?(?:bis|ter))?,?\s{1,10}(?:rue|bd|boulevard|avenue|place|quai|allée|chemin|impasse|cours|route)\s[^\n]{2,60}\n\s{0,160}$/i.test(above)
}

/** The words after a postcode and town name a country other than `code` ("00100 Helsinki, Finland"). */
function namesOtherCountry(after: string, code: string): boolean {
  const named = /^[ \t]*(?:,[ \t]*)?(\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,3})/u.exec(after)
  if (!named) return false
  const country = countryOf(named[1]!)
  return country !== null && country !== code
}

function dutchPlausible(input: string, start: number, end: number): boolean {
  const { before, after } = lineAround(input, start, end)
  // "Willemserf 20," before the postcode (written so that no two quantifiers trade the same spaces).
  return /\b(?:Nederland|Netherlands|The Netherlands|Niederlande)\b/i.test(after) || /\p{L}{3}[ \t]+\d{1,4}(?:[ \t]?[a-zA-Z])?(?:[ \t]*-[ \t]*\d+)?[ \t]*(?:,[ \t]*)?$/u.test(before)
}

/** The letters written before a postcode ("CH-6399") and the country they stand for. */
const prefixCountries: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  CH: 'CH', A: 'AT', AT: 'AT', B: 'BE', BE: 'BE', L: 'LU', LU: 'LU', DK: 'DK', FI: 'FI', SE: 'SE', S: 'SE', NO: 'NO', N: 'NO',
  PL: 'PL', CZ: 'CZ', PT: 'PT', P: 'PT', E: 'ES', ES: 'ES', I: 'IT', IT: 'IT', NL: 'NL', GR: 'GR', HU: 'HU', SI: 'SI', SK: 'SK',
  HR: 'HR', LI: 'LI', EE: 'EE', LV: 'LV', LT: 'LT', IS: 'IS', RO: 'RO', BG: 'BG', CY: 'CY', MT: 'MT', IE: 'IE',
})

type Anchor = { start: number; end: number; country: string; region: string | null; strength: number }

/** Where the spaces and tabs before `index` begin. */
function spacesBefore(text: string, index: number): number {
  let at = index
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at -= 1
  return at
}

/**
 * An anchor pattern; `preceded` stands for a look-behind over unbounded spaces ("(?<=,[ \t]*)"),
 * checked in code from the match backwards, so that a run of spaces is not read again at every
 * position in it.
 */
type AnchorPattern = {
  readonly pattern: RegExp
  readonly preceded?: (text: string, index: number) => boolean
  make(m: RegExpExecArray): Omit<Anchor, 'start' | 'end'> | null
}

/** At most this many matches of one anchor pattern are read: a policy has a handful of addresses. */
const maxMatchesPerPattern = 20_000

const anchorPatterns: ReadonlyArray<AnchorPattern> = [
  {
    // US: "New Castle, DE 19720", "Groveport, OH 43195-0002", "Miami, FL, 33179-3899"
    pattern: /\b([A-Z][A-Za-z.'’-]{0,40}(?:[ \t]+[A-Z][A-Za-z.'’-]{0,40}){0,3}),?[ \t]+([A-Z]{2})\.?,?[ \t]+(\d{5}(?:-\d{4})?)\b/g,
    make: (m) => (stateCodes.has(m[2]!) ? (southernStreetBefore(m.input, m.index) ?? { country: 'US', region: m[2]!, strength: 5 }) : null),
  },
  {
    // US with the state written out: "Cary, North Carolina 27513", "Warren, Michigan USA 48090-1027", "Fremont California US 94538"
    pattern: new RegExp(String.raw`\b([A-Z][A-Za-z.'’-]{0,40}(?:[ \t]+[A-Z][A-Za-z.'’-]{0,40}){0,3}),?[ \t]+(${Object.keys(usStates).join('|')}),?(?:[ \t]+(?:USA|US|U\.S\.A?\.?|United States))?,?[ \t]+(\d{5}(?:-\d{4})?)\b`, 'g'),
    make: (m) => ({ country: 'US', region: ownValue(usStates, m[2]!) ?? null, strength: 5 }),
  },
  {
    // UK postcode: "W1D 3HD", "SK9 5AF", "EH54 8RQ"
    pattern: /(?<![A-Za-z0-9])([A-Z]{1,2}\d[A-Z\d]?)[ \t]?(\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/g,
    make: () => ({ country: 'GB', region: null, strength: 4 }),
  },
  {
    // Germany: "50679 Köln", "60327 Frankfurt am Main", "85375, Neufahrn bei Freising"
    pattern: /(?<![\d-])(?:D-)?(\d{5}),?[ \t]+([A-ZÄÖÜ][\wäöüß.-]*(?:[ \t]+(?:am|an der|an|bei|im|in der|ob der|vor der)[ \t]+[A-ZÄÖÜ][\wäöüß.-]*)?)/g,
    make: () => ({ country: 'DE', region: null, strength: 3 }),
  },
  {
    // A postcode with its country's letters: "CH-6399 Zug", "A-1010 Wien", "FI-00100 Helsinki", "DK-1717 København V"
    pattern: /(?<![\p{L}\d-])(CH|A|AT|B|BE|L|LU|DK|FI|SE|S|NO|N|PL|CZ|PT|P|E|ES|I|IT|NL|GR|HU|SI|SK|HR|LI|EE|LV|LT|IS|RO|BG|CY|MT|IE)-(\d{4,5})[ \t]+\p{Lu}[\p{L}'’.-]*/gu,
    make: (m) => {
      const code = ownValue(prefixCountries, m[1]!)
      return code ? { country: code, region: null, strength: 4 } : null
    },
  },
  {
    // France: "78 boulevard Sébastopol, 75003 Paris", "75334 PARIS CEDEX 07"; only where the line
    // has a French street word, "France" follows, or the town is a CEDEX.
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- all after the first word is optional: the match never fails after it, so nothing is tried again
    pattern: /(?<![\d-])(?:F-)?(\d{5}|\d{2}[ \t]\d{3}(?=[ \t]+\p{Lu}))(?:[ \t]*[-–][ \t]*|,?[ \t]+)(\p{Lu}[\p{L}'’.-]*(?:[ \t-]+(?:sur|sous|en|le|la|les|de|du|des|\p{Lu}[\p{L}'’.-]*)){0,3})(?:[ \t]+CEDEX(?:[ \t]+\d{1,2})?)?/gu,
    make: (m) => (frenchPlausible(m.input, m.index, m.index + m[0].length) ? { country: 'FR', region: null, strength: 4 } : null),
  },
  {
    // Spain and Italy: "C/ Sequía de Rascanya, 2, 46470 Catarroja", "Via Liszt 21 - 00144 Roma";
    // only where the line has a Spanish or Italian street word or country.
    // "28046 (Madrid) España": the town in brackets after the postcode, as Spanish addresses write it too.
    pattern: /(?<![\d-])(\d{5}),?[ \t]+(\(?\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:de|del|de la|di|del|della|sul|\p{Lu}[\p{L}'’.-]*)){0,3}\)?)/gu,
    make: (m) => southernCountry(m.input, m.index, m.index + m[0].length),
  },
  {
    // The Netherlands: "Willemserf 20, 3755XK Eemnes", "1017 XD Amsterdam", "3755 XK te Eemnes"
    pattern: /(?<![\d-])([1-9]\d{3})[ \t]?([A-Z]{2})(?![\p{L}\d])(?:,?[ \t]+(?:te[ \t]+)?\p{Lu}[\p{L}'’.-]*)?/gu,
    make: (m) => (dutchPlausible(m.input, m.index, m.index + m[0].length) ? { country: 'NL', region: null, strength: 3 } : null),
  },
  {
    // Sweden: "Ståhlgatan 5, 561 44, Huskvarna", "111 57 Stockholm"; only where a Swedish street word
    // or the country is near.
    pattern: /(?<![\d-])([1-9]\d{2})[ \t](\d{2})(?!\d),?[ \t]+\p{Lu}[\p{L}'’-]*/gu,
    make: (m) => {
      const near = m.input.slice(Math.max(0, m.index - 80), m.index + m[0].length + 40)
      return /(?:gatan|vägen|väg|gränd|torget|backe|allén)\b|\b(?:Sweden|Sverige)\b/iu.test(near) ? { country: 'SE', region: null, strength: 3 } : null
    },
  },
  {
    // Estonia: "Pärnu mnt 141, Tallinn 10145", "Vesivärava tn 50-201": a street word of its own (tänav,
    // maantee, puiestee …, written short or in full) between the street's name and its number.
    pattern: /(?<![\p{L}\d])\p{Lu}[\p{L}-]{1,40}[ \t]+(?:tn|tänav|mnt|maantee|pst|puiestee|põik|väljak)\.?[ \t]+\d{1,4}(?:[a-zA-Z]|[-/]\d{1,4})?(?![\p{L}\d])/gu,
    make: () => ({ country: 'EE', region: null, strength: 4 }),
  },
  {
    // Romania: "Str. Războieni nr. 7", "Bd. Unirii nr. 12": a street word before the name, "nr." before the number.
    pattern: /(?<![\p{L}])(?:Str\.|Strada|Bd\.|B-dul|Bulevardul|Calea|Șos\.|Şos\.|Șoseaua|Aleea|Piața|Splaiul)[ \t]+\p{Lu}[\p{L}.'’-]{0,40}(?:[ \t]+\p{Lu}[\p{L}.'’-]{0,40}){0,3},?[ \t]+(?:nr\.|număr(?:ul)?)[ \t]*\d{1,4}[A-Za-z]?(?![\p{L}\d])/gu,
    make: () => ({ country: 'RO', region: null, strength: 4 }),
  },
  {
    // A Chinese address in Chinese: 省/市/区/路/号
    pattern: /(?:[\u4e00-\u9fa5]{2,8}(?:省|自治区))?[\u4e00-\u9fa5]{2,8}市[\u4e00-\u9fa5]{1,10}(?:区|县|市)[\u4e00-\u9fa5A-Za-z0-9（）()\-－]{1,40}?(?:路|街|道|大道|巷|弄|村)[ \t]{0,10}[0-9０-９\-－]{1,20}[ \t]{0,10}号(?:[\u4e00-\u9fa5A-Za-z0-9\-－ \t]{0,30}(?:室|楼|层|座|栋|单元))?/g,
    make: () => ({ country: 'CN', region: null, strength: 5 }),
  },
  {
    // A Chinese city closing an English address: "…, Nanshan District, Shenzhen"
    pattern: new RegExp(String.raw`(?:${cnCities})(?:[ \t]+City)?(?=[ \t]*(?:[,.;]|$|\d{6}))`, 'gm'),
    preceded: (text, index) => {
      const comma = spacesBefore(text, index) - 1
      return text[comma] === ',' && /(?:District|New Area|Province|County|Zone|Road|Rd\.?|Avenue|Ave\.?|Park)$/.test(text.slice(Math.max(0, comma - 12), comma))
    },
    make: () => ({ country: 'CN', region: null, strength: 3 }),
  },
  {
    // A country name closing a run of address parts: ", Hong Kong", "\nGermany", ", PRC, 518055"
    // Also in capitals ("SWITZERLAND"), never in lower case ("… for us, …").
    pattern: new RegExp(String.raw`(?:the\s+)?(?:${countryWords})(?=[ \t]*(?:[,.;”"'()]|$|\d{6})|[ \t]+\d{4,5}[ \t]*(?:[,.;]|$))`, 'gim'),
    preceded: (text, index) => {
      const at = spacesBefore(text, index)
      // "^" in multiline mode: the start, or after any line terminator.
      return at === 0 || ',，\n\r\u2028\u2029'.includes(text[at - 1]!)
    },
    make: (m) => (m[0] === m[0].toUpperCase() || countryCase.test(m[0]) ? { country: '', region: null, strength: 2 } : null),
  },
  {
    // Ireland without an Eircode: "Swords, Co. Dublin", "Fenian Street, Dublin 2"
    pattern: /\bCo\.[ \t]?(?:Dublin|Cork|Galway|Kildare|Meath|Wicklow|Limerick|Kerry|Clare|Louth|Wexford|Waterford|Kilkenny|Mayo|Donegal|Sligo|Tipperary|Westmeath|Offaly|Laois|Carlow|Cavan|Monaghan|Longford|Leitrim|Roscommon)\b|\bDublin[ \t](?:[1-9]|1\d|2[0-4]|6W)(?![\d\p{L}])/gu,
    preceded: (text, index) => text[spacesBefore(text, index) - 1] === ',',
    make: () => ({ country: 'IE', region: null, strength: 3 }),
  },
  {
    // Singapore: "369546 Singapore", "Singapore 369546"
    pattern: /(?<![\d-])\d{6}[ \t]+Singapore\b|\bSingapore[ \t]+\d{6}(?!\d)/g,
    make: () => ({ country: 'SG', region: null, strength: 4 }),
  },
  {
    // Ireland's Eircode: "Dublin 6 D06K5F6", "R32 AP23 Co. Laois"; with Dublin, a county or Ireland near.
    pattern: /(?<![A-Za-z0-9])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t]?[0-9AC-FHKNPRTV-Y]{4}(?![A-Za-z0-9])/g,
    make: (m) => {
      const near = m.input.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80)
      return /\b(?:Dublin|Co\.|County|Ireland|Éire)\b/.test(near) ? { country: 'IE', region: null, strength: 4 } : null
    },
  },
  {
    // India: "Bangalore-560005", "Mumbai 400 001"
    pattern: /\b(?:Bangalore|Bengaluru|Mumbai|Bombay|New Delhi|Delhi|Chennai|Madras|Hyderabad|Pune|Kolkata|Calcutta|Noida|Gurgaon|Gurugram|Ahmedabad|Kochi|Jaipur|Chandigarh)[ \t]*(?:[-–][ \t]*)?[1-9]\d{2}[ \t]?\d{3}(?!\d)/g,
    make: () => ({ country: 'IN', region: null, strength: 4 }),
  },
  {
    // India: a state and its six-digit PIN code: "Dist. Narayanpet, Telangana – 509208", "Kerala 682 001"
    pattern: /\b(?:Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana|Himachal Pradesh|Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya|Mizoram|Nagaland|Odisha|Orissa|Punjab|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|Uttarakhand|West Bengal|Jammu and Kashmir|Puducherry)[ \t]*(?:[-–—,][ \t]*)?[1-9]\d{2}[ \t]?\d{3}(?!\d)/g,
    make: () => ({ country: 'IN', region: null, strength: 4 }),
  },
  {
    // South Korea: a road address, district then road and building number: "대전 중구 돌다리로 19번길 9", "서울특별시 강남구 테헤란로 152"
    pattern: /(?<![가-힣])[가-힣]{1,8}(?:구|군|시)[ \t]+[가-힣0-9]{1,12}(?:로|길)[ \t]?(?:\d{1,4}(?:번길|가길)[ \t]?)?\d{1,4}(?:-\d{1,4})?(?![\d])/g,
    make: () => ({ country: 'KR', region: null, strength: 4 }),
  },
  {
    // Japan: "〒105-0022", in full-width digits too
    pattern: /〒[ \t\u3000]?[0-9０-９]{3}[-－ー‐][0-9０-９]{4}/g,
    make: () => ({ country: 'JP', region: null, strength: 5 }),
  },
  {
    // Hong Kong without the words "Hong Kong": ", Kowloon", ", New Territories"
    pattern: /(?:Kowloon|New Territories|N\.T\.)(?=[ \t]*(?:[,.;]|$))/gm,
    preceded: (text, index) => text[spacesBefore(text, index) - 1] === ',',
    make: () => ({ country: 'HK', region: null, strength: 2 }),
  },
]

const strongKeyword =
  /\b(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Way|Parkway|Pkwy|Square|Sq\.|Court|Highway|Hwy|Suite|Ste\.?|Floor|Fl\.|Room|Rm\.?|Units?|Flat|Block|Level|Building|Bldg\.?|Tower|(?:Business|Retail|Industrial|Science|Technology|Office) Park|P\.?\s?O\.?\s?Box|Postfach|Postbox|Straße|Strasse|No\.|District|New Area|Gewerbepark|Industrial Estate|(?:Business|Office|Trade) Cent(?:re|er)|Airport|Aéroport|Zone Aéroportuaire|Rue|Avenue|Boulevard|Quai|Allée|Impasse|Chemin|Calle|Avenida|Avda\.|Polígono|Edificio|Via|Viale|Piazza|Campus)\b|(?:straat|gracht|laan|plein|kade)\s*\d|\d{1,3}\/F\b|(?:straße|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee)\s*\d|[路街号区室楼]/i
const orgSuffix =
  /\b(?:Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|GmbH|gGmbH|AG|KG|SE|Co\.|Company|Corp\.?|Corporation|S\.A\.|S\.A\.S\.|SARL|B\.V\.|N\.V\.|plc|PLC|Pty|Pte|e\.\s?V\.|Council|Authority|University|Universität|Hochschule|Institute|Office|Commission|Foundation|Trust)\b|有限公司|股份/i
// eslint-disable-next-line regexp/no-super-linear-move, regexp/no-super-linear-backtracking -- only orgNameAtEnd uses it, on at most 200 characters
const orgAtEnd = /((?:[A-Z0-9][\w&.'’-]*\s+){0,5}[\w&.'’-]*\s*(?:GmbH|AG|Ltd\.?|Limited|Inc\.?|LLC|Co\.,?\s?Ltd\.?|Corp(?:oration)?\.?|plc|S\.A\.|B\.V\.))\s*$/
/**
 * The company named at the end of a part ("… is DJI GmbH"): `orgAtEnd` on the part's last 200
 * characters (a name of six words fits), so that a long part costs no more than a short one.
 */
function orgNameAtEnd(text: string): string | null {
  const m = orgAtEnd.exec(text.length > 200 ? text.slice(-200) : text)
  return m ? m[1]!.trim() : null
}
const suffixOnly = /^\s*(?:Inc\.?|Ltd\.?|Limited|LLC|L\.L\.C\.|GmbH|AG|Co\.?|Corp\.?|S\.A\.?|B\.V\.|N\.V\.|plc|Pty\.?\s?Ltd\.?)[\s*]*$/i
const attentionLine = /^(?:attention|attn\.?|c\/o|z\.\s?Hd\.?|zu Händen)\b|officer|department|abteilung|team\b|legal|privacy|datenschutz/i
const labelBoundary =
  /\b(?:Tel(?:ephone)?|Phone|Fax|Telefax|E-?mail|Email|Web(?:site|page)?|Telefon|Mobil(?:e)?|Hotline|Helpline|Internet)\b\.?[ \t]*(?:\([^)]*\)[ \t]*)?[:：]|(?:电话|傳真|传真|邮箱|電郵)[:：]/gi
const leadIn =
  /\b(?:located at|addressing your letter to|write to us at|write us at|by post to|post to|letters? to|send (?:it |them |your request )?to|mail(?:ing)? (?:letters )?to|address(?:ed)? to|at|to|is|in|(?:situé|sis|domicilié)e?s?(?:\s+(?:au|à|a))?|(?:à|a) l['’]adresse(?: suivante)?|au|à)\s+/gi

/** A law or article cited by its number ("Ley 1581 de 2012", "Law No. 25.326", "Art. 6"): numbers that are no address's. */
const lawCitation = /^(?:Ley|Law|Act|Loi|Lei|Gesetz|Decreto|Décret|Decree|Regulation|Reglamento|Règlement|Verordnung|Directive|Directiva|Article|Artículo|Art\.)[ \t]+(?:No\.?[ \t]*|N[º°][ \t]*)?\d/i

function digitOrKeyword(text: string): boolean {
  return /\d/.test(text) || strongKeyword.test(text)
}

type Part = { text: string; start: number; end: number }

function splitParts(text: string, from: number, to: number): Part[] {
  const parts: Part[] = []
  let start = from
  for (let i = from; i <= to; i += 1) {
    // "… a complaint to the CNIL (3 place de Fontenoy – 75334 Paris)": the address starts inside the bracket.
    // "만물인테리어 · 대전 중구 …": a middle dot between spaces separates parts as a comma does.
    if (i === to || text[i] === ',' || text[i] === '，' || text[i] === '、' || (text[i] === '·' && text[i - 1] === ' ' && text[i + 1] === ' ') || (text[i] === '(' && /^\d/.test(text.slice(i + 1, i + 2)))) {
      const raw = text.slice(start, i)
      const lead = raw.length - raw.trimStart().length
      const trimmed = raw.trim()
      if (trimmed) parts.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length })
      start = i + 1
    }
  }
  // "Co., Ltd.14th Floor": a company form glued to the next words is split off.
  const unglued: Part[] = []
  for (const part of parts) {
    const glued = /^(Ltd\.|Limited|Inc\.|LLC|GmbH)\s*(?=\d)/.exec(part.text)
    if (glued) {
      unglued.push({ text: glued[1]!, start: part.start, end: part.start + glued[1]!.length })
      const rest = part.text.slice(glued[0].length)
      unglued.push({ text: rest, start: part.end - rest.length, end: part.end })
    } else unglued.push(part)
  }
  // "Co., Limited", "Bandwidth.com, Inc.": a company form belongs to the name before it.
  const merged: Part[] = []
  for (const part of unglued) {
    const previous = merged[merged.length - 1]
    if (previous && suffixOnly.test(part.text)) {
      merged[merged.length - 1] = { text: withoutTrailingStars(text.slice(previous.start, part.end)), start: previous.start, end: part.end }
    } else merged.push(part)
  }
  return merged
}

type Row = { parts: Part[] }

export type AddressContext = {
  readonly segments: Segments
  readonly companyName: RegExp | null
  /** Checked per anchor and per match; the policy import's time budget. */
  readonly budget?: TextBudget
}

/**
 * What several anchors ask of the same line or sentence, worked out once: a long line or
 * sentence is read once however many anchors stand near it.
 */
type Memo = {
  readonly lines: Map<number, { text: string; start: number; end: number }>
  readonly prose: Map<number, boolean>
  readonly hosting: Map<number, boolean>
}

/** The line's text without the spaces around it, and where that text stands. */
function trimmedLine(segments: Segments, memo: Memo, index: number): { text: string; start: number; end: number } {
  let known = memo.lines.get(index)
  if (!known) {
    const line = segments.lines[index]!
    const raw = segments.text.slice(line.start, line.end)
    const text = raw.trim()
    const start = line.start + (text ? raw.length - raw.trimStart().length : 0)
    known = { text, start, end: start + text.length }
    memo.lines.set(index, known)
  }
  return known
}

type Ctx = AddressContext & { readonly memo: Memo; readonly budget: TextBudget }

export function findPostalAddresses(input: AddressContext): ProposedPostalAddress[] {
  const ctx: Ctx = { ...input, budget: input.budget ?? unlimitedBudget, memo: { lines: new Map(), prose: new Map(), hosting: new Map() } }
  const { segments, budget } = ctx
  const text = segments.text
  const anchors: Anchor[] = []
  for (const { pattern, preceded, make } of anchorPatterns) {
    pattern.lastIndex = 0
    let matches = 0
    for (let m = pattern.exec(text); m && matches < maxMatchesPerPattern; m = pattern.exec(text)) {
      matches += 1
      if ((matches & 255) === 0) budget.check()
      if (preceded && !preceded(text, m.index)) {
        pattern.lastIndex = m.index + 1
        continue
      }
      const made = make(m)
      if (!made) continue
      let { country } = made
      if (!country) country = countryOf(m[0]) ?? ''
      if (!country) continue
      anchors.push({ start: m.index, end: m.index + m[0].length, ...made, country })
      if (m[0].length === 0) pattern.lastIndex += 1
    }
  }
  anchors.sort((a, b) => b.strength - a.strength || a.start - b.start)
  // A German-looking postcode without a German street near ("PO Box 488, 00096 VR") is no anchor and stops no other.
  const strongStarts = anchors.filter((a) => a.strength >= 3 && !(a.country === 'DE' && a.strength === 3 && !isGermanAnchorPlausible(text, a))).map((a) => a.start).sort((x, y) => x - y)

  const found: Array<ProposedPostalAddress & { key: string }> = []
  const covered: Span[] = []
  // A policy has a handful of addresses; a text with thousands of anchors is not a policy to read closely.
  for (const anchor of anchors.slice(0, 2000)) {
    budget.check()
    if (found.length >= 60) break
    if (covered.some((c) => anchor.start >= c.start && anchor.end <= c.end)) continue
    const address = expand(anchor, strongStarts, ctx)
    if (!address) continue
    covered.push({ start: address.start, end: address.end })
    const key = address.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
    if (found.some((f) => f.key === key || f.key.includes(key))) continue
    // A fuller writing of an address found before ("00101 Helsinki, Finland" then "VR Group Plc, PO Box 488, …, 00101 Helsinki, Finland") replaces it.
    const shorter = found.findIndex((f) => key.includes(f.key) && f.country === address.country && f.role === address.role && address.lines.length > f.lines.length && address.lines.every((l) => l.length <= 60) && !/[()]/.test(address.text))
    if (shorter !== -1) {
      found[shorter] = { ...address, key }
      continue
    }
    if (found.some((f) => key.includes(f.key))) continue
    // The same street lines under two writings of the addressee ("X S.A. (PH Tower, …" and "X S.A., address PH Tower, …"):
    // one's street lines ending the other's, or every line after the first the same and the first lines ending alike.
    const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
    const streetKey = norm(address.lines.join(' '))
    const sameStreet = (f: ProposedPostalAddress) => {
      const other = norm(f.lines.join(' '))
      if (other.length >= 12 && streetKey.length >= 12 && (other.endsWith(streetKey) || streetKey.endsWith(other))) return true
      if (f.lines.length < 3 || f.lines.length !== address.lines.length) return false
      if (f.lines.slice(1).some((line, i) => norm(line) !== norm(address.lines[i + 1]!))) return false
      const [x, y] = [norm(f.lines[0]!), norm(address.lines[0]!)]
      return x.length >= 6 && y.length >= 6 && (x.endsWith(y) || y.endsWith(x) || x.slice(-8) === y.slice(-8))
    }
    if (found.some((f) => f.country === address.country && f.role === address.role && sameStreet(f))) continue
    // The same place written twice ("Via Listz 21 - 00144 Roma", "Via Liszt 21 - 00144 Roma";
    // "3755XK te Eemnes" and "Willemserf 20, 3755XK Eemnes"): one address, the fuller writing kept.
    const same = found.findIndex((f) => samePlace(f, address))
    if (same !== -1) {
      if (address.lines.length > found[same]!.lines.length) found[same] = { ...address, key }
      continue
    }
    found.push({ ...address, key })
  }
  return found.sort((a, b) => a.start - b.start).map(({ key: _key, ...rest }) => rest)
}

/** The numbers of an address (house number, postcode), as written. */
function numbersOf(address: ProposedPostalAddress): string[] {
  return address.text.match(/\d+/g) ?? []
}

/**
 * Two writings of one address: same country and role, a postcode-length number in common, and
 * the numbers of one all found in the other (so "Suite 300" and "Suite 400" stay apart).
 */
function samePlace(a: ProposedPostalAddress, b: ProposedPostalAddress): boolean {
  if (a.country !== b.country || a.role !== b.role) return false
  const na = numbersOf(a)
  const nb = numbersOf(b)
  if (!na.some((n) => n.length >= 4 && nb.includes(n))) return false
  const [small, large] = na.length <= nb.length ? [na, nb] : [nb, na]
  if (!small.every((n) => large.includes(n))) return false
  // The town after the postcode must agree too: what follows the last number of four digits or more.
  const town = (x: ProposedPostalAddress) => {
    let after = -1
    for (let i = 0, run = 0; i <= x.text.length; i += 1) {
      const digit = i < x.text.length && x.text.charCodeAt(i) >= 48 && x.text.charCodeAt(i) <= 57
      if (digit) run += 1
      else {
        if (run >= 4) after = i
        run = 0
      }
    }
    return (after === -1 ? x.text : x.text.slice(after)).toLowerCase().replace(/\b(?:te|de)\b|[^\p{L}]+/gu, '')
  }
  const ta = town(a)
  const tb = town(b)
  // "75011 Paris" and "75011 Paris. Comuto SA", "13014 MARSEILLE" and "13014 Marseille – France": what follows the town differs.
  if (!(ta === tb || ta.endsWith(tb) || tb.endsWith(ta) || (Math.min(ta.length, tb.length) >= 3 && (ta.startsWith(tb) || tb.startsWith(ta))))) return false
  // Where only the postcode is shared ("Campus, 66123 Saarbrücken" and "Meerwiesertalweg 15, 66123
  // Saarbrücken": two buildings of one town), the words before it must agree too, or one writing have none.
  if (small.some((n) => n.length < 4)) return true
  const street = (x: ProposedPostalAddress) => {
    const at = x.text.indexOf(small.find((n) => n.length >= 4)!)
    return (at === -1 ? '' : x.text.slice(0, at)).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  }
  const [sa, sb] = [street(a), street(b)]
  return sa === '' || sb === '' || sa.endsWith(sb) || sb.endsWith(sa)
}

/** Whether a strong anchor (a postcode pattern, not a bare country) starts within `span`. */
function hasStrongAnchor(starts: ReadonlyArray<number>, span: Span): boolean {
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (starts[mid]! < span.start) lo = mid + 1
    else hi = mid
  }
  return lo < starts.length && starts[lo]! < span.end
}

/**
 * A street and house number closing the text before a postcode, on its line ("Speersort 10, ") or
 * as the line above ("Friedenheimer Brücke 16\n"): the German way of writing an address, whatever
 * the street's name ends with. Anchored at the end and bounded, so it reads at most a line.
 */
const streetLineBefore = /(?:^|[\n,])[ \t]*\p{Lu}[\p{L}ß.'’-]{2,40}(?:[ \t]+[\p{L}ß.'’-]{2,40}){0,2}[ \t]+\d{1,4}(?:[ \t]?[a-z])?(?:[ \t]*[-–][ \t]*\d{1,4}[a-z]?)?[ \t]*(?:,|\r?\n)[ \t]*$/u

/** Streets of other countries that write the number after the name too (Spain, Italy, Finland, Sweden, the Netherlands …). */
const foreignStreetWord = /(?:^|[\s,])(?:C\/|Calle|Avda\.?|Avenida|Plaza|Paseo|Carrer|Via|Viale|Piazza|Corso|Largo)\s|(?:katu|tie|kuja|gatan|vägen|gränd|straat|gracht|laan|plein|kade|vej|gade|[ \t]tn|[ \t]mnt|[ \t]pst|tänav|maantee|puiestee)[ \t]+\d/i

function isGermanAnchorPlausible(text: string, anchor: Anchor): boolean {
  const before = text.slice(Math.max(0, anchor.start - 120), anchor.start)
  const after = text.slice(anchor.end, anchor.end + 60)
  if (/^[ \t]*(?:[,(][ \t]*)?(?:Germany|Deutschland|Allemagne|Alemania|Germania|Duitsland|Tyskland|Niemcy)\b/.test(after) || /(?:Germany|Deutschland)/.test(after)) return true
  // "Campus / 66123 Saarbrücken / Tel.: +49 681 302-0": a postcode line closing its line, a German phone number on the next.
  if (/^[ \t]*\r?\n[ \t]*(?:Tel(?:efon)?\.?|Phone|Fon)[ \t:]{1,6}\+49[ \t(]/i.test(after)) return true
  if (/(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|markt|steig|pfad|park)[ \t]*\d+[a-z]?\b|\b(?:Platz|Am|An der|Im|Auf der|Zum|Zur)\s[^\n,]{1,40}\d/i.test(before)) return true
  // Any street with its number right before the postcode, unless the street or the words after are another country's.
  if (namesOtherCountry(after, 'DE') || /^[ \t]*\(/.test(after) && !/^[ \t]*\((?:Germany|Deutschland|Allemagne|Alemania|Germania)\)/.test(after)) return false
  const lastLines = before.slice(Math.max(0, before.lastIndexOf('\n', before.length - 2)))
  return streetLineBefore.test(before) && !foreignStreetWord.test(lastLines)
}

function expand(anchor: Anchor, strongStarts: ReadonlyArray<number>, ctx: Ctx): ProposedPostalAddress | null {
  const { segments } = ctx
  const text = segments.text
  if (anchor.country === 'DE' && anchor.strength === 3 && !isGermanAnchorPlausible(text, anchor)) return null

  // The stretch of the line the address can occupy: within its sentence, between labels (Tel:, E-mail:).
  const line = segments.lineAt(anchor.start)
  const sentence = segments.sentenceAt(anchor.start)
  // An address is short: look no further than a few hundred characters around the anchor.
  let regionStart = Math.max(line.start, Math.min(sentence.start, anchor.start), anchor.start - 400)
  let regionEnd = Math.min(line.end, Math.max(sentence.end, anchor.end), anchor.end + 200)
  labelBoundary.lastIndex = 0
  const lineText = text.slice(regionStart, regionEnd)
  let labelled = false
  for (let m = labelBoundary.exec(lineText); m; m = labelBoundary.exec(lineText)) {
    const at = regionStart + m.index
    if (at + m[0].length <= anchor.start) regionStart = Math.max(regionStart, at + m[0].length)
    else if (at >= anchor.end) regionEnd = Math.min(regionEnd, at)
  }
  // "Address:" and the like open the address; remember that a label was there.
  const parts = splitParts(text, regionStart, regionEnd)
  const anchorPart = parts.findIndex((p) => anchor.start >= p.start && anchor.start < p.end + 1)
  const lastAnchorPart = parts.findIndex((p) => anchor.end - 1 >= p.start && anchor.end - 1 < p.end + 1)
  if (anchorPart === -1) return null

  // Backwards on the line.
  const taken: Part[] = []
  let reachedLineStart = true
  let recipientHint: string | null = null
  for (let i = anchorPart - 1; i >= 0 && taken.length < 8; i -= 1) {
    const part = parts[i]!
    const t = part.text
    if (/\S@\S|https?:|www\./i.test(t)) {
      reachedLineStart = false
      break
    }
    const colon = Math.max(t.lastIndexOf(':'), t.lastIndexOf('：'))
    if (colon !== -1) {
      const rest = t.slice(colon + 1).replace(/^[\s|*•·-]+/, '')
      if (rest) taken.unshift({ text: rest, start: part.end - rest.length, end: part.end })
      labelled = true
      reachedLineStart = false
      if (!rest) recipientHint = null
      break
    }
    leadIn.lastIndex = 0
    let cut = -1
    for (let m = leadIn.exec(t); m; m = leadIn.exec(t)) cut = m.index + m[0].length
    // "aéroport international de Malte": a short part in lower case with a street or place word is
    // still the address (French and Spanish write them so); other parts in lower case are prose.
    // "s/n" (sin número, Spanish for "no number") opens a street's part in lower case too.
    const startsLower = /^\p{Ll}/u.test(t) && !/^(?:c\/o|z\. ?Hd|s\/n\b)/.test(t) && !(t.length <= 45 && strongKeyword.test(t))
    if (cut !== -1 && (t.length > 40 || startsLower || /\b(?:located at|write|letter|post|send|mail)\b/i.test(t))) {
      const rest = t.slice(cut).trim()
      const before = t.slice(0, cut)
      const org = orgNameAtEnd(withoutLocatedWord(before))
      if (rest && rest.length <= 60 && !/^(?:the|our|this|us|you)\b/i.test(rest)) taken.unshift({ text: rest, start: part.end - rest.length, end: part.end })
      if (org) recipientHint = org
      else if (i > 0) {
        // "… is DJI GmbH, located at Platz der Einheit 1": the addressee closes the part before.
        const previousOrg = orgNameAtEnd(parts[i - 1]!.text)
        if (previousOrg) recipientHint = previousOrg
      }
      reachedLineStart = false
      break
    }
    if (t.length > 60 || startsLower) {
      // Prose: the address started after it. A company named at its end is the addressee.
      const org = orgNameAtEnd(t)
      if (org) recipientHint = org
      reachedLineStart = false
      break
    }
    taken.unshift(part)
  }
  if (regionStart > line.start && text.slice(line.start, regionStart).trim() !== '') reachedLineStart = false

  // Forwards on the line: a postcode or country after the anchor ("…, Shenzhen, PRC, 518055").
  const after: Part[] = []
  for (let i = lastAnchorPart + 1, skipped = 0; i < parts.length && after.length < 4; i += 1) {
    const t = parts[i]!.text
    if (countryOf(t) || /^\d{4,6}\.?$/.test(t) || /^[A-Z]{2}\s\d{5}$/.test(t)) {
      after.push(...parts.slice(i - skipped, i + 1))
      skipped = 0
      continue
    }
    // One town between the anchor and the country: "85375, Neufahrn bei Freising, Munich, Germany".
    if (skipped === 0 && t.length <= 30 && /^[A-Z]/.test(t) && i + 1 < parts.length && countryOf(parts[i + 1]!.text)) {
      skipped = 1
      continue
    }
    break
  }

  const anchorParts = parts.slice(anchorPart, Math.max(anchorPart, lastAnchorPart) + 1)
  // "Warren, MI 48090-1027 or by email at …", "75015 Paris ou électronique : …": the sentence goes on
  // after the anchor with a conjunction; the address ends with the anchor.
  const closingPart = anchorParts[anchorParts.length - 1]!
  if (anchor.end > closingPart.start && anchor.end < closingPart.end && /^[ \t]+(?:or|ou|oder|o|and|et|und|y|en)[ \t]+\p{Ll}/u.test(text.slice(anchor.end, Math.min(closingPart.end, anchor.end + 40)))) {
    anchorParts[anchorParts.length - 1] = { text: text.slice(closingPart.start, anchor.end).trim(), start: closingPart.start, end: anchor.end }
  }
  // "28080 Madrid info@example.es Llama al 91 890 75 15": an e-mail address or a phone number run
  // on after the town, without a label, ends the address.
  const runOn = anchorParts[anchorParts.length - 1]!
  if (anchor.end < runOn.end) {
    const tail = text.slice(anchor.end, runOn.end)
    const stop = /[ \t]\S{0,64}@|[ \t]\+?\d[\d \t()/-]{6,}\d/.exec(tail)
    if (stop) {
      const cut = text.slice(runOn.start, anchor.end + stop.index).trimEnd()
      anchorParts[anchorParts.length - 1] = { text: cut, start: runOn.start, end: runOn.start + cut.length }
    }
  }
  // "联系地址：广东省…", "Address: 5/F …": a label inside the anchor's part is not part of the address.
  const firstAnchor = anchorParts[0]!
  // Only a colon inside the anchor's part counts, so the search looks no further back than the part.
  const partBeforeAnchor = text.slice(firstAnchor.start, anchor.start)
  const colonInPart = Math.max(partBeforeAnchor.lastIndexOf(':'), partBeforeAnchor.lastIndexOf('：'))
  const labelEnd = colonInPart === -1 ? -1 : firstAnchor.start + colonInPart
  if (labelEnd >= firstAnchor.start && labelEnd < anchor.start && taken.length === 0) {
    const from = labelEnd + 1 + (text.slice(labelEnd + 1, anchor.start).length - text.slice(labelEnd + 1, anchor.start).trimStart().length)
    anchorParts[0] = { text: text.slice(from, firstAnchor.end), start: from, end: firstAnchor.end }
    labelled = true
  } else if (taken.length === 0 && anchor.start > firstAnchor.start && /^(?:aadress|postiaadress|adresa|adresă|address|adresse|dirección|indirizzo)[ \t]+$/iu.test(partBeforeAnchor)) {
    // "aadress Pärnu mnt 141": the word "address" written before the street, without a colon.
    anchorParts[0] = { text: text.slice(anchor.start, firstAnchor.end), start: anchor.start, end: firstAnchor.end }
    labelled = true
  }
  const rows: Row[] = [{ parts: [...taken, ...anchorParts, ...after] }]

  // Upwards over the lines above, when the address started at the beginning of its line.
  if (reachedLineStart && !labelled) {
    let lineIndex = segments.lineIndexAt(line.start)
    let skippedBlank = false
    let blanks = 0
    let gotOrg = false
    for (let n = 0; n < 7 && lineIndex > 0; n += 1) {
      lineIndex -= 1
      const above = trimmedLine(segments, ctx.memo, lineIndex)
      let t = above.text.replace(/^[-*•·]\s+/, '')
      if (t === '') {
        // Skip a blank line only if the line above it clearly belongs to the address; a list of
        // address lines one paragraph each ("VR Group Plc / Data Protection Officer / PO Box 488")
        // may skip one between each pair of lines, a few times.
        if (skippedBlank && blanks >= 3) break
        const ft = lineIndex > 0 ? trimmedLine(segments, ctx.memo, lineIndex - 1).text.replace(/^[-*•·]\s+/, '') : ''
        const addressLike = ft && ft.length <= 60 && !/[:.]$/.test(ft) && !/\S@\S|https?:|www\./.test(ft)
        if (addressLike && (digitOrKeyword(ft) || orgSuffix.test(ft) || (skippedBlank && attentionLine.test(ft) && ft.length <= 40))) {
          skippedBlank = true
          blanks += 1
          continue
        }
        break
      }
      if (gotOrg && !(attentionLine.test(t) && !/\d/.test(t) && t.length <= 40)) break
      // A heading that only says what follows ("Contacto", "Kontakt", "Address") is no line of the address.
      if (/^[#*\s]{0,6}(?:contact(?:o|s)?|kontakt|contatti|adresse|address|dirección|direccion|anschrift|postanschrift|indirizzo)[\s:：*]{0,6}$/iu.test(t)) break
      // A line about privacy requests above the addressee ("개인정보 문의 · 열람/삭제 요청", "Privacy questions and requests")
      // leads into the address; it is no line of it (an attention line, "Data Protection Officer", is).
      if (!/\d/.test(t) && !attentionLine.test(t) && scoreCues(t, privacyCues).score >= 1.5) break
      if (/\S@\S|https?:|www\./i.test(t) || t.length > 70) break
      if (/[:：]$/.test(t)) break
      if (/^(?:Tel|Phone|Fax|E-?mail|Email|Web|Website|Telefon|Mobil|Hotline)\b/i.test(t)) break
      // A full stop closes a sentence, not an address line; but an abbreviation may close a street
      // line with a number ("Skelbækgade 4, trappe B, 4. sal.").
      if (/[.!?]$/.test(t) && !/(?:Inc|Ltd|Co|Corp|Str|No|St|Ave|Rd|e\.V|GmbH)\.$/.test(t) && !(/\d/.test(t) && t.length <= 50 && /(?:^|[\s,])\p{L}{1,4}\.$/u.test(t))) break
      if (hasStrongAnchor(strongStarts, above)) break
      const colonAt = t.search(/[:：]/)
      if (colonAt !== -1 && !/^(?:attention|attn)/i.test(t)) {
        t = t.slice(colonAt + 1).trim()
        if (!t) break
      }
      const lineParts = splitParts(text, above.start, above.end).filter((p) => !/^[-*•·]$/.test(p.text))
      const rawAbove = segments.lines[lineIndex]!
      rows.unshift({ parts: lineParts.length > 0 ? lineParts : [{ text: t, start: rawAbove.start, end: rawAbove.end }] })
      if (orgSuffix.test(t) && !/\d/.test(t)) gotOrg = true
      if (!digitOrKeyword(t) && !orgSuffix.test(t) && !attentionLine.test(t)) {
        // A line without numbers: a building ("Convention Plaza") when the line above is part of
        // the address too; otherwise a name (a person, a team), above which something else begins.
        const ft = lineIndex > 0 ? trimmedLine(segments, ctx.memo, lineIndex - 1).text : ''
        if (!(ft && ft.length <= 70 && !/[:：.]$/.test(ft) && !/\S@\S|https?:|www\./.test(ft) && (digitOrKeyword(ft) || orgSuffix.test(ft)))) break
      }
    }
  }

  // Next line: a country on its own ("Hong Kong", "Deutschland").
  const lastRow = rows[rows.length - 1]!
  const lastPart = lastRow.parts[lastRow.parts.length - 1]!
  const lineAfterIndex = segments.lineIndexAt(lastPart.end) + 1
  if (lastPart.end >= segments.lineAt(lastPart.end).end - 1 && lineAfterIndex < segments.lines.length) {
    const next = trimmedLine(segments, ctx.memo, lineAfterIndex)
    if (countryOf(next.text) && !countryOf(lastPart.text)) lastRow.parts.push({ text: next.text, start: next.start, end: next.end })
  }
  // A postcode on its own line after the country ("Toronto, ON, Canada" / "M5J 2M4").
  const closing = lastRow.parts[lastRow.parts.length - 1]!
  const postcodeLineIndex = segments.lineIndexAt(closing.end) + 1
  if (countryOf(closing.text) && closing.end >= segments.lineAt(closing.end).end - 1 && postcodeLineIndex < segments.lines.length) {
    const next = trimmedLine(segments, ctx.memo, postcodeLineIndex)
    if (/^(?=[A-Z\d -]*\d)[A-Z\d][A-Z\d -]{2,8}[A-Z\d]$/.test(next.text)) lastRow.parts.push({ text: next.text, start: next.start, end: next.end })
  }

  const all = rows.flatMap((r) => r.parts)
  if (all.length === 0) return null
  // "hosted by Hetzner Online GmbH, Industriestr. 25, …": the words leading into the name are the
  // sentence's, not the addressee's (whose role the sentence still decides, below).
  const lead = leadIntoName.exec(all[0]!.text)
  if (lead && lead[0].length < all[0]!.text.length) all[0] = { ...all[0]!, text: all[0]!.text.slice(lead[0].length), start: all[0]!.start + lead[0].length }
  // "Ley 1581 de 2012 — Protección de Datos Personales, Colombia": a law's number is no house number.
  if (!all.some((p) => digitOrKeyword(p.text) && !lawCitation.test(p.text))) return null

  // Addressee: leading parts without numbers or street words, up to a company form.
  const recipientParts: Part[] = []
  for (const part of all) {
    if (/\d/.test(part.text) || strongKeyword.test(part.text) || countryOf(part.text)) break
    if (part.start >= anchor.start) break
    recipientParts.push(part)
    if (orgSuffix.test(part.text) && !attentionLine.test(part.text)) {
      // An attention line may follow the company ("Bandsintown, LLC / Attention: Legal Department").
      continue
    }
  }
  // Keep at least one line for the address itself.
  if (recipientParts.length >= all.length) recipientParts.splice(0, recipientParts.length)
  const rest = all.slice(recipientParts.length)

  // Country: written at the end, or from the anchor.
  let country = anchor.country
  let countryText: Part | null = null
  for (let i = rest.length - 1; i >= Math.max(0, rest.length - 3); i -= 1) {
    const code = countryOf(rest[i]!.text)
    if (code) {
      country = code
      countryText = rest[i]!
      break
    }
  }
  const lineParts = rest.filter((p) => p !== countryText)
  // "New Castle" + "DE 19720", "Shenzhen" + "518109": a postcode part joins the town before it.
  // Where the postcode comes before the town (Germany and most of Europe), a lone postcode joins the
  // part after it ("85375" + "Neufahrn bei Freising"); elsewhere it joins the town before it.
  const postcodeFirst = /^(?:DE|AT|CH|FR|NL|BE|LU|IT|ES|DK|NO|SE|FI|PL)$/.test(country)
  const lines: string[] = []
  let pendingPostcode: string | null = null
  lineParts.forEach((part, index) => {
    let t = index === lineParts.length - 1 ? trimEnd(part.text) : part.text.trim()
    if (!t) return
    const lonePostcode = /^\d{4,6}$/.test(t)
    if (pendingPostcode) {
      t = `${pendingPostcode} ${t}`
      pendingPostcode = null
    } else if (lonePostcode && postcodeFirst && index < lineParts.length - 1) {
      pendingPostcode = t
      return
    }
    if (lines.length > 0 && ((lonePostcode && !postcodeFirst) || stateAndZip.test(t))) lines[lines.length - 1] = `${lines[lines.length - 1]}, ${t}`
    else lines.push(t)
  })
  if (pendingPostcode) lines.push(pendingPostcode)
  if (lines.length === 0) return null

  const start = all[0]!.start
  const end = all[all.length - 1]!.end
  const recipientText = recipientParts.map((p) => p.text).join(', ') || recipientHint || findRecipientAbove(segments, ctx.memo, start)
  const joined = all.map((p, i) => (i === all.length - 1 ? trimEnd(p.text) : p.text)).join(', ').replace(/\s+/g, ' ').trim()
  if (joined.length > 320) return null

  const beforeAnchor = all.filter((p) => p.end <= anchor.start && p.start >= start).map((p) => p.text).join(', ')
  const { role, reason, detail } = judgeRole({ ctx, start, anchorStart: anchor.start, recipient: recipientText, joined, beforeAnchor })
  return {
    text: joined,
    lines,
    country,
    region: anchor.country === 'US' && country === 'US' ? anchor.region : null,
    recipient: recipientText || null,
    role,
    reason,
    detail,
    quote: text.slice(start, end),
    start,
    end,
  }
}

/** Drops a closing full stop or semicolon, but not the one of an abbreviation ("Inc.", "Co."). */
function trimEnd(part: string): string {
  const t = withoutTrailing(part.trim(), '”"’)')
  if (/(?:\b(?:Inc|Ltd|Co|Corp|St|Rd|Ave|No|Str)|\b[A-Z])\.$/.test(t)) return t
  const u = withoutTrailing(t, '.;').trim()
  // "… 75334 PARIS CEDEX 07)." : a bracket closed after the address, never opened in it.
  return u.endsWith(')') && !u.includes('(') ? u.slice(0, -1).trim() : u
}

/** "… is DJI GmbH, located at" → "… is DJI GmbH": the words that say where, and the spaces and commas after the name, dropped. */
function withoutLocatedWord(before: string): string {
  const trimmed = before.trimEnd()
  const word = /(?:located|based|situated)$/.exec(trimmed)
  let rest = before
  if (word && word.index > 0 && /\s/.test(trimmed[word.index - 1]!)) rest = trimmed.slice(0, word.index)
  let end = rest.length
  while (end > 0 && (rest[end - 1] === ',' || /\s/.test(rest[end - 1]!))) end -= 1
  return rest.slice(0, end)
}

/** "Shenzhen Foscam Electronic Co.,Ltd" on a line just above "Address: …". */
function findRecipientAbove(segments: Segments, memo: Memo, start: number): string | null {
  let index = segments.lineIndexAt(start)
  for (let n = 0; n < 3 && index > 0; n += 1) {
    index -= 1
    const t = trimmedLine(segments, memo, index).text
    if (!t) continue
    if (t.length <= 80 && orgSuffix.test(t) && !/[.!?:]$/.test(t.replace(/(?:Inc|Ltd|Co|Corp)\.$/, ''))) return t
    return null
  }
  return null
}

/**
 * Where the lead-in of an address begins: the nearest sentence before it that is prose (not a label
 * line like "Web: www.aepd.es", not a rule "---"), or the address's own sentence when it starts inside one.
 */
function leadInStart(segments: Segments, memo: Memo, start: number): number {
  const text = segments.text
  const own = segments.sentenceAt(start)
  // The sentence's words before the address: a label ("Address:") has at most 26 characters, so
  // only the end of a long head is read.
  let headEnd = start
  while (headEnd > own.start && /\s/.test(text[headEnd - 1]!)) headEnd -= 1
  let headStart = own.start
  while (headStart < headEnd && /\s/.test(text[headStart]!)) headStart += 1
  if (headEnd - headStart > 26) return own.start
  const head = text.slice(headStart, headEnd)
  if (head && !/^[\p{L} /.-]{1,25}[:：]$/u.test(head)) return own.start
  const floor = Math.max(0, start - 600)
  for (let index = segments.sentenceIndexAt(start) - 1; index >= 0; index -= 1) {
    const s = segments.sentences[index]!
    if (s.end < floor) break
    if (s.start >= start) continue
    let prose = memo.prose.get(index)
    if (prose === undefined) {
      const t = text.slice(s.start, s.end).trim()
      const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length
      const labelLine = /^[\p{L} /-]{1,25}[:：]\s*\S/u.test(t) && t.length < 80
      prose = (words >= 4 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{4}/u.test(t)) && !labelLine
      memo.prose.set(index, prose)
    }
    if (prose) return s.start
  }
  return floor
}

/** How far back in its sentence an address looks for a provider's name ("… hosted by Hetzner …"). */
const sentenceWindow = 2000

/** Words before a name that lead into it ("hosted by", "betrieben von"), bounded: one verb and one preposition. */
const leadIntoName = /^(?:(?:hosted|operated|provided|run|managed|maintained|processed|stored|offered) by|(?:gehostet|betrieben|bereitgestellt) von|(?:hébergé|exploité|fourni) par|(?:alojado|operado|proporcionado) por)\s+(?=\p{Lu})/u

const providerInAddress =
  /third[- ]part(?:y|ies)|service provider|\bprocessors?\b|\bpayment (?:provider|processor|platform|service)s?\b|\bist ein (?:Angebot|Dienst|Produkt) de[rs]\b|\bZahlungs(?:plattform|dienstleister|anbieter)\b|Auftragsverarbeiter|\bDienstanbieter|\bAnbieter\b|\bvendor\b/i

/** Words naming another organisation a controller of its own ("the independent data controller", "responsable de traitement indépendant"). */
const otherController = /\b(?:independent|separate)[ \t]+(?:data[ \t]+)?controllers?\b|\bresponsables?[ \t]+(?:de[ \t]+traitement[ \t]+)?indépendants?\b|\beigenständige[rn]?[ \t]+Verantwortliche|\bresponsables?[ \t]+independientes?\b/i

function judgeRole(input: {
  ctx: Ctx
  start: number
  anchorStart: number
  recipient: string | null
  joined: string
  beforeAnchor: string
}): { role: ProposedPostalAddress['role'] } & Reason {
  const { ctx, start, anchorStart, recipient, joined, beforeAnchor } = input
  const text = ctx.segments.text
  const named = `${recipient ?? ''} ${joined}`
  // A provider's name the policy declared the data controller just before is the company's own.
  const providerNamed = thirdPartyName.exec(named)
  const isCompany = (ctx.companyName !== null && ctx.companyName.test(named)) || (providerNamed !== null && declaredController(text.slice(Math.max(0, start - 600), start), providerNamed[0]))
  // An addressee whose first line is a regulator's name ("Unabhängiges Datenschutzzentrum Saarland") is the regulator,
  // even where a word of the company's name stands in it.
  const firstLine = recipient?.split(',')[0] ?? ''
  if (regulatorAddress.test(joined) || (recipient && (!isCompany || regulatorCue.test(firstLine)) && regulatorCue.test(recipient))) {
    return { role: 'regulator', ...because('postal.regulator') }
  }
  if (!isCompany && recipient && thirdPartyName.test(recipient)) {
    return { role: 'third-party', ...because('postal.providerNamed', { recipient }) }
  }
  // "Mollie ist ein Angebot der Mollie B.V., Keizersgracht 313, …": the address's own words say
  // it is a provider's (never "operated by", which a company also says of itself).
  if (!isCompany && providerInAddress.test(beforeAnchor)) {
    return { role: 'third-party', ...because('postal.providerOwnWords') }
  }
  // "Servern von Cloudflare, Inc., 101 Townsend St., …": a provider named in the address's own
  // words before the street, or a sentence about hosting or processing around it.
  const provider = thirdPartyName.exec(beforeAnchor)
  const sentenceIndex = ctx.segments.sentenceIndexAt(anchorStart)
  const ownSentence = ctx.segments.sentences[sentenceIndex] ?? ctx.segments.sentenceAt(anchorStart)
  const sentenceBefore = text.slice(Math.max(ownSentence.start, anchorStart - sentenceWindow), anchorStart)
  let hosting = ctx.memo.hosting.get(sentenceIndex)
  if (hosting === undefined) {
    hosting = hostingCue.test(text.slice(ownSentence.start, ownSentence.end))
    ctx.memo.hosting.set(sentenceIndex, hosting)
  }
  if (!isCompany && (provider || (hosting && thirdPartyName.test(sentenceBefore)))) {
    const who = provider ? provider[0] : thirdPartyName.exec(sentenceBefore)![0]
    return { role: 'third-party', ...because('postal.providerHost', { recipient: who }) }
  }
  if (!isCompany && hosting && /\b(?:by|von|par|por|da|door)\s+\p{Lu}/u.test(sentenceBefore)) {
    return { role: 'third-party', ...because('postal.providerSentence') }
  }
  // "… the independent data controller for billing is Number Quill OÜ (…, Tallinn)": another organisation,
  // a controller of its own for its own part, named in the address's own sentence.
  if (!isCompany && otherController.test(sentenceBefore) && !/\b(?:we|us|our)\b[^.\n]{0,30}$/i.test(sentenceBefore)) {
    return { role: 'third-party', ...because('postal.thirdPartyText') }
  }
  const windowStart = Math.max(0, start - 350)
  const sentenceStart = Math.max(0, ctx.segments.sentenceAt(start).start - windowStart)
  const regulatorFrom = Math.max(0, leadInStart(ctx.segments, ctx.memo, start) - windowStart)
  const owner = isCompany ? 'company' : ownerFromContext(text.slice(windowStart, start), ctx.companyName, Math.min(sentenceStart, start - windowStart), Math.min(regulatorFrom, start - windowStart), true)
  if (owner === 'regulator') return { role: 'regulator', ...because('postal.regulatorText') }
  if (owner === 'third-party') return { role: 'third-party', ...because('postal.thirdPartyText') }
  return { role: 'company', ...because(isCompany ? 'postal.company' : 'postal.toWrite') }
}
