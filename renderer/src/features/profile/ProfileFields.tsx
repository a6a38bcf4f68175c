import type { Profile } from '@core/profile/profile'
import { regionOf } from '@core/catalog/countries'
import { regionName, regionsOf } from '@core/profile/regions'
import { currentLocale } from '../../i18n/i18n'
import { inSubdivision, subdivisionName } from '../../ui/format'
import { Field } from '../../ui/Field'
import { coreSchemaResolver, fieldErrorText } from '../../ui/schema-form'
import { profileSchema } from '@core/profile/profile'
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form'
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
 * The profile's form: its fields as typed, checked by the core's profile schema on submit (a
 * problem shows beside its field, and the first field with one takes the focus).
 */
export function useProfileForm(initial: Profile | null): UseFormReturn<ProfileDraft> {
  return useForm<ProfileDraft>({
    defaultValues: draftOf(initial),
    resolver: coreSchemaResolver<ProfileDraft>(profileSchema, profileOf),
    // Checked on submit, then again as the user corrects a field.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
}

/**
 * Name, e-mail, postal address, country and (where it matters) region, each with its error beside
 * it. Shared by "Your details" and the first-start guide.
 */
export function ProfileFields({ form }: { form: UseFormReturn<ProfileDraft> }) {
  const { register, setValue, control: formControl } = form
  const errors = form.formState.errors
  const error = (path: keyof ProfileDraft) => fieldErrorText(errors, path)
  const { t } = useTranslation('profile')
  const [country, region, address] = useWatch({ control: formControl, name: ['country', 'region', 'address'] })
  const regions = regionsOf(country || null)
  // A US address names its state ("San Francisco, CA 94105"): offered, never chosen silently.
  const fromAddress = regions && !region.startsWith(`${country}-`) ? regionOf(country, address.split('\n')) : null
  const suggested = fromAddress && regionName(`${country}-${fromAddress}`) ? `${country}-${fromAddress}` : null
  return (
    <>
      <Field label={t('name')} error={error('name')}>
        {(control) => <input {...control} required {...register('name')} autoComplete="name" />}
      </Field>
      <Field label={t('email')} error={error('email')}>
        {(control) => <input {...control} required type="email" {...register('email')} autoComplete="email" />}
      </Field>
      <Field label={t('address')} error={error('address')}>
        {(control) => <textarea {...control} required rows={4} {...register('address')} autoComplete="street-address" />}
      </Field>
      <Field label={t('country')} error={error('country')}>
        {(control) => (
          <select {...control} {...register('country')}>
            <CountryOptions />
          </select>
        )}
      </Field>
      {regions ? (
        <Field
          label={t('optional', { label: t(`regionLabel.${country}`, { defaultValue: regions.label }) })}
          error={error('region')}
          hintId="region-why"
          hint={
            <>
              {t(`regionWhy.${country}`, { defaultValue: regions.why })}
              {suggested ? (
                <>
                  {' '}
                  {t('addressIn', { inRegion: inSubdivision(suggested) ?? subdivisionName(suggested) })}{' '}
                  <button type="button" className="link-button" onClick={() => setValue('region', suggested, { shouldValidate: form.formState.isSubmitted })}>
                    {t('use', { region: subdivisionName(suggested) })}
                  </button>
                </>
              ) : null}
            </>
          }
        >
          {(control) => (
            <select {...control} {...register('region')}>
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
