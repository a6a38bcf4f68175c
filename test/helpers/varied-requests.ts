import type { RequestRecordInput } from '../../electron/core/requests/model'

/** How `variedRequest` spreads requests over laws, countries, dates and states. */
export type Variety = {
  /** [country or region, law] pairs, taken in turn. */
  readonly places: ReadonlyArray<readonly [string, string]>
  /** The first request's date (YYYY-MM-DD); each next one `everyDays` later. */
  readonly from: string
  readonly everyDays: number
  /** Every `unsentEvery`-th request (0, n, 2n, …) is a draft; the others were sent by e-mail. */
  readonly unsentEvery: number
  readonly body: string
}

/**
 * A request as the repository stores it, the i-th of a varied set: its law and country, its date and
 * whether it was sent follow from `i`, so a folder of many of them holds many distinct deadlines.
 */
export function variedRequest(reference: string, i: number, variety: Variety): RequestRecordInput {
  const [jurisdiction, law] = variety.places[i % variety.places.length]!
  const on = new Date(Date.parse(`${variety.from}T00:00:00Z`) + i * variety.everyDays * 86_400_000).toISOString().slice(0, 10)
  const stamp = `${on}T09:00:00.000Z`
  const sender = { name: 'Alex Example', email: 'alex@example.org', address: ['Musterstraße 12', '10115 Berlin'], country: 'DE' }
  const draft = { to: 'privacy@example.com', recipientAddress: null, sender, subject: `Access request – ${reference}`, body: variety.body }
  const sent = i % variety.unsentEvery !== 0
  return {
    schemaVersion: 1,
    reference,
    createdAt: stamp,
    updatedAt: stamp,
    company: { id: `company-${i}`, name: `Company ${i}`, jurisdiction },
    type: 'access',
    law,
    lang: 'en',
    draft,
    sent: sent ? { on, channel: 'email', to: draft.to, recipientAddress: null, sender, subject: draft.subject, body: draft.body, bodySha256: '0'.repeat(64) } : null,
    events: sent
      ? [
          { id: 'ev-1', kind: 'created', on, recordedAt: stamp },
          { id: 'ev-2', kind: 'sent', on, recordedAt: stamp, channel: 'email' },
        ]
      : [{ id: 'ev-1', kind: 'created', on, recordedAt: stamp }],
  } as RequestRecordInput
}
