/**
 * extractPolicy: reads a privacy policy and proposes a catalog record, every field with its quote
 * and position in the plain text. It never invents: what the policy does not say stays empty, and
 * the warnings say what was left out and why.
 */
import { checkTextSize, createTextBudget, type TextBudget } from '../../text/budget'
import { findPostalAddresses, withoutTrailingStars } from './addresses'
import { thirdPartyDomains } from './cues'
import { findEmails, homeFirst } from './emails'
import { companyDomainOf, findArchiveHint, findCompanyName, guessLanguage, plausibleName, siteDomainOf } from './identity'
import { findPhones } from './phones'
import { toPlainText } from './plain-text'
import type { PolicyProposal, ProposalWarning, UsedQuote } from './proposal'
import { findDeletionInstruction, findMinAge, findSubjectRule } from './requirements'
import { segment } from './segments'
import { proposalWarning } from './warnings'

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The last word of a name that is a legal form ("Inc.", "GmbH"), and the words before it that belong to one ("Co.,", "Pty"). */
const formWord = /^(?:Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|GmbH|AG|SE|S\.A\.S?\.?|SAS|SARL|S\.L\.|B\.V\.|BV|N\.V\.|Oy|AB|AS|OÜ|SRL|S\.r\.l\.|S\.p\.A\.|plc|PLC|Corp\.?|Corporation)$/u
const formLead = /^(?:Co\.,?|Pty\.?|Pte\.?)$/u

/** "npm, Inc." → "npm", "Quillon Co., Ltd." → "Quillon": a name without the legal form at its end. */
function withoutLegalForm(name: string): string {
  const words = name.trim().split(' ')
  if (words.length < 2 || !formWord.test(words[words.length - 1]!)) return name
  words.pop()
  if (words.length >= 2 && formLead.test(words[words.length - 1]!)) words.pop()
  const last = words.length - 1
  words[last] = words[last]!.replace(/,$/, '')
  return words.join(' ')
}

/** A pattern for the company's name as the text writes it ("Foscam", "FS.COM" or "FS"). */
function namePattern(name: string | null, domain: string | null): RegExp | null {
  const words = new Set<string>()
  if (name) {
    words.add(name)
    const core = name.replace(/\.(?:com|net|org|de|co\.uk|hk|cn)$/i, '')
    if (core.length >= 2) words.add(core)
    // "npm, Inc." and "Attention: npm Data Protection": the name without its legal form is the company's too.
    const bare = withoutLegalForm(name)
    if (bare !== name && bare.length >= 3) words.add(bare)
    // "Pinterest Europe Ltd." and "Pinterest, Inc.": a distinctive first word names the group's other companies too.
    const first = /^(\p{Lu}[\p{L}\p{N}]{4,})(?=[ \t,]+\p{Lu})/u.exec(name)?.[1]
    if (first && !/^(?:Deutsche|General|International|United|National|European|American|British|Global|Digital|First|Société|Groupe|Group|Privacy|Data|Company|Compagnie)$/i.test(first)) words.add(first)
  }
  if (domain) {
    const label = domain.split('.')[0]!
    if (label.length >= 3) words.add(label)
  }
  const list = [...words].filter((w) => w.length >= 2).map(escapeRegExp)
  return list.length > 0 ? new RegExp(`(?<![\\w])(?:${list.join('|')})(?![\\w])`, 'i') : null
}

/** The opening of a policy, in characters, where it says whose it is. */
const openingLength = 1000

/** The longest policy Rightful reads, in characters (the API's input schema says the same). */
export const maxPolicyLength = 2_000_000

/**
 * How long reading one policy may take. Every step is linear or bounded (a 2 MB policy of the
 * worst kind takes well under this, see `npm run bench`); the budget stops what would not be.
 */
export const policyImportBudgetMs = 20_000

export type ExtractOptions = {
  /** The time budget; by default `policyImportBudgetMs` from now. */
  readonly budget?: TextBudget
  /** Told before each step (extractPolicy only); it may throw to stop the reading. */
  readonly onStep?: (step: PolicyStep) => void
}

