/**
 * Which rights each law grants: for a law, every kind of request a person can start, whether that
 * law gives the right and, where it does not, why (a code with parameters that each host puts into
 * words) and what to ask for instead. A pure module: the renderer offers the kinds of the chosen
 * law, and requests:create refuses a kind the law does not grant (unless a template exists for it).
 *
 * Sources: the rights articles the templates cite (GDPR Arts. 7(3), 15-18, 20-22; CCPA
 * §§1798.100-1798.121; Va. Code §59.1-577(A); C.R.S. §6-1-1306(1); C.G.S. §42-518(a); Tex. Bus. & Com. Code §541.051(b); LGPD Art. 18;
 * PIPEDA Principles 4.3.8 and 4.9; Quebec's private-sector Act ss.14, 27, 28 and 28.1; FADP Arts. 25, 28, 30, 32; PDPO ss.18, 22, 35G; PIPL Arts. 15,
 * 44-47; APPI Arts. 33-35; APPs 7, 12 and 13). A right a law does not grant is never offered as if
 * it did: a Berlin user gets no CCPA opt-out.
 */
import { assertNever } from '../shared/assert-never'
import { lawNames } from '../shared/law-names'
import { isFollowUpType, laws, requestTypes, type FollowUpType, type Law, type RequestType } from '../shared/kinds'
import { message, type Message } from '../shared/message'

/** The kinds of request a person starts (reminders, incomplete-answer letters, pushbacks, contests and complaints follow one up). */
export const rightTypes: ReadonlyArray<Exclude<RequestType, FollowUpType>> = requestTypes.filter(
  (type): type is Exclude<RequestType, FollowUpType> => !isFollowUpType(type),
)
export type RightType = Exclude<RequestType, FollowUpType>

/**
 * Why a law does not grant a kind of request:
 * - NOT_IN_LAW: the law has no such right (`grantedBy` lists the laws that do);
 * - COMPANY_DUTY: the law makes it a duty of the company (`provision`), not a right one can invoke;
 * - NEEDS_CONSENT: the law lets a company use sensitive data only with consent, so there is
 *   nothing to limit: withdrawing the consent does it.
 */
export type RightReason = {
  readonly code: 'NOT_IN_LAW' | 'COMPANY_DUTY' | 'NEEDS_CONSENT'
  readonly params: {
    readonly law: Law
    readonly type: RightType
    /** What to ask for instead under this law, best first. */
    readonly alternatives: ReadonlyArray<RightType>
    /** The laws that do grant this right. */
    readonly grantedBy: ReadonlyArray<Law>
    /** COMPANY_DUTY: where the duty is ("Principle 4.5.3"). */
    readonly provision: string | null
  }
}

/**
 * A right a law grants only in part, and where it says so: the Australian Privacy Act gives no
 * general right to object, only the opt-out of direct marketing of APP 7, which the objection
 * letter under it asks for.
 */
export type RightScope = { readonly part: 'direct-marketing'; readonly provision: string }

export type RightStatus = {
  readonly type: RightType
  readonly granted: boolean
  /** Null when granted. */
  readonly why: RightReason | null
  /** Granted only in part (absent when granted whole, or not at all). */
  readonly scope?: RightScope
}

type Refusal = { readonly code: RightReason['code']; readonly alternatives: ReadonlyArray<RightType>; readonly provision?: string }
/** Per law: the kinds it does not grant, and why. Everything not listed is granted. */
type LawRights = Readonly<Partial<Record<RightType, Refusal>>>

const notInLaw = (...alternatives: RightType[]): Refusal => ({ code: 'NOT_IN_LAW', alternatives })
const duty = (provision: string, ...alternatives: RightType[]): Refusal => ({ code: 'COMPANY_DUTY', alternatives, provision })

const europe: LawRights = {
  'opt-out': notInLaw('objection', 'withdraw-consent'),
  limit: notInLaw('restriction', 'objection'),
}

const usStates: LawRights = {
  restriction: notInLaw('opt-out', 'erasure'),
  'automated-decision': notInLaw('opt-out', 'access'),
  objection: notInLaw('opt-out'),
  limit: { code: 'NEEDS_CONSENT', alternatives: ['withdraw-consent', 'erasure'] },
}

