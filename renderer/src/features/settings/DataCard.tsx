import { useId, useState, type FormEvent } from 'react'
import type { BackupChosen } from '@core/backup/view'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { FormError } from '../../ui/FormError'
import { formatSize } from '../../ui/format'
import { OperationHere } from '../../ui/OperationStatus'
import { RestoreDialog } from './RestoreDialog'
import { errorText } from '../../ui/messages'

type FieldError = { field: 'passphrase' | 'repeat' | null; text: string }

/** Settings → Your data: where it lives, backing it all up into one file, and restoring one. */
export function DataCard() {
  const dataDir = useStore((s) => s.status?.dataDir ?? null)
  const openFolder = useStore((s) => s.openDataFolder)
  const createBackup = useStore((s) => s.createBackup)
  const chooseBackup = useStore((s) => s.chooseBackup)
  const lastBackup = useStore((s) => s.lastBackup)
  const [encrypt, setEncrypt] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [error, setError] = useState<FieldError | null>(null)
  const [restoreError, setRestoreError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'backup' | 'choose' | null>(null)
  const [chosen, setChosen] = useState<BackupChosen | null>(null)
  const ids = { passphrase: useId(), repeat: useId() }
  const { t } = useTranslation('settings', { keyPrefix: 'data' })

  const backUp = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (encrypt) {
      if (passphrase.length < 8) return setError({ field: 'passphrase', text: t('tooShort') })
      if (repeat !== passphrase) return setError({ field: 'repeat', text: t('differ') })
    }
    setBusy('backup')
    const result = await createBackup(encrypt ? passphrase : null)
    setBusy(null)
    if (!result.ok) {
      setError({ field: result.error.issues?.[0]?.path === 'passphrase' ? 'passphrase' : null, text: errorText(result.error.issues?.[0] ?? result.error) })
      return
    }
    if (result.data.path) {
      setPassphrase('')
      setRepeat('')
    }
  }

  const restore = async () => {
    setRestoreError(null)
    setBusy('choose')
    const result = await chooseBackup()
    setBusy(null)
    if (!result.ok) setRestoreError(errorText(result.error))
    else if (result.data.token) setChosen(result.data)
  }

  /** A passphrase field, its label, and its error beside it (outside the label, so the name stays the label). */
  const field = (name: 'passphrase' | 'repeat', label: string, value: string, change: (value: string) => void) => (
    <div className="field">
      <label className="field-label" htmlFor={ids[name]}>
        {label}
      </label>
      <input
        id={ids[name]}
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={(e) => change(e.target.value)}
        maxLength={1024}
        {...(error?.field === name ? { 'aria-invalid': true, 'aria-describedby': `${ids[name]}-error` } : {})}
      />
      {error?.field === name ? (
        <span className="field-hint field-error" id={`${ids[name]}-error`}>
          {error.text}
        </span>
      ) : null}
    </div>
  )

  return (
    <div className="card data-card" data-testid="data-settings">
      <h2>{t('heading')}</h2>
      <p className="muted small">{t('lede')}</p>
      <div className="data-folder">
        <span className="field-label">{t('folder')}</span>
        <code className="mono data-folder-path" data-testid="data-folder">
          {dataDir ?? '…'}
        </code>
        <button type="button" className="button button-small" onClick={() => void openFolder()}>
          {t('openFolder')}
        </button>
      </div>

      <form className="data-section" onSubmit={(e) => void backUp(e)} noValidate>
        <h3>{t('backupHeading')}</h3>
        <p className="muted small">{t('backupLede')}</p>
        <label className="check">
          <input
            type="checkbox"
            checked={encrypt}
            onChange={(e) => {
              setEncrypt(e.target.checked)
              setError(null)
            }}
          />
          <span>
            {t('encrypt')}
            <span className="muted small block">{t('encryptNote')}</span>
          </span>
        </label>
        {encrypt ? (
          <div className="grid-2 compact">
            {field('passphrase', t('passphrase'), passphrase, setPassphrase)}
            {field('repeat', t('repeat'), repeat, setRepeat)}
          </div>
        ) : null}
        <FormError error={error && error.field === null ? error.text : null} />
        {lastBackup?.path ? (
          <div className="callout callout-ok" role="status" data-testid="backup-result">
            <strong>{t(lastBackup.encrypted ? 'savedEncryptedTo' : 'savedTo', { path: lastBackup.path })}</strong>
            <span className="block small">
              {t('summary', {
                requests: t('requests', { count: lastBackup.requests }),
                replies: t('replies', { count: lastBackup.replies }),
                files: t('files', { count: lastBackup.attachments }),
                size: formatSize(lastBackup.bytes),
              })}
            </span>
            {lastBackup.skipped.length > 0 ? (
              <span className="block small">
                {t('skipped', { files: lastBackup.skipped.map((s) => `${s.path} (${s.reason})`).join('; ') })}
              </span>
            ) : null}
          </div>
        ) : null}
        <OperationHere channel="backup:create" />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy !== null}>
            {busy === 'backup' ? t('backingUp') : t('backUp')}
          </button>
        </div>
      </form>

      <div className="data-section">
        <h3>{t('restoreHeading')}</h3>
        <p className="muted small">{t('restoreLede')}</p>
        <FormError error={restoreError} />
        <div className="actions">
          <button type="button" className="button" disabled={busy !== null} onClick={() => void restore()}>
            {busy === 'choose' ? t('opening') : t('restore')}
          </button>
        </div>
      </div>
      {chosen?.token ? <RestoreDialog chosen={{ token: chosen.token, name: chosen.name ?? '', encrypted: chosen.encrypted }} onClose={() => setChosen(null)} /> : null}
    </div>
  )
}
