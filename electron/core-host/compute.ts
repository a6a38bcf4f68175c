/**
 * The compute port of the core process: reading a policy runs in a worker thread of its own
 * (compute-worker.ts), so that the core's thread answers other calls meanwhile. The worker stops
 * after each step and goes on only when the core's checkpoint for that step has passed (progress
 * reported, a host's hold waited out); a cancel wakes it with "stop" and ends the thread at once.
 * The work is pure: ending it leaves nothing behind.
 */
import { Worker } from 'node:worker_threads'
import { CoreError, errorCodes, type ErrorCode } from '../core/shared/result'
import { cancelledError } from '../core/shared/operation'
import type { ComputePort } from '../core/api/ports'
import type { PolicyStep } from '../core/catalog/policy-import/extract'
import type { PolicyProposal } from '../core/catalog/policy-import/proposal'

/** The values of the shared cell the worker waits on after each step. */
export const gateValues = { wait: 0, go: 1, stop: 2 } as const

/** What the worker sends. */
export type ComputeMessage =
  | { readonly kind: 'step'; readonly step: PolicyStep }
  | { readonly kind: 'done'; readonly proposal: PolicyProposal }
  | { readonly kind: 'error'; readonly code: string | null; readonly message: string }

/** What the worker is given. */
export type ComputeJob = { readonly job: 'policy'; readonly input: unknown; readonly budgetMs: number; readonly gate: SharedArrayBuffer }

function isMessage(value: unknown): value is ComputeMessage {
  if (typeof value !== 'object' || value === null) return false
  const kind = (value as { kind?: unknown }).kind
  return kind === 'step' || kind === 'done' || kind === 'error'
}

/** A compute port whose work runs in `script` (the built compute-worker), one thread per job. */
export function createWorkerCompute(script: string): ComputePort {
  return {
    readPolicy(input, { budgetMs, signal, between }) {
      if (signal.aborted) return Promise.reject(cancelledError('Reading the policy'))
      const gate = new Int32Array(new SharedArrayBuffer(4))
      const job: ComputeJob = { job: 'policy', input, budgetMs, gate: gate.buffer as SharedArrayBuffer }
      const worker = new Worker(script, { workerData: job })
      return new Promise<PolicyProposal>((resolve, reject) => {
        let settled = false
        const finish = (outcome: { ok: true; proposal: PolicyProposal } | { ok: false; error: Error }) => {
          if (settled) return
          settled = true
          signal.removeEventListener('abort', onAbort)
          // Wakes a worker waiting after a step, then ends the thread whatever it was doing.
          Atomics.store(gate, 0, gateValues.stop)
          Atomics.notify(gate, 0)
          void worker.terminate()
          if (outcome.ok) resolve(outcome.proposal)
          else reject(outcome.error)
        }
        const onAbort = () => finish({ ok: false, error: cancelledError('Reading the policy') })
        signal.addEventListener('abort', onAbort, { once: true })
        worker.on('message', (message: unknown) => {
          if (!isMessage(message)) return finish({ ok: false, error: new Error('the policy reader sent something else') })
          switch (message.kind) {
            case 'step':
              between(message.step).then(
                () => {
                  Atomics.store(gate, 0, gateValues.go)
                  Atomics.notify(gate, 0)
                },
                (error: Error) => finish({ ok: false, error }),
              )
              return
            case 'done':
              return finish({ ok: true, proposal: message.proposal })
            case 'error': {
              const code = message.code !== null && (errorCodes as ReadonlyArray<string>).includes(message.code) ? (message.code as ErrorCode) : null
              return finish({ ok: false, error: code ? new CoreError(code, message.message) : new Error(message.message) })
            }
          }
        })
        worker.on('error', (error) => finish({ ok: false, error }))
        worker.on('exit', (code) => finish({ ok: false, error: new Error(`the policy reader stopped (exit code ${code})`) }))
      })
    },
  }
}
