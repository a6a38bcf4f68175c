/**
 * What the window derives from the store, written once: components select it (`useStore(selectX)`)
 * instead of computing it where they stand. Each selector returns a primitive or a stable value,
 * so a component re-renders only when the answer changes.
 */
import { needsAttention } from '@core/requests/status'
import type { State } from './types'

/** How many requests need the user now (the badge beside Requests; the dashboard's filter uses the same rule). */
export function selectAttentionCount(state: Pick<State, 'requests'>): number {
  let count = 0
  for (const request of state.requests ?? []) if (needsAttention(request.status)) count += 1
  return count
}
