import { useEffect, useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import type { ApiError } from '@core/shared/result'
import type { BackupPreview } from '@core/backup/view'
import { restoreFormSchema } from '@core/backup/passphrase'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'
import { FormError } from '../../ui/FormError'
import { OperationHere } from '../../ui/OperationStatus'
import { formatList, formatMoment, formatSize } from '../../ui/format'
import { errorText } from '../../ui/messages'
import { coreSchemaResolver } from '../../ui/schema-form'

/** What the backup holds, in words, before anything is restored. */
function Contents({ preview }: { preview: BackupPreview }) {
  const { t } = useTranslation('settings', { keyPrefix: 'restore' })
  const c = preview.counts
  const companies = [
    c.companiesAdded && t('added', { count: c.companiesAdded }),
    c.companiesChanged && t('changed', { count: c.companiesChanged }),
    c.companiesDeleted && t('deleted', { count: c.companiesDeleted }),
    c.companiesImported && t('imported', { count: c.companiesImported }),
  ].filter((x): x is string => typeof x === 'string')
  const servers = [c.mailServer && 'SMTP', c.imapServer && 'IMAP'].filter((x): x is string => typeof x === 'string')
  return (
    <dl className="facts" data-testid="restore-preview">
      <dt>{t('file')}</dt>
      <dd>
        {preview.name} <span className="muted">({formatSize(preview.bytes)})</span>
      </dd>
      <dt>{t('made')}</dt>
      <dd>{t('madeWith', { moment: formatMoment(preview.createdAt), version: preview.appVersion })}</dd>
      <dt>{t('encrypted')}</dt>
      <dd>{preview.encrypted ? t('yesPassphrase') : t('no')}</dd>
      <dt>{t('requests')}</dt>
      <dd data-testid="restore-requests">
        {t('requestsLine', {
          requests: t('requestCount', { count: c.requests }),
          notSent: c.drafts > 0 ? t('notSent', { count: c.drafts }) : '',
          events: t('events', { count: c.events }),
        })}
      </dd>
      <dt>{t('replies')}</dt>
      <dd>
        {t('replyCount', { count: c.replies })}
        {c.repliesToSort > 0 ? t('toSort', { count: c.repliesToSort }) : ''}
      </dd>
      <dt>{t('files')}</dt>
      <dd>{t('fileCount', { count: c.attachments })}</dd>
      <dt>{t('companies')}</dt>
      <dd>{companies.length > 0 ? formatList(companies) : t('noCatalogChanges')}</dd>
      <dt>{t('templates')}</dt>
      <dd>{c.templates > 0 ? t('templateCount', { count: c.templates }) : t('noTemplates')}</dd>
      <dt>{t('details')}</dt>
      <dd>{c.profile ? t('included') : t('notIncluded')}</dd>
      <dt>{t('servers')}</dt>
      <dd>{servers.length > 0 ? t('serverSettings', { servers: formatList(servers) }) : t('noServers')}</dd>
    </dl>
  )
}

/**
 * Restoring a chosen backup: the passphrase when it is encrypted, then what it holds (read and
 * verified by the core), then the restore itself on the user's word.
 */
export function RestoreDialog({ chosen, onClose }: { chosen: { token: string; name: string; encrypted: boolean }; onClose: () => void }) {
  const inspect = useStore((s) => s.inspectBackup)
  const restore = useStore((s) => s.restoreBackup)
  // The passphrase is checked with the core's restore form schema before the core reads the backup.
  const form = useForm<{ passphrase: string }>({ defaultValues: { passphrase: '' }, resolver: coreSchemaResolver<{ passphrase: string }>(restoreFormSchema) })
  const [preview, setPreview] = useState<BackupPreview | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState<'checking' | 'restoring' | null>(chosen.encrypted ? null : 'checking')
  const passphraseId = useId()
  const { t } = useTranslation('settings', { keyPrefix: 'restore' })

  const check = async (given: string | null) => {
    setBusy('checking')
    setError(null)
    const result = await inspect(chosen.token, given)
    setBusy(null)
    if (result.ok) setPreview(result.data)
    else if (result.error.code === 'BACKUP_WRONG_PASSPHRASE' || result.error.code === 'BACKUP_PASSPHRASE_REQUIRED')
      // The core's word on the passphrase goes beside it, and the field takes the focus again.
      form.setError('passphrase', { type: 'server', message: errorText(result.error) }, { shouldFocus: true })
    else setError(result.error)
  }

  // A plain backup is read and verified at once.
  useEffect(() => {
    if (chosen.encrypted) return
    let live = true
    void inspect(chosen.token, null).then((result) => {
      if (!live) return
      setBusy(null)
      if (result.ok) setPreview(result.data)
      else setError(result.error)
    })
    return () => {
      live = false
    }
  }, [chosen.encrypted, chosen.token, inspect])

  const open = form.handleSubmit(({ passphrase }) => check(passphrase))

  const go = async () => {
    if (!preview) return
    setBusy('restoring')
    setError(null)
    const result = await restore(chosen.token, chosen.encrypted ? form.getValues('passphrase') : null, preview.current.files > 0)
    if (!result.ok) {
      setBusy(null)
      setError(result.error)
    }
    // On success the app starts again from the dashboard with the restored data; this closes.
  }

  const passphraseError = form.formState.errors.passphrase?.message ?? null

  return (
    <Dialog title={t('title')} onClose={busy === 'restoring' ? () => undefined : onClose} wide>
      {chosen.encrypted && !preview ? (
        <form onSubmit={(e) => void open(e)} noValidate>
          <p className="muted">{t('isEncrypted', { name: chosen.name })}</p>
          <div className="field">
            <label className="field-label" htmlFor={passphraseId}>
              {t('passphrase')}
            </label>
            <input
              id={passphraseId}
              type="password"
              autoComplete="current-password"
              autoFocus
              maxLength={1024}
              {...form.register('passphrase', { onChange: () => setError(null) })}
              {...(passphraseError ? { 'aria-invalid': true, 'aria-describedby': `${passphraseId}-error` } : {})}
            />
            {passphraseError ? (
              <span className="field-hint field-error" id={`${passphraseId}-error`} role="alert">
                {passphraseError}
              </span>
            ) : null}
          </div>
          <FormError error={error ? errorText(error) : null} />
          <div className="actions">
            <button type="button" className="button" onClick={onClose}>
              {t('cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy !== null}>
              {busy === 'checking' ? t('checking') : t('open')}
            </button>
          </div>
        </form>
      ) : preview ? (
        <>
          <p className="muted">{t('complete')}</p>
          <Contents preview={preview} />
          {preview.current.files > 0 ? (
            <div className="callout callout-warn" data-testid="restore-replaces">
              {t('replaces', { including: preview.current.requests > 0 ? t('including', { requests: t('requestCount', { count: preview.current.requests }) }) : '' })}
            </div>
          ) : null}
          <p className="small muted">{t('noPasswords')}</p>
          <FormError error={error ? errorText(error) : null} />
          <OperationHere channel="backup:restore" />
          <div className="actions">
            <button type="button" className="button" disabled={busy === 'restoring'} onClick={onClose}>
              {t('cancel')}
            </button>
            <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void go()}>
              {busy === 'restoring' ? t('restoring') : preview.current.files > 0 ? t('replace') : t('restore')}
            </button>
          </div>
        </>
      ) : (
        <>
          {busy === 'checking' ? <p className="muted">{t('checkingName', { name: chosen.name })}</p> : null}
          <FormError error={error ? errorText(error) : null} />
          <div className="actions">
            <button type="button" className="button" onClick={onClose}>
              {t('close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
