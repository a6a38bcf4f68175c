/**
 * The kill loop for the data folder (issue 12): in each trial two worker processes
 * (folder-worker.ts) change one data folder at the same time: events on two requests, companies
 * added, contacts added to a built-in company, new requests, replies imported (each worker also
 * imports the other's reply, so the same message arrives twice at once). One of them is killed
 * with SIGKILL at a step drawn with a fixed seed (any step that changes the folder, opening
 * included, often while it holds the folder's lock); the other runs on and must take the lock
 * over. Then a fresh core opens the folder, as the next start would, and counts:
 *
 *   lost        acknowledged changes (the API said yes) not in the folder
 *   orphans     "reply received" events with no reply record, and messages on a timeline twice
 *   doubles     references handed out twice
 *   damaged     files found unreadable (notices of damage)
 *   leftovers   temporary files, takeover claims or an abandoned lock left after that open
 *
 * Everything acknowledged in any trial is checked again at the end. Used by a test (a few
 * trials), by `npm run bench` (a short run) and by `npx tsx bench/kill-loop.ts` (200 trials).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { WorkerAck, WorkerOp, WorkerPlan } from './folder-worker'
import { expectOk, sampleProfile, startCore, tempDir, testClock, type TestHost } from './ports'
import { simpleEml } from './replies'
import { bundleWorker, runWorker, type WorkerRun } from './shared-folder'
import { seeded } from './seeded'

export type KillLoopReport = {
  readonly trials: number
  readonly seed: number
  readonly killed: number
  /** Acknowledged changes, all checked: events, companies, contacts, requests, replies. */
  readonly acknowledged: number
  readonly lost: number
  readonly orphans: number
  readonly doubles: number
  readonly damaged: number
  readonly leftovers: number
  /** One line per trial that found something wrong. */
  readonly problems: ReadonlyArray<string>
}


const workerClock = '2026-02-10T09:00:00Z'
const temporary = /\.tmp$|^\.import-|\.tmp-\d{10}[0-9a-f]{6}$|^\.rightful\.lock/

/** Temporary files, claims and locks anywhere in the folder. */
function leftoversIn(dir: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (temporary.test(entry.name)) found.push(path.join(dir, entry.name))
    else if (entry.isDirectory()) found.push(...leftoversIn(path.join(dir, entry.name)))
  }
  return found
}

type Ground = {
  /** Event id → request reference. */
  readonly events: Map<string, string>
  /** Company id → its e-mail address. */
  readonly companies: Map<string, string>
  /** E-mail addresses added as contacts of the built-in company. */
  readonly contacts: Set<string>
  readonly requests: Set<string>
  /** Reply id → the request it is on. */
  readonly replies: Map<string, string>
  /** The requests replies were imported for, to look for orphan and doubled events on. */
  readonly answered: Set<string>
}

const contactCompany = 'foscam'

/** The changes of one worker in one trial: a seeded mix, each with a name no other change has. */
function planFor(trial: number, worker: string, next: () => number, targets: ReadonlyArray<string>, messages: ReadonlyArray<{ name: string; base64: string }>): WorkerOp[] {
  const tag = `t${trial}${worker}`
  const ops: WorkerOp[] = []
  const count = 4 + Math.floor(next() * 3)
  for (let i = 0; i < count; i += 1) {
    const draw = next()
    const target = targets[Math.floor(next() * targets.length)]!
    if (draw < 0.35) ops.push({ op: 'event', reference: target, kind: 'acknowledged', on: '2026-02-05', note: `${tag}-${i}` })
    else if (draw < 0.55) ops.push({ op: 'catalog-add', name: `Kill Loop ${tag}-${i} Ltd`, email: `privacy@${tag}-${i}.example` })
    else if (draw < 0.7) ops.push({ op: 'contact', companyId: contactCompany, email: `${tag}-${i}@contact.example` })
    else if (draw < 0.8) ops.push({ op: 'create', companyId: 'fs-com' })
    else ops.push({ op: 'reply', ...messages[Math.floor(next() * messages.length)]! })
  }
  return ops
}

