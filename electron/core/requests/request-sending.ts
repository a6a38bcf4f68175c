/**
 * Marking a request as sent: what went out is frozen on the record (with the SMTP proof when
 * Rightful sent it), and a follow-up that went out is an event of the request it follows up.
 */
import { createHash } from 'node:crypto'
import { CoreError } from '../shared/result'
import { isFollowUpType } from '../shared/kinds'
import { letterDraft } from './model'
import { coreError } from '../messages/errors'
import { message } from '../shared/message'
import type { RequestKit, RequestServiceDeps } from './request-kit'
import type { RequestListing } from './request-listing'
import type { RequestService } from './service'

export function requestSending(
  deps: RequestServiceDeps,
  { draftOf, checkDate, event, change }: RequestKit,
  { view }: RequestListing,
): Pick<RequestService, 'markSent'> {
  return {
    markSent({ reference, on, at = null, channel, trackingNumber = null, email = null }) {
      // The request and the one it follows up change as one step.
      const record = deps.repository.locked(() => {
        const sent = change(reference, (current) => {
          const record = draftOf(current)
          if (email && channel !== 'email') throw coreError('INVALID_INPUT', 'error.requests.messageIdEmail')
          const content = email?.content ?? (channel === 'post' ? letterDraft(record) : record.draft)
          checkDate(on, record.events[0]!.on, { english: 'The sending date', said: message('error.requests.date.sending') })
          // Somewhere on Earth it was that date at that moment: within 14 hours of the date's UTC span.
          if (at && Math.abs(new Date(at).getTime() - Date.parse(`${on}T12:00:00Z`)) > 26 * 3600_000) {
            throw coreError('INVALID_INPUT', 'error.requests.timeNotDate')
          }
          if (channel === 'email' && !content.to) {
            throw coreError('NO_EMAIL', 'error.noEmailSent', { company: record.company.name })
          }
          if (channel === 'post' && !record.draft.recipientAddress) {
            throw coreError('NO_POSTAL_ADDRESS', 'error.noPostalSent', { company: record.company.name })
          }
          return {
            ...record,
            sent: {
              on,
              channel,
              to: channel === 'email' ? content.to : null,
              recipientAddress: channel === 'post' ? content.recipientAddress : null,
              sender: content.sender,
              subject: content.subject,
              body: content.body,
              bodySha256: createHash('sha256').update(content.body, 'utf8').digest('hex'),
              email: email?.proof ?? null,
            },
            events: [...record.events, event('sent', on, { at, channel, trackingNumber, attachments: email ? [email.proof.archive] : [] })],
          }
        })
        // A reminder or complaint that went out is an event of the request it follows up.
        // The incomplete-answer letter is a reminder about what is missing: the original's timeline says so.
        if (sent.followUpOf && isFollowUpType(sent.type)) {
          const kind = sent.type === 'complaint' ? 'complaint-filed' : 'reminder-sent'
          try {
            change(sent.followUpOf, (original) => ({ ...original, events: [...original.events, event(kind, on, { link: sent.reference, note: sent.sent!.subject })] }))
          } catch (error) {
            if (!(error instanceof CoreError) || error.code !== 'NOT_FOUND') throw error
          }
        }
        return sent
      })
      return view(record)
    },

  }
}
