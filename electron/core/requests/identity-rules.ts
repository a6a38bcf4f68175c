/**
 * What each law lets a company ask for before it acts on a request: how far it may check who you
 * are, and where a law forbids any check (a US opt-out). A pure module: the request page and the
 * CLI show the rule of the request's law beside the company's own demands from the catalog.
 *
 * Sources: Art. 12(6) and recital 64 GDPR (the same articles in the UK GDPR, with Art. 12A on when
 * the month starts); 11 CCR §7026 (opt-out of sale/sharing: no verifiable consumer request),
 * §7027 (limiting sensitive data), §§7060-7062 (verification); Art. 6(III) LGPD (necessity); Art. 6
 * and Art. 50 PIPL. Rules marked `unverified` were taken from secondary sources or memory and are
 * shown as such (shared/docs/law-reference.md marks the same ones [M]).
 */
import { assertNever } from '../shared/assert-never'
import type { Law, RequestType } from '../shared/kinds'
import { message, type Message } from '../shared/message'

/** Which rule applies: the law, and for the US laws whether the request is an opt-out. */
export const identityRuleIds = [
  'gdpr',
  'uk-gdpr',
  'ccpa-opt-out',
  'ccpa',
  'us-opt-out',
  'us-state',
  'lgpd',
  'pipeda',
  'qc-privacy',
  'ch-fadp',
  'hk-pdpo',
  'cn-pipl',
  'jp-appi',
  'au-privacy',
] as const
export type IdentityRuleId = (typeof identityRuleIds)[number]

export type IdentityRule = {
  readonly id: IdentityRuleId
  /** The rule in words: a key in the core resources ("identity.rule.gdpr"). */
  readonly message: Message
  /** Where the rule is written. */
  readonly citation: string
  /** The law forbids any identity check for this kind of request (a US opt-out). */
  readonly noVerification: boolean
  /** Stated from a secondary source or memory: the host marks it "unverified". */
  readonly unverified: boolean
  /** The English words, for logs, the CLI's default and the tests. */
  readonly text: string
}

/** The opt-out kinds of the US laws: stopping a sale or a use, not disclosing anything. */
const isOptOut = (type: RequestType) => type === 'opt-out' || type === 'limit'

/** Citations with words of their own ("recital"), which each language writes its way: the message `identity.citation.<rule>`. */
const citationsInWords: ReadonlySet<IdentityRuleId> = new Set<IdentityRuleId>(['gdpr'])

const rule = (id: IdentityRuleId, citation: string, text: string, flags: { noVerification?: boolean; unverified?: boolean } = {}): IdentityRule => ({
  id,
  message: message(`identity.rule.${id}`, { citation: citationsInWords.has(id) ? message(`identity.citation.${id}`) : citation }),
  citation,
  noVerification: flags.noVerification ?? false,
  unverified: flags.unverified ?? false,
  text,
})

const usStateCitations: Readonly<Record<'vcdpa' | 'cpa-co' | 'ctdpa' | 'tdpsa', string>> = {
  vcdpa: 'Va. Code §59.1-577',
  'cpa-co': 'C.R.S. §6-1-1306',
  ctdpa: 'C.G.S. §42-518',
  tdpsa: 'Tex. Bus. & Com. Code §541.055',
}

/**
 * The rule on identity checks that applies to a request of `type` under `law`. Follow-ups (a
 * reminder, a pushback) take the rule of the request they follow up: pass that request's type.
 */
