import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'
import { DateField } from '../../ui/DateField'

/** The moment as an ISO string with the computer's offset, from a date and a time of day. */
function instantOf(date: string, time: string): string | null {
  if (!time) return null
  const local = new Date(`${date}T${time}:00`)
  if (Number.isNaN(local.getTime())) return null
  const offset = -local.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
  return `${date}T${time}:00${sign}${hours}:${minutes}`
}

/** Records when and how the request went out; from then on, the deadline runs. */
export function MarkSentDialog({
  reference,
  today,
  hasEmail,
  hasPostal,
  onClose,
}: {
  reference: string
  today: string
  hasEmail: boolean
  hasPostal: boolean
  onClose: () => void
}) {
  const markSent = useStore((s) => s.markSent)
  const [on, setOn] = useState(today)
  const [time, setTime] = useState('')
  const [channel, setChannel] = useState<'email' | 'post'>(hasEmail ? 'email' : 'post')
  const [tracking, setTracking] = useState('')
  const [busy, setBusy] = useState(false)
  const { t } = useTranslation('requests', { keyPrefix: 'markSent' })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    const ok = await markSent(reference, {
      on,
      at: channel === 'email' ? instantOf(on, time) : null,
      channel,
      trackingNumber: channel === 'post' && tracking.trim() ? tracking.trim() : null,
    })
    setBusy(false)
    if (ok) onClose()
  }

  return (
    <Dialog title={t('title', { reference })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('kept')}</p>
        <fieldset className="choices inline">
          <legend className="field-label">{t('by')}</legend>
          <label className={`choice ${channel === 'email' ? 'selected' : ''}`}>
            <input type="radio" name="channel" value="email" disabled={!hasEmail} checked={channel === 'email'} onChange={() => setChannel('email')} />
            <span>{t('email')}</span>
          </label>
          <label className={`choice ${channel === 'post' ? 'selected' : ''}`}>
            <input type="radio" name="channel" value="post" disabled={!hasPostal} checked={channel === 'post'} onChange={() => setChannel('post')} />
            <span>{t('post')}</span>
          </label>
        </fieldset>
        <div className="grid-2 compact">
          <label className="field">
            <span className="field-label">{t('on')}</span>
            <DateField label={t('on')} required value={on} max={today} onChange={setOn} />
          </label>
          {channel === 'email' ? (
            <label className="field">
              <span className="field-label">{t('at')}</span>
              <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
            </label>
          ) : (
            <label className="field">
              <span className="field-label">{t('tracking')}</span>
              <input value={tracking} onChange={(e) => setTracking(e.target.value)} maxLength={100} />
            </label>
          )}
        </div>
        <p className="hint">
          {channel === 'email'
            ? t('emailHint')
            : t('postHint')}
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('mark')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
