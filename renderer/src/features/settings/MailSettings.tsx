import { useEffect, useState, type FormEvent } from 'react'
import type { SmtpView } from '@core/mail/mail-types'
import type { MailSecurity } from '@core/mail/mail-settings'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { i18n } from '../../i18n/i18n'
import { errorAttributes, FieldError } from '../../ui/Field'
import { noFieldErrors } from '../../ui/field-errors'
import { passwordStorageWarning } from '../../ui/password-storage'
import { FormError } from '../../ui/FormError'
import { errorText } from '../../ui/messages'

const ids = 'mail-settings'

type Form = {
  host: string
  port: string
  security: MailSecurity
  user: string
  fromAddress: string
  password: string
  copy: boolean
  imapHost: string
  imapPort: string
  imapSecurity: MailSecurity
  mailbox: string
}

const defaultPorts: Record<MailSecurity, number> = { starttls: 587, tls: 465, none: 25 }
const defaultImapPorts: Record<MailSecurity, number> = { tls: 993, starttls: 143, none: 143 }

const securities: ReadonlyArray<MailSecurity> = ['starttls', 'tls', 'none']

/** A security choice in words ("STARTTLS (usually port 587)"). */
const securityLabel = (security: MailSecurity) => i18n.t(`mail.security.${security}`, { ns: 'settings' })

function formOf(view: SmtpView): Form {
  const smtp = view.smtp
  return {
    host: smtp?.host ?? '',
    port: String(smtp?.port ?? 587),
    security: smtp?.security ?? 'starttls',
    user: smtp?.user ?? '',
    fromAddress: smtp?.fromAddress ?? '',
    password: '',
    copy: view.sentCopy.enabled,
    imapHost: view.sentCopy.host ?? '',
    imapPort: String(view.sentCopy.port),
    imapSecurity: view.sentCopy.security,
    mailbox: view.sentCopy.mailbox ?? '',
  }
}

