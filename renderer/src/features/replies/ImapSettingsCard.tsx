import { useEffect, useState, type ChangeEvent } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { imapSaveSchema, type ImapSettings } from '@core/settings/server-schemas'
import { useStore } from '../../store/store'
import { OperationHere } from '../../ui/OperationStatus'
import { passwordStorageWarning } from '../../ui/password-storage'
import { formatMoment, formatNumber } from '../../ui/format'
import { errorAttributes, FieldError } from '../../ui/Field'
import { FormError } from '../../ui/FormError'
import { coreSchemaResolver, errorWordsOf } from '../../ui/schema-form'
import './replies.css'

type Security = ImapSettings['security']
const defaultPort: Record<Security, number> = { tls: 993, starttls: 143, none: 143 }
const ids = 'imap-settings'

/** The IMAP form as typed: on or off, the server, the login (own or the SMTP one), the folder. */
export type ImapFormValues = {
  enabled: boolean
  host: string
  port: string
  security: Security
  useSmtpLogin: boolean
  user: string
  password: string
  mailbox: string
}

/** The form's start: what is saved, or an empty TLS server. */
export function imapFormOf(saved: ImapSettings | null): ImapFormValues {
  return {
    enabled: saved !== null,
    host: saved?.host ?? '',
    port: String(saved?.port ?? 993),
    security: saved?.security ?? 'tls',
    useSmtpLogin: saved?.useSmtpLogin ?? false,
    user: saved?.user ?? '',
    password: '',
    mailbox: saved?.mailbox ?? 'INBOX',
  }
}

/**
 * What the form saves (replies:saveImap): the settings (null: the sync off) and a password only
 * when one was typed for an own login; the saved certificate kept.
 */
export function imapInputOf(values: ImapFormValues, trustedCertificate: string | null): { settings: ImapSettings | null; password?: string } {
  const settings: ImapSettings = {
    host: values.host.trim(),
    port: Number(values.port),
    security: values.security,
    useSmtpLogin: values.useSmtpLogin,
    user: values.useSmtpLogin ? null : values.user.trim() || null,
    mailbox: values.mailbox.trim() || 'INBOX',
    trustedCertificate,
  }
  const password = values.enabled && !values.useSmtpLogin && values.password ? values.password : undefined
  return { settings: values.enabled ? settings : null, ...(password !== undefined ? { password } : {}) }
}

/** A problem's path in what is saved, as the form's field; one of a value the form does not show goes to its own line. */
export function imapPathBack(path: string): string {
  const field = path.startsWith('settings.') ? path.slice('settings.'.length) : path
  return ['host', 'port', 'user', 'password', 'mailbox'].includes(field) ? field : 'root.unshown'
}

/** Settings → Replies: the IMAP inbox Rightful may look in for replies (opt-in), and "Sync now". */
export function ImapSettingsCard() {
  const imap = useStore((s) => s.imap)
  const load = useStore((s) => s.loadImap)
  const save = useStore((s) => s.saveImap)
  const sync = useStore((s) => s.syncReplies)
  const syncing = useStore((s) => s.syncing)
  const lastSync = useStore((s) => s.lastSync)

  useEffect(() => {
    void load()
  }, [load])

  if (!imap) return null
  // The form starts from what is saved; saving gives a new view, which starts it afresh.
  return <ImapForm key={JSON.stringify(imap.settings)} imap={imap} save={save} sync={sync} syncing={syncing} lastSync={lastSync} />
}

