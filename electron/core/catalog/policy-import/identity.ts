/**
 * Who the policy belongs to: its name as the policy gives it, its web domain, the archive the copy
 * came from, and the language it is written in.
 */
import { thirdPartyName } from './cues'
import type { ArchiveHint, ProposedCompanyName } from './proposal'
import type { TextLink } from './plain-text'

/** "web.archive.org/web/20190808095333id_/https%3A//www.fs.com/…" → the date and the original address. */
export function parseArchiveUrl(url: string): { archivedOn: string; original: string } | null {
  const m = /web\.archive\.org\/web\/(\d{4})(\d{2})(\d{2})\d*(?:[a-z_]+)?\/(.+)$/i.exec(url)
  if (!m) return null
  let original = m[4]!
  try {
    original = decodeURIComponent(original)
  } catch {
    // keep as written
  }
  if (!/^https?:\/\//i.test(original)) original = `http://${original.replace(/^\/+/, '')}`
  return { archivedOn: `${m[1]}-${m[2]}-${m[3]}`, original }
}

const secondLevel = /^(?:co|com|org|net|gov|ac|edu|ltd|plc|or|ne|go)$/

/** "www.help.fs.com" → "fs.com"; "www.bbfc.co.uk" → "bbfc.co.uk". */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.')
  if (labels.length <= 2) return labels.join('.')
  const keep = secondLevel.test(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2
  return labels.slice(-keep).join('.')
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null
  } catch {
    return null
  }
}

/** Links read to find the site's own domain; a policy has a few dozen. */
const maxSiteLinks = 2000

/**
 * The domain the policy's own web links mostly go to ("www.criteo.com/privacy/…" from Criteo's
 * policy): at least three links and at least 40% of the web links. The page links to its own site
 * far more than to any other; an address at that domain is the company's even when the domain is a
 * well-known provider's (the policy is that provider's own). Null when no domain stands out.
 */
