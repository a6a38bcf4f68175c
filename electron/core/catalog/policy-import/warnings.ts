/**
 * The warnings of a policy proposal as structured messages (issue 13): a key under
 * `policyImport.warning` in the core's message resources and its parameters, rendered in the
 * reader's language by each host; the English words stay beside it for logs and the CLI.
 */
import { renderMessage } from '../../messages/render'
import { message, type MessageParam } from '../../shared/message'
import type { ProposalWarning, WarningCode } from './proposal'

/** The warnings' message keys (the last part, under `policyImport.warning`). */
export type WarningKey =
  | 'noCompanyName'
  | 'regulatorAddress'
  | 'thirdPartyAddress'
  | 'thirdPartyAddressOf'
  | 'linkShowsOther'
  | 'linkTarget'
  | 'decoded'
  | 'cloudflare'
  | 'placeholder'
  | 'senderOnly'
  | 'regulatorDomain'
  | 'regulatorEmail'
  | 'thirdPartyEmail'
  | 'providerDomain'
  | 'regulatorPhone'
  | 'noPrivacyEmail'
  | 'noPrivacyEmailMore'
  | 'noEmail'
  | 'noEmailOnly'

/** A warning with its code, its message and its English words, at `start`–`end` of the plain text (or nowhere). */
export function proposalWarning(code: WarningCode, key: WarningKey, params: Readonly<Record<string, MessageParam>> | undefined, start: number | null, end: number | null): ProposalWarning {
  const detail = message(`policyImport.warning.${key}`, params)
  return { code, message: renderMessage(detail), detail, start, end }
}
