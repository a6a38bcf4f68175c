import { useTranslation } from 'react-i18next'
import { useStore } from '../store/store'

/** The last few toasts: what just went well or wrong, each closable. */
export function Toasts() {
  const { t: tr } = useTranslation('ui')
  const toasts = useStore((s) => s.toasts)
  const drop = useStore((s) => s.dropToast)
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>{t.text}</span>
          <button type="button" className="toast-close" aria-label={tr('toast.dismiss')} onClick={() => drop(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
