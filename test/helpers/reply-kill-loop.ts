/**
 * The kill loop for importing a reply: a child process imports one message into a copy of a data
 * folder (a sent request waiting for its answer) and is killed with SIGKILL before a step chosen
 * at random (fixed seed) among every step that changes the folder, opening included; then a fresh
 * core opens the folder and the user imports the message again. Counted: acknowledged imports
 * lost, orphan "reply received" events (on the timeline without a reply record), the same message
 * twice on the timeline, and temporary files left behind. Used by a test (a few trials) and by
 * `npx tsx bench/reply-kill-loop.ts` (200).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { expectOk, repoRoot, startCore, tempDir, testClock } from './ports'
import { markedSent, simpleEml } from './replies'
import { seeded as random } from './seeded'

export type KillLoopReport = {
  readonly trials: number
  /** Steps an import takes from opening the folder to the answer (the range kills are drawn from). */
  readonly steps: number
  readonly killed: number
  readonly completed: number
  readonly acknowledgedLost: number
  readonly orphanEvents: number
  readonly duplicateEvents: number
  readonly leftoverTempFiles: number
  /** One line per trial that found something wrong. */
  readonly problems: ReadonlyArray<string>
}


const temporary = /\.tmp$|^\.import-|\.tmp-\d{10}[0-9a-f]{6}$/

function leftovers(dir: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (temporary.test(entry.name)) found.push(path.join(dir, entry.name))
    else if (entry.isDirectory()) found.push(...leftovers(path.join(dir, entry.name)))
  }
  return found
}

function runChild(dataDir: string, eml: string, nth: number): { killed: boolean; ok: boolean; steps: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'helpers', 'kill-import.ts'), dataDir, eml, '*', String(nth)], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  })
  if (child.signal === 'SIGKILL') return { killed: true, ok: false, steps: nth }
  if (child.status !== 0) throw new Error(`the import process failed: ${child.stderr}`)
  const answer = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { ok?: boolean; steps: number; message?: string }
  if (!answer.ok) throw new Error(`the import was refused: ${answer.message}`)
  return { killed: false, ok: true, steps: answer.steps }
}

export async function replyKillLoop(options: { trials: number; seed: number; log?: (line: string) => void }): Promise<KillLoopReport> {
  const clock = testClock('2026-01-31T10:00:00Z')
  const template = startCore({ clock })
  const reference = await markedSent(template)
  const bytes = simpleEml({ from: 'privacy@fs.com', subject: `Re: ${reference}`, body: 'We have received your request and will answer within one month.', messageId: '<kill-loop@fs.com>' })
  const sha = createHash('sha256').update(bytes).digest('hex')
  const eml = path.join(tempDir('rightful-kill-eml-'), 'reply.eml')
  fs.writeFileSync(eml, bytes)
  const copy = () => {
    const dir = tempDir('rightful-kill-')
    fs.cpSync(template.dataDir, dir, { recursive: true })
    return dir
  }

  const { steps } = runChild(copy(), eml, 0)
  const next = random(options.seed)
  const counts = { killed: 0, completed: 0, acknowledgedLost: 0, orphanEvents: 0, duplicateEvents: 0, leftoverTempFiles: 0 }
  const problems: string[] = []
  for (let trial = 1; trial <= options.trials; trial += 1) {
    // 1..steps kills before that step; steps + 1 lets the import finish.
    const nth = 1 + Math.floor(next() * (steps + 1))
    const dataDir = copy()
    const outcome = runChild(dataDir, eml, nth)
    if (outcome.killed) counts.killed += 1
    else counts.completed += 1

    clock.set('2026-02-10T09:00:00Z')
    const host = startCore({ dataDir, clock })
    const records = () => host.api.call('replies:list', { reference }).then((r) => expectOk(r).filter((x) => x.sha256 === sha))
    const events = () =>
      host.api.call('requests:get', { reference }).then((r) => expectOk(r).record.events.filter((e) => e.kind === 'reply-received' && e.removedAt === null))
    const found: string[] = []
    const kept = await records()
    const onTimeline = await events()
    if (outcome.ok && kept.length === 0) {
      counts.acknowledgedLost += 1
      found.push('the acknowledged import is gone')
    }
    const orphans = onTimeline.filter((e) => !kept.some((r) => r.eventId === e.id))
    counts.orphanEvents += orphans.length
    if (orphans.length > 0) found.push(`${orphans.length} orphan event(s)`)
    const left = leftovers(dataDir)
    counts.leftoverTempFiles += left.length
    if (left.length > 0) found.push(`left behind: ${left.map((f) => path.relative(dataDir, f)).join(', ')}`)

    // The user imports the message again: it is there exactly once.
    const again = expectOk(await host.api.call('replies:import', { files: [{ name: 'reply.eml', base64: bytes.toString('base64') }] }))
    if (again.failed.length > 0) found.push(`importing again failed: ${again.failed[0]!.message}`)
    const [finalRecords, finalEvents] = [await records(), await events()]
    if (finalRecords.length !== 1 || finalEvents.length !== 1 || finalRecords[0]!.eventId !== finalEvents[0]!.id) {
      counts.duplicateEvents += Math.max(0, finalEvents.length - 1)
      found.push(`after importing again: ${finalRecords.length} record(s), ${finalEvents.length} event(s)`)
    }
    if (found.length > 0) problems.push(`trial ${trial} (killed before step ${nth} of ${steps}): ${found.join('; ')}`)
    options.log?.(`trial ${trial}: ${outcome.killed ? `killed before step ${nth}` : 'completed'}${found.length ? ` - ${found.join('; ')}` : ''}`)
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(`${dataDir}-out`, { recursive: true, force: true })
  }
  return { trials: options.trials, steps, ...counts, problems }
}
