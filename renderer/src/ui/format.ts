/** Labels and dates as people read them. */
import { describeDate } from '@core/deadlines/calendar'

import type { EventKind, UserEventKind } from '@core/requests/events'
import type { Law, RequestType } from '@core/requests/model'
import type { WebmailProvider } from '@core/mail/webmail'

export const requestTypeLabel: Record<RequestType, string> = {
  access: 'Access',
  erasure: 'Erasure',
  rectification: 'Rectification',
  restriction: 'Restriction',
  portability: 'Portability',
  objection: 'Objection',
  'withdraw-consent': 'Withdraw consent',
  'automated-decision': 'Automated decision',
  'opt-out': 'Opt-out',
  limit: 'Limit use',
  reminder: 'Reminder',
  complaint: 'Complaint',
  custom: 'Custom',
}

export const requestTypeLong: Record<RequestType, string> = {
  access: 'Access request (data protection query)',
  erasure: 'Erasure request',
  rectification: 'Rectification request',
  restriction: 'Request to restrict processing',
  portability: 'Data portability request',
  objection: 'Objection to processing',
  'withdraw-consent': 'Withdrawal of consent',
  'automated-decision': 'Review of an automated decision',
  'opt-out': 'Opt-out of sale or sharing',
  limit: 'Request to limit use of sensitive data',
  reminder: 'Reminder',
  complaint: 'Complaint',
  custom: 'Request',
}

export const lawLabel: Record<Law, string> = {
  gdpr: 'GDPR (European Union)',
  'uk-gdpr': 'UK GDPR',
  ccpa: 'CCPA/CPRA (California)',
  vcdpa: 'VCDPA (Virginia)',
  'cpa-co': 'CPA (Colorado)',
  ctdpa: 'CTDPA (Connecticut)',
  tdpsa: 'TDPSA (Texas)',
  lgpd: 'LGPD (Brazil)',
  pipeda: 'PIPEDA (Canada)',
  'qc-privacy': 'Private-sector Act (Quebec)',
  'ch-fadp': 'FADP (Switzerland)',
  'hk-pdpo': 'PDPO (Hong Kong)',
  'cn-pipl': 'PIPL (China)',
  'jp-appi': 'APPI (Japan)',
  'au-privacy': 'Privacy Act (Australia)',
}

export const lawShort: Record<Law, string> = {
  gdpr: 'GDPR',
  'uk-gdpr': 'UK GDPR',
  ccpa: 'CCPA',
  vcdpa: 'VCDPA',
  'cpa-co': 'CPA',
  ctdpa: 'CTDPA',
  tdpsa: 'TDPSA',
  lgpd: 'LGPD',
  pipeda: 'PIPEDA',
  'qc-privacy': 'Quebec Act',
  'ch-fadp': 'FADP',
  'hk-pdpo': 'PDPO',
  'cn-pipl': 'PIPL',
  'jp-appi': 'APPI',
  'au-privacy': 'APP',
}

export const languageLabel: Record<string, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  pt: 'Portuguese',
  ja: 'Japanese',
  'zh-Hans': 'Chinese (Simplified)',
  'zh-Hant': 'Chinese (Traditional)',
}

export const eventLabel: Record<EventKind, string> = {
  created: 'Created',
  sent: 'Sent',
  undeliverable: 'Could not be delivered',
  delivered: 'Delivered',
  acknowledged: 'Receipt acknowledged',
  'identity-requested': 'Company asked for identity information',
  'identity-provided': 'Identity information provided',
  'clarification-asked': 'Company asked a question',
  'clarification-answered': 'Question answered',
  'extension-claimed': 'Company extended the period',
  'reply-received': 'Reply received',
  'data-received': 'Data received',
  'partially-fulfilled': 'Partly fulfilled',
  refused: 'Refused',
  completed: 'Completed',
  'reminder-sent': 'Reminder sent',
  'complaint-filed': 'Complaint filed',
  abandoned: 'Abandoned',
}

/** What the user can record, grouped as the "Record what happened" menu shows them. */
export const userEventGroups: ReadonlyArray<{ label: string; kinds: ReadonlyArray<UserEventKind> }> = [
  { label: 'Delivery', kinds: ['delivered', 'acknowledged', 'undeliverable'] },
  { label: 'The company asks you', kinds: ['identity-requested', 'identity-provided', 'clarification-asked', 'clarification-answered'] },
  { label: 'The company answers', kinds: ['reply-received', 'extension-claimed', 'partially-fulfilled', 'data-received', 'completed', 'refused'] },
  { label: 'You follow up', kinds: ['reminder-sent', 'complaint-filed', 'abandoned'] },
]

export const channelLabel = { email: 'E-mail', post: 'Post' } as const
export const purposeLabel = {
  privacy: 'Privacy',
  dpo: 'Data protection officer',
  general: 'General contact',
  support: 'Support',
  sales: 'Sales',
  newsletter: 'Newsletter',
  other: 'Other',
} as const

export function formatDate(date: string | null | undefined, withWeekday = false): string {
  return date ? describeDate(date, withWeekday) : '—'
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

export function countryName(code: string | null | undefined): string {
  if (!code) return ''
  try {
    return regionNames.of(code) ?? code
  } catch {
    return code
  }
}

/** ISO country codes with their English names, sorted by name, for pickers. */
export const countryOptions: ReadonlyArray<{ code: string; name: string }> = (() => {
  const codes: string[] = []
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b)
      const name = regionNames.of(code)
      if (name && name !== code && !/Unknown/.test(name)) codes.push(code)
    }
  }
  return codes.map((code) => ({ code, name: regionNames.of(code)! })).sort((x, y) => x.name.localeCompare(y.name))
})()

/** The webmail services' names as people know them. */
export const webmailLabel: Record<WebmailProvider, string> = { gmail: 'Gmail', outlook: 'Outlook.com', yahoo: 'Yahoo Mail' }

/** A file's size for people: "820 B", "14 KB", "3.2 MB", "1.1 GB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`
}

/** A moment in the computer's own time: "3 February 2026, 11:00". */
export function formatMoment(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}
