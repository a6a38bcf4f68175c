/**
 * The words for why a law does not grant a kind of request (the core gives a code and parameters,
 * requests/rights.ts), and for a right the law grants but no template covers yet, in the window's
 * language.
 */
import type { RightReason, RightType } from '@core/requests/rights'
import type { Law } from '@core/requests/model'
import { assertNever } from '@core/shared/assert-never'
import { currentLanguage, i18n } from '../i18n/i18n'
import { formatList, lawShort, requestTypeLong } from './format'

const t = (key: string, params?: Record<string, string>) => i18n.t(`rights.${key}`, { ns: 'ui', ...params })

/** "A, B and C" (English as Rightful has always written it; other languages through Intl). */
function list(items: ReadonlyArray<string>, joiner: 'and' | 'or'): string {
  if (currentLanguage() !== 'en') return formatList(items, joiner === 'and' ? 'conjunction' : 'disjunction')
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}`
}

/** "the GDPR", "PIPEDA", "the Privacy Act" inside an English sentence; the short name elsewhere ("DSGVO"). */
function theLaw(law: Law): string {
  if (currentLanguage() !== 'en') return lawShort(law)
  if (law === 'pipeda') return 'PIPEDA'
  if (law === 'au-privacy') return 'the Privacy Act'
  return `the ${lawShort(law)}`
}

function kindName(type: RightType): string {
  if (type === 'custom') return t('custom')
  const name = requestTypeLong(type).replace(/\s*[(（].*[)）]$/, '')
  // Only English lowercases a kind inside a sentence (German nouns keep their capital).
  return currentLanguage() === 'en' ? name.toLowerCase() : name
}

/** "Not a right under the GDPR; the CCPA, the VCDPA, the CPA and the CTDPA have it. Instead: objection to processing or withdrawal of consent." */
export function rightReasonText(reason: RightReason): string {
  const { law, alternatives, grantedBy, provision } = reason.params
  const instead = alternatives.length > 0 ? t('instead', { kinds: list(alternatives.map(kindName), 'or') }) : ''
  switch (reason.code) {
    case 'NOT_IN_LAW':
      if (grantedBy.length === 0) return t('notInLaw', { law: theLaw(law), instead })
      return t(grantedBy.length === 1 ? 'notInLawOne' : 'notInLawMany', { law: theLaw(law), others: list(grantedBy.map(theLaw), 'and'), instead })
    case 'COMPANY_DUTY':
      return t('companyDuty', { law: theLaw(law), provision: provision ?? '', instead })
    case 'NEEDS_CONSENT':
      return t('needsConsent', { law: theLaw(law), instead })
    default:
      return assertNever(reason.code)
  }
}

/** A right the law grants, for which Rightful has no letter in any language yet. */
export function noTemplateText(law: Law): string {
  const name = theLaw(law)
  return t('noTemplate', { law: `${name.charAt(0).toUpperCase()}${name.slice(1)}`, option: i18n.t('create.custom', { ns: 'requests' }) })
}
