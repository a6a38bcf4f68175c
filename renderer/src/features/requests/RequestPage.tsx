import { useEffect, useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { draftEditInputSchema, maxSubjectLength } from '@core/requests/inputs'
import { useStore } from '../../store/store'
import { selectRequestToday } from '../../store/selectors'
import { StatusPill } from '../../ui/StatusPill'
import { channelInline, countryName, formatDate, languageLabel, lawShort, requestTypeLong } from '../../ui/format'
import { DeadlinePanel } from './DeadlinePanel'
import { MarkSentDialog } from './MarkSentDialog'
import { CheckAnswer } from './CheckAnswer'
import { NextSteps } from './NextSteps'
import { SendChoices } from './SendChoices'
import { SentByEmail } from './SendPanel'
import { Timeline } from './Timeline'
import { RequestReplies } from '../replies/RequestReplies'
import { BouncePanel } from '../followups/BouncePanel'
import { ExtensionPanel } from '../followups/ExtensionPanel'
import { IdentityPanel } from '../followups/IdentityPanel'
import { useTranslation } from 'react-i18next'
import { Field } from '../../ui/Field'
import { FormError } from '../../ui/FormError'
import { coreSchemaResolver, errorWordsOf } from '../../ui/schema-form'

/** The draft as edited on screen, with the version of the record the edits started from. */
export type DraftValues = { base: string; reference: string; subject: string; body: string }

/** What requests:updateDraft gets from the editor. */
export function draftInputOf(values: DraftValues) {
  return { reference: values.reference, subject: values.subject, body: values.body }
}

/** A problem of requests:updateDraft beside the subject or the text; any other for the editor itself. */
export function draftPathBack(path: string): string {
  return path === 'subject' || path === 'body' ? path : 'root'
}

/** The core's own schema of requests:updateDraft, checking the draft before it is saved. */
export const draftResolver = coreSchemaResolver<DraftValues>(draftEditInputSchema, draftInputOf, draftPathBack)

export function RequestPage({ reference }: { reference: string }) {
  // Status and next steps recounted for the store's ticking `today` (a new day needs no new fetch).
  const view = useStore((s) => selectRequestToday(s, reference))
  const today = useStore((s) => s.today ?? new Date().toISOString().slice(0, 10))
  const load = useStore((s) => s.loadRequest)
  const saveDraft = useStore((s) => s.saveDraft)
  const savePdf = useStore((s) => s.savePdf)
  const printLetter = useStore((s) => s.printLetter)
  const saveEml = useStore((s) => s.saveEml)
  const navigate = useStore((s) => s.navigate)

  // Edits on screen, tied to the version of the record they started from: once the record
  // changes (saved, sent, reloaded), the screen shows the record again.
  // (Another request, a new version, or another draft in it: each shows the record again.)
  const shownReference = view?.record.reference
  const updatedAt = view?.record.updatedAt
  const shownSubject = view?.record.draft.subject
  const shownBody = view?.record.draft.body
  const shown = useMemo<DraftValues | undefined>(
    () =>
      shownReference !== undefined && updatedAt !== undefined
        ? { base: updatedAt, reference: shownReference, subject: shownSubject ?? '', body: shownBody ?? '' }
        : undefined,
    [shownReference, updatedAt, shownSubject, shownBody],
  )
  const form = useForm<DraftValues>({ values: shown, resolver: draftResolver })
  const [editedBase, editedReference, editedSubject, editedBody] = useWatch({ control: form.control, name: ['base', 'reference', 'subject', 'body'] })
  const [markingSent, setMarkingSent] = useState(false)
  const [busy, setBusy] = useState(false)
  const { t } = useTranslation('requests', { keyPrefix: 'page' })

  useEffect(() => {
    void load(reference)
  }, [reference, load])

  if (!view) return <p className="muted page">{t('loading', { ns: 'common', keyPrefix: undefined })}</p>

  const { record, deadline, status } = view
  const current = editedBase === record.updatedAt && editedReference === record.reference
  const subject = current ? (editedSubject ?? record.draft.subject) : record.draft.subject
  const body = current ? (editedBody ?? record.draft.body) : record.draft.body
  const errors = errorWordsOf(form.formState.errors)
  const sent = record.sent
  const dirty = !sent && (subject !== record.draft.subject || body !== record.draft.body)
  const recipient = sent?.recipientAddress ?? record.draft.recipientAddress
  const to = sent ? sent.to : record.draft.to

  /** Outputs always use what is on screen: unsaved edits are saved first. */
  const withSaved = async (run: () => Promise<void>) => {
    setBusy(true)
    try {
      if (dirty) {
        // Checked first: a problem is said beside its field, and nothing is saved or sent.
        let saved = false
        await form.handleSubmit(async (values) => {
          saved = await saveDraft(reference, values.subject, values.body)
        })()
        if (!saved) return
      }
      await run()
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="page request-page">
      <button type="button" className="link-button back" onClick={() => navigate({ name: 'dashboard' })}>
        {t('back')}
      </button>
      <header className="page-header">
        <div>
          <p className="eyebrow mono" data-testid="reference">
            {record.reference}
          </p>
          <h1>
            {t('heading', { type: requestTypeLong(record.type) })}{' '}
            <button type="button" className="link-button heading-link" onClick={() => navigate({ name: 'company', id: record.company.id })}>
              {record.company.name}
            </button>
          </h1>
          <p className="lede">
            <StatusPill status={status} withDays /> · {lawShort(record.law)} · {languageLabel(record.lang) ?? record.lang} · {t('written', { date: formatDate(record.events[0]?.on) })}
            {sent ? ` · ${t('sentBy', { channel: channelInline(sent.channel), date: formatDate(sent.on) })}` : ''}
          </p>
          {record.followUpOf ? (
            <p className="lede">
              {t('followsUp')}{' '}
              <button type="button" className="link-button" onClick={() => navigate({ name: 'request', reference: record.followUpOf! })}>
                {record.followUpOf}
              </button>
            </p>
          ) : null}
        </div>
      </header>

      <div className="request-layout">
        <div className="request-main">
          {/* Once sent, what happens matters most; the letter is the record below it. */}
          {sent ? <Timeline reference={reference} events={record.events} deadline={deadline} today={today} sent /> : null}
          <CheckAnswer view={view} />
          {sent ? <RequestReplies reference={reference} /> : null}
          <div className="card letter-preview">
            {sent ? <h2>{t('whatWasSent')}</h2> : null}
            <dl className="recipient">
              <dt>{t('to')}</dt>
              <dd data-testid="recipient-email">{to ?? <span className="muted">{t('noEmail')}</span>}</dd>
              {recipient ? (
                <>
                  <dt>{t('letterTo')}</dt>
                  <dd>
                    {[recipient.recipient, ...recipient.lines, countryName(recipient.country)].join(', ')}
                  </dd>
                </>
              ) : null}
              <dt>{t('from')}</dt>
              <dd>
                {(sent ?? record.draft).sender.name} &lt;{(sent ?? record.draft).sender.email}&gt;
              </dd>
            </dl>

            {sent ? (
              <>
                <p className="subject-sent" data-testid="subject">
                  {sent.subject}
                </p>
                <pre className="body-sent" data-testid="body">
                  {sent.body}
                </pre>
                <p className="muted small">{t('sentExactly')}</p>
              </>
            ) : (
              <>
                <Field label={t('subject')} error={errors.get('subject')}>
                  {(control) => <input data-testid="subject" {...form.register('subject')} {...control} maxLength={maxSubjectLength} />}
                </Field>
                <Field label={t('text')} error={errors.get('body')}>
                  {(control) => <textarea data-testid="body" className="body-editor" {...form.register('body')} {...control} rows={24} />}
                </Field>
                <FormError error={errors.get('root') ?? null} />
                <div className="actions">
                  <span className="muted small">{dirty ? t('unsaved') : t('saved')}</span>
                  <button type="button" className="button" disabled={!dirty || busy} onClick={() => void withSaved(async () => {})}>
                    {t('saveChanges')}
                  </button>
                </div>
              </>
            )}
          </div>
        </div>

        <aside className="request-side">
          {!sent ? (
            <SendChoices view={view} busy={busy} withSaved={withSaved} onMarkSent={() => setMarkingSent(true)} />
          ) : (
            <div className="card">
              <h2>{t('copies')}</h2>
              <div className="stack">
                {recipient ? (
                  <div className="button-pair">
                    <button type="button" className="button" onClick={() => void savePdf(reference)}>
                      {t('pdfAgain')}
                    </button>
                    <button type="button" className="button" onClick={() => void printLetter(reference)}>
                      {t('printAgain')}
                    </button>
                  </div>
                ) : null}
                {to ? (
                  <button type="button" className="button button-block" onClick={() => void saveEml(reference)}>
                    {t('emlAgain')}
                  </button>
                ) : null}
              </div>
            </div>
          )}
          {sent ? <SentByEmail view={view} /> : null}
          <NextSteps view={view} />
          {sent ? (
            <>
              <BouncePanel view={view} />
              <IdentityPanel view={view} />
              <ExtensionPanel view={view} />
            </>
          ) : null}
          <DeadlinePanel deadline={deadline} status={status} />
          {sent ? null : <Timeline reference={reference} events={record.events} deadline={deadline} today={today} sent={false} />}
        </aside>
      </div>

      {markingSent ? (
        <MarkSentDialog
          reference={reference}
          today={today}
          hasEmail={Boolean(record.draft.to)}
          hasPostal={Boolean(record.draft.recipientAddress)}
          onClose={() => setMarkingSent(false)}
        />
      ) : null}
    </section>
  )
}