export async function killLoop(options: { trials: number; seed: number; log?: (line: string) => void }): Promise<KillLoopReport> {
  const clock = testClock('2026-01-31T10:00:00Z')
  const dataDir = tempDir('rightful-kill-loop-')
  const setup = startCore({ dataDir, clock })
  expectOk(await setup.api.call('profile:save', sampleProfile))
  const targets: string[] = []
  for (const companyId of ['fs-com', 'b2s']) {
    const { record } = expectOk(await setup.api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await setup.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
    targets.push(record.reference)
  }
  const ground: Ground = { events: new Map(), companies: new Map(), contacts: new Set(), requests: new Set(targets), replies: new Map(), answered: new Set() }
  const counts = { killed: 0, lost: 0, orphans: 0, doubles: 0, damaged: 0, leftovers: 0 }
  const problems: string[] = []
  const next = seeded(options.seed)
  const bundle = await bundleWorker()
  /** Steps a worker's plan took when it ran to the end, to draw kill points from (grows as the folder does). */
  let steps = 0

  const take = (run: WorkerRun, plan: ReadonlyArray<WorkerOp>, found: string[]) => {
    for (const ack of run.acks as ReadonlyArray<WorkerAck>) {
      const op = plan[ack.ack]!
      if (op.op === 'event') ground.events.set(ack.id, op.reference)
      else if (op.op === 'catalog-add') ground.companies.set(ack.id, op.email)
      else if (op.op === 'contact') ground.contacts.add(op.email)
      else if (op.op === 'create') {
        if (ground.requests.has(ack.id)) {
          counts.doubles += 1
          found.push(`${ack.id} handed out twice`)
        }
        ground.requests.add(ack.id)
      } else if (op.op === 'reply' && ack.reference) ground.replies.set(ack.id, ack.reference)
    }
    for (const fail of run.fails) found.push(`a change was refused: ${fail.op} ${fail.code} ${fail.message}`)
  }

  for (let trial = 1; trial <= options.trials; trial += 1) {
    const messages = ['a', 'b'].map((who) => {
      const bytes = simpleEml({
        from: 'privacy@fs.com',
        subject: `Re: ${targets[0]}`,
        body: `Trial ${trial}, answer ${who}: we have received your request.`,
        messageId: `<kill-loop-${trial}-${who}@fs.com>`,
      })
      return { name: `reply-${trial}-${who}.eml`, base64: bytes.toString('base64') }
    })
    ground.answered.add(targets[0]!)
    const planA = planFor(trial, 'a', next, targets, messages)
    const planB = planFor(trial, 'b', next, targets, messages)
    // Both import this trial's first message, so that two processes import it at the same time.
    planA.push({ op: 'reply', ...messages[0]! })
    planB.unshift({ op: 'reply', ...messages[0]! })
    const killAt = steps === 0 ? 0 : 1 + Math.floor(next() * Math.ceil(steps * 1.2))
    const plan = (ops: WorkerOp[]): WorkerPlan => ({ clock: workerClock, ops })
    const [runA, runB] = await Promise.all([runWorker(dataDir, plan(planA), killAt, bundle), runWorker(dataDir, plan(planB), 0, bundle)])
    if (runA.steps !== null) steps = Math.max(steps, runA.steps)
    if (runA.killed) counts.killed += 1
    const found: string[] = []
    if (runB.killed) found.push('the worker that was not to be killed died')
    take(runA, planA, found)
    take(runB, planB, found)

    // The next start: a fresh core opens the folder and looks (which completes what was stopped).
    const host = startCore({ dataDir, clock })
    // The catalog (slow to open) every fifth trial and at the end; what is lost stays lost, so it is found then.
    await check(host, ground, counts, found, { catalog: trial % 5 === 0 || trial === options.trials })
    if (found.length > 0) problems.push(`trial ${trial} (${runA.killed ? `killed at step ${killAt}` : 'not killed'}): ${found.join('; ')}`)
    options.log?.(`trial ${trial}: ${runA.killed ? `killed at step ${killAt} of about ${steps}` : 'ran to the end'}, ${runA.acks.length + runB.acks.length} changes acknowledged${found.length ? ` - ${found.join('; ')}` : ''}`)
  }
  fs.rmSync(path.dirname(bundle), { recursive: true, force: true })
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(`${dataDir}-out`, { recursive: true, force: true })
  fs.rmSync(`${dataDir}-worker-out`, { recursive: true, force: true })
  const acknowledged = ground.events.size + ground.companies.size + ground.contacts.size + (ground.requests.size - targets.length) + ground.replies.size
  return { trials: options.trials, seed: options.seed, ...counts, acknowledged, problems }
}

/**
 * Checks the folder against everything acknowledged so far; adds what it finds to `counts` and
 * `found`.
 */
async function check(
  host: TestHost,
  ground: Ground,
  counts: { lost: number; orphans: number; doubles: number; damaged: number; leftovers: number },
  found: string[],
  options: { catalog: boolean },
): Promise<void> {
  let lost = 0
  const replies = expectOk(await host.api.call('replies:list', {}))
  const live = new Map(replies.map((r) => [r.id, r]))
  const listed = new Set(expectOk(await host.api.call('requests:list', {})).map((r) => r.reference))
  for (const reference of ground.requests) {
    if (!listed.has(reference)) {
      lost += 1
      found.push(`request ${reference} is not listed`)
    }
  }
  for (const reference of new Set(ground.events.values())) {
    const events = expectOk(await host.api.call('requests:get', { reference })).record.events
    for (const [id, on] of ground.events) {
      if (on === reference && !events.some((e) => e.id === id && e.removedAt === null)) {
        lost += 1
        found.push(`event ${id} of ${reference} is gone`)
      }
    }
  }
  for (const reference of new Set([...ground.answered, ...ground.replies.values()])) {
    const events = expectOk(await host.api.call('requests:get', { reference })).record.events.filter((e) => e.kind === 'reply-received' && e.removedAt === null)
    for (const event of events) {
      if (!replies.some((r) => r.eventId === event.id && r.state === 'attached')) {
        counts.orphans += 1
        found.push(`orphan event ${event.id} on ${reference}`)
      }
    }
    const bySha = new Map<string, number>()
    for (const event of events) {
      const sha = event.attachments[0]?.sha256 ?? ''
      bySha.set(sha, (bySha.get(sha) ?? 0) + 1)
    }
    for (const [sha, times] of bySha) {
      if (times > 1) {
        counts.orphans += times - 1
        found.push(`message ${sha.slice(0, 12)} on ${reference} ${times} times`)
      }
    }
  }
  for (const [id, reference] of ground.replies) {
    const record = live.get(id)
    if (!record || record.state !== 'attached' || record.match.reference !== reference) {
      lost += 1
      found.push(`reply ${id} is gone from ${reference}`)
    }
  }
  // The catalog: every company and contact the API said it kept.
  if (options.catalog) {
    for (const [id, email] of ground.companies) {
      const got = await host.api.call('catalog:get', { id })
      if (!got.ok || !got.data.emails.some((e) => e.address === email)) {
        lost += 1
        found.push(`company ${id} is gone`)
      }
    }
    const contacts = new Set(expectOk(await host.api.call('catalog:get', { id: contactCompany })).emails.map((e) => e.address))
    for (const email of ground.contacts) {
      if (!contacts.has(email)) {
        lost += 1
        found.push(`contact ${email} is gone`)
      }
    }
  }
  const notices = expectOk(await host.api.call('app:status', {})).notices
  for (const notice of notices) {
    counts.damaged += 1
    found.push(`${notice.code}: ${notice.message.slice(0, 200)}`)
    expectOk(await host.api.call('app:dismissNotice', { id: notice.id }))
  }
  const left = leftoversIn(host.dataDir)
  counts.leftovers += left.length
  if (left.length > 0) found.push(`left behind: ${left.map((f) => path.relative(host.dataDir, f)).join(', ')}`)
  // Lost is a state, not an event: everything acknowledged so far is checked each time, and what
  // is gone stays gone, so the last check's count is the run's.
  counts.lost = lost
}
