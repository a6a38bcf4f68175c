/**
 * The words for why a law does not grant a kind of request (the core gives a code and parameters,
 * requests/rights.ts), and for a right the law grants but no template covers yet.
 */
import type { RightReason, RightType } from '@core/requests/rights'
import type { Law } from '@core/requests/model'
import { assertNever } from '@core/assert-never'
import { lawShort, requestTypeLong } from './format'

function list(items: ReadonlyArray<string>, joiner: 'and' | 'or'): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}`
}

/** "the GDPR", "PIPEDA", "the Privacy Act": a law's short name inside a sentence. */
function theLaw(law: Law): string {
  if (law === 'pipeda') return 'PIPEDA'
  if (law === 'au-privacy') return 'the Privacy Act'
  return `the ${lawShort(law)}`
}

const kindName = (type: RightType) => (type === 'custom' ? 'a request in your own words' : requestTypeLong(type).replace(/ \(.*\)$/, '').toLowerCase())

/** "Not a right under the GDPR; the CCPA, the VCDPA, the CPA and the CTDPA have it. Instead: objection to processing or withdrawal of consent." */
export function rightReasonText(reason: RightReason): string {
  const { law, alternatives, grantedBy, provision } = reason.params
  const instead = alternatives.length > 0 ? ` Instead: ${list(alternatives.map(kindName), 'or')}.` : ''
  switch (reason.code) {
    case 'NOT_IN_LAW':
      return `Not a right under ${theLaw(law)}${grantedBy.length > 0 ? `; ${list(grantedBy.map(theLaw), 'and')} ${grantedBy.length === 1 ? 'has' : 'have'} it` : ''}.${instead}`
    case 'COMPANY_DUTY':
      return `No right as such under ${theLaw(law)}: the company must delete what it no longer needs (${provision}), but you cannot demand it.${instead}`
    case 'NEEDS_CONSENT':
      return `Under ${theLaw(law)} a company needs your consent to use sensitive data, so there is nothing to limit.${instead}`
    default:
      return assertNever(reason.code)
  }
}

/** A right the law grants, for which Rightful has no letter in any language yet. */
export function noTemplateText(law: Law): string {
  const name = theLaw(law)
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} grants it, but Rightful has no letter for it yet: choose “Something else, in your own words”.`
}
