import type { OperationChannel } from '@core/api/channels'
import { useTranslation } from 'react-i18next'
import { errorText } from './messages'
import { useStore } from '../store/store'
import { operationSelectors, type RunningOperation } from '../store/operations-slice'
import { sameRoute } from '../store/routes'

/**
 * A long operation while it runs: what it does now, a progress bar (a moving one until the core
 * knows how much there is), and Cancel. Cancel is off once the operation is saving its result,
 * which is then done whole.
 */
export function OperationStatus({ operation }: { operation: RunningOperation }) {
  const { t } = useTranslation('ui')
  const label = t(`operation.label.${operation.channel.replace(':', '_')}`, { defaultValue: operation.label })
  const cancel = useStore((s) => s.cancelOperation)
  const progress = operation.progress
  const cancellable = progress?.cancellable ?? true
  const known = progress !== null && progress.total !== null && progress.total > 0
  return (
    <div className="operation" role="group" aria-label={label} data-testid="operation" data-channel={operation.channel}>
      <div className="operation-text">
        <strong>{label}</strong>
        <span className="muted small" role="status">
          {operation.cancelling ? t('operation.stopping') : (progress ? errorText(progress) : t('operation.starting'))}
        </span>
      </div>
      {known ? (
        <progress className="operation-bar" aria-label={t('operation.howFar', { label })} max={progress.total!} value={Math.min(progress.done, progress.total!)} />
      ) : (
        <progress className="operation-bar" aria-label={t('operation.working', { label })} />
      )}
      <button
        type="button"
        className="button button-small"
        disabled={operation.cancelling || !cancellable}
        title={cancellable ? undefined : t('operation.savingWhole')}
        onClick={() => void cancel(operation.id)}
      >
        {operation.cancelling ? t('operation.stopping') : t('operation.cancel')}
      </button>
    </div>
  )
}

/** The operation of `channel` started on the page showing now, shown where the page puts it. */
export function OperationHere({ channel }: { channel: OperationChannel }) {
  const route = useStore((s) => s.route)
  const operation = useStore(operationSelectors.startedHere(channel, route))
  return operation ? <OperationStatus operation={operation} /> : null
}

/**
 * Operations started on another page than the one showing (the user went on while a policy was
 * read, or a backup written): each stays in view here, with its Cancel, until it ends.
 */
export function ActivityBar() {
  const route = useStore((s) => s.route)
  const operations = useStore((s) => s.operations)
  const { t } = useTranslation('ui')
  const elsewhere = [...operations.values()].filter((op) => !sameRoute(op.route, route))
  if (elsewhere.length === 0) return null
  return (
    <section className="activity" aria-label={t('operation.inProgress')} data-testid="activity">
      {elsewhere.map((op) => (
        <OperationStatus key={op.id} operation={op} />
      ))}
    </section>
  )
}
