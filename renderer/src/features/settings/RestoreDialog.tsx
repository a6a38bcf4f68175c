import { useEffect, useId, useState, type FormEvent } from 'react'
import type { ApiError } from '@core/api/result'
import type { BackupPreview } from '@core/backup/view'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'
import { FormError } from '../../ui/FormError'
import { OperationHere } from '../../ui/OperationStatus'
import { formatMoment, formatSize } from '../../ui/format'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** What the backup holds, in words, before anything is restored. */
function Contents({ preview }: { preview: BackupPreview }) {
  const c = preview.counts
  const companies = [
    c.companiesAdded && `${c.companiesAdded} added`,
    c.companiesChanged && `${c.companiesChanged} changed`,
    c.companiesDeleted && `${c.companiesDeleted} deleted`,
    c.companiesImported && `${c.companiesImported} imported`,
  ].filter(Boolean)
  const servers = [c.mailServer && 'SMTP', c.imapServer && 'IMAP'].filter(Boolean)
  return (
    <dl className="facts" data-testid="restore-preview">
      <dt>File</dt>
      <dd>
        {preview.name} <span className="muted">({formatSize(preview.bytes)})</span>
      </dd>
      <dt>Made</dt>
      <dd>
        {formatMoment(preview.createdAt)} with Rightful {preview.appVersion}
      </dd>
      <dt>Encrypted</dt>
      <dd>{preview.encrypted ? 'Yes, with a passphrase' : 'No'}</dd>
      <dt>Requests</dt>
      <dd data-testid="restore-requests">
        {plural(c.requests, 'request', 'requests')}
        {c.drafts > 0 ? ` (${c.drafts} not sent yet)` : ''}, {plural(c.events, 'event', 'events')} on their timelines
      </dd>
      <dt>Replies</dt>
      <dd>
        {plural(c.replies, 'reply', 'replies')}
        {c.repliesToSort > 0 ? ` (${c.repliesToSort} still to sort)` : ''}
      </dd>
      <dt>Files</dt>
      <dd>{plural(c.attachments, 'file', 'files')} kept with requests (e-mails sent, replies, attachments)</dd>
      <dt>Companies</dt>
      <dd>{companies.length > 0 ? companies.join(', ') : 'No changes to the catalog'}</dd>
      <dt>Templates</dt>
      <dd>{c.templates > 0 ? plural(c.templates, 'template of your own', 'templates of your own') : 'None of your own'}</dd>
      <dt>Your details</dt>
      <dd>{c.profile ? 'Included' : 'Not included'}</dd>
      <dt>Mail servers</dt>
      <dd>{servers.length > 0 ? `${servers.join(' and ')} settings, without passwords` : 'None set up'}</dd>
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
  const [passphrase, setPassphrase] = useState('')
  const [preview, setPreview] = useState<BackupPreview | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState<'checking' | 'restoring' | null>(chosen.encrypted ? null : 'checking')
  const passphraseId = useId()

  const check = async (given: string | null) => {
    setBusy('checking')
    setError(null)
    const result = await inspect(chosen.token, given)
    setBusy(null)
    if (result.ok) setPreview(result.data)
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

  const open = (event: FormEvent) => {
    event.preventDefault()
    if (!passphrase) {
      setError({ code: 'BACKUP_PASSPHRASE_REQUIRED', message: 'Enter the passphrase this backup was made with.' })
      return
    }
    void check(passphrase)
  }

  const go = async () => {
    if (!preview) return
    setBusy('restoring')
    setError(null)
    const result = await restore(chosen.token, chosen.encrypted ? passphrase : null, preview.current.files > 0)
    if (!result.ok) {
      setBusy(null)
      setError(result.error)
    }
    // On success the app starts again from the dashboard with the restored data; this closes.
  }

  const wrongPassphrase = error?.code === 'BACKUP_WRONG_PASSPHRASE' || error?.code === 'BACKUP_PASSPHRASE_REQUIRED'

  return (
    <Dialog title="Restore a backup" onClose={busy === 'restoring' ? () => undefined : onClose} wide>
      {chosen.encrypted && !preview ? (
        <form onSubmit={open} noValidate>
          <p className="muted">{chosen.name} is encrypted. Enter the passphrase it was made with; Rightful then shows what it holds.</p>
          <div className="field">
            <label className="field-label" htmlFor={passphraseId}>
              Passphrase
            </label>
            <input
              id={passphraseId}
              type="password"
              autoComplete="current-password"
              autoFocus
              value={passphrase}
              maxLength={1024}
              onChange={(e) => setPassphrase(e.target.value)}
              {...(wrongPassphrase ? { 'aria-invalid': true, 'aria-describedby': `${passphraseId}-error` } : {})}
            />
            {wrongPassphrase ? (
              <span className="field-hint field-error" id={`${passphraseId}-error`} role="alert">
                {error.message}
              </span>
            ) : null}
          </div>
          <FormError error={error && !wrongPassphrase ? error.message : null} />
          <div className="actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={busy !== null}>
              {busy === 'checking' ? 'Checking…' : 'Open the backup'}
            </button>
          </div>
        </form>
      ) : preview ? (
        <>
          <p className="muted">The backup is complete and undamaged. It holds:</p>
          <Contents preview={preview} />
          {preview.current.files > 0 ? (
            <div className="callout callout-warn" data-testid="restore-replaces">
              Restoring replaces everything Rightful holds now{preview.current.requests > 0 ? `, including ${plural(preview.current.requests, 'request', 'requests')}` : ''}. That
              data is not deleted: it is moved to a folder named “before-restore-…” in the data folder.
            </div>
          ) : null}
          <p className="small muted">Passwords are never in a backup: enter your mail server passwords again in Settings afterwards.</p>
          <FormError error={error?.message ?? null} />
          <OperationHere channel="backup:restore" />
          <div className="actions">
            <button type="button" className="button" disabled={busy === 'restoring'} onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void go()}>
              {busy === 'restoring' ? 'Restoring…' : preview.current.files > 0 ? 'Replace my data with this backup' : 'Restore'}
            </button>
          </div>
        </>
      ) : (
        <>
          {busy === 'checking' ? <p className="muted">Checking {chosen.name}…</p> : null}
          <FormError error={error?.message ?? null} />
          <div className="actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
