import { assertNever } from '@core/shared/assert-never'
import type { Notice } from '@core/shared/notices'
import { useTranslation } from 'react-i18next'
import { useStore } from '../store/store'
import { i18n } from '../i18n/i18n'
import { errorText } from './messages'

/** The first words of a notice: what happened, before the core's own sentence saying where. */
function headline(code: Notice['code']): string {
  switch (code) {
    case 'STORE_FILE_UNREADABLE':
    case 'REQUEST_FILE_UNREADABLE':
      return i18n.t('notice.unreadable', { ns: 'ui' })
    case 'RECORDS_SET_ASIDE':
      return i18n.t('notice.setAside', { ns: 'ui' })
    case 'RESTORE_FINISHED':
      return i18n.t('notice.restored', { ns: 'ui' })
    default:
      return assertNever(code)
  }
}

const none: ReadonlyArray<never> = []

/** Damage found in the data folder (a file moved aside, a record set aside), shown until dismissed. */
export function Notices() {
  const notices = useStore((s) => s.status?.notices ?? none)
  const dismiss = useStore((s) => s.dismissNotice)
  const { t } = useTranslation('ui')
  if (notices.length === 0) return null
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className="notice" role="alert" data-code={n.code}>
          <p>
            <strong>{headline(n.code)}</strong> {errorText(n)}
          </p>
          <button type="button" className="button button-small" onClick={() => void dismiss(n.id)}>
            {t('notice.understood')}
          </button>
        </div>
      ))}
    </div>
  )
}
