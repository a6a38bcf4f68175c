import { useStore } from '../store/store'

const none: ReadonlyArray<never> = []

/** Problems found at start-up, e.g. a store file that was moved aside. */
export function Notices() {
  const notices = useStore((s) => s.status?.notices ?? none)
  const dismiss = useStore((s) => s.dismissNotice)
  if (notices.length === 0) return null
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className="notice" role="alert" data-code={n.code}>
          <p>
            <strong>{n.code === 'RESTORE_FINISHED' ? 'A restore was completed.' : 'Rightful could not read a file.'}</strong> {n.message}
          </p>
          <button type="button" className="button button-small" onClick={() => void dismiss(n.id)}>
            Understood
          </button>
        </div>
      ))}
    </div>
  )
}
