import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { RequestView } from '@core/api/contract'
import type { OutboxItem } from '@core/mail/mail-types'
import { Trans, useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { i18n } from '../../i18n/i18n'
import { formatMoment } from '../../ui/format'
import { Dialog } from '../../ui/Dialog'
import { errorText } from '../../ui/messages'
import { sendMailInputSchema } from '@core/mail/send-input'
import { errorAttributes, FieldError } from '../../ui/Field'
import { FormError } from '../../ui/FormError'
import { coreSchemaResolver, errorWordsOf } from '../../ui/schema-form'

/** An outbox state in words ("Maybe sent"). */
const stateLabel = (state: OutboxItem['state']) => i18n.t(`sendPanel.state.${state}`, { ns: 'requests' })

function time(iso: string | null): string {
  if (!iso) return ''
  return Number.isNaN(new Date(iso).getTime()) ? iso : formatMoment(iso)
}

/** The server's own words, when it said anything. */
function ServerReason({ item }: { item: OutboxItem }) {
  const { t } = useTranslation('requests', { keyPrefix: 'sendPanel' })
  const error = item.error
  if (!error) return null
  return (
    <>
      <p className="small">{errorText(error)}</p>
      {error.response ? (
        <p className="small">
          {t('serverReply')} <code data-testid="server-reply">{error.response}</code>
        </p>
      ) : null}
    </>
  )
}

/** The send form as the user set it: the letter attached (null: as the last attempt had it), and the answer after an uncertain attempt. */
export type SendValues = { letter: boolean | null; confirmResend: boolean }

/** What the form settles from the request and its outbox entry: whether a letter can go along, and what the last attempt did. */
export type SendContext = { readonly reference: string; readonly canAttach: boolean; readonly lastLetter: boolean }

/** What mail:send gets from the form: the letter only when the request has a postal address. */
export function sendInputOf(values: SendValues, context: SendContext) {
  return { reference: context.reference, attachLetter: context.canAttach && (values.letter ?? context.lastLetter), confirmResend: values.confirmResend }
}

/** A problem of mail:send beside the letter's box; any other for the panel itself. */
export function sendPathBack(path: string): string {
  return path === 'attachLetter' ? 'letter' : 'root'
}

const ids = 'send-panel'

/**
 * On a draft: sending through the user's SMTP server, the outbox state of the last attempt, the
 * server's reason when it failed, Retry, and the question before sending again after an attempt the
 * server may have received. Shown only when a mail server is set up.
 */
export function SendPanel({
  view,
  busy,
  withSaved,
  primary = true,
}: {
  view: RequestView
  busy: boolean
  withSaved: (run: () => Promise<void>) => Promise<void>
  /** The main way to send this draft (else one of the other ways). */
  primary?: boolean
}) {
  const reference = view.record.reference
  const smtp = useStore((s) => s.smtp)
  const item = useStore((s) => s.outbox.get(reference))
  const loadSmtp = useStore((s) => s.loadSmtp)
  const loadOutbox = useStore((s) => s.loadOutbox)
  const sendMail = useStore((s) => s.sendMail)
  const canAttach = Boolean(view.record.draft.recipientAddress)
  const context: SendContext = { reference, canAttach, lastLetter: item?.letter ?? false }
  const form = useForm<SendValues>({
    defaultValues: { letter: null, confirmResend: false },
    // The core's own schema of mail:send checks what is sent before the server is asked.
    resolver: coreSchemaResolver<SendValues>(sendMailInputSchema, (values) => sendInputOf(values, context), sendPathBack),
  })
  const letter = useWatch({ control: form.control, name: 'letter' })
  const [sending, setSending] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const { t } = useTranslation('requests', { keyPrefix: 'sendPanel' })

  useEffect(() => {
    void loadSmtp()
    void loadOutbox(reference)
  }, [reference, loadSmtp, loadOutbox])

  if (!smtp?.smtp) return null
  const to = view.record.draft.to
  const attachLetter = sendInputOf({ letter, confirmResend: false }, context).attachLetter
  const state = item?.state ?? null
  const errors = errorWordsOf(form.formState.errors)

  const send = (confirmResend: boolean) => {
    form.setValue('confirmResend', confirmResend)
    return form.handleSubmit((values) =>
      withSaved(async () => {
        setSending(true)
        const input = sendInputOf(values, context)
        await sendMail(reference, { attachLetter: input.attachLetter, confirmResend: input.confirmResend })
        setSending(false)
        setConfirming(false)
      }),
    )()
  }

  return (
    <div className="send-panel stack" data-testid="send-panel" data-state={state ?? 'none'}>
      {item && state !== 'sent' ? (
        <div className={`callout ${state === 'queued' || state === 'sending' ? 'callout-ok' : 'callout-warn'}`} role="status" data-testid="outbox-state">
          <strong>{stateLabel(item.state)}</strong>
          {item.lastAttemptAt ? <span className="muted small">{t('attempt', { attempts: item.attempts, time: time(item.lastAttemptAt) })}</span> : null}
          <ServerReason item={item} />
          {state === 'uncertain' ? (
            <p className="small">{t('lookFirst')}</p>
          ) : null}
        </div>
      ) : null}
      {canAttach && state !== 'uncertain' ? (
        <label className="check small">
          <input type="checkbox" checked={attachLetter} onChange={(e) => form.setValue('letter', e.target.checked, { shouldDirty: true })} {...errorAttributes(errors, 'letter', ids)} />
          <span>{t('attach')}</span>
        </label>
      ) : null}
      <FieldError errors={errors} path="letter" idPrefix={ids} />
      <FormError error={errors.get('root') ?? null} />
      {state === 'uncertain' ? (
        <button type="button" className={`button button-block ${primary ? 'button-primary' : ''}`} disabled={busy || sending || !to} onClick={() => setConfirming(true)}>
          {t('sendAgainMenu')}
        </button>
      ) : (
        <button type="button" className={`button button-block ${primary ? 'button-primary' : ''}`} disabled={busy || sending || !to || state === 'sending'} onClick={() => void send(false)}>
          {sending ? t('state.sending') : state === 'failed' ? t('retry') : t('sendNow', { host: smtp.smtp.host })}
        </button>
      )}

      {confirming && item ? (
        <Dialog title={t('againTitle', { reference })} onClose={() => setConfirming(false)}>
          <p>{t('againBroke')}</p>
          <p>
            <Trans t={t} i18nKey="againLook" values={{ messageId: item.messageId }} components={{ code: <code /> }} />
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
            <button type="button" className="button button-primary" disabled={sending} onClick={() => void send(true)}>
              {sending ? t('state.sending') : t('sendItAgain')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  )
}

/** On a request Rightful sent: when the server accepted it, its reply, and the Sent-folder copy. */
export function SentByEmail({ view }: { view: RequestView }) {
  const reference = view.record.reference
  const email = view.record.sent?.email ?? null
  const item = useStore((s) => s.outbox.get(reference))
  const loadOutbox = useStore((s) => s.loadOutbox)
  const copyToSent = useStore((s) => s.copyToSent)
  const { t } = useTranslation('requests', { keyPrefix: 'sendPanel' })

  useEffect(() => {
    if (email) void loadOutbox(reference)
  }, [reference, email, loadOutbox])

  if (!email) return null
  const copy = item?.sentCopy
  return (
    <div className="card" data-testid="sent-by-email">
      <h2>{t('sentBy')}</h2>
      <dl className="recipient">
        <dt>{t('accepted')}</dt>
        <dd>{t('acceptedBy', { time: time(email.acceptedAt), server: email.server })}</dd>
        {email.response ? (
          <>
            <dt>{t('server')}</dt>
            <dd className="small">{email.response}</dd>
          </>
        ) : null}
        <dt>Message-ID</dt>
        <dd className="mono small">{email.messageId}</dd>
        {copy && copy.state !== 'off' ? (
          <>
            <dt>{t('sentFolder')}</dt>
            <dd className="small">
              {copy.state === 'copied'
                ? t('copiedTo', { mailbox: copy.mailbox ?? t('sentMailbox') })
                : copy.state === 'pending'
                  ? t('copying')
                  : t('notCopied', { reason: copy.error ? errorText({ message: copy.error, detail: copy.detail ?? undefined }) : t('unknownReason') })}
              {copy.state === 'failed' ? (
                <>
                  {' '}
                  <button type="button" className="link-button small" onClick={() => void copyToSent(reference)}>
                    {t('tryAgain')}
                  </button>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="muted small">{t('kept', { hash: email.archive.sha256.slice(0, 12) })}</p>
    </div>
  )
}
