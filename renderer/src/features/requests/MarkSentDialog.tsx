import { Controller, useForm, useWatch } from 'react-hook-form'
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

/** The dialog's fields as typed: the day, the time of day (e-mail), how, and a tracking number (post). */
type SentForm = { on: string; time: string; channel: 'email' | 'post'; tracking: string }

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
  const form = useForm<SentForm>({ defaultValues: { on: today, time: '', channel: hasEmail ? 'email' : 'post', tracking: '' } })
  const { register, control } = form
  const channel = useWatch({ control, name: 'channel' })
  const busy = form.formState.isSubmitting
  const { t } = useTranslation('requests', { keyPrefix: 'markSent' })

  const submit = async ({ on, time, channel: by, tracking }: SentForm) => {
    const ok = await markSent(reference, {
      on,
      at: by === 'email' ? instantOf(on, time) : null,
      channel: by,
      trackingNumber: by === 'post' && tracking.trim() ? tracking.trim() : null,
    })
    if (ok) onClose()
  }

  return (
    <Dialog title={t('title', { reference })} onClose={onClose}>
      <form onSubmit={(e) => void form.handleSubmit(submit)(e)}>
        <p className="muted">{t('kept')}</p>
        <fieldset className="choices inline">
          <legend className="field-label">{t('by')}</legend>
          <label className={`choice ${channel === 'email' ? 'selected' : ''}`}>
            <input type="radio" value="email" disabled={!hasEmail} {...register('channel')} />
            <span>{t('email')}</span>
          </label>
          <label className={`choice ${channel === 'post' ? 'selected' : ''}`}>
            <input type="radio" value="post" disabled={!hasPostal} {...register('channel')} />
            <span>{t('post')}</span>
          </label>
        </fieldset>
        <div className="grid-2 compact">
          <label className="field">
            <span className="field-label">{t('on')}</span>
            <Controller control={control} name="on" render={({ field }) => <DateField label={t('on')} required value={field.value} max={today} onChange={field.onChange} />} />
          </label>
          {channel === 'email' ? (
            <label className="field">
              <span className="field-label">{t('at')}</span>
              <input type="time" {...register('time')} />
            </label>
          ) : (
            <label className="field">
              <span className="field-label">{t('tracking')}</span>
              <input {...register('tracking')} maxLength={100} />
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
