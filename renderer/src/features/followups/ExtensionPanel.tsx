import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RequestView } from '@core/api/contract'
import { useStore } from '../../store/store'
import './followups.css'
import { messageText } from '../../ui/messages'

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
  const [reasons, setReasons] = useState<boolean | null>(null)
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

  const answer = (value: string) => setReasons(value === 'yes' ? true : value === 'no' ? false : null)

  return (
    <div className={`card followup-panel ${check.contestable ? 'urgent' : ''}`} data-testid="extension-panel">
      <h2>{t('heading')}</h2>
      <fieldset className="choices inline followup-reasons">
        <legend className="field-label">{t('reasonsQuestion')}</legend>
        {(['yes', 'no', 'unsure'] as const).map((value) => {
          const checked = (reasons === true ? 'yes' : reasons === false ? 'no' : 'unsure') === value
          return (
            <label key={value} className={`choice ${checked ? 'selected' : ''}`}>
              <input type="radio" name={`reasons-${reference}`} value={value} checked={checked} onChange={() => answer(value)} />
              <span>{t(`reasons.${value}`)}</span>
            </label>
          )
        })}
        {check.reasonsSuggested !== null && reasons === null ? <p className="muted">{check.reasonsSuggested ? t('suggestedYes') : t('suggestedNo')}</p> : null}
      </fieldset>
      <p className="followup-rule" data-testid="extension-verdict">
        {messageText(check.message)}
      </p>
      {check.contestable ? (
        check.hasTemplate ? (
          <button type="button" className="button button-primary button-block" disabled={busy} onClick={() => void contest()}>
            {t('writeContest')}
          </button>
        ) : (
          <p className="muted">{t('noTemplate')}</p>
        )
      ) : null}
    </div>
  )
}
