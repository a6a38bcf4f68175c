/**
 * The user's own identity data, entered once and kept locally in the profile store.
 */
import { z } from 'zod'
import { emailAddressSchema } from '../shared/schemas'
import type { NoticeBoard } from '../shared/notices'
import type { DocumentStore } from '../shared/ports'
import { regionName } from './regions'
import { noticeWords } from '../messages/errors'

/** An ISO 3166-2 code of a listed region: "DE-BY", "US-CA". */
const profileRegionSchema = z
  .string()
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'Use an ISO 3166-2 region code, e.g. DE-BY or US-CA.')
  .refine((code) => regionName(code) !== null, 'Rightful does not know this region.')

/**
 * Whether a text can be a postal address anywhere: at least two parts (lines, or parts separated by
 * commas) of which one has a word, and some substance; or one long line with a word and a number
 * (a Chinese or Japanese address is often written on one line). A Hong Kong address has no
 * postcode, so none is required. "x", "x\ny" or "Berlin" are refused.
 */
export function isPostalAddress(address: string): boolean {
  const parts = address
    .split(/[\n,，、]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
  const substance = address.replace(/[\s,，、]/g, '').length
  const hasWord = (text: string) => /\p{L}{2,}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text)
  if (parts.length >= 2) return substance >= 8 && parts.some(hasWord)
  const only = parts[0] ?? ''
  return only.length >= 10 && hasWord(only) && /\p{N}/u.test(only)
}

export const profileSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter your name.').max(200, 'Keep your name under 200 characters.'),
  email: emailAddressSchema,
  /** Postal address as lines separated by \n, as the user would write it on an envelope. */
  address: z
    .string()
    .trim()
    .min(1, 'Enter your postal address.')
    .max(1000, 'Keep the address under 1,000 characters.')
    .refine((a) => a.split('\n').filter((l) => l.trim()).length <= 8, 'Use at most 8 address lines.')
    .refine(isPostalAddress, 'Enter your whole postal address as on an envelope: street and number on one line, then the town (with the postcode where there is one) on the next.'),
  /** The user's country, when given: it decides the paper format later and the proposed law. */
  country: z.string().regex(/^[A-Z]{2}$/, 'Choose your country from the list.').nullable().default(null),
  /**
   * The user's Land or state (ISO 3166-2), where it changes something: the competent authority in
   * Germany and Spain, the applicable law in the United States (regions.ts).
   */
  region: profileRegionSchema.nullable().default(null),
}).refine((p) => p.region === null || p.region.startsWith(`${p.country}-`), {
  message: 'The region must lie in the country chosen.',
  path: ['region'],
})
export type Profile = z.infer<typeof profileSchema>

/** The address as trimmed, non-empty lines. */
export function addressLines(profile: Pick<Profile, 'address'>): string[] {
  return profile.address
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}

const storedSchema = z.object({ version: z.literal(1), profile: profileSchema })
/** The profile file as stored (the backup checks a restored one against it). */
export const storedProfileSchema = storedSchema

export type ProfileStore = {
  /** The saved profile, read afresh (another process may have changed it). */
  get(): Profile | null
  save(profile: Profile): Profile
}

export function openProfileStore(store: DocumentStore, notices: NoticeBoard): ProfileStore {
  const get = (readAgain: boolean): Profile | null => {
    const document = store.read()
    if (Object.keys(document).length === 0) return null
    const parsed = storedSchema.safeParse(document)
    if (parsed.success) return parsed.data.profile
    const movedTo = store.moveAside()
    // Null: another process moved it aside (and told) or wrote it anew meanwhile.
    if (movedTo === null) return readAgain ? get(false) : null
    notices.add({
      code: 'STORE_FILE_UNREADABLE',
      ...noticeWords('notice.profile', { movedTo }),
      path: store.path,
      movedTo,
    })
    return null
  }
  return {
    get: () => get(true),
    save(profile) {
      const valid = profileSchema.parse(profile)
      store.write({ version: 1, profile: valid })
      return valid
    },
  }
}
