/**
 * Assigning replies: the user confirms which request a reply answers and what it is (adding the
 * kind's event, undoing a different earlier choice), dismisses one that answers none, and lists them.
 */
import type { FolderLock } from '../storage/folder-lock'
import type { UserEventKind } from '../requests/events'
import { cutText } from '../shared/text-cut'
import type { ReplyKind, ReplyRecord } from './model'
import { parseReply, sameMessageId, type ParsedReply } from './parse'
import type { ReplyStore } from './store'
import type { ReplyMatching } from './reply-matching'
import { beingAttached, type ReplyKeeping } from './reply-keeping'
import { replyBudgetOn } from './reply-import'
import type { ReplyService, ReplyServiceDeps } from './service'
import { coreError } from '../messages/errors'

/** The reply kinds that add an event of their own once confirmed. */
const eventForKind: ReadonlyMap<ReplyKind, UserEventKind> = new Map<ReplyKind, UserEventKind>([
  ['acknowledged', 'acknowledged'],
  ['identity-requested', 'identity-requested'],
  ['clarification-asked', 'clarification-asked'],
  ['extension-claimed', 'extension-claimed'],
  ['data-received', 'data-received'],
  ['partially-fulfilled', 'partially-fulfilled'],
  ['refused', 'refused'],
  ['completed', 'completed'],
  ['bounce', 'undeliverable'],
])

export function replyAssignment(
  deps: ReplyServiceDeps,
  { store, lock, matching, keeping }: { store: ReplyStore; lock: FolderLock; matching: ReplyMatching; keeping: ReplyKeeping },
): Pick<ReplyService, 'confirm' | 'dismiss' | 'list' | 'knows'> {
  const { viewOf } = matching
  const { today, readKept, isLive, saveRecord, recover, recoverLocked, attachRecorded, findReply } = keeping
  const replyBudget = replyBudgetOn(deps.now)

  return {
    async confirm({ replyId, reference, kind, until = null }) {
      recover()
      const found = findReply(replyId)
      if (reference === undefined && kind === undefined) throw coreError('INVALID_INPUT', 'error.replies.sayWhich')
      // A reply not on a timeline yet is read and parsed first (it takes time, so without the
      // lock); what happens to it is decided under the lock, on the records as they are then.
      let message: { bytes: Uint8Array; parsed: ParsedReply } | null = null
      if (found.state !== 'attached') {
        if (!(reference ?? found.match.reference)) throw coreError('INVALID_INPUT', 'error.replies.sayRequest')
        const bytes = readKept(found)
        message = { bytes, parsed: await parseReply(bytes, { budget: replyBudget() }) }
      }
      const { record, owner } = lock.run(() => {
        recoverLocked()
        let record = findReply(replyId)
        if (record.state !== 'attached') {
          const target = reference ?? record.match.reference
          if (!target) throw coreError('INVALID_INPUT', 'error.replies.sayRequest')
          if (!message) throw coreError('INVALID_STATE', 'error.replies.changed')
          const planned: ReplyRecord = {
            ...record,
            state: 'attached',
            eventId: null,
            file: beingAttached,
            match: {
              reference: target,
              by: target === record.match.reference ? record.match.by : 'user',
              candidates: record.match.candidates,
            },
          }
          // The request keeps the message now (same bytes, checked by SHA-256 when stored): the inbox copy goes.
          record = attachRecorded(target, message.parsed, message.bytes, planned, record.file)
        } else if (reference !== undefined && reference !== record.match.reference) {
          throw coreError('INVALID_STATE', 'error.replies.onTimeline', { reference: String(record.match.reference) })
        }
        const owner = record.match.reference!

        if (kind !== undefined && record.confirmed?.kind !== kind) {
          const request = deps.requests.get(owner).record
          const replyEvent = request.events.find((e) => e.id === record.eventId)
          const on = replyEvent?.on ?? today()
          if (record.confirmed?.eventId && request.events.some((e) => e.id === record.confirmed!.eventId && e.removedAt === null)) {
            deps.requests.removeEvent({ reference: owner, eventId: record.confirmed.eventId })
          }
          const eventKind = eventForKind.get(kind)
          let eventId: string | null = null
          if (eventKind) {
            const current = deps.requests.get(owner).record
            const subject = record.subject ? ` “${cutText(record.subject, 200)}”` : ''
            const note = `From the reply of ${record.from.address}${subject}.`
            // Confirmed before, and stopped before the reply's record said so: that event is the one.
            const earlier = current.events.find((e) => e.kind === eventKind && e.removedAt === null && e.on === on && e.note === note)
            if (earlier) {
              eventId = earlier.id
            } else {
              const before = new Set(current.events.map((e) => e.id))
              const view = deps.requests.addEvent({ reference: owner, kind: eventKind, on, note, until: eventKind === 'extension-claimed' ? until : null })
              eventId = view.record.events.find((e) => !before.has(e.id))?.id ?? null
            }
          }
          record = { ...record, confirmed: { kind, eventId, at: deps.now().toISOString(), on } }
          saveRecord(record)
        }
        return { record, owner }
      })
      return { reply: viewOf(record), request: deps.requests.get(owner) }
    },

    dismiss(replyId) {
      recover()
      return lock.run(() => {
        const record = findReply(replyId)
        if (record.state === 'attached') {
          throw coreError('INVALID_STATE', 'error.replies.removeThere', { reference: String(record.match.reference) })
        }
        const dismissed: ReplyRecord = { ...record, state: 'dismissed' }
        saveRecord(dismissed)
        return viewOf(dismissed)
      })
    },

    list({ reference, pending }) {
      recover()
      return store
        .list()
        .filter((r) => (pending ? r.state === 'needs-confirmation' || r.state === 'unmatched' : true))
        .filter(isLive)
        .filter((r) => (reference ? r.match.reference === reference || (r.state === 'needs-confirmation' && r.match.candidates.includes(reference)) : true))
        .sort((a, b) => (b.date ?? b.importedAt).localeCompare(a.date ?? a.importedAt))
        .map(viewOf)
    },

    knows(messageId) {
      if (!messageId) return false
      return store.list().some((r) => r.messageId !== null && sameMessageId(r.messageId, messageId) && isLive(r))
    },

  }
}
