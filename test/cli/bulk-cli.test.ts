// @module-tag server
// @module-tag process
/**
 * `rightful bulk` as a real process against smtp-server on loopback, killed with SIGKILL in the
 * middle of a batch, then `rightful bulk resume`: nothing is lost (every company of the batch is
 * there, every request written), nothing is sent twice (counted by the server), and the one
 * e-mail whose outcome is unknown (killed while the server held its data) waits for the user's
 * confirmation, as a single send does.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { repoRoot, tempDir } from '../helpers/ports'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server'

const script = path.join(repoRoot, 'test', 'helpers', 'cli-process.ts')
const user = 'alex@example.org'
const pass = 'p4ss word'
const companies = ['spotify', 'netflix', 'fs-com', 'foscam', 'amazon-de', 'google', 'acxiom-broker']

const servers: TestSmtpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

function profileFile(dir: string): string {
  const file = path.join(dir, 'me.json')
  fs.writeFileSync(file, JSON.stringify({ name: 'Alex Example', email: user, address: 'Musterstraße 12\n10115 Berlin\nGermany', country: 'DE' }))
  return file
}

async function run(argv: string[], dataDir: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir, RIGHTFUL_SMTP_PASSWORD: pass }, cwd: dataDir, prompt: null }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr, json: stdout.trim().startsWith('{') || stdout.trim().startsWith('[') ? JSON.parse(stdout) : null }
}

type Results = { batch: string; state: string; results: Array<{ company: string; reference: string | null; status: string; channel: string }> }

function acceptedByReference(smtp: TestSmtpServer): Map<string, number> {
  const counts = new Map<string, number>()
  for (const message of smtp.received) {
    const reference = /RF-\d{4}-\d{4,}/.exec(message.raw.toString('utf8'))?.[0] ?? '?'
    counts.set(reference, (counts.get(reference) ?? 0) + 1)
  }
  return counts
}

/** Starts `rightful bulk` as a child process; `killWhen` decides, from the server, when to SIGKILL it. */
async function bulkKilled(smtp: TestSmtpServer, dataDir: string, arm: (kill: () => void) => void): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const args = ['bulk', ...companies.flatMap((c) => ['--company', c]), '--type', 'access', '--law', 'gdpr', '--profile', profileFile(dataDir), '--smtp', `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`, '--plain', '--rate', '600', '--json']
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, env: { ...process.env, RIGHTFUL_DATA_DIR: dataDir, RIGHTFUL_SMTP_PASSWORD: pass }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  child.stdout!.resume()
  arm(() => child.kill('SIGKILL'))
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)))
  return { signal, stderr }
}

