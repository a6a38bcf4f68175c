/**
 * Every deadline as an iCalendar file: one all-day event per date that matters, the request's
 * reference in the title, and a UID made from the reference and the kind of date, so importing a
 * newer export updates the events instead of duplicating them.
 */
import { createEvents, type EventAttributes } from 'ics'
import type { Deadline } from '../deadlines/model'
import type { RequestListItem } from './view'
import { addDays, type PlainDate } from '../shared/calendar'
import { closedStatuses } from './status'
import { coreError } from '../messages/errors'

const dateArray = (date: PlainDate): [number, number, number] => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]

function allDay(date: PlainDate) {
  return { start: dateArray(date), end: dateArray(addDays(date, 1)) }
}

export function deadlinesCalendar(entries: ReadonlyArray<{ item: RequestListItem; deadline: Deadline }>, now: Date): { text: string; events: number } {
  const events: EventAttributes[] = []
  const stamp = [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes()] as [number, number, number, number, number]
  for (const { item, deadline } of entries) {
    if (closedStatuses.includes(item.status.kind)) continue
    const who = `${item.reference} ${item.companyName}`
    const add = (kind: string, date: PlainDate | null, title: string, description: string) => {
      if (!date) return
      events.push({
        uid: `${item.reference.toLowerCase()}-${kind}@rightful`,
        ...allDay(date),
        title: `${who}: ${title}`,
        description,
        categories: ['Rightful'],
        status: 'CONFIRMED',
        busyStatus: 'FREE',
        lastModified: stamp,
      })
    }
    add('due', deadline.effectiveDue, `answer due (${deadline.regime})`, deadline.explanation)
    if (deadline.extendedDue && deadline.effectiveDue !== deadline.extendedDue) {
      add('extended', deadline.extendedDue, 'latest date if the company extends', 'Only if the company claims the extension, with reasons, before the first deadline.')
    }
    add('acknowledge', deadline.acknowledgeBy, 'receipt must be confirmed', 'The company must confirm receipt and say how it will process the request.')
    add('benchmark', deadline.benchmark?.date ?? null, 'benchmark date (not binding)', deadline.benchmark?.label ?? '')
  }
  if (events.length === 0) return { text: '', events: 0 }
  const result = createEvents(events, { productId: '-//Rightful//Deadlines//EN', calName: 'Rightful deadlines' })
  if (result.error || !result.value) throw coreError('INTERNAL', 'error.calendar.notWritten', { reason: String(result.error?.message ?? 'unknown error') })
  return { text: result.value, events: events.length }
}

/**
 * Saves every request's deadline as one .ics calendar where the user chooses (nothing is asked
 * when there is no deadline); `path` null when nothing was saved.
 */
export async function saveDeadlinesCalendar(
  entries: ReadonlyArray<{ item: RequestListItem; deadline: Deadline }>,
  files: { save(request: { suggestedName: string; kind: 'ics'; bytes: Uint8Array }): Promise<string | null> },
  now: Date,
): Promise<{ path: string | null; events: number }> {
  const calendar = deadlinesCalendar(entries, now)
  if (calendar.events === 0) return { path: null, events: 0 }
  const path = await files.save({ suggestedName: 'Rightful deadlines.ics', kind: 'ics', bytes: new TextEncoder().encode(calendar.text) })
  return { path, events: path ? calendar.events : 0 }
}
