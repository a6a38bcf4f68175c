import { useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import type { RequestEvent, UserEventKind } from '@core/requests/events'
import type { StagedFile } from '@core/requests/view'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'
import { eventGroupLabel, eventLabel, formatSize, userEventGroups } from '../../ui/format'
import { DateField } from '../../ui/DateField'

/** The kinds with a word of explanation under the picker (requests:eventDialog.hint). */
const hinted: ReadonlySet<UserEventKind> = new Set(['delivered', 'identity-requested', 'clarification-asked', 'extension-claimed', 'reminder-sent', 'complaint-filed'])

/** The dialog's fields as typed; the files picked are kept beside them. */
type EventForm = { kind: UserEventKind; on: string; note: string; until: string; tracking: string }

/** Records what happened (or corrects an event): kind, date, note, files. */
export function EventDialog({
  reference,
  today,
  notBefore,
  event,
  onClose,
}: {
  reference: string
  today: string
  notBefore: string
  /** The event to correct; absent to add a new one. */
  event?: RequestEvent
  onClose: () => void
}) {
  const addEvent = useStore((s) => s.addEvent)
  const correctEvent = useStore((s) => s.correctEvent)
  const removeEvent = useStore((s) => s.removeEvent)
  const pick = useStore((s) => s.pickAttachments)
  const form = useForm<EventForm>({
    defaultValues: {
      kind: (event?.kind as UserEventKind | undefined) ?? 'reply-received',
      on: event?.on ?? today,
      note: event?.note ?? '',
      until: event?.until ?? '',
      tracking: event?.trackingNumber ?? '',
    },
  })
  const { register, control } = form
  const [kind, on] = useWatch({ control, name: ['kind', 'on'] })
  const [files, setFiles] = useState<ReadonlyArray<StagedFile>>([])
  const [busy, setBusy] = useState(false)
  const correcting = event !== undefined
  const { t } = useTranslation('requests', { keyPrefix: 'eventDialog' })

  const submit = async ({ on, note, until, tracking }: EventForm) => {
    setBusy(true)
    const ok = correcting
      ? await correctEvent(reference, event.id, { on, note: note.trim() || null, until: kind === 'extension-claimed' && until ? until : null })
      : await addEvent(reference, {
          kind,
          on,
          note: note.trim() || null,
          until: kind === 'extension-claimed' && until ? until : null,
          trackingNumber: kind === 'delivered' && tracking.trim() ? tracking.trim() : null,
          attachments: files.map((f) => f.token),
        })
    setBusy(false)
    if (ok) onClose()
  }

  const remove = async () => {
    if (!event) return
    setBusy(true)
    const ok = await removeEvent(reference, event.id)
    setBusy(false)
    if (ok) onClose()
  }

  return (
    <Dialog title={correcting ? t('correct', { event: eventLabel(event.kind) }) : t('record')} onClose={onClose}>
      <form onSubmit={(e) => void form.handleSubmit(submit)(e)}>
        {correcting ? null : (
          <label className="field">
            <span className="field-label">{t('what')}</span>
            <select {...register('kind')}>
              {userEventGroups.map((group) => (
                <optgroup key={group.group} label={eventGroupLabel(group.group)}>
                  {group.kinds.map((k) => (
                    <option key={k} value={k}>
                      {eventLabel(k)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        {hinted.has(kind) ? <p className="hint">{t(`hint.${kind}`)}</p> : null}
        <div className="grid-2 compact">
          <label className="field">
            <span className="field-label">{t('on')}</span>
            <Controller
              control={control}
              name="on"
              render={({ field }) => <DateField label={t('on')} required value={field.value} min={notBefore} max={today} onChange={field.onChange} />}
            />
          </label>
          {kind === 'extension-claimed' ? (
            <label className="field">
              <span className="field-label">{t('until')}</span>
              <Controller control={control} name="until" render={({ field }) => <DateField label={t('until')} value={field.value} min={on} onChange={field.onChange} />} />
            </label>
          ) : kind === 'delivered' && !correcting ? (
            <label className="field">
              <span className="field-label">{t('tracking')}</span>
              <input {...register('tracking')} maxLength={100} />
            </label>
          ) : null}
        </div>
        <label className="field">
          <span className="field-label">{t('note')}</span>
          <textarea rows={3} {...register('note')} maxLength={20000} />
        </label>
        {correcting ? null : (
          <div className="attachments-field">
            <button
              type="button"
              className="button button-small"
              onClick={() => void pick().then((picked) => setFiles((current) => [...current, ...picked].slice(0, 20)))}
            >
              {t('attach')}
            </button>
            {files.length ? (
              <ul className="file-list" aria-label={t('filesToKeep')}>
                {files.map((f) => (
                  <li key={f.token}>
                    {f.name} <span className="muted small">{formatSize(f.size)}</span>
                    <button type="button" className="link-button small" onClick={() => setFiles(files.filter((x) => x.token !== f.token))}>
                      {t('remove')}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted small">{t('keepHint')}</span>
            )}
          </div>
        )}
        <div className="actions">
          {correcting && event.kind !== 'sent' ? (
            <button type="button" className="button danger-button" disabled={busy} onClick={() => void remove()}>
              {t('removeEvent')}
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {correcting ? t('saveCorrection') : t('recordButton')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
