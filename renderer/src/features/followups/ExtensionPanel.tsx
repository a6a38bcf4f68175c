import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { RequestView } from '@core/api/contract'
import { useStore } from '../../store/store'
import './followups.css'
import { messageText } from '../../ui/messages'

/** The user's answer: whether the company's notice gave reasons. */
type Answer = 'yes' | 'no' | 'unsure'
/** The answer as the core takes it (reasonsGiven): true, false, or null when unsure. */
export const reasonsOf = (answer: Answer): boolean | null => (answer === 'yes' ? true : answer === 'no' ? false : null)

/**
 * After a company claimed more time: whether the notice came within the first period and gave
 * reasons (the user says; Rightful suggests from the note), said plainly, and the letter contesting
 * the extension when it does not hold.
 */
export function ExtensionPanel({ view }: { view: RequestView }) {
  const reference = view.record.reference
  const check = useStore((s) => s.extensionChecks.get(reference))
  const run = useStore((s) => s.checkExtension)
  const write = useStore((s) => s.writeFollowUp)
  const navigate = useStore((s) => s.navigate)
  // One answer of three, each a choice the core takes: nothing typed, so nothing to refuse.
  const form = useForm<{ reasons: Answer }>({ defaultValues: { reasons: 'unsure' } })
  const answer = useWatch({ control: form.control, name: 'reasons' })
  const reasons = reasonsOf(answer)
  const [busy, setBusy] = useState(false)
  const { t } = useTranslation('followups', { keyPrefix: 'extension' })
  const claimed = view.record.events.some((e) => e.kind === 'extension-claimed' && e.removedAt === null)

  useEffect(() => {
    if (claimed) void run(reference, reasons)
  }, [claimed, reference, reasons, run, view.record.updatedAt])

  if (!claimed || !check) return null

  const contest = async () => {
    setBusy(true)
    const written = await write(reference, 'extension-contest', reasons)
    setBusy(false)
    if (written) navigate({ name: 'request', reference: written })
  }

  return (
    <div className={`card followup-panel ${check.contestable ? 'urgent' : ''}`} data-testid="extension-panel">
      <h2>{t('heading')}</h2>
      <form onSubmit={(e) => void form.handleSubmit(contest)(e)}>
        <fieldset className="choices inline followup-reasons">
          <legend className="field-label">{t('reasonsQuestion')}</legend>
          {(['yes', 'no', 'unsure'] as const).map((value) => (
            <label key={value} className={`choice ${answer === value ? 'selected' : ''}`}>
              <input type="radio" value={value} {...form.register('reasons')} />
              <span>{t(`reasons.${value}`)}</span>
            </label>
          ))}
          {check.reasonsSuggested !== null && reasons === null ? <p className="muted">{check.reasonsSuggested ? t('suggestedYes') : t('suggestedNo')}</p> : null}
        </fieldset>
        <p className="followup-rule" data-testid="extension-verdict">
          {messageText(check.message)}
        </p>
        {check.contestable ? (
          check.hasTemplate ? (
            <button type="submit" className="button button-primary button-block" disabled={busy}>
              {t('writeContest')}
            </button>
          ) : (
            <p className="muted">{t('noTemplate')}</p>
          )
        ) : null}
      </form>
    </div>
  )
}
