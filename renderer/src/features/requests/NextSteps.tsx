import { useState } from 'react'
import type { RequestView } from '@core/api/contract'
import { useStore } from '../../store/store'
import { ComplaintDialog } from './ComplaintDialog'
import { useTranslation } from 'react-i18next'
import { messageText } from '../../ui/messages'
import { isFollowUpType } from '@core/shared/kinds'

/** What the user can do now: the reminder, then the complaint, written from this request. */
export function NextSteps({ view }: { view: RequestView }) {
  const createFollowUp = useStore((s) => s.createFollowUp)
  const navigate = useStore((s) => s.navigate)
  const [complaining, setComplaining] = useState(false)
  const [busy, setBusy] = useState(false)
  const { t } = useTranslation('requests', { keyPrefix: 'next' })
  const steps = view.nextSteps
  if (steps.length === 0 || isFollowUpType(view.record.type)) return null

  const remind = async () => {
    setBusy(true)
    const reference = await createFollowUp(view.record.reference, 'reminder')
    setBusy(false)
    if (reference) navigate({ name: 'request', reference })
  }

  return (
    <div className={`card next-steps ${steps.some((s) => s.urgent) ? 'urgent' : ''}`} data-testid="next-steps">
      <h2>{t('heading')}</h2>
      <ul>
        {steps.map((step) => (
          <li key={step.kind + step.text}>
            <p>{messageText(step.message)}</p>
            {step.kind === 'reminder' ? (
              <button type="button" className={`button ${step.urgent ? 'button-primary' : ''}`} disabled={busy} onClick={() => void remind()}>
                {t('writeReminder')}
              </button>
            ) : step.kind === 'complaint' ? (
              <button type="button" className={`button ${step.urgent ? 'button-primary' : ''}`} disabled={busy} onClick={() => setComplaining(true)}>
                {t('writeComplaint')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {complaining ? <ComplaintDialog reference={view.record.reference} onClose={() => setComplaining(false)} /> : null}
    </div>
  )
}
