import { useEffect, useMemo, useState, type ChangeEvent } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { SmtpView } from '@core/mail/mail-types'
import { smtpSaveSchema, type MailSecurity } from '@core/settings/server-schemas'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { i18n } from '../../i18n/i18n'
import { errorAttributes, FieldError } from '../../ui/Field'
import type { FormOutcome } from '../../ui/field-errors'
import { coreSchemaResolver, errorWordsOf, showCoreOutcome } from '../../ui/schema-form'
import { passwordStorageWarning } from '../../ui/password-storage'
import { FormError } from '../../ui/FormError'
import { errorText } from '../../ui/messages'

const ids = 'mail-settings'

/** The mail settings form as typed. */
export type SmtpForm = {
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

function formOf(view: SmtpView): SmtpForm {
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

/** What the form saves (mail:saveSmtp): the fields as the core takes them; the saved certificate kept. */
export function smtpInputOf(values: SmtpForm, trustedCertificate: string | null) {
  return {
    smtp: {
      host: values.host.trim(),
      port: Number(values.port),
      security: values.security,
      user: values.user.trim() || null,
      fromAddress: values.fromAddress.trim() || null,
      trustedCertificate,
    },
    ...(values.password ? { password: values.password } : {}),
    sentCopy: {
      enabled: values.copy,
      host: values.imapHost.trim() || null,
      port: Number(values.imapPort) || defaultImapPorts[values.imapSecurity],
      security: values.imapSecurity,
      mailbox: values.mailbox.trim() || null,
    },
  }
}

/** Where the core's problems with the mail settings go on the form (its paths, the fields shown). */
const fieldOfPath: ReadonlyMap<string, keyof SmtpForm> = new Map([
  ['smtp.host', 'host'],
  ['smtp.port', 'port'],
  ['smtp.user', 'user'],
  ['smtp.fromAddress', 'fromAddress'],
  ['password', 'password'],
  ['sentCopy.host', 'imapHost'],
  ['sentCopy.port', 'imapPort'],
])

/**
 * A problem's path in what is saved, as the form's field it is shown on; one of a value the form
 * does not show (the Sent folder's name, a saved certificate) goes to the form's own line.
 */
export function smtpPathBack(path: string): string {
  return fieldOfPath.get(path) ?? 'root.unshown'
}

/**
 * The core's refusal with each problem on the form's field it is about; a problem of a field the
 * form does not show (the Sent folder's name) joins the form's own line, so none is lost.
 */
export function mailOutcomeOnForm(outcome: FormOutcome): FormOutcome {
  if (outcome.ok) return outcome
  const fields = new Map<string, string>()
  const rest = outcome.form ? [outcome.form] : []
  for (const [path, words] of outcome.fields) {
    const field = fieldOfPath.get(path)
    if (field && !fields.has(field)) fields.set(field, words)
    else if (!field) rest.push(words)
  }
  return { ok: false, fields, form: rest.length > 0 ? rest.join(' ') : null }
}

/** Settings → Mail: the user's own SMTP server, its password (kept by the system), and a test. */
export function MailSettings() {
  const view = useStore((s) => s.smtp)
  const load = useStore((s) => s.loadSmtp)

  useEffect(() => {
    void load()
  }, [load])

  return view ? <MailSettingsForm view={view} /> : null
}

function MailSettingsForm({ view }: { view: SmtpView }) {
  const profileEmail = useStore((s) => s.profile?.email ?? null)
  const save = useStore((s) => s.saveSmtp)
  const remove = useStore((s) => s.removeSmtp)
  const test = useStore((s) => s.testSmtp)
  const { t } = useTranslation('settings', { keyPrefix: 'mail' })
  const saved = useMemo(() => formOf(view), [view])
  // The form follows the settings the core returns (saved, removed); until then it keeps the edits.
  // What is typed is checked with the core's own schema of mail:saveSmtp before anything is sent;
  // what only the core can tell comes back onto the fields it is about.
  const certificate = view.smtp?.trustedCertificate ?? null
  const rhf = useForm<SmtpForm>({
    defaultValues: saved,
    resolver: coreSchemaResolver<SmtpForm>(smtpSaveSchema, (values) => smtpInputOf(values, certificate), smtpPathBack),
  })
  const { register, setValue, control, reset } = rhf
  // Each answer of the core is a new object, even when it says the same: the typed password goes.
  useEffect(() => reset(saved), [reset, saved])
  const form = useWatch({ control }) as SmtpForm
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const errors = errorWordsOf(rhf.formState.errors)
  const attrs = (path: string) => errorAttributes(errors, path, ids)
  const fieldError = (path: string) => <FieldError errors={errors} path={path} idPrefix={ids} />

  /** Saves; the core's word on each field goes beside it, and the first such field takes the focus. */
  const saveForm = async (values: SmtpForm) => {
    rhf.clearErrors()
    const outcome = await save(smtpInputOf(values, certificate))
    setFormError(showCoreOutcome(rhf, mailOutcomeOnForm(outcome)))
    return outcome.ok
  }

  const submit = async (values: SmtpForm) => {
    setBusy(true)
    await saveForm(values)
    setBusy(false)
  }

  const runTest = async (values: SmtpForm) => {
    setBusy(true)
    setResult(null)
    if (await saveForm(values)) {
      const outcome = await test()
      setResult(
        outcome.ok
          ? { ok: true, text: values.user ? t('connectedAs', { server: outcome.server ?? values.host, user: values.user }) : t('connected', { server: outcome.server ?? values.host }) }
          : { ok: false, text: errorText(outcome.error) },
      )
    }
    setBusy(false)
  }

  const storage = view.passwordStorage
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
      {/* A change to the form makes the last test's answer stale. */}
      <form onSubmit={(e) => void rhf.handleSubmit(submit)(e)} onChange={() => setResult(null)} noValidate>
        <div className="grid-2 compact">
          <label className="field">
            <span className="field-label">{t('server')}</span>
            <input {...register('host')} placeholder="smtp.example.org" autoComplete="off" spellCheck={false} required {...attrs('host')} />
            {fieldError('host')}
          </label>
          <label className="field">
            <span className="field-label">{t('port')}</span>
            <input type="number" min={1} max={65535} {...register('port')} required {...attrs('port')} />
            {fieldError('port')}
          </label>
        </div>
        <label className="field">
          <span className="field-label">{t('securityLabel')}</span>
          <select
            aria-label={t('securityLabel')}
            {...register('security', {
              // A port left at a default follows the security chosen.
              onChange: (e: ChangeEvent<HTMLSelectElement>) => {
                const security = e.target.value as MailSecurity
                if (Object.values(defaultPorts).includes(Number(rhf.getValues('port')))) setValue('port', String(defaultPorts[security]))
              },
            })}
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
            <input {...register('user')} placeholder={t('userPlaceholder')} autoComplete="username" spellCheck={false} {...attrs('user')} />
            {fieldError('user')}
          </label>
          <label className="field">
            <span className="field-label">
              {t('password')} {view.hasPassword ? <span className="tag tag-muted">{t('saved')}</span> : null}
            </span>
            <input
              type="password"
              {...register('password')}
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
            {...register('fromAddress')}
            placeholder={profileEmail ? t('fromProfile', { email: profileEmail }) : t('fromNone')}
            spellCheck={false}
            {...attrs('fromAddress')}
          />
          {fieldError('fromAddress')}
        </label>

        <label className="check">
          <input type="checkbox" {...register('copy')} />
          <span>
            {t('copy')}
            <span className="muted small block">{t('copyNote')}</span>
          </span>
        </label>
        {form.copy ? (
          <div className="grid-2 compact">
            <label className="field">
              <span className="field-label">{t('imapServer')}</span>
              <input {...register('imapHost')} placeholder={form.host ? form.host.replace(/^smtp\./, 'imap.') : 'imap.example.org'} spellCheck={false} required {...attrs('imapHost')} />
              {fieldError('imapHost')}
            </label>
            <label className="field">
              <span className="field-label">{t('imapSecurityPort')}</span>
              <span className="button-pair">
                <select
                  aria-label={t('imapSecurity')}
                  {...register('imapSecurity', {
                    onChange: (e: ChangeEvent<HTMLSelectElement>) => setValue('imapPort', String(defaultImapPorts[e.target.value as MailSecurity])),
                  })}
                >
                  <option value="tls">TLS</option>
                  <option value="starttls">STARTTLS</option>
                  <option value="none">{t('imapNone')}</option>
                </select>
                <input type="number" aria-label={t('imapPort')} min={1} max={65535} {...register('imapPort')} {...attrs('imapPort')} />
                {fieldError('imapPort')}
              </span>
            </label>
          </div>
        ) : null}

        <FormError error={formError ?? rhf.formState.errors.root?.unshown?.message ?? null} />
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
          <button type="button" className="button" disabled={busy || !form.host?.trim()} onClick={() => void rhf.handleSubmit(runTest)()}>
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