export function identityRule(law: Law, type: RequestType): IdentityRule {
  switch (law) {
    case 'gdpr':
      return rule(
        'gdpr',
        'Art. 12(6) GDPR; recital 64',
        'The company may ask for additional information only where it has reasonable doubts about your identity, and only what is necessary to confirm it (Art. 12(6) GDPR; recital 64). Information it already holds about you, such as the e-mail address it knows you by, is usually enough; a copy of an identity document is rarely necessary.',
      )
    case 'uk-gdpr':
      return rule(
        'uk-gdpr',
        'Art. 12(6) and 12A UK GDPR',
        'The company may ask for additional information only where it has reasonable doubts about your identity, and only what is necessary to confirm it (Art. 12(6) UK GDPR). The month runs from when it receives what it reasonably asked for (Art. 12A UK GDPR), so it should ask without delay.',
      )
    case 'ccpa':
      return isOptOut(type)
        ? rule(
            'ccpa-opt-out',
            type === 'limit' ? '11 CCR §7027' : '11 CCR §7026',
            'A request to opt out of the sale or sharing of your data, or to limit the use of sensitive data, need not be verified: the company may not make you prove your identity, open an account or give more information than it needs to act on it (11 CCR §7026; §7027). It may refuse only with a documented, good-faith belief that the request is fraudulent.',
            { noVerification: true },
          )
        : rule(
            'ccpa',
            '11 CCR §§7060-7062; §7021',
            'The company must verify you by matching what you give with information it already holds, should avoid asking for more, and may use what you give only to verify you (11 CCR §§7060-7062). Its 45 days run from receipt, whatever time verification takes (11 CCR §7021).',
          )
    case 'vcdpa':
    case 'cpa-co':
    case 'ctdpa':
    case 'tdpsa':
      return isOptOut(type)
        ? rule(
            'us-opt-out',
            usStateCitations[law],
            'The company need not authenticate a request to opt out; it may refuse one only with a good-faith, reasonable and documented belief that it is fraudulent.',
            { noVerification: true, unverified: true },
          )
        : rule(
            'us-state',
            usStateCitations[law],
            'The company may authenticate your request with commercially reasonable efforts, asking only for what it reasonably needs to do so.',
            { unverified: true },
          )
    case 'lgpd':
      return rule(
        'lgpd',
        'Art. 6(III) LGPD',
        'The company may confirm that you are the person the data is about, but under the principle of necessity it may process only the data that purpose needs (Art. 6(III) LGPD).',
      )
    case 'pipeda':
      return rule(
        'pipeda',
        'PIPEDA Schedule 1, Principle 4.9.2',
        'The company may ask for enough information to find your data and account for it; what you give for that may be used for nothing else (PIPEDA Schedule 1, Principle 4.9.2).',
        { unverified: true },
      )
    case 'qc-privacy':
      return rule(
        'qc-privacy',
        'ss. 5 and 30 of the Act (CQLR c. P-39.1)',
        'A request for access or rectification is considered once you prove that you are the person concerned (s.30), but the company may collect only the information necessary for that (s.5).',
        { unverified: true },
      )
    case 'ch-fadp':
      return rule(
        'ch-fadp',
        'Art. 6(2) FADP; Art. 16(5) DPO',
        'The company must take reasonable steps to identify you and you must cooperate (Art. 16(5) DPO), but what it asks must stay proportionate (Art. 6(2) FADP).',
        { unverified: true },
      )
    case 'hk-pdpo':
      return rule(
        'hk-pdpo',
        's.20(1)(a) PDPO; DPP1',
        'The company must refuse a data access request until it has the information it reasonably requires to be satisfied of your identity (s.20(1)(a)); what it collects must be adequate but not excessive (DPP1).',
        { unverified: true },
      )
    case 'cn-pipl':
      return rule(
        'cn-pipl',
        'Arts. 6 and 50 PIPL',
        'The PIPL sets no rule on identity checks; it requires a convenient way to exercise your rights (Art. 50) and limits collection to the minimum the purpose needs (Art. 6).',
      )
    case 'jp-appi':
      return rule(
        'jp-appi',
        'Art. 37 APPI',
        'The company may set how requests are made and ask for what identifies the data, but must take care not to burden you excessively (Art. 37 APPI).',
        { unverified: true },
      )
    case 'au-privacy':
      return rule(
        'au-privacy',
        'APP 12; APP 3',
        'The entity must be satisfied that the request comes from you, but may collect only what is reasonably necessary for that (APP 12; APP 3).',
        { unverified: true },
      )
    default:
      return assertNever(law)
  }
}