export function siteDomainOf(links: ReadonlyArray<TextLink>): string | null {
  const counts = new Map<string, number>()
  let web = 0
  for (const link of links.slice(0, maxSiteLinks)) {
    if (!/^\s*https?:\/\//i.test(link.href)) continue
    const host = hostOf(link.href.trim())
    if (!host || /(?:^|\.)web\.archive\.org$/i.test(host)) continue
    web += 1
    const domain = registrableDomain(host)
    counts.set(domain, (counts.get(domain) ?? 0) + 1)
  }
  let best: [string, number] | null = null
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry
  return best && best[1] >= 3 && best[1] >= 0.4 * web ? best[0] : null
}

export function findArchiveHint(text: string, links: ReadonlyArray<TextLink>, sourceUrl: string | null): ArchiveHint | null {
  const note = /extracted and transformed from the ([\w.-]+\.[a-z]{2,}) privacy policy that was archived on (\d{4}-\d{2}-\d{2})/i.exec(text.slice(0, 2000))
  const snapshot = links.find((l) => /web\.archive\.org\/web\/\d{8}/i.test(l.href))?.href ?? null
  const fromSource = sourceUrl ? parseArchiveUrl(sourceUrl) : null
  const fromSnapshot = snapshot ? parseArchiveUrl(snapshot) : null
  if (!note && !fromSource && !fromSnapshot) return null
  const original = fromSource?.original ?? fromSnapshot?.original ?? null
  const originalHost = original ? hostOf(original) : null
  return {
    domain: note?.[1]?.toLowerCase() ?? (originalHost ? registrableDomain(originalHost) : null),
    archivedOn: fromSource?.archivedOn ?? note?.[2] ?? fromSnapshot?.archivedOn ?? null,
    url: sourceUrl && fromSource ? sourceUrl : snapshot,
  }
}

/** The company's own web domain, from the source address or the archive note. */
export function companyDomainOf(sourceUrl: string | null, archive: ArchiveHint | null): string | null {
  if (sourceUrl) {
    const archived = parseArchiveUrl(sourceUrl)
    const host = hostOf(archived?.original ?? sourceUrl)
    if (host && !/web\.archive\.org$/i.test(host)) return registrableDomain(host)
  }
  return archive?.domain ? registrableDomain(archive.domain) : null
}

/** Words that make a line a privacy policy's title, in the languages policies come in. */
const policyTitleWords = /privacy|policy|datenschutz|politique|confidentialit|privacidad|política|privacybeleid|informativa|隐私|隱私|私隱/i

const genericTitleWords =
  /(?<![\p{L}\p{N}])(?:privacy|policy|policies|statement|notice|cookies?|security|terms|conditions|legal|information|personal|data protection|protection|data|printable|version|general|global|consumer|U\.S\.|datenschutz\p{L}*|erklärung|hinweise|impressum|home|help|about us|and|of|the|our|system|page|websites?|sites?|communications?|politique|confidentialité|charte|déclaration|règles|données|personnelles|vie privée|avis|et|de|des|du|la|le|les|sur|política|privacidad|aviso|protección|datos|informativa|riservatezza|sulla|informationen|unsere?|ihre?|deine?|licen[cs]es?|lizenzen)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])d['’](?=\p{Lu})|隐私\S*|隱私\S*|政策|声明|條款|条款|プライバシーポリシー|個人情報保護方針|개인정보\s?처리\s?방침/giu

/** `text` without the characters matching `edge` at its start and end (as .replace(/^[…]+|[…]+$/g, '') does, in one pass). */
function trimChars(text: string, edge: RegExp): string {
  let start = 0
  let end = text.length
  while (start < end && edge.test(text[start]!)) start += 1
  while (end > start && edge.test(text[end - 1]!)) end -= 1
  return text.slice(start, end)
}

/** `text` without the characters matching `edge` at its end (as .replace(/[…]+$/, '') does, in one pass). */
function withoutTrailingChars(text: string, edge: RegExp): string {
  let end = text.length
  while (end > 0 && edge.test(text[end - 1]!)) end -= 1
  return text.slice(0, end)
}

/** A page title is short: a longer "title" names no company. */
const maxTitleLength = 500
/** Each piece of the title is counted in the whole text: a real title has a handful of pieces. */
const maxTitlePieces = 12

function titlePieces(title: string): string[] {
  if (title.length > maxTitleLength) return []
  // "Privacy Policy for Beacon: Scam Protection": the name stands before a subtitle after a colon; "Privacy
  // Policy: Quill" has it after.
  const parts = title.split(/(?<=\p{L}):[ \t]+/u)
  for (const part of parts) {
    const pieces = piecesOf(part)
    if (pieces.length > 0) return pieces
  }
  return []
}

function piecesOf(title: string): string[] {
  return title
    // eslint-disable-next-line regexp/no-super-linear-move -- titles longer than maxTitleLength (500) never get here
    .split(/\s+[|｜/–—:-]\s+|\s*[|｜–—]\s*/)
    .map((p) => trimChars(p.replace(genericTitleWords, ' ').replace(/\s+/g, ' '), /[\s,.-]/))
    .map((p) => appOfTitle(p.replace(/^(?:(?:for|to|from|with|of|by|bei|von|zum|zur|im)\s+){1,3}/i, '').replace(/['’]s$/, '')))
    .filter((p) => p.length >= 2 && p.length <= 60 && plausibleName(p) && !/^(?:for|to|from|with)$/i.test(p) && !/\d{4}-\d{2}-\d{2}|\[|\]|\(|\)/.test(p) && /\p{L}{2,}/u.test(p) && !datedPiece.test(p))
    .slice(0, maxTitlePieces)
}

/**
 * "für die DriveZone App", "the Quill app", "pour l’application Quill": the app a policy's title names,
 * without the words that say it is one. A name that merely ends in "App" ("Cash App") keeps it.
 */
function appOfTitle(piece: string): string {
  const m = /^(?:(?:für|for|pour|para|per)[ \t]+)?(?:die|the|l['’]|la|el)[ \t]*(?:(?:app|application|aplicación|applicazione|Anwendung)[ \t]+)?([\p{Lu}\p{N}].{1,58}?)(?:[ \t]+(?:app|App|application|Application))?$/u.exec(piece)
  if (m) return m[1]!
  const lead = /^(?:(?:für|for|pour|para|per)[ \t]+)?(?:l['’]application|la aplicación|die App|the app)[ \t]+([\p{Lu}\p{N}].{1,58})$/u.exec(piece)
  return lead ? lead[1]! : piece.replace(/^(?:für|pour|para|per)[ \t]+(?=[\p{Lu}\p{N}])/u, '')
}

/** A piece of a title that dates the document ("Effective January 11, 2023", "Stand: Mai 2024"), not a name. */
const datedPiece = /(?<![\p{L}])(?:effective|updated|last|version|stand|vigente|mise à jour|actualización|gültig)(?![\p{L}])|(?<![\p{N}])(?:19|20)\d{2}(?![\p{N}])/iu

/** Defined terms that name a document or a role, not the company. */
const genericDefinition =
  /^(?:we|us|you|your|our|the|this|it|nous)$|(?<![\p{L}\p{N}])(?:agreement|policy|policies|provision|site|sites|services?|website|terms|statement|notice|platform|apps?|application|users?|customers?|content|personal information|personal data|information|data|ordinance|act|regulation|gdpr|countries|territories|regions|jurisdictions|products?|account|cookies?|members?|visitors?|société|sociétés|plateforme|politique|charte|données|utilisateurs?|clients?|marque|groupe|visiteurs?|internautes?|abonnés?|candidats?|membres?|organisme)(?![\p{L}\p{N}])/iu

const companyForm = /\b(?:Inc\.?|Ltd\.?|Limited|LLC|GmbH|AG|Co\.|Corp\.?|Corporation|plc|S\.A\.|B\.V\.|Pty|Pte)(?=\W|$)|有限公司/i

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function count(text: string, name: string): number {
  const pattern = new RegExp(`(?<![\\w.])${escapeRegExp(name)}(?![\\w])`, 'gi')
  return (text.match(pattern) ?? []).length
}

/** A legal form at the end of a company's name ("Inc.", "GmbH", "Oy", "S.A.", "SAS" …). */
const legalForm = String.raw`(?:e\.[ \t]?V\.|Incorporated|Inc\.?|Co\.,? ?Ltd\.?|Ltd\.?|Limited|L\.L\.C\.|LLC|LLP|GmbH|AG|SE|KG|UG|Corporation|Corp\.?|plc|PLC|S\.A\.S\.?|S\.A\.U\.?|S\.A\.R\.L\.?|S\.A\.G\.L\.?|S\.L\.U\.?|S\.L\.|S\.A\.?|SAS|SAU|SARL|SAGL|Sagl|SLU|SA|Sàrl|Sarl|S\.à r\.l\.|S\.p\.A\.|S\.R\.L\.|SRL|S\.r\.l\.|B\.V\.|BV|N\.V\.|NV|Oyj|Oy|OÜ|ASA|AB|AS|A/S|ApS|Aps|a\.s\.|s\.r\.o\.|UAB|Pty\.? Ltd\.?|Pte\.? Ltd\.?|CIO|Kft\.?|Sp\. z o\.o\.)(?![\p{L}\p{N}])`

/** The last word of a piece of an address ("1st Floor", "Sheriff Street"): such a piece is not a company's name. */
const addressWordLast = /(?<![\p{L}\p{N}])(?:Floor|Suite|Ste\.?|Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.?|Lane|Drive|Straße|Strasse|Rue|Calle|Via)$/u
/** A name that is only a legal form ("Inc.", "SAS"): the words of the name were cut off. */
const onlyLegalForm = new RegExp(String.raw`^(?:${legalForm})$`, 'u')

/**
 * Whether a captured name can be a company's: not a piece of an address, not a legal form alone,
 * not a sentence starting with a pronoun ("We value your"), not a title in book quotes ("《用户").
 */
export function plausibleName(name: string): boolean {
  const trimmed = name.trim()
  if (addressWordLast.test(trimmed) || onlyLegalForm.test(trimmed)) return false
  if (/^(?:We|Our|Your|You|Us)(?![\p{L}\p{N}])/u.test(trimmed)) return false
  return !/^[《〈「『【“"‘']/u.test(trimmed)
}

/**
 * A name as the sentence around it wrote it, without what the capture took in front: lower-case words
 * ("practices of Together Computer, Inc."), an article ("L’AP-HP"), the end of the sentence before
 * ("Sweden. Tandem"). A name left as a legal form alone keeps its words.
 */
function nameProper(found: string): string {
  let name = found.replace(/^(?:l['’]|la |le |les )(?=\p{Lu})/iu, '')
  const cut = /^(?:\p{Ll}[\p{Ll}'’-]*[ \t]+)+(?=[\p{Lu}\p{N}])/u.exec(name)
  if (cut && !onlyLegalForm.test(name.slice(cut[0].length).trim())) name = name.slice(cut[0].length)
  const last = name.split(/(?<=\p{L}\p{Ll}{4}\.)[ \t]+(?=\p{Lu})/u).at(-1)!
  if (last !== name && !onlyLegalForm.test(last.trim())) name = last
  return name
}

/** One word of a name: capitalised, an acronym, a number, or a brand in lower case with a capital inside ("eVenture"). */
const nameWord = String.raw`(?:[\p{Lu}\p{N}][\p{L}\p{N}.&'’+-]{0,40}|\p{Ll}{1,3}\p{Lu}[\p{L}\p{N}.&'’+-]{0,40})`
/** A company's name: up to seven words, joined by spaces or "and", "of", "de"; ending in a legal form or not. */
const companyNameText = String.raw`${nameWord}(?:[ \t]+(?:${nameWord}|de|du|des|of|&|für|der)){0,6}(?:,?[ \t]+${legalForm})?`
const withForm = new RegExp(String.raw`(?:${legalForm})$`, 'u')
/** "SAS HAPPN", "Oy Frank Students Ab": the form written first. */
const formFirst = new RegExp(String.raw`^(?:SAS|SA|Oy|AB|AS|GmbH|UAB)[ \t]+\p{Lu}`, 'u')
/** "A GmbH, B AG and C AG process …": the first of a list of companies named together. */
const listBefore = new RegExp(String.raw`((?:${nameWord}[ \t]+){0,5}?${legalForm})(?:,[ \t]+(?:${nameWord}[ \t]+){0,5}?${legalForm})*,?[ \t]+and[ \t]+$`, 'u')

/**
 * The policy's own words for the company: "X (“we”, “us”)", "(together “X” or “we”)", "the data
 * controller is X", "X is the controller", "X, in its capacity as data controller", "we mean X",
 * "We are X,", "operated by X Ltd", "X, a company registered in …", "X is an SAS". Read in the
 * first part of the text only (where a policy says who it is), each pattern bounded.
 */
const ownWords: ReadonlyArray<{ readonly pattern: RegExp; readonly needsForm: boolean }> = [
  // Shenzhen Foscam Co.Ltd (referred to herein as "Foscam") — the short name the policy defines.
  { pattern: new RegExp(String.raw`\((?:hereinafter(?: referred to as)?|referred to (?:herein |hereinafter )?as)\s*["“](${nameWord}(?:[ \t]+${nameWord}){0,3}),?["”]`, 'u'), needsForm: false },
  // Frejaholm Group AB, Corp. ID …, Sweden (“Frejaholm”) — a short name defined right after a company's legal name.
  { pattern: new RegExp(String.raw`${legalForm}[^()\n]{0,80}?\(\s*["“](${nameWord}(?:[ \t]+${nameWord}){0,3}),?["”]\s*\)`, 'u'), needsForm: false },
  // (together “X” or “we”), (“ASUS”, “we”), (“we”, “us” or “Better Stack”) — a defined name beside “we”.
  { pattern: new RegExp(String.raw`\((?:[^()\n]{0,40}?["“](?:we|us|our)[,]?["”][^()\n]{0,30}?)?(?:together |collectively,? |hereinafter(?: referred to as)? )?["“](${nameWord}(?:[ \t]+${nameWord}){0,3})[,]?["”][^()\n]{0,40}?["“](?:we|us|our)\b`, 'u'), needsForm: false },
  { pattern: new RegExp(String.raw`\((?:[^()\n]{0,12})["“](?:we|us|our)[,]?["”][^()\n]{0,40}?["“](${nameWord}(?:[ \t]+${nameWord}){0,3})["”]\s*\)`, 'u'), needsForm: false },
  // X (“we”, “us”, “our”) / X and its affiliates (“we”) / X (**“we”**) — the name right before the parenthesis.
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])((?:${nameWord}|\p{Ll}[\p{L}\p{N}.&'’-]{1,40})(?:[ \t]+(?:${nameWord}|de|du|des|of|&)){0,6}(?:,?[ \t]+${legalForm})?)(?:[ \t]+and its [\p{Ll} ,]{3,60})?[ \t]*\([^()\n]{0,40}?["“](?:we|us|our)\b`, 'u'), needsForm: false },
  // Who is responsible … / the controller is: (a heading or sentence), then the name on a line of its own.
  { pattern: new RegExp(String.raw`\b(?:responsible|controller|Verantwortliche\w*|[Rr]esponsable)\b[^\n]{0,160}\n(?:[ \t]*\n){0,2}[ \t]*(?:Company:[ \t]*)?(${companyNameText})(?:[ \t]+\([^()\n]{0,30}\))?,?[ \t]*\n`, 'u'), needsForm: true },
  // Titular: X / Developer: X / Betreiber: X — a label naming the person or body who runs the service, on a line of its own
  { pattern: new RegExp(String.raw`(?:^|\n)[ \t]*(?:Titular|Developer|Entwickler(?:in)?|Betreiber(?:in)?|Inhaber(?:in)?|Développeur|Éditeur|Desarrollador(?:a)?)[ \t]*:[ \t]*(${nameWord}(?:[ \t]+${nameWord}){1,4})[ \t]*(?:\n|$)`, 'u'), needsForm: false },
  // Verantwortlicher … ist:\n X\n Street 60 — the controller named on a line of its own, right over its postal address
  // (… or over a second line of the name, "Simon Quill / Quill Planung & Konstruktion / Street 18"; or over its e-mail address)
  { pattern: new RegExp(String.raw`(?:\b(?:[Vv]erantwortliche[rn]?|[Vv]erantwortlich|controller|[Rr]esponsable(?: del tratamiento| du traitement)?)|(?:^|\n)[ \t]*Titular\b)[^\n]{0,160}\n(?:[ \t]*\n){0,2}[ \t]*(\p{Lu}[\p{L}\p{N}.&'’+-]{0,40}(?:[ \t]+${nameWord}){1,4}(?:,?[ \t]+${legalForm})?)(?:[ \t]*[/|,][^\n]{0,60})?[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*(?!\d{1,2}[.)][ \t])(?:\p{Lu}[^\n\d@:]{0,60}\n[ \t]*)?(?:[^\n\d]{0,40}\d|[\p{Ll}\p{N}._-]{1,40}(?:@|[ \t]?[[(]at[\])]))`, 'u'), needsForm: false },
  // Verantwortlich für … ist der X e.V., Street 48 — the German controller clause, the name before its address
  { pattern: new RegExp(String.raw`\bVerantwortlich\w*\b[^.\n]{0,140}?\bist[ \t]+(?:der[ \t]+|die[ \t]+|das[ \t]+)?(${companyNameText})(?=,[^\n]{0,80}\d)`, 'u'), needsForm: false },
  // the data controller (…) is / shall be X
  // (not "the independent data controller for billing is …": another organisation, a controller for its own part)
  { pattern: new RegExp(String.raw`\b(?:the )?(?:data )?(?<!(?:independent|separate) (?:data )?)controller\b[^.\n]{0,80}?\b(?:is|shall be|will be)(?:\s*:\s*|\s+)(?:the company\s+)?(${companyNameText})`, 'iu'), needsForm: true },
  // X is the (data) controller / X, …, acts as data controller / X, in its capacity as data controller / X … as joint controllers
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${companyNameText})(?:,[^.\n]{0,200}?,)?,?\s+(?:is|are|acts as|act as|as|in its capacity as|process your (?:personal )?data as|assume the role of)\s+(?:the\s+)?["“]?(?:joint\s+|data\s+|responsible\s+)*(?:controllers?|responsible party)\b`, 'u'), needsForm: false },
  // X agit en qualité de responsable du traitement / X, …, est le « responsable du traitement » / X sont coresponsables
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${companyNameText})(?:,[^.\n]{0,160}?,)?,?\s+(?:agit|intervient|agissent)\s+en (?:sa |leur )?(?:qualité|tant) (?:de|que)\s+(?:«\s*)?(?:co-?)?responsables? (?:conjoints? )?(?:du|de|des) traitements?`, 'u'), needsForm: false },
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${companyNameText})(?:,[^.\n]{0,160}?,)?,?\s+(?:est|sont)\s+(?:le |la |les )?(?:«\s*|["“])?(?:co-?)?responsables? (?:conjoints? )?(?:du|de|des) traitements?`, 'u'), needsForm: false },
  // X, en qualité de responsable de traitement, … / responsable du traitement des données : X
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${companyNameText}),?\s+en (?:sa |leur )?qualité de (?:co-?)?responsables? (?:conjoints? )?(?:du|de|des) traitements?`, 'u'), needsForm: false },
  { pattern: new RegExp(String.raw`\bresponsable (?:du|de|des) traitements?(?: des données(?: personnelles| à caractère personnel)?)?\s*:\s*(${companyNameText})`, 'u'), needsForm: true },
  // the company named on its own line after a sentence ending in "by" or "par" ("… your data by\n\nX a.s.\n")
  { pattern: new RegExp(String.raw`(?:\bby|\bpar|\bdurch|\bpor)(?:[ \t]*:)?[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*(${companyNameText})[ \t]*\n`, 'u'), needsForm: true },
  // la société X, société par actions simplifiée … / X, SAS au capital de …
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${companyNameText}),\s+(?:une\s+)?(?:société (?:par actions simplifiée|anonyme|à responsabilité limitée|en nom collectif|civile|coopérative)|sociedad (?:anónima|limitada)|società per azioni|Gesellschaft mit beschränkter Haftung)`, 'u'), needsForm: false },
  // X, ayant son siège social … / X, dont le siège social est … / X, with its registered office at …
  { pattern: new RegExp(String.raw`(?:^|\n)[ \t]*(${companyNameText})(?:[ \t]+\([^()\n]{0,60}\))?,\s+(?:ayant son siège|dont le siège|domiciliée? (?:au|à)|with (?:its )?registered (?:office|address)|whose registered office)`, 'u'), needsForm: false },
  // le responsable du traitement … est la société X / Le traitement … sera effectué par X S.L.
  { pattern: new RegExp(String.raw`\bresponsable (?:du|de|des) traitements?\b[^.\n]{0,80}?\b(?:est|sera)(?:\s*:\s*|\s+)(?:la société\s+|l['’]entité\s+)?(${companyNameText})`, 'u'), needsForm: true },
  { pattern: new RegExp(String.raw`\b(?:traitées?|collectées?|effectué|exploité|édité|opéré)e?s? par (?:la société\s+)?(${companyNameText})`, 'u'), needsForm: true },
  // (ci-après « X ») / (ci-après dénommée « X »)
  { pattern: new RegExp(String.raw`\((?:ci-après|ci-dessous)(?:[ \t]+(?:dénommée?s?|désignée?s?|conjointement|ensemble|la|le|les|:))*[ \t]*«[ \t\u00a0]*(${nameWord}(?:[ \t]+${nameWord}){0,3})[ \t\u00a0]*»`, 'u'), needsForm: false },
  // Nous sommes X / La société X
  { pattern: new RegExp(String.raw`(?:^|\n|[.:?!] )(?:Nous sommes|Nous,|La société)[ \t]+(${companyNameText})`, 'u'), needsForm: false },
  // X is the body responsible / X est responsable des traitements
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${companyNameText}) (?:is the (?:body|party|entity|company) responsible|is responsible for (?:the )?(?:collection|processing)|est responsable des? traitements?)`, 'u'), needsForm: false },
  // When we talk about X, we mean Y / We, X, … / We are X,
  { pattern: new RegExp(String.raw`\bwe mean (${companyNameText})`, 'u'), needsForm: false },
  { pattern: new RegExp(String.raw`(?:^|\n|\. )We, (${companyNameText}),`, 'u'), needsForm: false },
  { pattern: new RegExp(String.raw`(?:^|\n|\. )We are (${companyNameText}),`, 'u'), needsForm: false },
  // operated / provided / owned by X Ltd
  { pattern: new RegExp(String.raw`\b(?:operated|provided|owned|controlled|run|processed)(?: and (?:operated|controlled))? by (?:the company )?(${companyNameText})`, 'u'), needsForm: true },
  // X, a company registered in … / X is an SAS / X, SAS with share capital / X, headquartered in
  { pattern: new RegExp(String.raw`(?:^|\n|[.:] )(${companyNameText})(?:,? is an?|, an?|,) (?:(?:simplified |private |public )?(?:joint[- ]stock |limited (?:liability )?)?company|${legalForm}|charity|corporation)\b`, 'u'), needsForm: false },
  { pattern: new RegExp(String.raw`(?:^|\n|[.:] )(${companyNameText}), (?:headquartered|located|based|registered) (?:in|at)\b`, 'u'), needsForm: true },
  // X processes your personal data
  { pattern: new RegExp(String.raw`(?:^|\n|[.:,] )(${companyNameText}) (?:processes|collects and processes) your personal (?:data|information)`, 'u'), needsForm: false },
  // X is referred to in this Privacy Policy as “The X,” “we” or “our”
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${companyNameText}) is (?:also )?referred to (?:in this [\p{L} ]{0,30}?)?as ["“][^"”\n]{1,40}["”][,]?(?:[ \t]*["“](?:we|us|our)\b)?`, 'u'), needsForm: false },
  // References to “we”, “our” and “us” refer to X / “we” means X
  { pattern: new RegExp(String.raw`["“](?:we|us|our)[,]?["”][^.\n]{0,40}?\b(?:refers? to|means?)\s+(${companyNameText})`, 'u'), needsForm: false },
  // X (officially, Y Inc.) — the legal name the policy gives in brackets
  { pattern: new RegExp(String.raw`\((?:officially|legally|formally),?[ \t]+(${companyNameText})\)`, 'u'), needsForm: true },
  // between you … and X Ltd, the owner / operator / provider of this website
  { pattern: new RegExp(String.raw`\band (${companyNameText}),? the (?:owner|operator|provider|publisher)\b`, 'u'), needsForm: true },
  // X Inc. dba Y / doing business as Y — the legal name
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${companyNameText}),?[ \t]+(?:dba|d/b/a|doing business as)[ \t]`, 'u'), needsForm: true },
  // “Company” (referred to as “the Company”, “We” …) means / refers to X — a policy template's definitions
  { pattern: new RegExp(String.raw`["“](?:Company|Controller|Operator)["”][^\n]{0,120}?\b(?:means|refers to)[ \t]+(${companyNameText})`, 'u'), needsForm: false },
  // X, hereafter referred to as “the Company” / X, ci-après dénommée « l’Organisme » — a generic term defined for the name before it
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${companyNameText}),?[ \t]+\(?(?:hereafter|hereinafter|ci-après|en adelante|edaspidi|im Folgenden)(?:[ \t]+(?:referred to as|called|dénommée?|désignée?))?[,:]?[ \t]*["“«„][ \t\u00a0]*(?:the |la |le |l['’]|el |der |die )?(?:Company|Organisme|Société|Sociedad|Unternehmen|Operator|Provider|Entreprise|Compañía)\b`, 'u'), needsForm: false },
  // X OÜ, …, (edaspidi „X“) / X, S.L., (en adelante, “X” …) — a short name defined after a lead word
  { pattern: new RegExp(String.raw`${legalForm}[^()\n]{0,80}?\([ \t]*(?:hereinafter|hereafter|en adelante|ci-après|edaspidi|im Folgenden|denumită în continuare)[,:]?[ \t]*["“„«][ \t]*(${nameWord}(?:[ \t]+${nameWord}){0,3})[ \t]*["”“»]`, 'u'), needsForm: false },
  // Applies to: X AB / Company: X Ltd / Controller: X GmbH — a label of the policy's own
  { pattern: new RegExp(String.raw`(?:^|\n)[ \t]*(?:Applies to|Company(?: name)?|Controller|Data controller|Operator|Service provider|Responsable(?: du traitement)?|Verantwortliche[rs]?|Unternehmen)[ \t]*:[ \t]*(${companyNameText})`, 'u'), needsForm: true },
  // X SRL, având sediul în … / X GmbH mit Sitz in … / X OÜ, registrikood … — the company and its seat
  { pattern: new RegExp(String.raw`(?:^|\n|[.:] )(${companyNameText}),?[ \t]+(?:având sediul|cu sediul|con sede|mit Sitz|registrikood|having its (?:registered office|seat))`, 'u'), needsForm: true },
  // This notice describes how npm, Inc. collects and uses data
  { pattern: new RegExp(String.raw`\b(?:describes?|explains?|sets? out)[ \t]+how[ \t]+((?:${nameWord}|\p{Ll}[\p{L}\p{N}.&'’-]{1,40})(?:[ \t]+${nameWord}){0,5}(?:,?[ \t]+${legalForm})?),?(?:[ \t]+or[ \t][^,\n]{1,40},)?[ \t]+(?:collects|uses|processes|handles)\b`, 'u'), needsForm: false },
  // The controller … is:\n\nBlacklane GmbH Feurigstrasse 59 … — the name with its legal form opening the line, the address after it
  { pattern: new RegExp(String.raw`\b(?:controller|responsible)\b[^\n]{0,160}(?::|\bis)[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*(${nameWord}(?:[ \t]+${nameWord}){0,5}?,?[ \t]+${legalForm})[ \t,]`, 'u'), needsForm: true },
  // When Mozilla (that’s us) collects information — the name the policy says is itself
  { pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${companyNameText})[ \t]*\((?:that['’]s|that is|c['’]est)[ \t]+(?:us|we|nous)\)`, 'u'), needsForm: false },
  // Project Gutenberg processes data from its access logs — the name as the subject of what is done with the data
  { pattern: new RegExp(String.raw`(?:^|\n|[.!?] )(${companyNameText}) (?:processes|collects|stores|uses|shares|protects) (?:your |the |all |any )?(?:personal )?(?:data|information)\b`, 'u'), needsForm: false },
  // 北京…科技有限公司（以下简称“我们”） / 由北京…有限公司及/或关联方提供 — a Chinese company's name, defined or named as the provider
  { pattern: new RegExp(String.raw`((?:(?![了由是为指与和的在对])\p{Script=Han}){2,30}?(?:股份有限公司|有限责任公司|有限公司))(?:（以下(?:简称|簡稱)|(?:及/?或?[^，。\n]{0,8})?(?:提供|运营))`, 'u'), needsForm: false },
]

/** How many matches of one pattern are tried before the next pattern: a rejected word ("Who is the controller") gives way to the next. */
const maxMatchesPerPattern = 6

/** A legal form written right after a name ("…, LLC"). */
const formAfter = new RegExp(String.raw`^,?[ \t]+${legalForm}`, 'u')

/** Words of a department or an attention line in front of a company's name ("Attn: Privacy Signal Messenger, LLC"). */
const departmentFirst = /^(?:(?:Attn|Attention|Privacy|Legal|Data Protection|Compliance|Department|Team)[ \t:]+)+(?=\p{Lu})/u

/** Words a name found by `ownWords` must not be: pronouns, the document, generic roles. */
const notAName = /^(?:we|us|our|you|your|the|this|that|it|they|he|she|if|when|where|who|what|which|how|why|data|personal|privacy|policy|company|controller|service|services|users?|customers?|members?|gdpr|eu|eea|uk|us|article|section|for|and|or|qui|que|quoi|quel|quelle|quels|quelles|comment|où|pourquoi|lequel|laquelle|wer|was|welche[rs]?|quién|qué|cuál)$/i

/** The name the policy gives itself in its controller clause or self-definition, with its quote. */
function fromOwnWords(text: string): { name: string; start: number; end: number; early: boolean } | null {
  const head = text.slice(0, 20_000)
  let best: { name: string; start: number; end: number; rank: number; early: boolean } | null = null
  // A name the opening of the policy uses too is the policy's own; a partner named further down is not.
  const opening = text.slice(0, 800).toLowerCase()
  const isEarly = (name: string) => opening.includes(name.split(/\s/)[0]!.toLowerCase())
  ownWords.forEach(({ pattern, needsForm }, rank) => {
    const every = new RegExp(pattern.source, `${pattern.flags}g`)
    for (let m = every.exec(head), n = 0; m && n < maxMatchesPerPattern; m = every.exec(head), n += 1) {
      if (m[0].length === 0) every.lastIndex += 1
      const verdict = consider(m, needsForm, rank)
      if (verdict === true) return
      // Words that are no name ("EEA" in "If you live in the EEA, X Limited, …, is the controller") give
      // way to the words after them: the next try starts where the capture ended, not where the match did.
      if (verdict === false) continue
      const capturedEnd = m.index + m[0].indexOf(m[1]!) + m[1]!.length
      if (capturedEnd > m.index && capturedEnd < every.lastIndex) every.lastIndex = capturedEnd
    }
  })
  return best

  /** Weighs one match of an `ownWords` pattern; false when it names no company, 'words' when its capture is no name at all. */
  function consider(m: RegExpExecArray, needsForm: boolean, rank: number): boolean | 'words' {
    // Lower-case words the pattern took in front ("how", "by", "to") and articles ("La DINUM") go.
    let found = m[1]!.trim()
    for (let i = 0; i < 4; i += 1) found = found.replace(/^(?:\d+(?:\.\d+)*[.)]\s+|\d+(?:\.\d+)+\s+|(?:how|why|what|who|to|and|by|for|with|at|in|on|under|of|from|between|as|is|that|which|when|where|the|la|le|les|l['’]|der|die|das|el|il)\s+|l['’])/i, '')
    found = nameProper(found)
    if (!/\p{Lu}|\p{Script=Han}/u.test(found) && !(rank <= 2 && count(text, found) >= 3)) return false
    const name = withoutTrailingChars(found.replace(/['’]s\s+(?:Privacy|Cookie|Data)\b.*$/su, ''), /[\s,.;:]/).replace(/['’]s$/, '')
    let restored = /\.$/.test(found) && withForm.test(`${name}.`) ? `${name}.` : name
    // "Signal Messenger, LLC, 650 Castro Street": a legal form right after the name belongs to it.
    const after = withForm.test(restored) ? null : formAfter.exec(head.slice(m.index + m[0].indexOf(m[1]!) + m[1]!.length, m.index + m[0].indexOf(m[1]!) + m[1]!.length + 24))
    if (after && m[1]!.trim().endsWith(name)) restored = `${name}${after[0]}`
    const department = departmentFirst.exec(restored)
    if (department && (withForm.test(restored) || companyForm.test(m[0]))) {
      found = found.slice(department[0].length)
      restored = restored.slice(department[0].length)
    }
    if (!plausibleName(restored)) return 'words'
    if (restored.length < 2 || notAName.test(restored) || /^(?:The|This|Our|Your|We|If|When)\b/.test(restored)) return 'words'
    // A law's short name ("ci-après le « RGPD »") or the parent company ("subsidiaries of Amazon.com, Inc. (“Amazon”)") is not the company.
    if (/^(?:Germany|Deutschland|France|Ireland|Luxembourg|Netherlands|Switzerland|Austria|Spain|Italy|Belgium|United States|United Kingdom|Europe|European Union|China|Japan|Korea|Hong Kong|Singapore|India|Canada|Australia|Brazil|Israel|Sweden|Norway|Denmark|Finland|Poland|Portugal|Greece|Cyprus|Malta|Mexico|USA|the US|the USA)$/i.test(restored)) return 'words'
    if (/^(?:RGPD|GDPR|DSGVO|DPA|LOPDGDD|CNIL|CCPA|UK GDPR|LGPD|PIPEDA|APPI)$/i.test(restored)) return false
    if (/\b(?:subsidiar(?:y|ies)|wholly[- ]owned|filiales?) (?:of|de)\b[^.\n]{0,60}$/i.test(head.slice(Math.max(0, m.index + m[0].indexOf(m[1]!) - 80), m.index + m[0].indexOf(m[1]!)))) return false
    // A defined term for a document, a place or a service ("Sites", “Provision”) is not the company.
    if (genericDefinition.test(restored) && !withForm.test(restored)) return false
    // A provider the policy names ("Google LLC is the controller of …") or a postcode is not the company.
    const byProvider = /\bby\s/.test(m[0]) || /\b(?:service|provider|processor)\b/i.test(head.slice(Math.max(0, m.index - 120), m.index))
    // … unless the clause makes it the controller of the reader's own data ("Pinterest Europe Ltd. and
    // Pinterest, Inc. are joint data controllers of your personal data"): then the policy is that provider's.
    const ofYourData = /^[ \t]*(?:of|for)[ \t]+(?:all[ \t]+)?(?:your|the personal data of our users)\b/i.test(head.slice(m.index + m[0].length, m.index + m[0].length + 40))
    if ((thirdPartyName.test(restored) && (byProvider || !(text.slice(0, 600).includes(restored.split(/\s/)[0]!) || ofYourData))) || !(/\p{L}{3,}/u.test(restored) || /^\p{Lu}{2,}$/u.test(restored))) return false
    if (needsForm && !withForm.test(restored) && !withForm.test(`${restored}.`) && !formFirst.test(restored)) return false
    let start = m.index + m[0].indexOf(m[1]!) + m[1]!.trim().indexOf(found)
    const list = withForm.test(restored) ? listBefore.exec(head.slice(Math.max(0, start - 160), start)) : null
    if (list) {
      const first = list[1]!
      start = Math.max(0, start - 160) + list.index
      const early = isEarly(first)
      if (!best || (early && !best.early) || (early === best.early && (start < best.start - 200 || rank < best.rank))) best = { name: first, start, end: start + first.length, rank, early }
      return true
    }
    // The earliest mention wins; among mentions close together, the pattern listed first.
    const early = isEarly(restored)
    if (!best || (early && !best.early) || (early === best.early && (start < best.start - 200 || (Math.abs(start - best.start) <= 200 && rank < best.rank)))) best = { name: restored, start, end: start + restored.length, rank, early }
    return true
  }
}

export function findCompanyName(text: string, title: string | null, domain: string | null): ProposedCompanyName | null {
  const head = text.slice(0, 20_000)
  const label = domain ? domain.split('.')[0]!.toLowerCase() : null
  const quoteOf = (start: number, end: number) => ({ quote: text.slice(start, end), start, end })

  const refine = (name: string, basis: ProposedCompanyName['basis'], start: number, end: number): ProposedCompanyName => {
    let chosen = withoutTrailingChars(name, /[\s,.;:]/).replace(/^["“']|["”']$/g, '')
    // "FS" from the title and "fs.com" as the domain: the policy's own spelling of the domain is the name.
    if (domain && label && chosen.toLowerCase() === label) {
      // Not in the archive's own note ("extracted … from the fs.com privacy policy"), not in a web address.
      const note = /archived on \d{4}-\d{2}-\d{2}/.test(text.slice(0, 1500)) ? text.indexOf('\n\n') : -1
      const pattern = new RegExp(`(?<![\\w./@-])${escapeRegExp(domain)}(?![\\w/-])`, 'gi')
      for (let written = pattern.exec(text); written; written = pattern.exec(text)) {
        if (written.index < note || /www\.$/i.test(text.slice(Math.max(0, written.index - 4), written.index))) continue
        chosen = written[0]
        break
      }
    }
    return { name: chosen, basis, ...quoteOf(start, end) }
  }

  // 0. The policy's own words: its controller clause or "X (“we”)"; but a name the opening never
  // uses (a representative's, an affiliate's, found further down) gives way to a company's full
  // name in the title that the text repeats ("LY Corporation Privacy Policy").
  const own = fromOwnWords(text)
  if (own && !own.early) {
    const titled = legalNameInTitle(text, title)
    if (titled) return { name: titled.name, basis: 'title', ...quoteOf(titled.start, titled.end) }
  }
  if (own) return { name: own.name, basis: 'self-reference', ...quoteOf(own.start, own.end) }
  // 1. A defined short name: Foscam Co.Ltd (referred to herein as "Foscam").
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- the name is at most six words of 60 characters, the short name 40, and the text 20,000
  const definedPattern = /([A-Z][\w.&'’-]{0,60}(?:[ \t]+[A-Z0-9][\w.&'’,-]{0,60}){0,5})\s*\(\s*(?:(?:hereinafter(?: referred to as)?|referred to (?:herein )?as|collectively,?|the)\s*)?["“”]\s*([^"“”,]{2,40}?)\s*[,]?["“”]/g
  for (let defined = definedPattern.exec(head); defined; defined = definedPattern.exec(head)) {
    const short = defined[2]!.trim()
    if (genericDefinition.test(short) || genericDefinition.test(defined[1]!)) continue
    // A company defines itself together with "we"/"us", or carries a company form ("Foscam Co.Ltd").
    const parenthesis = head.slice(defined.index + defined[1]!.length, defined.index + defined[0].length + 40)
    if (!/["“”]\s*(?:we|us|our)\b/i.test(parenthesis) && !companyForm.test(defined[1]!)) continue
    return refine(short, 'self-reference', defined.index, defined.index + defined[0].length)
  }
  // 2. The policy naming itself: "We at X", "At X, we …", "X respects …", "Welcome to X", "the privacy policy of X".
  const selfPatterns: RegExp[] = [
    // '"Sesame Workshop" also is referred to as "we," "us" or "our"'
    /["“]((?:[A-Z0-9][\w.&'’-]{0,60})(?:[ \t]+[A-Z0-9][\w.&'’-]{0,60}){0,4})["”]\s+(?:is\s+)?(?:also\s+)?(?:is\s+)?(?:referred to|called)\s+(?:herein\s+|below\s+)?as\s+["“](?:we|us)\b/,
    /\b(?:We at|At)\s+((?:[A-Z0-9][\w.&'’-]{0,60}|[a-z0-9][\w-]{0,60}\.[a-z]{2,12})(?:[ \t]+[A-Z0-9][\w.&'’-]{0,60}){0,4}?)(?=\s*[,(]|\s+(?:we|take|are|is|have|care|believe|respect|value)\b)/,
    // "Quill built the Quill Notes app as a free app" (a common app policy's opening): the developer
    /(?:^|\n)((?:[A-Z0-9][\w.&'’-]{0,60})(?:[ \t]+[A-Z0-9][\w.&'’-]{0,60}){0,3})[ \t]+built the [^\n]{1,80}? app as an?\b/,
    // "Thank you for using Quill, a karaoke app": the service the policy is for
    /\bThank(?:s| you) for (?:using|choosing|downloading|installing)[ \t]+((?:[A-Z0-9][\w.&'’-]{0,60})(?:[ \t]+[A-Z0-9][\w.&'’-]{0,60}){0,3}?)(?=[ \t]*[,.!(]|[ \t]+(?:app|application)\b)/,
    // "La presente Política de Privacidad establece los términos en que Quill usa y protege …"
    /\btérminos en que[ \t]+((?:[A-Z0-9][\w.&'’\u00c0-\u024f-]{0,60})(?:[ \t]+[A-Z0-9][\w.&'’\u00c0-\u024f-]{0,60}){0,3})[ \t]+(?:usa|utiliza|recopila|trata)\b/,
    // "la politique de confidentialité du site Web quill.fr"
    /\bpolitique de confidentialité du site(?:[ \t]+(?:web|Web|internet|Internet))?[ \t]+((?:[A-Z0-9][\w&'’-]{0,60}|[a-z0-9][\w-]{0,60}\.[a-z]{2,12}))(?=[ \t]*[.,;:]|[ \t]*$)/m,
    /(?:^|\n)((?:[A-Z0-9][\w&'’-]{0,60}|[a-z0-9][\w-]{0,60}\.[a-z]{2,})(?:\.[A-Za-z]{2,})?(?:[ \t]+[A-Z0-9][\w.&'’-]{0,60}){0,3})\s+(?:respects|is committed|takes (?:your |the |online |user )?privacy|values|has created|has adopted|operates|regards the protection)\b/,
    // "Quill Games is an individual team specialized in …", "Quill is an independent developer": who makes the app
    /(?:^|\n)((?:[A-Z0-9][\w&'’-]{0,60})(?:[ \t]+[A-Z0-9][\w.&'’-]{0,60}){0,3})[ \t]+is an?[ \t]+(?:individual|independent|indie|small)[ \t]+(?:team|developer|studio|game studio|app developer)\b/,
    // "Application refers to Quill, the software program provided by the Company" (a common template's definitions)
    /\bApplication\b[*_]{0,2}[ \t]+(?:means|refers to)[ \t]+((?:[A-Z0-9][\w.&'’-]{0,60})(?:[ \t]+[A-Z0-9][\w.&'’-]{0,60}){0,3}),[ \t]+the software program\b/,
    /\bWelcome to\s+((?:[A-Z0-9][\w.&'’-]{0,60})(?:[ \t]+[A-Z0-9][\w.&'’-]{0,60}){0,3})/,
    /(?:^|\n)((?:[A-Z0-9][\w&'’-]{0,60})(?:[ \t]+[A-Z0-9][\w.&'’-]{0,60}){0,3})\s+(?:s['’]engage|attache une grande importance|est soucieu(?:x|se)|respecte votre)\b/,
    // "Bienvenue sur la politique de confidentialité de Trainline.", "the privacy policy of Example Ltd."
    /\b(?:politique|déclaration|charte) de (?:confidentialité|protection des (?:données|données personnelles)) (?:de|d['’])\s*((?:[A-Z0-9][\w&'’-]{0,60}(?:\.[\w&'’-]{1,20})*)(?:[ \t]+(?:[A-Z0-9][\w&'’-]{0,60}(?:\.[\w&'’-]{1,20})*)){0,3})(?=\s*[.,;:]|\s+(?:est|a|vous|s['’]applique)\b)/,
    /\bprivacy (?:policy|notice|statement) of\s+((?:[A-Z0-9][\w&'’-]{0,60}(?:\.[\w&'’-]{1,20})*)(?:[ \t]+(?:[A-Z0-9][\w&'’-]{0,60}(?:\.[\w&'’-]{1,20})*)){0,3})(?=\s*[.,;:]|\s+(?:is|applies|explains|describes)\b)/,
  ]
  for (const pattern of selfPatterns) {
    const m = pattern.exec(head)
    // "The Company is committed …": a defined term for the company is not its name.
    // "… soumis à la politique de confidentialité de Google": a provider's own policy, named in passing.
    if (m && thirdPartyName.test(m[1]!) && /\b(?:politique|déclaration|charte|privacy (?:policy|notice|statement))\b/i.test(m[0])) continue
    if (m && plausibleName(nameProper(m[1]!)) && !/^(?:we|this|the|our|it|you)$/i.test(m[1]!) && !/^(?:(?:the|this|our)\s+)?(?:company|société|entreprise|organisation|organization|controller|operator)$/i.test(m[1]!) && !genericDefinition.test(m[1]!.replace(/^(?:the|this|our)\s+/i, ''))) {
      const start = m.index + m[0].indexOf(m[1]!)
      const proper = nameProper(m[1]!)
      const at = start + m[1]!.length - proper.length
      return refine(proper, 'self-reference', at, at + proper.length)
    }
  }
  // 3. The title: the part that is not "Privacy Policy", the one the text repeats most. A title that
  // is only "Privacy Policy" gives way to the headings right under it ("Política de Privacidad de X").
  const titleLines = [...(title ? [{ text: title, start: 0, end: Math.min(text.length, title.length) }] : []), ...headingLines(text)]
  for (const [index, titleLine] of titleLines.entries()) {
    // A heading under the title names the service only where the text names it again.
    const later = index > 0
    const pieces = titlePieces(titleLine.text)
      // eslint-disable-next-line regexp/no-super-linear-move -- a title piece has at most 60 characters
      .map((piece) => ({ piece, n: count(text, piece) + (label && piece.toLowerCase().replace(/\.[a-z.]+$/, '').replace(/[\s-]+/g, '') === label ? 2 : 0) }))
      .sort((a, b) => b.n - a.n)
    // The title itself counts once: the name must come back in the text (or match the domain),
    // unless the title is the policy's own ("Privacy Policy - Faasoft") and names nothing else.
    const policyTitle = policyTitleWords.test(titleLine.text) && pieces.length === 1
    if (pieces.length > 0 && (pieces[0]!.n >= 2 || (policyTitle && !later && pieces[0]!.n >= 1))) return refine(pieces[0]!.piece, 'title', titleLine.start, titleLine.end)
  }
  // 3b. The publisher's name on a line of its own right above the title ("Warner Bros. Discovery /
  // Consumer Privacy Policy", "Associated Newspapers Ltd / Privacy & Cookies Policy"): a name with its
  // legal form, or one of two words or more that the text repeats.
  const above = lineAboveTitle(text)
  if (above) return refine(above.text, 'title', above.start, above.end)
  // 3c. The subject of the policy's opening sentence that the text keeps naming ("DiskSwell performs …",
  // "Signal to Noise Ratio is a local-first extension"): the service the policy is for.
  const subject = openingSubject(text)
  if (subject) return refine(subject.name, 'self-reference', subject.start, subject.end)
  // 4. The web address's name as the text writes it ("LinkedIn’s mission …" for linkedin.com), else the address.
  if (domain && label && label.length >= 3) {
    const written = new RegExp(`(?<![\\w.@/-])${escapeRegExp(label)}(?![\\w.@/-])`, 'gi')
    for (let m = written.exec(head); m; m = written.exec(head)) {
      if (/^\p{Lu}/u.test(m[0])) return { name: m[0], basis: 'domain', ...quoteOf(m.index, m.index + m[0].length) }
    }
  }
  // 5. The domain itself only where the text writes it as the name of the service ("timeanddate.com
  // uses cookies"), twice at least, outside web and e-mail addresses; a domain seen only in links is
  // page chrome, never a name.
  if (domain) {
    const pattern = new RegExp(`(?<![\\w./@:-])${escapeRegExp(domain)}(?![\\w/@-]|\\.[\\w])`, 'gi')
    let first: RegExpExecArray | null = null
    let times = 0
    for (let m = pattern.exec(head); m && times < 2; m = pattern.exec(head)) {
      if (/www\.$/i.test(head.slice(Math.max(0, m.index - 4), m.index))) continue
      first ??= m
      times += 1
    }
    if (first && times >= 2) return { name: first[0], basis: 'domain', ...quoteOf(first.index, first.index + first[0].length) }
  }
  return null
}

/** Verbs with which a policy's opening says what its service is or does. */
const openingVerb = /^(?:is|are|does|do|performs|stores|collects|uses|processes|respects|runs|works|keeps|provides|helps|lets|offers)(?![\p{L}])/u

/** How often the opening's subject must come back in the text to be taken as the service's name. */
const subjectRepeats = 3

/**
 * The name that opens the first paragraph of prose ("DiskSwell performs monitoring …"), up to four
 * capitalised words before a verb saying what it is or does, where the text names it again at least
 * twice more; read in the first few paragraphs only.
 */
function openingSubject(text: string): { name: string; start: number; end: number } | null {
  const head = text.slice(0, 4000)
  let at = 0
  for (let n = 0; n < 8 && at < head.length; n += 1) {
    const end = head.indexOf('\n', at) === -1 ? head.length : head.indexOf('\n', at)
    const line = head.slice(at, end)
    const trimmed = line.trim()
    // The first line of prose: long enough and ending a sentence.
    if (trimmed.length >= 40 && /[.!?]$/.test(trimmed)) {
      const m = /^(\p{Lu}[\p{L}\p{N}&'’-]{1,30}(?:[ \t]+(?:\p{Lu}[\p{L}\p{N}&'’-]{0,30}|to|of|and|for)){0,4})[ \t]+(\p{Ll}+)/u.exec(trimmed)
      if (!m || !openingVerb.test(m[2]!)) return null
      const words = m[1]!.split(/[ \t]+/)
      while (words.length > 1 && /^(?:to|of|and|for)$/.test(words[words.length - 1]!)) words.pop()
      const name = words.join(' ')
      if (!plausibleName(name) || genericDefinition.test(name) || /^(?:This|The|These|Our|We|It|If|When|By|In|At|For|Here|Please)(?![\p{L}])/u.test(name) || count(text, name) < subjectRepeats) return null
      const start = at + (line.length - line.trimStart().length)
      return { name, start, end: start + name.length }
    }
    if (trimmed.length > 0 && !/^(?:#|\*|\[|Last|Effective|Updated|Version|Stand|Date)/iu.test(trimmed) && trimmed.length >= 40) return null
    at = end + 1
  }
  return null
}

/** A company's full name (with its legal form) in the title that the text repeats at least once more. */
function legalNameInTitle(text: string, title: string | null): { name: string; start: number; end: number } | null {
  const line = title ? { text: title, start: 0, end: Math.min(text.length, title.length) } : firstHeadingLine(text)
  if (!line) return null
  const m = new RegExp(String.raw`(?<![\p{L}\p{N}])${nameWord}(?:[ \t]+${nameWord}){0,5}?,?[ \t]+${legalForm}`, 'u').exec(line.text)
  if (!m || !withForm.test(m[0]) || count(text, m[0]) < 2) return null
  return { name: m[0], start: line.start, end: line.end }
}

/**
 * The document's title line: the first short line (after an archive note) that reads like a page
 * title, i.e. names a privacy policy or splits a name from it ("Privacy Policy | FS.COM").
 */
function firstHeadingLine(text: string): { text: string; start: number; end: number } | null {
  return headingLines(text, 1)[0] ?? null
}

/** A line of capitalised words ("Warner Bros. Discovery", "Quill & Co. Ltd"), as a publisher's name stands above a title. */
const capitalisedLine = /^\p{Lu}[\p{L}\p{N}.&'’-]{0,30}(?:[ \t]+(?:\p{Lu}[\p{L}\p{N}.&'’-]{0,30}|&|of|and|de|du|des|für|und))*$/u

/** The name on the line right above the document's title, if that line reads as one (see step 3b of `findCompanyName`). */
function lineAboveTitle(text: string): { text: string; start: number; end: number } | null {
  const title = firstHeadingLine(text)
  if (!title) return null
  const before = text.slice(Math.max(0, title.start - 200), title.start).trimEnd()
  const lineStart = before.lastIndexOf('\n') + 1
  const line = before.slice(lineStart).trim()
  if (line.length < 3 || line.length > 60 || !capitalisedLine.test(line) || !plausibleName(line)) return null
  if (line.replace(genericTitleWords, ' ').trim() !== line.trim()) return null
  const words = line.split(/[ \t]+/).length
  if (!withForm.test(line) && !(words >= 2 && count(text, line) >= 2)) return null
  const start = Math.max(0, title.start - 200) + lineStart + (before.slice(lineStart).length - before.slice(lineStart).trimStart().length)
  return { text: line, start, end: start + line.length }
}

/** Title lines read at most: the title, and the heading under it that names the service. */
const maxTitleLines = 3

/**
 * The lines at the top that read like the document's title (see `firstHeadingLine`), at most `max`,
 * before the first line of prose.
 */
function headingLines(text: string, max = maxTitleLines): { text: string; start: number; end: number }[] {
  const found: { text: string; start: number; end: number }[] = []
  let start = 0
  for (let n = 0; n < 12 && start < text.length && found.length < max; n += 1) {
    const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start)
    const line = text.slice(start, end).trim()
    if (line && !/archived on|following text/i.test(line)) {
      const titleLike = line.length <= 100 && !/[.!?:]$/.test(line) && (/\s[|–—-]\s|\|/.test(line) || policyTitleWords.test(line))
      if (!titleLike) {
        // Page chrome above the title ("LEGAL INFORMATION", a date) is skipped; prose ends the search.
        if (line.length > 40 || /[.!?。]$/.test(line) || /[\u3040-\u9fff]/.test(line)) return found
        start = end + 1
        continue
      }
      const lead = text.slice(start, end).length - text.slice(start, end).trimStart().length
      found.push({ text: line, start: start + lead, end: start + lead + line.length })
    }
    start = end + 1
  }
  return found
}

const stopwords: ReadonlyArray<[string, RegExp]> = [
  ['en', /\b(?:the|and|you|your|we|our|of|to|with|information|data|privacy)\b/gi],
  ['de', /\b(?:der|die|das|und|Sie|Ihre?|wir|nicht|mit|für|Daten|werden|zur?|bei)\b/g],
  ['fr', /\b(?:le|la|les|des|vous|vos|nous|et|données|pour|avec)\b/gi],
  ['es', /\b(?:el|los|las|sus|usted|datos|para|con|y|nosotros)\b/gi],
]

export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 50_000)
  const han = (sample.match(/[\u4e00-\u9fff]/g) ?? []).length
  const latin = (sample.match(/[A-Za-z]/g) ?? []).length
  if (han > 50 && han * 3 > latin) return 'zh'
  let best: [string, number] | null = null
  for (const [code, pattern] of stopwords) {
    const n = (sample.match(pattern) ?? []).length
    if (!best || n > best[1]) best = [code, n]
  }
  return best && best[1] >= 5 ? best[0] : null
}