/** Settings → Mail: the user's own SMTP server, its password (kept by the system), and a test. */
export function MailSettings() {
  const view = useStore((s) => s.smtp)
  const profileEmail = useStore((s) => s.profile?.email ?? null)
  const load = useStore((s) => s.loadSmtp)
  const save = useStore((s) => s.saveSmtp)
  const remove = useStore((s) => s.removeSmtp)
  const test = useStore((s) => s.testSmtp)
  const { t } = useTranslation('settings', { keyPrefix: 'mail' })
  // Edits on screen, tied to the settings they started from: once the core returns new settings
  // (saved, removed), the form shows those.
  const [edits, setEdits] = useState<{ base: SmtpView; form: Form } | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(noFieldErrors)
  const [formError, setFormError] = useState<string | null>(null)
  const attrs = (path: string) => errorAttributes(errors, path, ids)
  const fieldError = (path: string) => <FieldError errors={errors} path={path} idPrefix={ids} />
  /** Saves; the core's word on each field goes beside it. */
  const saveForm = async () => {
    const outcome = await save(input())
    setErrors(outcome.ok ? noFieldErrors : outcome.fields)
    setFormError(outcome.ok ? null : outcome.form)
    return outcome.ok
  }

  useEffect(() => {
    void load()
  }, [load])

  if (!view) return null
  const form = edits?.base === view ? edits.form : formOf(view)
  const set = (patch: Partial<Form>) => {
    setEdits({ base: view, form: { ...form, ...patch } })
    setResult(null)
  }

  const input = () => ({
    smtp: {
      host: form.host.trim(),
      port: Number(form.port),
      security: form.security,
      user: form.user.trim() || null,
      fromAddress: form.fromAddress.trim() || null,
      trustedCertificate: view.smtp?.trustedCertificate ?? null,
    },
    ...(form.password ? { password: form.password } : {}),
    sentCopy: {
      enabled: form.copy,
      host: form.imapHost.trim() || null,
      port: Number(form.imapPort) || defaultImapPorts[form.imapSecurity],
      security: form.imapSecurity,
      mailbox: form.mailbox.trim() || null,
    },
  })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    await saveForm()
    setBusy(false)
  }

  const runTest = async () => {
    setBusy(true)
    setResult(null)
    if (await saveForm()) {
      const outcome = await test()
      setResult(
        outcome.ok
          ? { ok: true, text: form.user ? t('connectedAs', { server: outcome.server ?? form.host, user: form.user }) : t('connected', { server: outcome.server ?? form.host }) }
          : { ok: false, text: errorText(outcome.error) },
      )
    }
    setBusy(false)
  }

  const storage = view.passwordStorage
  const saved = formOf(view)
  // A saved password is sent only to the server it was saved for: changing it asks for the password.
  const moved =
    (['host', 'port', 'security', 'user'] as const).some((k) => form[k].trim() !== saved[k].trim()) ||
    (form.copy && (['copy', 'imapHost', 'imapPort', 'imapSecurity'] as const).some((k) => form[k] !== saved[k]))
  return (
    <div className="card mail-settings" data-testid="mail-settings">
      <h2>{t('heading')}</h2>
      <p className="muted small">{t('lede')}</p>
      {storage.persistent && (storage.protection === 'fixed-key' || storage.protection === 'unavailable') ? (
        <div className="callout callout-warn" role="alert" data-testid="password-storage-warning">
          <strong>{storage.protection === 'fixed-key' ? t('obfuscated') : t('cannotKeep')}</strong>{' '}
          {passwordStorageWarning(storage.protection)}
        </div>
      ) : null}
      {!storage.persistent ? <p className="hint small">{t('untilClose')}</p> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="grid-2 compact">
          <label className="field">
            <span className="field-label">{t('server')}</span>
            <input value={form.host} onChange={(e) => set({ host: e.target.value })} placeholder="smtp.example.org" autoComplete="off" spellCheck={false} required {...attrs('smtp.host')} />
            {fieldError('smtp.host')}
          </label>
          <label className="field">
            <span className="field-label">{t('port')}</span>
            <input type="number" min={1} max={65535} value={form.port} onChange={(e) => set({ port: e.target.value })} required {...attrs('smtp.port')} />
            {fieldError('smtp.port')}
          </label>
        </div>
        <label className="field">
          <span className="field-label">{t('securityLabel')}</span>
          <select
            value={form.security}
            aria-label={t('securityLabel')}
            onChange={(e) => {
              const security = e.target.value as MailSecurity
              const port = Object.values(defaultPorts).includes(Number(form.port)) ? String(defaultPorts[security]) : form.port
              set({ security, port })
            }}
          >
            {securities.map((s) => (
              <option key={s} value={s}>
                {securityLabel(s)}
              </option>
            ))}
          </select>
        </label>
        {form.security === 'none' ? (
          <p className="hint small">{t('unencryptedNote')}</p>
        ) : null}
        <div className="grid-2 compact">
          <label className="field">
            <span className="field-label">{t('user')}</span>
            <input value={form.user} onChange={(e) => set({ user: e.target.value })} placeholder={t('userPlaceholder')} autoComplete="username" spellCheck={false} {...attrs('smtp.user')} />
            {fieldError('smtp.user')}
          </label>
          <label className="field">
            <span className="field-label">
              {t('password')} {view.hasPassword ? <span className="tag tag-muted">{t('saved')}</span> : null}
            </span>
            <input
              type="password"
              value={form.password}
              onChange={(e) => set({ password: e.target.value })}
              placeholder={view.hasPassword ? t('keepSaved') : ''}
              title={t('passwordTitle')}
              autoComplete="new-password"
              {...attrs('password')}
            />
            {fieldError('password')}
          </label>
        </div>
        {view.hasPassword && moved && !form.password ? (
          <p className="hint small" data-testid="password-again">
            {t('passwordAgain')}
          </p>
        ) : null}
        <label className="field">
          <span className="field-label">{t('from')}</span>
          <input
            type="email"
            value={form.fromAddress}
            onChange={(e) => set({ fromAddress: e.target.value })}
            placeholder={profileEmail ? t('fromProfile', { email: profileEmail }) : t('fromNone')}
            spellCheck={false}
            {...attrs('smtp.fromAddress')}
          />
          {fieldError('smtp.fromAddress')}
        </label>

        <label className="check">
          <input type="checkbox" checked={form.copy} onChange={(e) => set({ copy: e.target.checked })} />
          <span>
            {t('copy')}
            <span className="muted small block">{t('copyNote')}</span>
          </span>
        </label>
        {form.copy ? (
          <div className="grid-2 compact">
            <label className="field">
              <span className="field-label">{t('imapServer')}</span>
              <input value={form.imapHost} onChange={(e) => set({ imapHost: e.target.value })} placeholder={form.host ? form.host.replace(/^smtp\./, 'imap.') : 'imap.example.org'} spellCheck={false} required {...attrs('sentCopy.host')} />
              {fieldError('sentCopy.host')}
            </label>
            <label className="field">
              <span className="field-label">{t('imapSecurityPort')}</span>
              <span className="button-pair">
                <select
                  value={form.imapSecurity}
                  aria-label={t('imapSecurity')}
                  onChange={(e) => {
                    const imapSecurity = e.target.value as MailSecurity
                    set({ imapSecurity, imapPort: String(defaultImapPorts[imapSecurity]) })
                  }}
                >
                  <option value="tls">TLS</option>
                  <option value="starttls">STARTTLS</option>
                  <option value="none">{t('imapNone')}</option>
                </select>
                <input type="number" aria-label={t('imapPort')} min={1} max={65535} value={form.imapPort} onChange={(e) => set({ imapPort: e.target.value })} />
              </span>
            </label>
          </div>
        ) : null}

        <FormError error={formError} />
        {result ? (
          <div className={`callout ${result.ok ? 'callout-ok' : 'callout-warn'}`} role="status" data-testid="smtp-test-result">
            {result.text}
          </div>
        ) : null}
        <div className="actions">
          {view.smtp ? (
            <button type="button" className="link-button danger-text small" disabled={busy} onClick={() => void remove()}>
              {t('remove')}
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" className="button" disabled={busy || !form.host.trim()} onClick={() => void runTest()}>
            {t('test')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('save')}
          </button>
        </div>
      </form>
    </div>
  )
}
