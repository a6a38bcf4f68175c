import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { EmlDropZone } from './EmlDropZone'
import { ReplyCard } from './ReplyCard'
import { formatNumber } from '../../ui/format'
import './replies.css'

const none: ReadonlyArray<never> = []

/**
 * The company's replies to one request: import an .eml (picker or drop), see each reply with what
 * Rightful suggests it is, and confirm. The reply itself is on the timeline as "Reply received".
 */
export function RequestReplies({ reference }: { reference: string }) {
  const { t } = useTranslation('replies', { keyPrefix: 'request' })
  const replies = useStore((s) => s.replies.get(reference) ?? none)
  const load = useStore((s) => s.loadReplies)
  const importReplies = useStore((s) => s.importReplies)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void load(reference)
  }, [reference, load])

  const open = replies.filter((r) => r.state !== 'dismissed')
  const waiting = open.filter((r) => r.state !== 'attached' || !r.confirmed).length

  return (
    <section className="card replies-card" aria-label={t('heading')}>
      <div className="card-head">
        <h2>
          {t('heading')} {waiting ? <span className="badge" title={t('waiting')}>{formatNumber(waiting)}</span> : null}
        </h2>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => {
            setBusy(true)
            void importReplies({ reference }).finally(() => setBusy(false))
          }}
        >
          {t('import')}
        </button>
      </div>
      <EmlDropZone reference={reference}>
        {open.length === 0 ? (
          <p className="muted small">{t('empty')}</p>
        ) : (
          <div className="reply-list">
            {open.map((reply) => (
              <ReplyCard key={reply.id} reply={reply} pageReference={reference} />
            ))}
          </div>
        )}
      </EmlDropZone>
    </section>
  )
}
