import type { Profile } from '@core/profile/profile'
import { regionOf } from '@core/catalog/countries'
import { regionName, regionsOf } from '@core/profile/regions'
import { currentLocale } from '../../i18n/i18n'
import { inSubdivision, subdivisionName } from '../../ui/format'
import { Field } from '../../ui/Field'
import { CountryOptions } from '../../ui/CountrySelect'
import { useTranslation } from 'react-i18next'

/** The user's details as typed, before the core has checked them. */
export type ProfileDraft = { name: string; email: string; address: string; country: string; region: string }

export function draftOf(profile: Profile | null): ProfileDraft {
  return { name: profile?.name ?? '', email: profile?.email ?? '', address: profile?.address ?? '', country: profile?.country ?? '', region: profile?.region ?? '' }
}

/** What is sent to the core: the region only where this country asks for one and it lies in it. */
export function profileOf(draft: ProfileDraft): Profile {
  const regions = regionsOf(draft.country || null)
  return {
    name: draft.name,
    email: draft.email,
    address: draft.address,
    country: draft.country || null,
    region: regions && draft.region.startsWith(`${draft.country}-`) ? draft.region : null,
  }
}

/**
 * Name, e-mail, postal address, country and (where it matters) region, each with its error beside
 * it. Shared by "Your details" and the first-start guide.
 */
export function ProfileFields({
  draft,
  onChange,
  errors,
}: {
  draft: ProfileDraft
  onChange: (next: ProfileDraft) => void
  errors: ReadonlyMap<string, string>
}) {
  const set = (patch: Partial<ProfileDraft>) => onChange({ ...draft, ...patch })
  const { t } = useTranslation('profile')
  const { country, region, address } = draft
  const regions = regionsOf(country || null)
  // A US address names its state ("San Francisco, CA 94105"): offered, never chosen silently.
  const fromAddress = regions && !region.startsWith(`${country}-`) ? regionOf(country, address.split('\n')) : null
  const suggested = fromAddress && regionName(`${country}-${fromAddress}`) ? `${country}-${fromAddress}` : null
  return (
    <>
      <Field label={t('name')} error={errors.get('name')}>
        {(control) => <input {...control} required value={draft.name} onChange={(e) => set({ name: e.target.value })} autoComplete="name" />}
      </Field>
      <Field label={t('email')} error={errors.get('email')}>
        {(control) => <input {...control} required type="email" value={draft.email} onChange={(e) => set({ email: e.target.value })} autoComplete="email" />}
      </Field>
      <Field label={t('address')} error={errors.get('address')}>
        {(control) => <textarea {...control} required rows={4} value={address} onChange={(e) => set({ address: e.target.value })} autoComplete="street-address" />}
      </Field>
      <Field label={t('country')} error={errors.get('country')}>
        {(control) => (
          <select {...control} value={country} onChange={(e) => set({ country: e.target.value })}>
            <CountryOptions />
          </select>
        )}
      </Field>
      {regions ? (
        <Field
          label={t('optional', { label: t(`regionLabel.${country}`, { defaultValue: regions.label }) })}
          error={errors.get('region')}
          hintId="region-why"
          hint={
            <>
              {t(`regionWhy.${country}`, { defaultValue: regions.why })}
              {suggested ? (
                <>
                  {' '}
                  {t('addressIn', { inRegion: inSubdivision(suggested) ?? subdivisionName(suggested) })}{' '}
                  <button type="button" className="link-button" onClick={() => set({ region: suggested })}>
                    {t('use', { region: subdivisionName(suggested) })}
                  </button>
                </>
              ) : null}
            </>
          }
        >
          {(control) => (
            <select {...control} value={region.startsWith(`${country}-`) ? region : ''} onChange={(e) => set({ region: e.target.value })}>
              <option value="">—</option>
              {regions.list
                .map((r) => ({ code: r.code, name: subdivisionName(r.code) ?? r.code }))
                .sort((a, b) => a.name.localeCompare(b.name, currentLocale()))
                .map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
      ) : null}
    </>
  )
}