describe('rightful bulk, killed half-way, then bulk resume', () => {
  it('loses nothing and sends nothing twice; the e-mail in flight at the kill waits for confirmation', async () => {
    const smtp = await startSmtpServer({ auth: { user, pass } })
    servers.push(smtp)
    const dataDir = tempDir()
    // After three accepted e-mails, the server holds the fourth one's data without answering, and the process is killed then.
    const killed = await bulkKilled(smtp, dataDir, (kill) => {
      const watch = setInterval(() => {
        if (smtp.received.length >= 3 && smtp.fault === null) {
          smtp.fault = { at: 'hang-after-data' }
          smtp.onHang = () => {
            clearInterval(watch)
            kill()
          }
        }
      }, 5)
    })
    expect(killed.signal).toBe('SIGKILL')
    expect(smtp.received).toHaveLength(3)
    expect(smtp.dataStarted).toBe(4)
    smtp.fault = null
    smtp.onHang = null

    const listed = await run(['bulk', 'list', '--json'], dataDir)
    expect(listed.code).toBe(0)
    expect(listed.json).toHaveLength(1)
    const batchId = (listed.json as Array<{ id: string }>)[0]!.id

    const resumed = await run(['bulk', 'resume', '--smtp', `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`, '--plain', '--rate', '600', '--json'], dataDir)
    const after = resumed.json as Results
    expect(after.batch).toBe(batchId)
    // Nothing lost: every company is in the batch with its request.
    expect(after.results.map((r) => r.company).sort()).toEqual([...companies].sort())
    expect(after.results.every((r) => r.reference !== null && r.channel === 'email')).toBe(true)
    const uncertain = after.results.filter((r) => r.status === 'uncertain')
    expect(uncertain).toHaveLength(1)
    expect(after.results.filter((r) => r.status === 'sent')).toHaveLength(companies.length - 1)
    expect(resumed.code).toBe(1) // one e-mail needs the user
    // Nothing twice: each sent e-mail reached the server once; the uncertain one was not sent again.
    const accepted = acceptedByReference(smtp)
    for (const r of after.results) expect(accepted.get(r.reference!) ?? 0).toBe(r.status === 'sent' ? 1 : 0)
    expect(smtp.received).toHaveLength(companies.length - 1)

    // Resuming again sends nothing; confirming the uncertain one sends it, once.
    const again = await run(['bulk', 'resume', batchId, '--smtp', `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`, '--plain', '--json'], dataDir)
    expect((again.json as Results).results.filter((r) => r.status === 'uncertain')).toHaveLength(1)
    expect(smtp.received).toHaveLength(companies.length - 1)
    const confirmed = await run(['bulk', 'resume', batchId, '--confirm-resend', uncertain[0]!.reference!, '--smtp', `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`, '--plain', '--json'], dataDir)
    expect(confirmed.code).toBe(0)
    expect((confirmed.json as Results).state).toBe('finished')
    expect((confirmed.json as Results).results.every((r) => r.status === 'sent')).toBe(true)
    expect([...acceptedByReference(smtp).values()]).toEqual(companies.map(() => 1))
  })

  it('killed at an arbitrary moment between sends: every e-mail reaches the server at most once, and all are sent after resume', async () => {
    const smtp = await startSmtpServer({ auth: { user, pass } })
    servers.push(smtp)
    const dataDir = tempDir()
    const killed = await bulkKilled(smtp, dataDir, (kill) => {
      const watch = setInterval(() => {
        if (smtp.received.length >= 2) {
          clearInterval(watch)
          kill()
        }
      }, 1)
    })
    expect(killed.signal).toBe('SIGKILL')
    const before = smtp.received.length
    expect(before).toBeGreaterThanOrEqual(2)
    const resumed = await run(['bulk', 'resume', '--smtp', `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`, '--plain', '--rate', '600', '--json'], dataDir)
    const after = resumed.json as Results
    expect(after.results.map((r) => r.company).sort()).toEqual([...companies].sort())
    const accepted = acceptedByReference(smtp)
    for (const r of after.results) {
      expect(['sent', 'uncertain']).toContain(r.status)
      expect(accepted.get(r.reference!) ?? 0).toBeLessThanOrEqual(1)
      if (r.status === 'sent') expect(accepted.get(r.reference!)).toBe(1)
    }
    // An e-mail the kill caught in flight asks; confirmed, it goes out once (or is already there, then the user does not confirm).
    for (const r of after.results.filter((x) => x.status === 'uncertain' && !accepted.has(x.reference!))) {
      await run(['bulk', 'resume', after.batch, '--confirm-resend', r.reference!, '--smtp', `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`, '--plain', '--json'], dataDir)
    }
    expect([...acceptedByReference(smtp).values()].every((n) => n === 1)).toBe(true)
    expect(acceptedByReference(smtp).size).toBe(companies.length)
  })
})

describe('rightful bulk with a pack narrowed to a country', () => {
  it('counts the packs in a country, writes one request per company of the pack there, and refuses --country without --pack', async () => {
    const dir = tempDir()
    const packs = await run(['bulk', 'packs', '--country', 'de', '--json'], dir)
    expect(packs.code).toBe(0)
    const credit = (packs.json as Array<{ name: string; companies: number; group: string }>).find((p) => p.name === 'credit-agencies')!
    expect(credit.group).toBe('category')
    expect(credit.companies).toBeGreaterThan(5)

    const written = await run(['bulk', '--pack', 'credit-agencies', '--country', 'DE', '--type', 'access', '--profile', profileFile(dir), '--no-send', '--json'], dir)
    expect(written.stderr).toBe('')
    expect(written.code).toBe(0)
    expect((written.json as Results).results).toHaveLength(credit.companies)
    const list = await run(['bulk', 'list'], dir)
    expect(list.stdout).toContain('(credit-agencies, DE)')

    const noPack = await run(['bulk', '--company', 'spotify', '--country', 'DE', '--type', 'access', '--profile', profileFile(dir), '--no-send', '--json'], dir)
    expect(noPack.code).toBe(2)
    expect(noPack.stderr).toContain('--country narrows a pack')
    const badCountry = await run(['bulk', 'packs', '--country', 'Germany'], dir)
    expect(badCountry.code).toBe(2)
    expect((await run(['bulk', 'list', '--json'], dir)).json).toHaveLength(1)
  })
})
