/**
 * How a proposal is shown outside the review screen: the flat view `rightful catalog
 * import-policy --json` prints (plain values first, the full findings under `details`) and the
 * readable summary it prints without --json.
 */
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

export function proposalView(proposal: PolicyProposal): ProposalView {
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
    warnings: warnings.map((w) => ({ code: w.code, message: w.message })),
    notTheCompany: [
      ...proposal.excludedEmails.map((e) => ({ kind: 'email' as const, value: e.address, reason: e.reason })),
      ...proposal.postalAddresses.filter((a) => a.role !== 'company').map((a) => ({ kind: 'postal' as const, value: a.text, reason: a.reason })),
    ],
    details,
  }
}

const short = (text: string, max = 160) => {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine
}

/** A summary for people: each finding with its reason and the policy's words. */
export function describeProposal(proposal: PolicyProposal): string {
  const lines: string[] = []
  const name = proposal.companyName
  lines.push(`Company: ${name ? `${name.name} (from ${name.basis === 'domain' ? 'the web address' : name.basis === 'title' ? 'the title' : 'the policy naming itself'})` : '(not found: enter the name yourself)'}`)
  if (proposal.legalNames.length > 0) lines.push(`Legal names: ${proposal.legalNames.join('; ')}`)
  lines.push('')
  if (proposal.privacyEmails.length === 0) lines.push('Privacy e-mail: none in this policy')
  proposal.privacyEmails.forEach((e, i) => {
    lines.push(`${i === 0 ? 'Privacy e-mail' : '  also'}: ${e.address}${e.purpose === 'dpo' ? ' (Data Protection Officer)' : ''}`)
    lines.push(`    ${e.reason}`)
    lines.push(`    “${short(e.quote)}”`)
  })
  for (const e of proposal.otherEmails) lines.push(`Other e-mail: ${e.address} (${e.purpose})`)
  const company = proposal.postalAddresses.filter((a) => a.role === 'company')
  for (const a of company) lines.push(`Postal address${a.country ? ` [${a.country}]` : ''}: ${a.text}`)
  for (const p of proposal.phones) lines.push(`${p.kind === 'fax' ? 'Fax' : 'Phone'}: ${p.number}`)
  if (proposal.subjectRule) {
    lines.push(`Subject line: “${short(proposal.subjectRule.text, 240)}”`)
    if (proposal.subjectRule.phrases.length > 0) lines.push(`    one of: ${proposal.subjectRule.phrases.map((p) => `“${p}”`).join(', ')}`)
  }
  if (proposal.deletionInstruction) lines.push(`Deletion: “${short(proposal.deletionInstruction.text, 240)}”`)
  if (proposal.minAge) lines.push(`Minimum age: ${proposal.minAge.age} (“${short(proposal.minAge.quote)}”)`)
  const others = proposal.postalAddresses.filter((a) => a.role !== 'company')
  if (proposal.excludedEmails.length > 0 || others.length > 0) {
    lines.push('')
    lines.push('Not the company’s (left out):')
    for (const e of proposal.excludedEmails) lines.push(`  ${e.address}: ${e.reason}`)
    for (const a of others) lines.push(`  ${a.text}: ${a.reason}`)
  }
  if (proposal.warnings.length > 0) {
    lines.push('')
    lines.push('Check:')
    for (const w of proposal.warnings) lines.push(`  - ${w.message}`)
  }
  return lines.join('\n')
}
