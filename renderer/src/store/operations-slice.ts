/**
 * Long operations the window started (reading a policy, importing companies, a backup, a
 * restore, an IMAP sync): each gets an id before it is called, so that its progress can be shown
 * while it runs and it can be stopped (operations:cancel) before it answers. The core owns the
 * work; this slice only knows what is running, how far it is, and where it was started.
 */
import type { OperationChannel } from '@core/api/channels'
import type { Result } from '@core/shared/result'
import type { OperationProgress } from '@core/shared/operation'
import { api, messageOf, unwrap } from '../api'
import { withEntry, withoutEntry } from './keyed'
import type { Route } from './routes'
import type { Slice } from './types'
import { errorText } from '../ui/messages'

/** An operation in progress, as the window shows it. */
export type RunningOperation = {
  readonly id: string
  readonly channel: OperationChannel
  /** What it is, in words: "Reading the policy". */
  readonly label: string
  /** Where it was started: that page shows it itself; elsewhere the activity bar does. */
  readonly route: Route
  /** The latest report, or null until the first one comes. */
  readonly progress: OperationProgress | null
  /** Cancel was asked; it ends at its next checkpoint. */
  readonly cancelling: boolean
}

export type OperationsSlice = {
  /** By id (a Map: ids are keys, never plain-object properties). */
  operations: ReadonlyMap<string, RunningOperation>
  /**
   * Runs a long operation: gives it an id, shows its progress while `call(id)` runs, and forgets
   * it when the answer comes (whatever it is). Resolves to the core's Result.
   */
  runOperation<T>(channel: OperationChannel, label: string, call: (operation: string) => Promise<Result<T>>): Promise<Result<T>>
  /** Takes a progress report from the core (reports of operations not started here are dropped). */
  applyProgress(progress: OperationProgress): void
  /** Asks the core to stop an operation; it ends with CANCELLED and nothing saved. */
  cancelOperation(id: string): Promise<void>
}

/** A fresh operation id ("op-" and 20 random hex digits, as the contract's pattern wants). */
export function newOperationId(): string {
  const bytes = new Uint8Array(10)
  crypto.getRandomValues(bytes)
  return `op-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

export const createOperationsSlice: Slice<OperationsSlice> = (set, get) => ({
  operations: new Map(),

  async runOperation(channel, label, call) {
    const id = newOperationId()
    const route = get().route
    set({ operations: withEntry(get().operations, id, { id, channel, label, route, progress: null, cancelling: false }) })
    try {
      const result = await call(id)
      // Stopped from the activity bar on another page: the page that started it is not there to say so.
      if (!result.ok && result.error.code === 'CANCELLED' && JSON.stringify(get().route) !== JSON.stringify(route)) get().toast('success', errorText(result.error))
      return result
    } finally {
      set({ operations: withoutEntry(get().operations, id) })
    }
  },

  applyProgress(progress) {
    const running = get().operations.get(progress.operation)
    if (!running) return
    set({ operations: withEntry(get().operations, running.id, { ...running, progress }) })
  },

  async cancelOperation(id) {
    const running = get().operations.get(id)
    if (!running || running.cancelling) return
    set({ operations: withEntry(get().operations, id, { ...running, cancelling: true }) })
    try {
      unwrap(await api().operations.cancel({ operation: id }))
    } catch (error) {
      const still = get().operations.get(id)
      if (still) set({ operations: withEntry(get().operations, id, { ...still, cancelling: false }) })
      get().toast('error', messageOf(error))
    }
  },
})

/** Selectors over the running operations. */
export const operationSelectors = {
  /** The operation of this channel started on this page, if one runs. */
  startedHere: (channel: OperationChannel, route: Route) => (state: { operations: ReadonlyMap<string, RunningOperation> }) => {
    for (const op of state.operations.values()) if (op.channel === channel && JSON.stringify(op.route) === JSON.stringify(route)) return op
    return null
  },
  /** The operation of this channel, wherever it was started. */
  ofChannel: (channel: OperationChannel) => (state: { operations: ReadonlyMap<string, RunningOperation> }) => {
    for (const op of state.operations.values()) if (op.channel === channel) return op
    return null
  },
}