function ImapForm({
  imap,
  save,
  sync,
  syncing,
  lastSync,
}: {
  imap: NonNullable<ReturnType<typeof useStore.getState>['imap']>
  save: ReturnType<typeof useStore.getState>['saveImap']
  sync: ReturnType<typeof useStore.getState>['syncReplies']
  syncing: boolean
  lastSync: ReturnType<typeof useStore.getState>['lastSync']
}) {
  const { t } = useTranslation('replies', { keyPrefix: 'imap' })
  const saved = imap.settings
  const certificate = saved?.trustedCertificate ?? null
  // Checked with the core's own schema of replies:saveImap before anything is sent.
  const form = useForm<ImapFormValues>({
    defaultValues: imapFormOf(saved),
    resolver: coreSchemaResolver<ImapFormValues>(imapSaveSchema, (values) => imapInputOf(values, certificate), imapPathBack),
  })
  const { register, control } = form
  // `security` is the one shown: while it changes, the one before.
  const [enabled, host, security, useSmtpLogin] = useWatch({ control, name: ['enabled', 'host', 'security', 'useSmtpLogin'] })
  const [busy, setBusy] = useState(false)
  const errors = errorWordsOf(form.formState.errors)
  const attrs = (path: string) => errorAttributes(errors, path, ids)
  const fieldError = (path: string) => <FieldError errors={errors} path={path} idPrefix={ids} />

  const submit = async (values: ImapFormValues) => {
    setBusy(true)
    try {
      const { settings, password } = imapInputOf(values, certificate)
      await save(settings, password)
      form.setValue('password', '')
    } finally {
      setBusy(false)
    }
  }

  const status = imap.lastSync
  return (
    <section className="card imap-settings" aria-label={t('label')}>
      <h2>{t('heading')}</h2>
      <p className="muted small">{t('intro')}</p>
      {enabled && !imap.passwordStorage.persistent ? <p className="notice-inline small">{t('passwordUntilClose')}</p> : null}
      <label className="check">
        <input type="checkbox" {...register('enabled', { onChange: () => form.clearErrors() })} />
        <span>{t('enable')}</span>
      </label>
      {enabled ? (
        <div className="imap-form">
          <label className="field">
            <span className="field-label">{t('server')}</span>
            <input {...register('host')} placeholder="imap.example.org" {...attrs('host')} />
            {fieldError('host')}
          </label>
          <label className="field">
            <span className="field-label">{t('port')}</span>
            <input type="number" min={1} max={65535} {...register('port')} {...attrs('port')} />
            {fieldError('port')}
          </label>
          <label className="field field-wide">
            <span className="field-label">{t('security')}</span>
            <select
              {...register('security', {
                // A port left at the default of the security before follows the one chosen.
                onChange: (e: ChangeEvent<HTMLSelectElement>) => {
                  const next = e.target.value as Security
                  if (Number(form.getValues('port')) === defaultPort[security]) form.setValue('port', String(defaultPort[next]))
                },
              })}
            >
              <option value="tls">{t('tls')}</option>
              <option value="starttls">{t('starttls')}</option>
              <option value="none">{t('none')}</option>
            </select>
          </label>
          {imap.smtpLogin ? (
            <label className="check field-wide">
              <input type="checkbox" {...register('useSmtpLogin')} />
              <span>{t('smtpLogin', { user: imap.smtpLogin.user })}</span>
            </label>
          ) : null}
          {!useSmtpLogin ? (
            <div className="imap-login field-wide">
              <label className="field">
                <span className="field-label">{t('user')}</span>
                <input {...register('user')} autoComplete="username" {...attrs('user')} />
                {fieldError('user')}
              </label>
              <label className="field">
                <span className="field-label">{t('password')}</span>
                <input
                  type="password"
                  {...register('password')}
                  autoComplete="current-password"
                  placeholder={imap.hasPassword ? t('passwordSaved') : ''}
                  {...attrs('password')}
                />
                {fieldError('password')}
              </label>
            </div>
          ) : null}
          <label className="field field-wide">
            <span className="field-label">{t('folder')}</span>
            <input {...register('mailbox')} {...attrs('mailbox')} />
            {fieldError('mailbox')}
          </label>
          {imap.passwordStorage.persistent && imap.passwordStorage.protection !== 'system' ? (
            <p className="danger-text small field-wide" data-testid="imap-password-storage-warning">
              {passwordStorageWarning(imap.passwordStorage.protection as 'fixed-key' | 'unavailable')}
            </p>
          ) : null}
        </div>
      ) : null}
      <FormError error={form.formState.errors.root?.unshown?.message ?? null} />
      <OperationHere channel="replies:sync" />
      <div className="actions">
        {saved ? (
          <button type="button" className="button" disabled={syncing || busy} onClick={() => void sync()}>
            {syncing ? t('syncing') : t('sync')}
          </button>
        ) : null}
        <button type="button" className="button button-primary" disabled={busy || (enabled && !host.trim())} onClick={() => void form.handleSubmit(submit)()}>
          {t('save')}
        </button>
      </div>
      {status ? (
        <p className={`imap-status ${status.error ? 'danger-text' : 'muted'}`} data-testid="imap-status">
          {status.error
            ? t('lastSyncFailed', { when: formatMoment(status.at), error: status.error })
            : t('lastSync', { when: formatMoment(status.at), count: status.checked, checked: formatNumber(status.checked), imported: formatNumber(status.imported) })}
        </p>
      ) : null}
      {lastSync?.failed.length ? (
        <ul className="imap-status danger-text">
          {lastSync.failed.map((f) => (
            <li key={f.source}>{f.message}</li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
