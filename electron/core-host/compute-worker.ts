/**
 * The worker thread that reads a policy for the core process (compute.ts): it posts each step,
 * waits until the core says go on (or stop), and posts the proposal or the error. Built as its
 * own small bundle (vite.core.config.ts): only the policy reader is in it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { z } from 'zod'
import { CoreError } from '../core/shared/result'
import { extractPolicy, type PolicyStep } from '../core/catalog/policy-import/extract'
import { createTextBudget } from '../core/text/budget'
import { gateValues, type ComputeJob, type ComputeMessage } from './compute'

const jobSchema = z.strictObject({
  job: z.literal('policy'),
  input: z.strictObject({ text: z.string().max(2_000_000), format: z.enum(['text', 'markdown', 'html']), sourceUrl: z.string().max(10_000).optional() }),
  budgetMs: z.number().int().min(1).max(600_000),
  gate: z.instanceof(SharedArrayBuffer),
})

/** Thrown out of the reading when the core says stop. */
class Stopped extends Error {}

function run(port: NonNullable<typeof parentPort>, data: unknown): void {
  const post = (message: ComputeMessage) => port.postMessage(message)
  const parsed = jobSchema.safeParse(data)
  if (!parsed.success) {
    post({ kind: 'error', code: 'INTERNAL', message: `The policy reader was given something else (${parsed.error.issues[0]?.message}).` })
    return
  }
  const job: ComputeJob = parsed.data
  const gate = new Int32Array(job.gate)
  // The budget counts the reading only, not the time spent waiting for the core after a step.
  let waited = 0
  const step = (current: PolicyStep) => {
    Atomics.store(gate, 0, gateValues.wait)
    post({ kind: 'step', step: current })
    const start = performance.now()
    Atomics.wait(gate, 0, gateValues.wait)
    waited += performance.now() - start
    if (Atomics.load(gate, 0) === gateValues.stop) throw new Stopped()
  }
  try {
    const budget = createTextBudget({ what: 'the policy', limitMs: job.budgetMs, now: () => performance.now() - waited })
    const proposal = extractPolicy(parsed.data.input, { budget, onStep: step })
    post({ kind: 'done', proposal })
  } catch (error) {
    if (error instanceof Stopped) return
    if (error instanceof CoreError) post({ kind: 'error', code: error.code, message: error.message })
    else post({ kind: 'error', code: null, message: error instanceof Error ? error.message : String(error) })
  }
}

if (parentPort) run(parentPort, workerData)
