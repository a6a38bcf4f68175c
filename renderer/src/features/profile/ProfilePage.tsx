import { useEffect, useState } from 'react'
import type { Profile } from '@core/profile/profile'
import type { Route } from '../../store/routes'
import { useStore } from '../../store/store'
import { FormError } from '../../ui/FormError'
import { showCoreOutcome } from '../../ui/schema-form'
import { profileOf, ProfileFields, useProfileForm, type ProfileDraft } from './ProfileFields'
import { useTranslation } from 'react-i18next'

/** The user's own details, entered once; they sign every request. */
export function ProfilePage({ returnTo }: { returnTo: Route | null }) {
  const profile = useStore((s) => s.profile)
  const loaded = useStore((s) => s.profileLoaded)
  const load = useStore((s) => s.loadProfile)
  const { t } = useTranslation('profile')

  useEffect(() => {
    void load()
  }, [load])

  return (
    <section className="page narrow">
      <header className="page-header">
        <div>
          <h1>{t('profile', { ns: 'common', keyPrefix: 'nav' })}</h1>
          <p className="lede">{t('lede')}</p>
        </div>
      </header>
      {/* Keyed by the stored profile, so the form starts from what was saved last. */}
      {loaded ? <ProfileForm key={JSON.stringify(profile)} initial={profile} returnTo={returnTo} /> : <p className="muted">{t('loading', { ns: 'common' })}</p>}
    </section>
  )
}

function ProfileForm({ initial, returnTo }: { initial: Profile | null; returnTo: Route | null }) {
  const save = useStore((s) => s.saveProfile)
  const navigate = useStore((s) => s.navigate)
  const form = useProfileForm(initial)
  const [formError, setFormError] = useState<string | null>(null)
  const busy = form.formState.isSubmitting
  const { t } = useTranslation('profile')

  const submit = async (draft: ProfileDraft) => {
    const outcome = await save(profileOf(draft))
    setFormError(showCoreOutcome(form, outcome))
    if (outcome.ok && returnTo) navigate(returnTo)
  }

  return (
    <form className="card form" onSubmit={(e) => void form.handleSubmit(submit)(e)} aria-label={t('profile', { ns: 'common', keyPrefix: 'nav' })} noValidate>
      <ProfileFields form={form} />
      <FormError error={formError} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {returnTo ? t('saveContinue') : t('save')}
        </button>
      </div>
    </form>
  )
}