/** The steps of reading a policy, in order: each is one chunk of an operation (operation.ts). */
export const policySteps = [
  { stage: 'plain-text', message: 'Turning the policy into plain text' },
  { stage: 'segments', message: 'Finding its paragraphs and sentences' },
  { stage: 'identity', message: 'Finding the company’s name' },
  { stage: 'emails', message: 'Finding e-mail addresses' },
  { stage: 'addresses', message: 'Finding postal addresses' },
  { stage: 'phones', message: 'Finding phone numbers' },
  { stage: 'requirements', message: 'Finding the company’s rules for requests' },
  { stage: 'proposal', message: 'Putting the proposal together' },
] as const

/** Where reading a policy has got to: the step about to run (0-based), of `policySteps.length`. */
export type PolicyStep = { readonly stage: (typeof policySteps)[number]['stage']; readonly done: number; readonly total: number; readonly message: string }

function step(index: number): PolicyStep {
  const { stage, message } = policySteps[index]!
  return { stage, done: index, total: policySteps.length, message }
}

/**
 * Reads a policy. Throws INPUT_TOO_LARGE for a text over `maxPolicyLength` and INPUT_TOO_COMPLEX
 * when the budget runs out; being pure, it has changed nothing either way.
 */
export function extractPolicy(input: PolicyInput, options: ExtractOptions = {}): PolicyProposal {
  const steps = readPolicy(input, options)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    options.onStep?.(next.value)
  }
}

/**
 * Reads a policy as `extractPolicy` does, one step at a time: before each step it awaits
 * `between(step)` (an operation's checkpoint: it lets other work run, reports progress, and
 * throws CANCELLED to stop), so a long policy never holds the host for longer than one step.
 */
export async function extractPolicyInSteps(input: PolicyInput, options: ExtractOptions & { between: (step: PolicyStep) => Promise<void> }): Promise<PolicyProposal> {
  const steps = readPolicy(input, options)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    await options.between(next.value)
  }
}

/** What a policy is read from. */
export type PolicyInput = { text: string; format: PolicyProposal['format']; sourceUrl?: string | undefined }

