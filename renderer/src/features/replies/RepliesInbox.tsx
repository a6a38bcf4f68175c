import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../ui/format'
import { useStore } from '../../store/store'
import { replyKindLabel } from './reply-labels'
import { EmlDropZone } from './EmlDropZone'
import { ReplyCard } from './ReplyCard'
import './replies.css'

/**
 * On the dashboard: import replies for any request (they are matched across requests), and sort
 * the ones Rightful could not place with certainty.
 */
export function RepliesInbox() {
  const { t } = useTranslation('replies', { keyPrefix: 'inbox' })
  const pending = useStore((s) => s.pendingReplies)
  const lastImport = useStore((s) => s.lastImport)
  const load = useStore((s) => s.loadPendingReplies)
  const importReplies = useStore((s) => s.importReplies)
  const clearLastImport = useStore((s) => s.clearLastImport)
  const navigate = useStore((s) => s.navigate)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void load()
  }, [load])

  const placed = (lastImport?.outcomes ?? []).filter((o) => o.matched && !o.needsConfirmation)
  const waiting = pending ?? []

  return (
    <section className="card replies-inbox" aria-label={t('heading')}>
      <div className="card-head">
        <h2>
          {t('heading')} {waiting.length ? <span className="badge" title={t('toSort')}>{formatNumber(waiting.length)}</span> : null}
        </h2>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => {
            setBusy(true)
            void importReplies({}).finally(() => setBusy(false))
          }}
        >
          {t('import')}
        </button>
      </div>
      <EmlDropZone className="eml-drop-compact">
        {placed.length ? (
          <div className="import-result" aria-label={t('lastImport')}>
            <ul>
              {placed.map((o) => (
                <li key={o.replyId}>
                  <button type="button" className="link-button" onClick={() => navigate({ name: 'request', reference: o.matched! })}>
                    {o.matched}
                  </button>{' '}
                  {o.duplicate ? <span className="muted">{t('importedBefore')}</span> : <span>{t('probably', { kind: replyKindLabel(o.classification.kind) })}</span>}{' '}
                  <span className="muted small">{o.reply.from.address} · {o.reply.subject}</span>
                </li>
              ))}
            </ul>
            <button type="button" className="link-button small" onClick={clearLastImport}>
              {t('hide')}
            </button>
          </div>
        ) : null}
        {waiting.length ? (
          <div className="reply-list">
            {waiting.map((reply) => (
              <ReplyCard key={reply.id} reply={reply} />
            ))}
          </div>
        ) : placed.length ? null : (
          <p className="muted small">{t('empty')}</p>
        )}
      </EmlDropZone>
    </section>
  )
}
