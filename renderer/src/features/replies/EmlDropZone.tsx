import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { readDroppedEml } from './reply-labels'

/**
 * A region that takes .eml files dropped on it and imports them as replies (read here: a dropped
 * file has no path the core could open). `reference`: the request page it is on.
 */
export function EmlDropZone({ reference, children, className = '' }: { reference?: string; children: ReactNode; className?: string }) {
  const { t } = useTranslation('replies', { keyPrefix: 'drop' })
  const importReplies = useStore((s) => s.importReplies)
  const toast = useStore((s) => s.toast)
  const [over, setOver] = useState(false)
  const [busy, setBusy] = useState(false)

  const hasFiles = (event: React.DragEvent) => [...event.dataTransfer.types].includes('Files')

  return (
    <div
      className={`eml-drop ${over ? 'eml-drop-over' : ''} ${className}`}
      data-testid="eml-drop"
      aria-busy={busy}
      onDragEnter={(event) => {
        if (!hasFiles(event)) return
        event.preventDefault()
        setOver(true)
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false)
      }}
      onDrop={(event) => {
        event.preventDefault()
        setOver(false)
        const dropped = [...event.dataTransfer.files]
        if (dropped.length === 0) return
        setBusy(true)
        void (async () => {
          try {
            const { files, refused } = await readDroppedEml(dropped)
            for (const reason of refused) toast('error', reason)
            if (files.length) await importReplies({ ...(reference ? { reference } : {}), files })
          } finally {
            setBusy(false)
          }
        })()
      }}
    >
      {children}
      <p className="eml-drop-hint muted small">{busy ? t('importing') : over ? t('release') : t('hint')}</p>
    </div>
  )
}
