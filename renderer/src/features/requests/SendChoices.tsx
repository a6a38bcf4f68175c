import { useEffect, useId, useRef, useState } from 'react'
import type { RequestView } from '@core/api/contract'
import type { WebmailProvider } from '@core/settings/webmail'
import type { Settings } from '@core/settings/settings'
import { assertNever } from '@core/shared/assert-never'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'
import { webmailLabel } from '../../ui/format'
import { SendPanel } from './SendPanel'
import './send-choices.css'

/** How a draft can go out; the main one leads the card. */
export type SendWay = 'smtp' | 'mail-program' | 'webmail' | 'letter'

const webmails: ReadonlyArray<WebmailProvider> = ['gmail', 'outlook', 'yahoo']

/**
 * The way that leads: the one the user chose (first start or Settings), where it can be used for
 * this request; else a mail server that is set up, the mail program, or the letter.
 */
export function mainSendWay(sending: Settings['sending'] | null, can: { smtp: boolean; email: boolean; letter: boolean }): SendWay {
  const chosen = sending?.method ?? null
  if (chosen === 'smtp' && can.smtp && can.email) return 'smtp'
  if ((chosen === 'mail-program' || chosen === 'webmail') && can.email) return chosen
  if (chosen === 'letter' && can.letter) return 'letter'
  if (can.smtp && can.email) return 'smtp'
  if (can.email) return 'mail-program'
  return can.letter ? 'letter' : 'mail-program'
}

/** "Write in webmail": a small disclosure with the three services. */
function WebmailMenu({ onPick, disabled, label, primary = false }: { onPick: (provider: WebmailProvider) => void; disabled: boolean; label: string; primary?: boolean }) {
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const box = useRef<HTMLDivElement>(null)
  const { t } = useTranslation('requests', { keyPrefix: 'sendChoices' })

  useEffect(() => {
    if (!open) return
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !box.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', close)
    document.addEventListener('mousedown', close)
    return () => {
      document.removeEventListener('keydown', close)
      document.removeEventListener('mousedown', close)
    }
  }, [open])

  return (
    <div className="webmail-menu" ref={box}>
      <button
        type="button"
        className={`button button-block ${primary ? 'button-primary' : ''}`}
        aria-expanded={open}
        aria-controls={menuId}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div id={menuId} className="webmail-menu-list" data-testid="webmail-menu">
          {webmails.map((provider) => (
            <button
              key={provider}
              type="button"
              className="webmail-menu-item"
              onClick={() => {
                setOpen(false)
                onPick(provider)
              }}
            >
              {t('writeIn', { service: webmailLabel[provider] })}
            </button>
          ))}
          <p className="muted small webmail-menu-note">{t('webmailNote')}</p>
        </div>
      ) : null}
    </div>
  )
}

/**
 * On a draft: the ways to send it, the one the user prefers first; "Mark as sent" for a request
 * sent outside Rightful, with what it means; and discarding the draft, which asks first.
 */
