/**
 * How a proposal is shown outside the review screen: the flat view `rightful catalog
 * import-policy --json` prints (plain values first, the full findings under `details`) and the
 * readable summary it prints without --json.
 */
import { renderMessage } from '../../messages/render'
import type { UiLanguage } from '../../messages/ui-languages'
import type { Message, MessageParam } from '../../shared/message'
import type { PolicyFormat, PolicyProposal } from './proposal'

/** The format of a policy file, from its name: .html/.htm, .md/.markdown, else plain text. */
export function guessPolicyFormat(fileName: string): PolicyFormat {
  if (/\.(?:x?html?|xht)$/i.test(fileName)) return 'html'
  if (/\.(?:md|markdown|mdown|mkd)$/i.test(fileName)) return 'markdown'
  return 'text'
}

export type ProposalView = {
  readonly companyName: string | null
  /** Best first. */
  readonly privacyEmails: ReadonlyArray<string>
  readonly otherEmails: ReadonlyArray<string>
  /** The company's own postal addresses, one string each. */
  readonly postalAddresses: ReadonlyArray<string>
  /** Telephone and fax numbers as written (the fax ones are also under `faxes`). */
  readonly phones: ReadonlyArray<string>
  readonly faxes: ReadonlyArray<string>
  readonly subjectRule: string | null
  readonly subjectPhrases: ReadonlyArray<string>
  readonly deletionInstruction: string | null
  readonly minAge: number | null
  readonly language: string | null
  /** Every quote the fields rely on; offsets count in the plain text of the policy. */
  readonly quotes: PolicyProposal['quotes']
  readonly warnings: ReadonlyArray<{ readonly code: string; readonly message: string }>
  /** Addresses the policy mentions that are not the company's (regulators, providers). */
  readonly notTheCompany: ReadonlyArray<{ readonly kind: 'email' | 'postal'; readonly value: string; readonly reason: string }>
  /** The full findings (scores, reasons, quotes, roles), as the API returns them, without the text. */
  readonly details: Omit<PolicyProposal, 'plainText' | 'quotes' | 'warnings'>
}

/** A finding's reason (or a warning's words) in a UI language: its message, or the core's English. */
function said(found: { readonly reason?: string; readonly message?: string; readonly detail: Message }, ui: UiLanguage): string {
  return ui === 'en' ? (found.reason ?? found.message ?? renderMessage(found.detail)) : renderMessage(found.detail, ui)
}

/** The flat view; the reasons of what is not the company's and the warnings in `ui` (English by default). */
export function proposalView(proposal: PolicyProposal, ui: UiLanguage = 'en'): ProposalView {
  const { plainText: _text, quotes, warnings, ...details } = proposal
  return {
    companyName: proposal.companyName?.name ?? null,
    privacyEmails: proposal.privacyEmails.map((e) => e.address),
    otherEmails: proposal.otherEmails.map((e) => e.address),
    postalAddresses: proposal.postalAddresses.filter((a) => a.role === 'company').map((a) => a.text),
    phones: proposal.phones.map((p) => p.number),
    faxes: proposal.phones.filter((p) => p.kind === 'fax').map((p) => p.number),
    subjectRule: proposal.subjectRule?.text ?? null,
    subjectPhrases: proposal.subjectRule?.phrases ?? [],
    deletionInstruction: proposal.deletionInstruction?.text ?? null,
    minAge: proposal.minAge?.age ?? null,
    language: proposal.language,
    quotes,
    warnings: warnings.map((w) => ({ code: w.code, message: said(w, ui) })),
    notTheCompany: [
      ...proposal.excludedEmails.map((e) => ({ kind: 'email' as const, value: e.address, reason: said(e, ui) })),
      ...proposal.postalAddresses.filter((a) => a.role !== 'company').map((a) => ({ kind: 'postal' as const, value: a.text, reason: said(a, ui) })),
    ],
    details,
  }
}

const short = (text: string, max = 160) => {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
}

/** A summary for people, in a UI language: each finding with its reason and the policy's words. */
export function describeProposal(proposal: PolicyProposal, ui: UiLanguage = 'en'): string {
  const label = (key: string, params?: Readonly<Record<string, MessageParam>>) => renderMessage({ key: `policyImport.summary.${key}`, ...(params ? { params } : {}) }, ui)
  const quoted = (text: string) => label('quoted', { text })
  const lines: string[] = []
  const name = proposal.companyName
  lines.push(name ? label(`company.${name.basis === 'domain' ? 'fromDomain' : name.basis === 'title' ? 'fromTitle' : 'fromPolicy'}`, { name: name.name }) : label('company.none'))
  if (proposal.legalNames.length > 0) lines.push(label('legalNames', { names: proposal.legalNames.join('; ') }))
  lines.push('')
  if (proposal.privacyEmails.length === 0) lines.push(label('privacyNone'))
  proposal.privacyEmails.forEach((e, i) => {
    lines.push(label(`${i === 0 ? 'privacy' : 'privacyAlso'}${e.purpose === 'dpo' ? 'Dpo' : ''}`, { address: e.address }))
    lines.push(`    ${said(e, ui)}`)
    lines.push(`    ${quoted(short(e.quote))}`)
  })
  for (const e of proposal.otherEmails) lines.push(label('other', { address: e.address, purpose: { key: `policyImport.purpose.${e.purpose}` } }))
  const company = proposal.postalAddresses.filter((a) => a.role === 'company')
  for (const a of company) lines.push(a.country ? label('postalIn', { address: a.text, code: a.country }) : label('postal', { address: a.text }))
  for (const p of proposal.phones) lines.push(label(p.kind === 'fax' ? 'fax' : 'phone', { number: p.number }))
  if (proposal.subjectRule) {
    lines.push(label('subject', { rule: quoted(short(proposal.subjectRule.text, 240)) }))
    if (proposal.subjectRule.phrases.length > 0) lines.push(`    ${label('oneOf', { phrases: proposal.subjectRule.phrases.map(quoted).join(ui.startsWith('zh') ? '、' : ', ') })}`)
  }
  if (proposal.deletionInstruction) lines.push(label('deletion', { rule: quoted(short(proposal.deletionInstruction.text, 240)) }))
  if (proposal.minAge) lines.push(label('minAge', { age: proposal.minAge.age, quote: quoted(short(proposal.minAge.quote)) }))
  const others = proposal.postalAddresses.filter((a) => a.role !== 'company')
  if (proposal.excludedEmails.length > 0 || others.length > 0) {
    lines.push('')
    lines.push(label('leftOut'))
    for (const e of proposal.excludedEmails) lines.push(`  ${e.address}: ${said(e, ui)}`)
    for (const a of others) lines.push(`  ${a.text}: ${said(a, ui)}`)
  }
  if (proposal.warnings.length > 0) {
    lines.push('')
    lines.push(label('check'))
    for (const w of proposal.warnings) lines.push(`  - ${said(w, ui)}`)
  }
  return lines.join('\n')
}