const table: Readonly<Record<Law, LawRights>> = {
  gdpr: europe,
  'uk-gdpr': europe,
  ccpa: {
    restriction: notInLaw('limit', 'opt-out'),
    objection: notInLaw('opt-out', 'limit'),
    'withdraw-consent': notInLaw('opt-out', 'erasure'),
    'automated-decision': notInLaw('opt-out', 'access'),
  },
  vcdpa: usStates,
  'cpa-co': usStates,
  ctdpa: usStates,
  // §541.051(b) lists no right to revoke consent: sensitive data need consent (§541.101), but taking it back is not a request the Act names.
  tdpsa: {
    restriction: notInLaw('opt-out', 'erasure'),
    'automated-decision': notInLaw('opt-out', 'access'),
    objection: notInLaw('opt-out'),
    'withdraw-consent': notInLaw('erasure', 'opt-out'),
    limit: notInLaw('erasure', 'opt-out'),
  },
  lgpd: {
    'opt-out': notInLaw('objection', 'withdraw-consent'),
    limit: notInLaw('objection', 'erasure'),
  },
  pipeda: {
    'automated-decision': notInLaw('access', 'rectification'),
    erasure: duty('Principle 4.5.3', 'withdraw-consent', 'rectification'),
    portability: notInLaw('access'),
    restriction: notInLaw('withdraw-consent'),
    objection: notInLaw('withdraw-consent'),
    'opt-out': notInLaw('withdraw-consent'),
    limit: notInLaw('withdraw-consent'),
  },
  'qc-privacy': {
    restriction: notInLaw('withdraw-consent', 'erasure'),
    objection: notInLaw('withdraw-consent', 'erasure'),
    'opt-out': notInLaw('withdraw-consent'),
    limit: notInLaw('withdraw-consent'),
  },
  'ch-fadp': {
    restriction: notInLaw('objection', 'erasure'),
    'opt-out': notInLaw('objection'),
    limit: notInLaw('objection'),
  },
  'hk-pdpo': {
    'automated-decision': notInLaw('access', 'rectification'),
    erasure: duty('s.26', 'rectification', 'objection'),
    portability: notInLaw('access'),
    restriction: notInLaw('rectification', 'objection'),
    'withdraw-consent': notInLaw('objection'),
    'opt-out': notInLaw('objection'),
    limit: notInLaw('objection'),
  },
  'cn-pipl': {
    'opt-out': notInLaw('objection', 'withdraw-consent'),
    limit: notInLaw('restriction', 'withdraw-consent'),
  },
  'jp-appi': {
    'automated-decision': notInLaw('access', 'restriction'),
    objection: notInLaw('restriction', 'erasure'),
    portability: notInLaw('access'),
    'withdraw-consent': notInLaw('restriction', 'erasure'),
    'opt-out': notInLaw('restriction'),
    limit: notInLaw('restriction'),
  },
  'au-privacy': {
    'automated-decision': notInLaw('access', 'rectification'),
    erasure: duty('APP 11.2', 'rectification'),
    portability: notInLaw('access'),
    restriction: notInLaw('rectification', 'objection'),
    'withdraw-consent': notInLaw('objection'),
    'opt-out': notInLaw('objection'),
    limit: notInLaw('objection'),
  },
}

/** The rights each law grants only in part. */
const scopes: Readonly<Partial<Record<Law, Readonly<Partial<Record<RightType, RightScope>>>>>> = {
  'au-privacy': { objection: { part: 'direct-marketing', provision: 'APP 7' } },
}

function scopeOf(law: Law, type: RightType): RightScope | undefined {
  const byType = Object.hasOwn(scopes, law) ? scopes[law] : undefined
  return byType && Object.hasOwn(byType, type) ? byType[type] : undefined
}

/** A right's name under a law: the part it grants where it grants only part ("objection-direct-marketing"). */
function nameKey(law: Law, type: RightType): RightType | 'objection-direct-marketing' {
  return scopeOf(law, type)?.part === 'direct-marketing' ? 'objection-direct-marketing' : type
}

/** The laws that grant a kind of request, in the order of `laws`. */
export function lawsGranting(type: RightType): ReadonlyArray<Law> {
  return laws.filter((law) => !table[law][type])
}

/** Whether a kind of request is one a person starts (not a reminder or complaint). */
export function isRightType(type: string): type is RightType {
  return (rightTypes as ReadonlyArray<string>).includes(type)
}

