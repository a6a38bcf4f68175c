/**
 * extractPolicy: reads a privacy policy and proposes a catalog record, every field with its quote
 * and position in the plain text. It never invents: what the policy does not say stays empty, and
 * the warnings say what was left out and why.
 */
import { checkTextSize, createTextBudget, type TextBudget } from '../../text/budget'
import { findPostalAddresses, withoutTrailingStars } from './addresses'
import { findEmails } from './emails'
import { companyDomainOf, findArchiveHint, findCompanyName, guessLanguage } from './identity'
import { findPhones } from './phones'
import { toPlainText } from './plain-text'
import type { PolicyProposal, ProposalWarning, UsedQuote } from './proposal'
import { findDeletionInstruction, findMinAge, findSubjectRule } from './requirements'
import { segment } from './segments'

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A pattern for the company's name as the text writes it ("Foscam", "FS.COM" or "FS"). */
function namePattern(name: string | null, domain: string | null): RegExp | null {
  const words = new Set<string>()
  if (name) {
    words.add(name)
    const core = name.replace(/\.(?:com|net|org|de|co\.uk|hk|cn)$/i, '')
    if (core.length >= 2) words.add(core)
  }
  if (domain) {
    const label = domain.split('.')[0]!
    if (label.length >= 3) words.add(label)
  }
  const list = [...words].filter((w) => w.length >= 2).map(escapeRegExp)
  return list.length > 0 ? new RegExp(`(?<![\\w])(?:${list.join('|')})(?![\\w])`, 'i') : null
}

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
}

/**
 * Reads a policy. Throws INPUT_TOO_LARGE for a text over `maxPolicyLength` and INPUT_TOO_COMPLEX
 * when the budget runs out; being pure, it has changed nothing either way.
 */
export function extractPolicy(input: { text: string; format: PolicyProposal['format']; sourceUrl?: string | undefined }, options: ExtractOptions = {}): PolicyProposal {
  checkTextSize(input.text.length, maxPolicyLength, 'the policy')
  const budget = options.budget ?? createTextBudget({ what: 'the policy', limitMs: policyImportBudgetMs })
  const sourceUrl = input.sourceUrl ?? null
  const plain = toPlainText(input.text, input.format, budget)
  budget.check()
  const segments = segment(plain.text)
  budget.check()
  const archive = findArchiveHint(plain.text, plain.links, sourceUrl)
  const companyDomain = companyDomainOf(sourceUrl, archive)
  const companyName = findCompanyName(plain.text, plain.title ? plain.title : null, companyDomain)
  const warnings: ProposalWarning[] = []
  if (!companyName) {
    warnings.push({ code: 'no-company-name', message: 'The policy does not name the company in a way Rightful can find; enter the name yourself.', start: null, end: null })
  }
  const nameRegex = namePattern(companyName?.name ?? null, companyDomain)

  budget.check()
  const emails = findEmails(plain.links, { segments, companyDomain, companyName: nameRegex, budget })
  const postalAddresses = findPostalAddresses({ segments, companyName: nameRegex, budget })
  const phoneFindings = findPhones(plain.links, { segments, companyName: nameRegex, budget })
  budget.check()
  const subjectRule = findSubjectRule(segments)
  budget.check()
  const deletionInstruction = findDeletionInstruction(segments)
  budget.check()
  const minAge = findMinAge(segments)
  budget.check()

  for (const address of postalAddresses) {
    if (address.role !== 'company') {
      warnings.push({
        code: address.role === 'regulator' ? 'regulator-excluded' : 'third-party-excluded',
        message: `“${address.text}” is ${address.role === 'regulator' ? 'a regulator’s address' : `a third party’s address${address.recipient ? ` (${address.recipient})` : ''}`}, not the company’s; it is listed but not proposed for letters.`,
        start: address.start,
        end: address.end,
      })
    }
  }
  warnings.push(...emails.warnings, ...phoneFindings.warnings)

  const legalNames = [
    ...new Set(
      postalAddresses
        .filter((a) => a.role === 'company' && a.recipient && /\b(?:Inc\.?|Ltd\.?|Limited|LLC|GmbH|AG|Co\.|Corp\.?|Corporation|plc|S\.A\.|B\.V\.)(?=\W|$)|有限公司/i.test(a.recipient))
        .map((a) => withoutTrailingStars(a.recipient!).replace(/,\s*(?:Attention|Attn)\b.*$/i, '').trim()),
    ),
  ]

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

