import { useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { BackupChosen } from '@core/backup/view'
import { backupFormSchema, type BackupForm } from '@core/backup/passphrase'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { FormError } from '../../ui/FormError'
import { formatSize } from '../../ui/format'
import { OperationHere } from '../../ui/OperationStatus'
import { RestoreDialog } from './RestoreDialog'
import { errorText } from '../../ui/messages'
import { coreSchemaResolver } from '../../ui/schema-form'

/** Settings → Your data: where it lives, backing it all up into one file, and restoring one. */
export function DataCard() {
  const dataDir = useStore((s) => s.status?.dataDir ?? null)
  const openFolder = useStore((s) => s.openDataFolder)
  const createBackup = useStore((s) => s.createBackup)
  const chooseBackup = useStore((s) => s.chooseBackup)
  const lastBackup = useStore((s) => s.lastBackup)
  // Checked with the core's backup form schema (a new passphrase, typed twice) before anything is sent.
  const form = useForm<BackupForm>({ defaultValues: { encrypt: false, passphrase: '', repeat: '' }, resolver: coreSchemaResolver<BackupForm>(backupFormSchema) })
  const { register, formState } = form
  const encrypt = useWatch({ control: form.control, name: 'encrypt' })
  const [formError, setFormError] = useState<string | null>(null)
  const [restoreError, setRestoreError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'backup' | 'choose' | null>(null)
  const [chosen, setChosen] = useState<BackupChosen | null>(null)
  const ids = { passphrase: useId(), repeat: useId() }
  const { t } = useTranslation('settings', { keyPrefix: 'data' })

  // Checked before anything is sent (the core checks the passphrase again, and its word on it goes beside it).
  const backUp = async ({ encrypt: encrypted, passphrase }: BackupForm) => {
    setFormError(null)
    setBusy('backup')
    const result = await createBackup(encrypted ? passphrase : null)
    setBusy(null)
    if (!result.ok) {
      const issue = result.error.issues?.[0]
      if (issue?.path === 'passphrase') {
        form.setError('passphrase', { type: 'server', message: errorText(issue) }, { shouldFocus: true })
      } else {
        setFormError(errorText(issue ?? result.error))
      }
      return
    }
    if (result.data.path) form.reset({ encrypt: encrypted, passphrase: '', repeat: '' })
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
  const field = (name: 'passphrase' | 'repeat', label: string) => {
    const error = formState.errors[name]?.message
    return (
      <div className="field">
        <label className="field-label" htmlFor={ids[name]}>
          {label}
        </label>
        <input
          id={ids[name]}
          type="password"
          autoComplete="new-password"
          {...register(name)}
          maxLength={1024}
          {...(error ? { 'aria-invalid': true, 'aria-describedby': `${ids[name]}-error` } : {})}
        />
        {error ? (
          <span className="field-hint field-error" id={`${ids[name]}-error`}>
            {error}
          </span>
        ) : null}
      </div>
    )
  }

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

      <form className="data-section" onSubmit={(e) => void form.handleSubmit(backUp)(e)} noValidate>
        <h3>{t('backupHeading')}</h3>
        <p className="muted small">{t('backupLede')}</p>
        <label className="check">
          <input
            type="checkbox"
            {...register('encrypt', {
              onChange: () => {
                form.clearErrors()
                setFormError(null)
              },
            })}
          />
          <span>
            {t('encrypt')}
            <span className="muted small block">{t('encryptNote')}</span>
          </span>
        </label>
        {encrypt ? (
          <div className="grid-2 compact">
            {field('passphrase', t('passphrase'))}
            {field('repeat', t('repeat'))}
          </div>
        ) : null}
        <FormError error={formError} />
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
