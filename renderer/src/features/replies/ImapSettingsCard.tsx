import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImapSettings } from '@core/replies/imap-settings'
import { useStore } from '../../store/store'
import { OperationHere } from '../../ui/OperationStatus'
import { passwordStorageWarning } from '../../ui/password-storage'
import { formatMoment, formatNumber } from '../../ui/format'
import './replies.css'

type Security = ImapSettings['security']
const defaultPort: Record<Security, number> = { tls: 993, starttls: 143, none: 143 }

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
  const [enabled, setEnabled] = useState(saved !== null)
  const [host, setHost] = useState(saved?.host ?? '')
  const [security, setSecurity] = useState<Security>(saved?.security ?? 'tls')
  const [port, setPort] = useState(String(saved?.port ?? 993))
  const [useSmtpLogin, setUseSmtpLogin] = useState(saved?.useSmtpLogin ?? false)
  const [user, setUser] = useState(saved?.user ?? '')
  const [password, setPassword] = useState('')
  const [mailbox, setMailbox] = useState(saved?.mailbox ?? 'INBOX')
  const [busy, setBusy] = useState(false)

  const settings = (): ImapSettings => ({
    host: host.trim(),
    port: Number(port),
    security,
    useSmtpLogin,
    user: useSmtpLogin ? null : user.trim() || null,
    mailbox: mailbox.trim() || 'INBOX',
    trustedCertificate: saved?.trustedCertificate ?? null,
  })

  const submit = async () => {
    setBusy(true)
    try {
      await save(enabled ? settings() : null, enabled && !useSmtpLogin && password ? password : undefined)
      setPassword('')
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
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span>{t('enable')}</span>
      </label>
      {enabled ? (
        <div className="imap-form">
          <label className="field">
            <span className="field-label">{t('server')}</span>
            <input value={host} placeholder="imap.example.org" onChange={(e) => setHost(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('port')}</span>
            <input type="number" min={1} max={65535} value={port} onChange={(e) => setPort(e.target.value)} />
          </label>
          <label className="field field-wide">
            <span className="field-label">{t('security')}</span>
            <select
              value={security}
              onChange={(e) => {
                const next = e.target.value as Security
                if (Number(port) === defaultPort[security]) setPort(String(defaultPort[next]))
                setSecurity(next)
              }}
            >
              <option value="tls">{t('tls')}</option>
              <option value="starttls">{t('starttls')}</option>
              <option value="none">{t('none')}</option>
            </select>
          </label>
          {imap.smtpLogin ? (
            <label className="check field-wide">
              <input type="checkbox" checked={useSmtpLogin} onChange={(e) => setUseSmtpLogin(e.target.checked)} />
              <span>{t('smtpLogin', { user: imap.smtpLogin.user })}</span>
            </label>
          ) : null}
          {!useSmtpLogin ? (
            <div className="imap-login field-wide">
              <label className="field">
                <span className="field-label">{t('user')}</span>
                <input value={user} autoComplete="username" onChange={(e) => setUser(e.target.value)} />
              </label>
              <label className="field">
                <span className="field-label">{t('password')}</span>
                <input
                  type="password"
                  value={password}
                  autoComplete="current-password"
                  placeholder={imap.hasPassword ? t('passwordSaved') : ''}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </label>
            </div>
          ) : null}
          <label className="field field-wide">
            <span className="field-label">{t('folder')}</span>
            <input value={mailbox} onChange={(e) => setMailbox(e.target.value)} />
          </label>
          {imap.passwordStorage.persistent && imap.passwordStorage.protection !== 'system' ? (
            <p className="danger-text small field-wide" data-testid="imap-password-storage-warning">
              {passwordStorageWarning(imap.passwordStorage.protection as 'fixed-key' | 'unavailable')}
            </p>
          ) : null}
        </div>
      ) : null}
      <OperationHere channel="replies:sync" />
      <div className="actions">
        {saved ? (
          <button type="button" className="button" disabled={syncing || busy} onClick={() => void sync()}>
            {syncing ? t('syncing') : t('sync')}
          </button>
        ) : null}
        <button type="button" className="button button-primary" disabled={busy || (enabled && !host.trim())} onClick={() => void submit()}>
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
