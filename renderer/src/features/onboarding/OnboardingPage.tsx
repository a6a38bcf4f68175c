import { useEffect, useState, type FormEvent } from 'react'
import type { SendingMethod } from '@core/settings/settings'
import type { WebmailProvider } from '@core/mail/webmail'
import { useStore } from '../../store/store'
import { noFieldErrors } from '../../ui/field-errors'
import { FormError } from '../../ui/FormError'
import { webmailLabel } from '../../ui/format'
import { draftOf, profileOf, ProfileFields, type ProfileDraft } from '../profile/ProfileFields'
import './onboarding.css'

const methods: ReadonlyArray<{ readonly id: SendingMethod; readonly title: string; readonly text: string }> = [
  {
    id: 'mail-program',
    title: 'With my mail program',
    text: 'Rightful opens each request in Thunderbird, Outlook, Apple Mail or the like; you press Send there.',
  },
  {
    id: 'webmail',
    title: 'In webmail, in my browser',
    text: 'Rightful opens the message in your webmail, filled in; you press Send there.',
  },
  {
    id: 'smtp',
    title: 'Through my mail server (SMTP)',
    text: 'Rightful sends for you and keeps the server’s proof that it took the message. You enter the server next, in Settings.',
  },
  {
    id: 'letter',
    title: 'As printed letters',
    text: 'Rightful makes a PDF letter that fits a window envelope; you print and post it.',
  },
]

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

  useEffect(() => {
    void loadProfile()
    void loadSettings()
  }, [loadProfile, loadSettings])

  if (!profileLoaded || !settings) return <p className="muted page">Loading…</p>
  return <OnboardingForm key={JSON.stringify([profile, settings.sending])} />
}

function OnboardingForm() {
  const profile = useStore((s) => s.profile)
  const sending = useStore((s) => s.settings!.sending)
  const saveProfile = useStore((s) => s.saveProfile)
  const updateSettings = useStore((s) => s.updateSettings)
  const navigate = useStore((s) => s.navigate)
  const toast = useStore((s) => s.toast)
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile))
  const [method, setMethod] = useState<SendingMethod | null>(sending.method)
  const [webmail, setWebmail] = useState<WebmailProvider>(sending.webmail ?? 'gmail')
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(noFieldErrors)
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // After a refused save, once the errors are on screen: the first field with a problem gets the
  // focus, so that its reason is read out at once.
  const [refusals, setRefusals] = useState(0)
  useEffect(() => {
    if (refusals > 0) document.querySelector<HTMLElement>('.onboarding [aria-invalid="true"]')?.focus()
  }, [refusals])

  const finish = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    const saved = await saveProfile(profileOf(draft), { quiet: true })
    setErrors(saved.ok ? noFieldErrors : saved.fields)
    setFormError(saved.ok ? null : saved.form)
    if (!saved.ok) {
      setBusy(false)
      setRefusals((n) => n + 1)
      return
    }
    const done = await updateSettings({ onboarding: { state: 'done' }, sending: { method, webmail: method === 'webmail' ? webmail : null } })
    setBusy(false)
    if (!done) return
    if (method === 'smtp') {
      toast('success', 'Your details are saved. Now enter your mail server: Rightful sends through it.')
      navigate({ name: 'settings' })
    } else {
      toast('success', 'You are set up. Write your first request whenever you like.')
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
          <h1>Welcome to Rightful</h1>
          <p className="lede">Two short questions, and you can write your first request. Everything stays on this computer.</p>
        </div>
      </header>
      <form className="stack" onSubmit={(e) => void finish(e)} aria-label="Set up Rightful" noValidate>
        <fieldset className="card onboarding-step">
          <legend>
            <span className="onboarding-number" aria-hidden="true">
              1
            </span>{' '}
            Who is asking
          </legend>
          <p className="muted small">Companies need these details to find your data. They go only into the requests you write.</p>
          <ProfileFields draft={draft} onChange={setDraft} errors={errors} />
        </fieldset>

        <fieldset className="card onboarding-step">
          <legend>
            <span className="onboarding-number" aria-hidden="true">
              2
            </span>{' '}
            How do you want to send requests?
          </legend>
          <p className="muted small">This decides the main button on each request. Every other way stays one click away.</p>
          <div className="choices" role="radiogroup" aria-label="How you send requests">
            {methods.map((m) => (
              <div key={m.id}>
                <label className={`choice ${method === m.id ? 'selected' : ''}`}>
                  <input type="radio" name="sending" value={m.id} checked={method === m.id} onChange={() => setMethod(m.id)} />
                  <span>
                    <strong>{m.title}</strong>
                    <span className="muted">{m.text}</span>
                  </span>
                </label>
                {m.id === 'webmail' && method === 'webmail' ? (
                  <div className="onboarding-webmail">
                    <label htmlFor="onboarding-webmail" className="field-label">
                      Which webmail
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
            Later
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {method === 'smtp' ? 'Save and set up the mail server' : 'Save and start'}
          </button>
        </div>
        <p className="muted small onboarding-foot">“Later” keeps nothing you typed here. You can come back to this in Settings.</p>
      </form>
    </section>
  )
}