/** The reading itself, as a generator that yields before each of `policySteps`. */
function* readPolicy(input: PolicyInput, options: ExtractOptions): Generator<PolicyStep, PolicyProposal, void> {
  checkTextSize(input.text.length, maxPolicyLength, 'the policy')
  const budget = options.budget ?? createTextBudget({ what: 'the policy', limitMs: policyImportBudgetMs })
  const sourceUrl = input.sourceUrl ?? null
  yield step(0)
  const plain = toPlainText(input.text, input.format, budget)
  budget.check()
  yield step(1)
  const segments = segment(plain.text)
  budget.check()
  yield step(2)
  const archive = findArchiveHint(plain.text, plain.links, sourceUrl)
  const companyDomain = companyDomainOf(sourceUrl, archive)
  // The domain the policy's own links go to: its name is the company's, and an address there is the
  // company's, even when it is a well-known provider's (the policy is that provider's own).
  const siteDomain = siteDomainOf(plain.links)
  // A well-known provider's site the links go to names the company where the policy's opening names it too
  // (the provider's own policy), not where the provider first comes up further down (a page hosted on its
  // service, its documentation cited).
  const providerSite = siteDomain !== null && thirdPartyDomains.test(siteDomain) && !plain.text.slice(0, openingLength).toLowerCase().includes(siteDomain.split('.')[0]!.toLowerCase())
  const nameDomain = companyDomain ?? (providerSite ? null : siteDomain)
  let companyName = findCompanyName(plain.text, plain.title ? plain.title : null, nameDomain)
  const warnings: ProposalWarning[] = []
  if (!companyName) {
    warnings.push(proposalWarning('no-company-name', 'noCompanyName', undefined, null, null))
  }
  const nameRegex = namePattern(companyName?.name ?? null, companyDomain ?? siteDomain)

  budget.check()
  yield step(3)
  const emails = findEmails(plain.links, { segments, companyDomain, siteDomain, companyName: nameRegex, companyNameText: companyName?.name ?? null, budget })
  yield step(4)
  const postalAddresses = findPostalAddresses({ segments, companyName: nameRegex, budget })
  yield step(5)
  const phoneFindings = findPhones(plain.links, { segments, companyName: nameRegex, budget })
  budget.check()
  yield step(6)
  const subjectRule = findSubjectRule(segments)
  budget.check()
  const deletionInstruction = findDeletionInstruction(segments)
  budget.check()
  const minAge = findMinAge(segments)
  budget.check()
  yield step(7)

  for (const address of postalAddresses) {
    if (address.role !== 'company') {
      const key = address.role === 'regulator' ? 'regulatorAddress' : address.recipient ? 'thirdPartyAddressOf' : 'thirdPartyAddress'
      const params: Record<string, string> = address.role !== 'regulator' && address.recipient ? { text: address.text, recipient: address.recipient } : { text: address.text }
      warnings.push(proposalWarning(address.role === 'regulator' ? 'regulator-excluded' : 'third-party-excluded', key, params, address.start, address.end))
    }
  }
  warnings.push(...emails.warnings, ...phoneFindings.warnings)

  const legalNames = [
    ...new Set(
      postalAddresses
        .filter((a) => a.role === 'company' && a.recipient && /\b(?:Inc\.?|Ltd\.?|Limited|LLC|GmbH|AG|Co\.|Corp\.?|Corporation|plc|S\.A\.|B\.V\.)(?=\W|$)|有限公司/i.test(a.recipient))
        .map((a) => withoutTrailingStars(a.recipient!).replace(/,\s*(?:Attention|Attn)\b.*$/i, '').replace(/^[^:：]{1,20}[:：]\s*/, '').replace(/^【|】$/g, '').trim())
        .filter(plausibleName),
    ),
  ]

  // No name in the policy's own words or title: the company named with its own postal address.
  if (!companyName && legalNames.length > 0) {
    const recipient = legalNames[0]!
    const address = postalAddresses.find((a) => a.role === 'company' && a.recipient !== null && a.recipient.includes(recipient))
    if (address) {
      companyName = { name: recipient, basis: 'legal-entity', quote: address.quote, start: address.start, end: address.end }
      const at = warnings.findIndex((w) => w.code === 'no-company-name')
      if (at !== -1) warnings.splice(at, 1)
      // Now that the company is named, its own mail domain can be told from a provider's.
      homeFirst(emails.privacyEmails, companyDomain, recipient)
    }
  }

  const quotes: UsedQuote[] = []
  const add = (field: UsedQuote['field'], value: string, q: { quote: string | null; start: number | null; end: number | null }) => {
    if (q.quote === null || q.start === null || q.end === null) return
    if (quotes.some((x) => x.field === field && x.value === value && x.start === q.start)) return
    quotes.push({ field, value, quote: q.quote, start: q.start, end: q.end })
  }
  if (companyName) add('companyName', companyName.name, companyName)
  for (const e of emails.privacyEmails) add('privacyEmail', e.address, e)
  for (const e of emails.otherEmails) add('otherEmail', e.address, e)
  for (const e of emails.excludedEmails) add('excludedEmail', e.address, e)
  for (const a of postalAddresses) add('postalAddress', a.text, a)
  for (const p of phoneFindings.phones) add('phone', p.number, p)
  if (subjectRule) add('subjectRule', subjectRule.phrases.join(' | ') || subjectRule.text, subjectRule)
  if (deletionInstruction) add('deletionInstruction', deletionInstruction.email ?? deletionInstruction.text, deletionInstruction)
  if (minAge) add('minAge', String(minAge.age), minAge)
  quotes.sort((a, b) => a.start - b.start || a.field.localeCompare(b.field))

  return {
    format: input.format,
    sourceUrl,
    plainText: plain.text,
    language: guessLanguage(plain.text),
    companyName,
    legalNames,
    privacyEmails: emails.privacyEmails,
    otherEmails: emails.otherEmails,
    excludedEmails: emails.excludedEmails,
    postalAddresses,
    phones: phoneFindings.phones,
    subjectRule,
    deletionInstruction,
    minAge,
    quotes,
    warnings: warnings.sort((a, b) => (a.start ?? -1) - (b.start ?? -1)),
    archive,
  }
}

