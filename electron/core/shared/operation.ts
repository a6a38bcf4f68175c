/**
 * Long operations (reading a policy, importing a catalog, a backup, a restore, an IMAP sync) run in
 * chunks. Between two chunks the operation reaches a checkpoint: it lets the event loop run (so
 * the host can answer other calls and hear a cancel), reports how far it is, and stops with
 * CANCELLED when the user asked it to. A chunk never ends half-way through a write: whatever an
 * operation writes is written atomically after its last checkpoint, or by steps that are each
 * whole (one reply of a sync), so a cancelled operation leaves either nothing or whole steps.
 */
import { CoreError } from './result'
import { message, type Message } from './message'

/** An operation id, chosen by the caller so that it can cancel before the answer comes. */
export const operationIdPattern = /^op-[A-Za-z0-9_-]{6,60}$/

/** How far an operation is: a stage (stable, for tests), counts where known, and words for people. */
export type OperationStep = {
  /** A short stable name of what it does now, e.g. "reading-files", "writing". */
  readonly stage: string
  /** Units done so far (steps, files, bytes, messages); with `total`, the fraction. */
  readonly done: number
  /** Units in all, or null when not known yet (the bar then shows activity only). */
  readonly total: number | null
  /** What it does, in words: "Reading file 120 of 3,070". */
  readonly message: string
  /** `message` as a key and parameters (core/messages), for the hosts to say in the user's language. */
  readonly detail?: Message
  /** False once it cannot be stopped any more (its result is being saved). */
  readonly cancellable: boolean
}

/** What the host hears about an operation the caller gave an id. */
export type OperationProgress = OperationStep & {
  readonly operation: string
  /** The API method that runs it, e.g. "catalog:import". */
  readonly channel: string
}

/** Where progress goes (the host pushes it to the window, or prints it). */
export type ProgressSink = (progress: OperationProgress) => void

/**
 * Lets a host hold an operation at its checkpoints (the browser harness does, for tests that need
 * an operation to stay in progress while they look at the window). The apps have none.
 */
export type OperationHold = {
  /** Resolves when the operation may go on. */
  at(point: { readonly operation: string; readonly channel: string; readonly stage: string }): Promise<void>
}

/** One running operation, as the code doing the work sees it. */
export type Operation = {
  /** The caller's id, or null for a call that gave none (it cannot be cancelled from outside). */
  readonly id: string | null
  /** Aborted when the operation is cancelled. */
  readonly signal: AbortSignal
  /** Throws CANCELLED when the operation was cancelled; cheap enough to call per item. */
  throwIfCancelled(): void
  /** Reports how far it is (sent on at most a few times a second, and at every change of stage). */
  report(step: OperationStep): void
  /**
   * Between two chunks: reports `step` (when given), lets the event loop run when the chunk has
   * taken a while, waits while a host holds the operation, and throws CANCELLED when cancelled.
   */
  checkpoint(step?: OperationStep): Promise<void>
}

/** The error a cancelled operation ends with. */
export function cancelledError(what = 'It'): CoreError {
  const key = cancelledKeys.get(what)
  return new CoreError('CANCELLED', `${what} was stopped, as you asked. Nothing was saved.`, undefined, message(key ? `error.cancelled.${key}` : 'error.cancelled.it'))
}

/** The message keys of the operations' names (core/messages error.cancelled.*), whose English reads as the sentence above. */
const cancelledKeys: ReadonlyMap<string, string> = new Map([
  ['It', 'it'],
  ['Reading the policy', 'readingPolicy'],
  ['Saving the company from its policy', 'savingPolicy'],
  ['The import', 'import'],
  ['The backup', 'backup'],
  ['The restore', 'restore'],
  ['The IMAP sync', 'sync'],
])

/** True for the error a cancelled operation ends with. */
export function isCancelled(error: unknown): boolean {
  return error instanceof CoreError && error.code === 'CANCELLED'
}

/** How long a chunk may run before a checkpoint lets the event loop run. */
export const chunkMs = 8

/** How often progress of one operation is sent on (stage changes and the end always are). */
const progressEveryMs = 100

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Creates an operation. `onProgress` hears its reports (throttled); `hold` may keep it at a
 * checkpoint; `what` names it in the CANCELLED message.
 */
export function createOperation(options: {
  id: string | null
  channel: string
  what?: string
  onProgress?: ProgressSink | null
  hold?: OperationHold | null
  now?: () => number
}): Operation & { cancel(): void } {
  const controller = new AbortController()
  const now = options.now ?? (() => performance.now())
  const what = options.what ?? 'It'
  let lastTurn = now()
  let lastSent = -Infinity
  let lastStage: string | null = null
  let pending: OperationStep | null = null
  // One promise for the whole operation: a held checkpoint wakes up when it is cancelled.
  const aborted = new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }))

  const send = (step: OperationStep) => {
    if (!options.onProgress || options.id === null) return
    lastSent = now()
    lastStage = step.stage
    pending = null
    try {
      options.onProgress({ operation: options.id, channel: options.channel, ...step })
    } catch (error) {
      // Progress is a courtesy: a host that cannot take it must not stop the work.
      console.error('[rightful] progress could not be reported:', error)
    }
  }

  const throwIfCancelled = () => {
    if (controller.signal.aborted) throw cancelledError(what)
  }

  const report = (step: OperationStep) => {
    if (step.stage !== lastStage || now() - lastSent >= progressEveryMs || (step.total !== null && step.done >= step.total)) send(step)
    else pending = step
  }

  return {
    id: options.id,
    signal: controller.signal,
    throwIfCancelled,
    report,
    async checkpoint(step) {
      throwIfCancelled()
      if (step) report(step)
      if (now() - lastTurn >= chunkMs) {
        await nextTurn()
        lastTurn = now()
        // A report held back by the throttle goes out when the work pauses anyway.
        if (pending && now() - lastSent >= progressEveryMs) send(pending)
      }
      if (options.hold && options.id !== null) {
        const stage = step?.stage ?? lastStage ?? 'working'
        await Promise.race([options.hold.at({ operation: options.id, channel: options.channel, stage }), aborted])
        lastTurn = now()
      }
      throwIfCancelled()
    },
    cancel() {
      controller.abort()
    },
  }
}

/** An operation nobody can cancel and nobody watches: for calls that gave no id, and for tests. */
export function detachedOperation(channel = 'internal'): Operation {
  return createOperation({ id: null, channel })
}
