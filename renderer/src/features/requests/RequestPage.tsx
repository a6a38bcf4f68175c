import { useEffect, useState } from 'react'
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
  const [edits, setEdits] = useState<{ base: string; subject: string; body: string } | null>(null)
  const [markingSent, setMarkingSent] = useState(false)
  const [busy, setBusy] = useState(false)
  const { t } = useTranslation('requests', { keyPrefix: 'page' })

  useEffect(() => {
    void load(reference)
  }, [reference, load])

  if (!view) return <p className="muted page">{t('loading', { ns: 'common', keyPrefix: undefined })}</p>

  const { record, deadline, status } = view
  const current = edits?.base === record.updatedAt ? edits : null
  const subject = current?.subject ?? record.draft.subject
  const body = current?.body ?? record.draft.body
  const setSubject = (next: string) => setEdits({ base: record.updatedAt, subject: next, body })
  const setBody = (next: string) => setEdits({ base: record.updatedAt, subject, body: next })
  const sent = record.sent
  const dirty = !sent && (subject !== record.draft.subject || body !== record.draft.body)
  const recipient = sent?.recipientAddress ?? record.draft.recipientAddress
  const to = sent ? sent.to : record.draft.to

  /** Outputs always use what is on screen: unsaved edits are saved first. */
  const withSaved = async (run: () => Promise<void>) => {
    setBusy(true)
    try {
      if (dirty && !(await saveDraft(reference, subject, body))) return
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
                <label className="field">
                  <span className="field-label">{t('subject')}</span>
                  <input data-testid="subject" value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={250} />
                </label>
                <label className="field">
                  <span className="field-label">{t('text')}</span>
                  <textarea data-testid="body" className="body-editor" value={body} onChange={(e) => setBody(e.target.value)} rows={24} />
                </label>
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
