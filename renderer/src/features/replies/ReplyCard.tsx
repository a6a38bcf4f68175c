import { useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { TFunction } from 'i18next'
import { Trans, useTranslation } from 'react-i18next'
import type { ReplyKind, ReplyView } from '@core/replies/model'
import { useStore } from '../../store/store'
import { currentLocale } from '../../i18n/i18n'
import { formatDate, formatList } from '../../ui/format'
import { matchedByLabel, replyKindChoices, replyKindLabel, suggestionReason } from './reply-labels'
import { confirmReplyInputSchema } from '@core/replies/confirm-input'
import { errorAttributes, FieldError } from '../../ui/Field'
import { FormError } from '../../ui/FormError'
import { coreSchemaResolver, errorWordsOf } from '../../ui/schema-form'

/** The card's choices: the request the reply answers, or what it is; `give` says which of them is confirmed. */
export type ReplyChoiceValues = { replyId: string; give: 'target' | 'kind'; target: string; kind: ReplyKind }

/** What replies:confirm gets from the card: the chosen request, or the chosen kind. */
export function replyConfirmInputOf(values: ReplyChoiceValues) {
  return values.give === 'target' ? { replyId: values.replyId, reference: values.target } : { replyId: values.replyId, kind: values.kind }
}

/** A problem of replies:confirm beside its picker; any other for the card itself. */
export function replyChoicePathBack(path: string): string {
  return path === 'reference' ? 'target' : path === 'kind' ? 'kind' : 'root'
}

/** The core's own schema of replies:confirm, checking the choice before it is recorded. */
export const replyChoiceResolver = coreSchemaResolver<ReplyChoiceValues>(confirmReplyInputSchema, replyConfirmInputOf, replyChoicePathBack)

/** How sure Rightful is, as the window's language writes a percentage ("80%", "80 %"). */
const percent = (value: number) => new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(value)

/** Why a message came back: to whom, and what the receiving server said (or its status code). */
function bounceText(t: TFunction<'replies', 'card'>, bounce: NonNullable<ReplyView['bounce']>): string {
  const to = bounce.failedRecipients.length ? formatList(bounce.failedRecipients) : t('theRecipient')
  if (bounce.diagnostic) return t('bounceDiagnostic', { to, diagnostic: bounce.diagnostic })
  if (bounce.status) return t('bounceStatus', { to, status: bounce.status })
  return t('bounce', { to })
}

/**
 * One imported reply: who wrote, when, about what, its own words and files; then what Rightful
 * suggests it is, for the user to confirm or correct; or, while no request has it yet, which
 * request it probably answers.
 */
export function ReplyCard({ reply, pageReference }: { reply: ReplyView; pageReference?: string }) {
  const { t } = useTranslation('replies', { keyPrefix: 'card' })
  const confirm = useStore((s) => s.confirmReply)
  const dismiss = useStore((s) => s.dismissReply)
  const navigate = useStore((s) => s.navigate)
  const reveal = useStore((s) => s.revealAttachment)
  const event = useStore((s) =>
    reply.match.reference && reply.eventId ? s.views.get(reply.match.reference)?.record.events.find((e) => e.id === reply.eventId) : undefined,
  )
  const requests = useStore((s) => s.requests)
  const sentRequests = useMemo(() => (requests ?? []).filter((r) => r.sentOn !== null), [requests])
  const [choosing, setChoosing] = useState(false)
  const form = useForm<ReplyChoiceValues>({
    defaultValues: { replyId: reply.id, give: 'target', target: reply.match.reference ?? '', kind: reply.confirmed?.kind ?? reply.suggestion.kind },
    resolver: replyChoiceResolver,
  })
  const [target, kind] = useWatch({ control: form.control, name: ['target', 'kind'] })
  const errors = errorWordsOf(form.formState.errors)
  const ids = `reply-${reply.id}`
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<boolean>) => {
    setBusy(true)
    try {
      if (await action()) setChoosing(false)
    } finally {
      setBusy(false)
    }
  }

  /** Confirms what the picker says (the request, or the kind), once the core's schema takes it. */
  const give = (which: ReplyChoiceValues['give']) => {
    form.setValue('give', which)
    return form.handleSubmit((values) => run(() => confirm(reply.id, which === 'target' ? { reference: values.target } : { kind: values.kind })))()
  }

  const suggestion = reply.suggestion
  const attachedHere = reply.state === 'attached'
  const sender = reply.from.name ? `${reply.from.name} <${reply.from.address}>` : reply.from.address
  const files = event?.attachments ?? []

  return (
    <article className={`reply-card reply-${reply.state}`} data-reply={reply.id} data-state={reply.state} aria-label={t('label', { address: reply.from.address })}>
      <header className="reply-head">
        <span className="reply-from" title={sender}>
          {reply.from.name || reply.from.address}
          {reply.from.name ? <span className="muted small"> &lt;{reply.from.address}&gt;</span> : null}
        </span>
        <span className="muted small">{reply.date ? formatDate(reply.date.slice(0, 10)) : t('noDate')}</span>
      </header>
      <p className="reply-subject">{reply.subject || <span className="muted">{t('noSubject')}</span>}</p>
      {reply.bounce ? (
        <p className="reply-bounce" role="note">
          {bounceText(t, reply.bounce)} {t('bounceAdvice')}
        </p>
      ) : null}
      {reply.excerpt ? <p className="reply-excerpt">{reply.excerpt}</p> : null}
      {files.length ? (
        <div className="reply-files">
          {files.map((a) => (
            <button key={a.id} type="button" className="link-button small file-link" title={`SHA-256 ${a.sha256}`} onClick={() => void reveal(reply.match.reference!, a.id)}>
              {a.name}
            </button>
          ))}
        </div>
      ) : reply.attachments.length ? (
        <p className="muted small">{t('files', { names: formatList(reply.attachments.map((a) => a.name)) })}</p>
      ) : null}

      {!attachedHere ? (
        <div className="reply-match">
          {reply.state === 'needs-confirmation' && reply.match.reference ? (
            <p>
              <Trans
                t={t}
                i18nKey={reply.match.by ? 'probablyBecause' : 'probably'}
                values={{ company: reply.companyName ?? reply.match.reference, reference: reply.match.reference, because: reply.match.by ? matchedByLabel(reply.match.by) : '' }}
                components={{ strong: <strong /> }}
              />{' '}
              {t('untilConfirmed')}
            </p>
          ) : reply.state === 'dismissed' ? (
            <p className="muted">{t('dismissed')}</p>
          ) : (
            <p>{t('noMatch')}</p>
          )}
          {reply.state !== 'dismissed' && suggestion.kind !== 'reply-received' ? (
            <p className="muted small">
              {t('looksLike', { kind: replyKindLabel(suggestion.kind), sure: t('sure', { percent: percent(suggestion.confidence), reason: suggestionReason(suggestion) }) })}
            </p>
          ) : null}
          <div className="reply-actions">
            {reply.state === 'needs-confirmation' && reply.match.reference && !choosing ? (
              <>
                <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void run(() => confirm(reply.id, { reference: reply.match.reference! }))}>
                  {t('yesAnswers', { reference: reply.match.reference })}
                </button>
                <button type="button" className="button button-small" disabled={busy} onClick={() => setChoosing(true)}>
                  {t('anotherRequest')}
                </button>
              </>
            ) : (
              <>
                <select aria-label={t('requestItAnswers')} value={target} onChange={(e) => form.setValue('target', e.target.value)} {...errorAttributes(errors, 'target', ids)}>
                  <option value="">{t('chooseRequest')}</option>
                  {sentRequests.map((r) => (
                    <option key={r.reference} value={r.reference}>
                      {r.reference} · {r.companyName}
                    </option>
                  ))}
                </select>
                <FieldError errors={errors} path="target" idPrefix={ids} />
                <button type="button" className="button button-small button-primary" disabled={busy || !target} onClick={() => void give('target')}>
                  {t('addToRequest')}
                </button>
              </>
            )}
            {reply.state !== 'dismissed' ? (
              <button type="button" className="link-button small" disabled={busy} onClick={() => void run(() => dismiss(reply.id))}>
                {t('notAReply')}
              </button>
            ) : null}
          </div>
        </div>
      ) : (
        <div className="reply-classification">
          {reply.confirmed ? (
            <p>
              <Trans t={t} i18nKey="recordedAs" values={{ kind: replyKindLabel(reply.confirmed.kind) }} components={{ strong: <strong /> }} />{' '}
              {!choosing ? (
                <button type="button" className="link-button small" onClick={() => setChoosing(true)}>
                  {t('change')}
                </button>
              ) : null}
            </p>
          ) : (
            <>
              <p>
                <Trans t={t} i18nKey="suggests" values={{ kind: replyKindLabel(suggestion.kind) }} components={{ strong: <strong /> }} />{' '}
                <span className="muted small" title={suggestionReason(suggestion)}>
                  ({t('sure', { percent: percent(suggestion.confidence), reason: suggestionReason(suggestion) })})
                </span>
              </p>
              {!choosing ? (
                <div className="reply-actions">
                  <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void run(() => confirm(reply.id, { kind: suggestion.kind }))}>
                    {t('confirmAs', { kind: replyKindLabel(suggestion.kind) })}
                  </button>
                  <button type="button" className="button button-small" disabled={busy} onClick={() => setChoosing(true)}>
                    {t('chooseAnother')}
                  </button>
                </div>
              ) : null}
            </>
          )}
          {choosing ? (
            <div className="reply-actions">
              <select aria-label={t('whatItIs')} value={kind} onChange={(e) => form.setValue('kind', e.target.value as ReplyKind)} {...errorAttributes(errors, 'kind', ids)}>
                {replyKindChoices.map((k) => (
                  <option key={k} value={k}>
                    {replyKindLabel(k)}
                  </option>
                ))}
              </select>
              <FieldError errors={errors} path="kind" idPrefix={ids} />
              <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void give('kind')}>
                {t('confirm')}
              </button>
              <button type="button" className="link-button small" onClick={() => setChoosing(false)}>
                {t('cancel')}
              </button>
            </div>
          ) : null}
          {reply.match.reference && reply.match.reference !== pageReference ? (
            <button type="button" className="link-button small" onClick={() => navigate({ name: 'request', reference: reply.match.reference! })}>
              {t('open', { reference: reply.match.reference })}
            </button>
          ) : null}
        </div>
      )}
      <FormError error={errors.get('root') ?? null} />
    </article>
  )
}
