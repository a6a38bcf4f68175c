/**
 * Deadline notifications: which ones are due now (a set number of days before a deadline, and
 * once it has passed), each shown once. The desktop app asks while it runs; nothing runs in the
 * background when it is closed.
 */
import { z } from 'zod'
import { addDays, comparePlainDates, describeDate, type PlainDate } from '../shared/calendar'
import type { NoticeBoard } from '../shared/notices'
import { isJsonObject, readListEntries } from '../shared/own-keys'
import type { DocumentStore } from '../shared/ports'
import { reportSetAside } from '../storage/set-aside'
import { closedStatuses } from '../requests/status'
import type { RequestListItem } from '../requests/view'

export type PendingNotification = { readonly id: string; readonly reference: string; readonly title: string; readonly body: string }

/** One shown notification: "RF-2026-0001:overdue:2026-03-02". */
const shownIdSchema = z.string().min(1).max(200)

/** The log of notifications shown, as stored (the backup checks a restored one against it). */
export const storedNotificationLogSchema = z.object({ version: z.literal(1), shown: z.array(shownIdSchema) })

export function pendingNotifications(items: ReadonlyArray<RequestListItem>, today: PlainDate, daysBefore: number): PendingNotification[] {
  const pending: PendingNotification[] = []
  for (const item of items) {
    if (closedStatuses.includes(item.status.kind) || !item.due) continue
    const who = `${item.companyName} (${item.reference})`
    if (comparePlainDates(today, item.due) > 0) {
      pending.push({
        id: `${item.reference}:overdue:${item.due}`,
        reference: item.reference,
        title: `${item.companyName} has not answered in time`,
        body: `The deadline for ${who} was ${describeDate(item.due)}. Rightful can write the reminder.`,
      })
    } else if (daysBefore > 0 && comparePlainDates(today, addDays(item.due, -daysBefore)) >= 0) {
      pending.push({
        id: `${item.reference}:soon:${item.due}`,
        reference: item.reference,
        title: `Deadline soon: ${item.companyName}`,
        body: `${who} must answer by ${describeDate(item.due)}.`,
      })
    }
  }
  return pending
}

export type NotificationLog = {
  unseen(pending: ReadonlyArray<PendingNotification>): PendingNotification[]
  markShown(ids: ReadonlyArray<string>): number
}

export function openNotificationLog(store: DocumentStore, notices: NoticeBoard): NotificationLog {
  /** The ids in a document, entry by entry, and the entries that do not read. */
  const idsOf = (document: Record<string, unknown>) =>
    isJsonObject(document) && document.version === 1 ? readListEntries(document.shown, shownIdSchema, 'shown') : { items: [] as string[], bad: [] }
  /**
   * The ids shown before. One that does not read is set aside (and may be shown once more): under
   * the lock, from the file as it is then, so that another process's entries are kept.
   */
  const read = (): string[] => {
    const first = idsOf(store.read())
    if (first.bad.length === 0) return first.items
    return store.update((document) => {
      const { items, bad } = idsOf(document)
      if (bad.length === 0) return { document: null, result: items }
      reportSetAside({ store, notices, what: 'the entries of the notification log', consequence: 'A notification may be shown once more.', bad })
      return { document: { version: 1, shown: items }, result: items }
    })
  }
  return {
    unseen: (pending) => {
      const shown = new Set(read())
      return pending.filter((p) => !shown.has(p.id))
    },
    markShown(ids) {
      read()
      return store.update((document) => {
        const shown = new Set(idsOf(document).items)
        const before = shown.size
        for (const id of ids) shown.add(id)
        // Keep the log small: the newest 5,000 entries are plenty to never repeat a notification.
        return { document: { version: 1, shown: [...shown].slice(-5000) }, result: shown.size - before }
      })
    },
  }
}
