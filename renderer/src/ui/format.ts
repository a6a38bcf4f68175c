/** Labels and dates as people read them. */
import { describeDate } from '@core/deadlines/calendar'

export const requestTypeLabel = { access: 'Access', erasure: 'Erasure' } as const
export const requestTypeLong = {
  access: 'Access request (data protection query)',
  erasure: 'Erasure request',
} as const
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
