/**
 * A worker process for the tests of two or more processes on one data folder, and for the kill
 * loop: opens the core on a data folder (as the CLI does) and runs a list of changes one after the
 * other, acknowledging each on stdout the moment the API answered (`{"ack": i, ...}`), as a person
 * would see it done. Writes to a pipe are synchronous on Linux, so an acknowledgement written
 * before a kill reaches the parent.
 *
 *   node --import tsx test/helpers/folder-worker.ts <dataDir> <plan.json> [killAt] [resourcesRoot]
 *
 * With `killAt` n > 0 the process kills itself with SIGKILL (no clean-up, no finally) just before
 * the nth step of any kind that changes the data folder (a write, rename, link, append, removal or
 * new folder), as `kill -9` or a power cut would stop it; without it, it prints how many such steps
 * it took (`{"done": true, "steps": n}`). The kill loop runs it bundled (kill-loop.ts), which
 * starts faster; then `resourcesRoot` says where templates/ and assets/ are.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createApi } from '../../electron/core/api/create-api'
import { createNodePorts, folderSink } from '../../electron/adapters/node/node-ports'
import type { UserEventKind } from '../../electron/core/requests/events'

/** One change of a plan. */
export type WorkerOp =
  | { readonly op: 'event'; readonly reference: string; readonly kind: UserEventKind; readonly on: string; readonly note: string }
  | { readonly op: 'catalog-add'; readonly name: string; readonly email: string }
  | { readonly op: 'contact'; readonly companyId: string; readonly email: string }
  | { readonly op: 'create'; readonly companyId: string }
  | { readonly op: 'reply'; readonly name: string; readonly base64: string }
  | { readonly op: 'settings'; readonly daysBefore: number }

export type WorkerPlan = { readonly clock: string; readonly ops: ReadonlyArray<WorkerOp> }

/** What the worker prints for each change the API confirmed. */
export type WorkerAck = { readonly ack: number; readonly op: WorkerOp['op']; readonly id: string; readonly reference?: string }

const [dataDir, planFile, killAtText, resourcesArg] = process.argv.slice(2)
if (!dataDir || !planFile) {
  process.stderr.write('usage: folder-worker.ts <dataDir> <plan.json> [killAt]\n')
  process.exit(2)
}
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as WorkerPlan
const killAt = Number(killAtText ?? 0)

const say = (value: unknown) => fs.writeSync(1, `${JSON.stringify(value)}\n`)

let steps = 0
type Fs = Record<string, (...args: unknown[]) => unknown>
const watched = fs as unknown as Fs
for (const name of ['writeFileSync', 'writeSync', 'renameSync', 'linkSync', 'appendFileSync', 'rmSync', 'unlinkSync', 'mkdirSync', 'openSync']) {
  const original = watched[name]!
  watched[name] = (...args: unknown[]) => {
    // Writing to stdout is the acknowledgement, not a change of the folder; opening only for reading changes nothing.
    const isStdout = name === 'writeSync' && args[0] === 1
    const readOnly = name === 'openSync' && (args[1] === undefined || args[1] === 'r')
    if (!isStdout && !readOnly) {
      steps += 1
      if (steps === killAt) process.kill(process.pid, 'SIGKILL')
    }
    return original(...args)
  }
}

const repoRoot = resourcesArg ?? path.resolve(__dirname, '..', '..')
let now = new Date(plan.clock)
const ports = createNodePorts({
  dataDir,
  resourcesRoot: repoRoot,
  appVersion: '0.0.0-worker',
  files: folderSink(path.join(dataDir, '..', `${path.basename(dataDir)}-worker-out`)),
  clock: { now: () => new Date(now) },
})
const api = createApi(ports)

void (async () => {
  for (const [i, op] of plan.ops.entries()) {
    now = new Date(now.getTime() + 1000)
    let result: { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }
    let id = ''
    let reference: string | undefined
    switch (op.op) {
      case 'event': {
        result = await api.call('requests:addEvent', { reference: op.reference, kind: op.kind, on: op.on, note: op.note })
        if (result.ok) {
          const events = (result.data as { record: { events: Array<{ id: string; note: string | null }> } }).record.events
          id = events.find((e) => e.note === op.note)?.id ?? ''
          reference = op.reference
        }
        break
      }
      case 'catalog-add': {
        result = await api.call('catalog:save', { name: op.name, emails: [{ address: op.email, purpose: 'privacy', status: 'current' }] })
        if (result.ok) id = (result.data as { id: string }).id
        break
      }
      case 'contact': {
        result = await api.call('catalog:addContact', { companyId: op.companyId, email: op.email, purpose: 'privacy' })
        if (result.ok) id = op.companyId
        break
      }
      case 'create': {
        result = await api.call('requests:create', { companyId: op.companyId, type: 'access', law: 'gdpr', lang: 'en' })
        if (result.ok) id = (result.data as { record: { reference: string } }).record.reference
        break
      }
      case 'reply': {
        result = await api.call('replies:import', { files: [{ name: op.name, base64: op.base64 }] })
        if (result.ok) {
          const data = result.data as { outcomes: Array<{ replyId: string; eventId: string | null; matched: string | null }>; failed: Array<{ message: string }> }
          const first = data.outcomes[0]
          if (!first || !first.eventId) {
            result = { ok: false, error: { code: 'NOT_ATTACHED', message: data.failed[0]?.message ?? 'the reply was not put on a timeline' } }
          } else {
            id = first.replyId
            reference = first.matched ?? undefined
          }
        }
        break
      }
      case 'settings': {
        result = await api.call('settings:update', { notifications: { daysBefore: op.daysBefore } })
        if (result.ok) id = String(op.daysBefore)
        break
      }
    }
    if (result.ok) {
      const ack: WorkerAck = { ack: i, op: op.op, id, ...(reference ? { reference } : {}) }
      say(ack)
    } else {
      say({ fail: i, op: op.op, code: result.error.code, message: result.error.message })
    }
  }
  say({ done: true, steps })
  process.exit(0)
})()