export function SendChoices({ view, busy, withSaved, onMarkSent }: { view: RequestView; busy: boolean; withSaved: (run: () => Promise<void>) => Promise<void>; onMarkSent: () => void }) {
  const reference = view.record.reference
  const sending = useStore((s) => s.settings?.sending ?? null)
  const smtpConfigured = useStore((s) => Boolean(s.smtp?.smtp))
  const savePdf = useStore((s) => s.savePdf)
  const printLetter = useStore((s) => s.printLetter)
  const openInMailProgram = useStore((s) => s.openInMailProgram)
  const openWebmail = useStore((s) => s.openWebmail)
  const saveEml = useStore((s) => s.saveEml)
  const discard = useStore((s) => s.discard)
  const navigate = useStore((s) => s.navigate)
  const loadSmtp = useStore((s) => s.loadSmtp)
  const loadSettings = useStore((s) => s.loadSettings)
  const [discarding, setDiscarding] = useState(false)
  const { t } = useTranslation('requests', { keyPrefix: 'sendChoices' })

  // The preference and the mail server decide the main action.
  useEffect(() => {
    void loadSmtp()
    void loadSettings()
  }, [loadSmtp, loadSettings])

  const to = view.record.draft.to
  const letter = Boolean(view.record.draft.recipientAddress)
  const main = mainSendWay(sending, { smtp: smtpConfigured, email: Boolean(to), letter })
  const preferredWebmail: WebmailProvider = sending?.webmail ?? 'gmail'
  const smtpWanted = sending?.method === 'smtp' && !smtpConfigured

  const mailProgram = (primary: boolean) => (
    <button type="button" className={`button button-block ${primary ? 'button-primary' : ''}`} disabled={busy || !to} onClick={() => void withSaved(() => openInMailProgram(reference))}>
      {t('mailProgram')}
    </button>
  )
  const letterButtons = (primary: boolean) => (
    <div className="button-pair">
      <button type="button" className={`button ${primary ? 'button-primary' : ''}`} disabled={busy || !letter} onClick={() => void withSaved(() => savePdf(reference))}>
        {t('savePdf')}
      </button>
      <button type="button" className="button" disabled={busy || !letter} onClick={() => void withSaved(() => printLetter(reference))}>
        {t('print')}
      </button>
    </div>
  )

  const lead = () => {
    switch (main) {
      case 'smtp':
        return <SendPanel view={view} busy={busy} withSaved={withSaved} primary />
      case 'mail-program':
        return mailProgram(true)
      case 'webmail':
        return (
          <button type="button" className="button button-primary button-block" disabled={busy || !to} onClick={() => void withSaved(() => openWebmail(reference, preferredWebmail))}>
            {t('writeIn', { service: webmailLabel[preferredWebmail] })}
          </button>
        )
      case 'letter':
        return letterButtons(true)
      default:
        return assertNever(main)
    }
  }

  return (
    <div className="card send-choices" data-testid="send-choices" data-main={main}>
      <h2>{t('heading')}</h2>
      <div className="stack send-main">{lead()}</div>
      {smtpWanted ? (
        <p className="hint small">
          {t('smtpMissing')}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'settings' })}>
            {t('setUp')}
          </button>
        </p>
      ) : null}
      {!to ? <p className="hint small">{t('noEmail', { company: view.record.company.name })}</p> : null}

      <h3 className="send-others-heading">{t('others')}</h3>
      <div className="stack">
        {main !== 'smtp' && smtpConfigured ? <SendPanel view={view} busy={busy} withSaved={withSaved} primary={false} /> : null}
        {main !== 'mail-program' ? mailProgram(false) : null}
        <WebmailMenu
          label={main === 'webmail' ? t('otherWebmail') : t('webmail')}
          disabled={busy || !to}
          onPick={(provider) => void withSaved(() => openWebmail(reference, provider))}
        />
        <button type="button" className="button button-block" disabled={busy || !to} onClick={() => void withSaved(() => saveEml(reference))}>
          {t('eml')}
        </button>
        {main !== 'letter' ? letterButtons(false) : null}
      </div>

      <div className="mark-sent-block">
        <p className="small">
          <strong>{t('yourself')}</strong> {t('yourselfNote')}
        </p>
        <button type="button" className="button button-block" disabled={busy} onClick={() => void withSaved(async () => onMarkSent())}>
          {t('markSent')}
        </button>
      </div>

      <button type="button" className="link-button danger-text small" disabled={busy} onClick={() => setDiscarding(true)}>
        {t('discard')}
      </button>

      {discarding ? (
        <Dialog title={t('discardTitle', { reference })} onClose={() => setDiscarding(false)}>
          <p>{t('discardText', { company: view.record.company.name })}</p>
          <div className="actions">
            <button type="button" className="button" autoFocus onClick={() => setDiscarding(false)}>
              {t('keep')}
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                setDiscarding(false)
                void discard(reference)
              }}
            >
              {t('discardIt')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  )
}
