import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SendingMethod } from '@core/settings/settings'
import type { WebmailProvider } from '@core/settings/webmail'
import { useStore } from '../../store/store'
import { FormError } from '../../ui/FormError'
import { webmailLabel } from '../../ui/format'
import { profileOf, ProfileFields, useProfileForm, type ProfileDraft } from '../profile/ProfileFields'
import { showCoreOutcome } from '../../ui/schema-form'
import './onboarding.css'

/** The ways to send, in the order offered (their words are `onboarding:method.<id>.title` and `.text`). */
const methods: ReadonlyArray<SendingMethod> = ['mail-program', 'webmail', 'smtp', 'letter']

const webmails: ReadonlyArray<WebmailProvider> = ['gmail', 'outlook', 'yahoo']

/**
 * The first start: who is asking, and how requests go out. One short form; "Later" skips it, and
 * either way it is not shown again (Settings → "Set up Rightful again" brings it back).
 */
export function OnboardingPage() {
  const profile = useStore((s) => s.profile)
  const profileLoaded = useStore((s) => s.profileLoaded)
  const settings = useStore((s) => s.settings)
  const loadSettings = useStore((s) => s.loadSettings)
  const loadProfile = useStore((s) => s.loadProfile)
  const { t } = useTranslation('onboarding')

  useEffect(() => {
    void loadProfile()
    void loadSettings()
  }, [loadProfile, loadSettings])

  if (!profileLoaded || !settings) return <p className="muted page">{t('loading')}</p>
  return <OnboardingForm key={JSON.stringify([profile, settings.sending])} />
}

function OnboardingForm() {
  const profile = useStore((s) => s.profile)
  const sending = useStore((s) => s.settings!.sending)
  const saveProfile = useStore((s) => s.saveProfile)
  const updateSettings = useStore((s) => s.updateSettings)
  const navigate = useStore((s) => s.navigate)
  const toast = useStore((s) => s.toast)
  const { t } = useTranslation('onboarding')
  const form = useProfileForm(profile)
  const [method, setMethod] = useState<SendingMethod | null>(sending.method)
  const [webmail, setWebmail] = useState<WebmailProvider>(sending.webmail ?? 'gmail')
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // A refused save (by the schema here, or by the core) puts each problem beside its field and
  // focuses the first, so that its reason is read out at once.
  const finish = async (draft: ProfileDraft) => {
    setBusy(true)
    const saved = await saveProfile(profileOf(draft), { quiet: true })
    setFormError(showCoreOutcome(form, saved))
    if (!saved.ok) {
      setBusy(false)
      return
    }
    const done = await updateSettings({ onboarding: { state: 'done' }, sending: { method, webmail: method === 'webmail' ? webmail : null } })
    setBusy(false)
    if (!done) return
    if (method === 'smtp') {
      toast('success', t('savedSmtp'))
      navigate({ name: 'settings' })
    } else {
      toast('success', t('saved'))
      navigate({ name: 'dashboard' })
    }
  }

  const later = async () => {
    setBusy(true)
    const done = await updateSettings({ onboarding: { state: 'skipped' } })
    setBusy(false)
    if (done) navigate({ name: 'dashboard' })
  }

  return (
    <section className="page narrow onboarding">
      <header className="page-header">
        <div>
          <h1>{t('heading')}</h1>
          <p className="lede">{t('lede')}</p>
        </div>
      </header>
      <form className="stack" onSubmit={(e) => void form.handleSubmit(finish)(e)} aria-label={t('label')} noValidate>
        <fieldset className="card onboarding-step">
          <legend>
            <span className="onboarding-number" aria-hidden="true">
              1
            </span>{' '}
            {t('who')}
          </legend>
          <p className="muted small">{t('whoHint')}</p>
          <ProfileFields form={form} />
        </fieldset>

        <fieldset className="card onboarding-step">
          <legend>
            <span className="onboarding-number" aria-hidden="true">
              2
            </span>{' '}
            {t('how')}
          </legend>
          <p className="muted small">{t('howHint')}</p>
          <div className="choices" role="radiogroup" aria-label={t('howLabel')}>
            {methods.map((m) => (
              <div key={m}>
                <label className={`choice ${method === m ? 'selected' : ''}`}>
                  <input type="radio" name="sending" value={m} checked={method === m} onChange={() => setMethod(m)} />
                  <span>
                    <strong>{t(`method.${m}.title`)}</strong>
                    <span className="muted">{t(`method.${m}.text`)}</span>
                  </span>
                </label>
                {m === 'webmail' && method === 'webmail' ? (
                  <div className="onboarding-webmail">
                    <label htmlFor="onboarding-webmail" className="field-label">
                      {t('whichWebmail')}
                    </label>
                    <select id="onboarding-webmail" value={webmail} onChange={(e) => setWebmail(e.target.value as WebmailProvider)}>
                      {webmails.map((w) => (
                        <option key={w} value={w}>
                          {webmailLabel[w]}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : null}
              </div>
            ))}
          </div>
        </fieldset>

        <FormError error={formError} />
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void later()}>
            {t('later')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {method === 'smtp' ? t('saveSmtp') : t('save')}
          </button>
        </div>
        <p className="muted small onboarding-foot">{t('laterHint')}</p>
      </form>
    </section>
  )
}