/** One kind under one law. */
export function rightUnder(law: Law, type: RightType): RightStatus {
  const refusal = table[law][type]
  const scope = scopeOf(law, type)
  if (!refusal) return scope ? { type, granted: true, why: null, scope } : { type, granted: true, why: null }
  return {
    type,
    granted: false,
    why: {
      code: refusal.code,
      params: { law, type, alternatives: refusal.alternatives, grantedBy: lawsGranting(type), provision: refusal.provision ?? null },
    },
  }
}

/** Every kind of request under a law, in the order of the rights. */
export function rightsUnder(law: Law): ReadonlyArray<RightStatus> {
  return rightTypes.map((type) => rightUnder(law, type))
}

/** The rights as they read after "a right to" ("… gives no right to have your data erased"). */
export const rightNames: Readonly<Record<RightType | 'objection-direct-marketing', string>> = {
  access: 'access your data',
  erasure: 'have your data erased',
  rectification: 'have your data corrected',
  restriction: 'restrict the processing of your data',
  portability: 'take your data to another service',
  objection: 'object to the processing of your data',
  'objection-direct-marketing': 'stop the use of your data for direct marketing',
  'withdraw-consent': 'withdraw your consent',
  'automated-decision': 'have a decision taken by automated means alone reviewed by a person',
  'opt-out': 'opt out of the sale or sharing of your data',
  limit: 'limit the use of your sensitive data',
  custom: 'make a request in your own words',
}

const shortLawNames: Readonly<Record<Law, string>> = {
  gdpr: 'the GDPR',
  'uk-gdpr': 'the UK GDPR',
  ccpa: 'the CCPA',
  vcdpa: 'the VCDPA',
  'cpa-co': 'the CPA',
  ctdpa: 'the CTDPA',
  tdpsa: 'the TDPSA',
  lgpd: 'the LGPD',
  pipeda: 'PIPEDA',
  'qc-privacy': 'Quebec’s private-sector Act',
  'ch-fadp': 'the FADP',
  'hk-pdpo': 'the PDPO',
  'cn-pipl': 'the PIPL',
  'jp-appi': 'the APPI',
  'au-privacy': 'the Privacy Act',
}

function list(items: ReadonlyArray<string>, joiner: 'and' | 'or'): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}`
}

/**
 * The reason as a message of the core's resources (for an error's detail): the law by its name in
 * the proposal messages, the rights by their names.
 */
export function rightReasonMessage(reason: RightReason): Message {
  const { law, type, alternatives, provision } = reason.params
  const params = { law: message(`proposal.law.${law}`), right: message(`error.rights.name.${type}`), rights: alternatives.map((a) => message(`error.rights.name.${nameKey(law, a)}`)), provision: provision ?? '' }
  const instead = alternatives.length > 0 ? 'Instead' : ''
  switch (reason.code) {
    case 'NOT_IN_LAW':
      return message(`error.rights.notInLaw${instead}`, params)
    case 'COMPANY_DUTY':
      return message(`error.rights.companyDuty${instead}`, params)
    case 'NEEDS_CONSENT':
      return message('error.rights.needsConsent', params)
    default:
      return assertNever(reason.code)
  }
}

/**
 * The reason in plain English, for hosts without their own words (the CLI, error messages):
 * "The GDPR gives no right to opt out of the sale or sharing of your data (the CCPA, the VCDPA, the
 * CPA and the CTDPA do). Under the GDPR you can instead object to the processing of your data or
 * withdraw your consent."
 */
export function describeRightReason(reason: RightReason): string {
  const { law, type, alternatives, grantedBy, provision } = reason.params
  const name = lawNames[law]
  const Name = name.charAt(0).toUpperCase() + name.slice(1)
  const instead = alternatives.length > 0 ? ` Under ${name} you can instead ${list(alternatives.map((a) => rightNames[nameKey(law, a)]), 'or')}.` : ''
  switch (reason.code) {
    case 'NOT_IN_LAW': {
      const others = grantedBy.length > 0 ? ` (${list(grantedBy.map((l) => shortLawNames[l]), 'and')} ${grantedBy.length === 1 ? 'does' : 'do'})` : ''
      return `${Name} gives no right to ${rightNames[type]}${others}.${instead}`
    }
    case 'COMPANY_DUTY':
      return `${Name} gives no right to ${rightNames[type]} as such: the company must delete what it no longer needs (${provision}), but you cannot demand it.${instead}`
    case 'NEEDS_CONSENT':
      return `Under ${name} a company may use your sensitive data only with your consent, so there is no right to limit it: withdraw your consent, or have your data erased.`
    default:
      return assertNever(reason.code)
  }
}
