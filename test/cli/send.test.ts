// @module-tag server
/**
 * `rightful send` against a real SMTP server on loopback: exit code 0 and status "sent" only when
 * the server accepted the message; a refusal is a non-zero exit with status "failed" and the
 * server's reason; the password comes from RIGHTFUL_SMTP_PASSWORD (or a prompt), never the URL.
 */
import fs from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { repoRoot, tempDir } from '../helpers/ports'
import { makeCertificate, opensslMissing, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server'

const servers: TestSmtpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const user = 'alex@example.org'
const pass = 'p4ss word'

async function server(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const started = await startSmtpServer({ auth: { user, pass }, ...options })
  servers.push(started)
  return started
}

async function run(argv: string[], options: { dataDir?: string; env?: Record<string, string>; prompt?: (q: string) => Promise<string> } = {}) {
  const dataDir = options.dataDir ?? tempDir()
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    argv,
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { RIGHTFUL_DATA_DIR: dataDir, ...options.env },
      cwd: dataDir,
      prompt: options.prompt ?? null,
    },
    { resourcesRoot: repoRoot },
  )
  return { code, stdout, stderr, dataDir }
}

function profileFile(dir: string): string {
  const file = path.join(dir, 'me.json')
  fs.writeFileSync(file, JSON.stringify({ name: 'Alex Example', email: user, address: 'Musterstraße 12\n10115 Berlin\nGermany' }))
  return file
}

const request = (dir: string) => ['--company', 'fs.com', '--type', 'access', '--law', 'gdpr', '--lang', 'en', '--profile', profileFile(dir)]

describe('rightful send', () => {
  it('sends through the given server and prints {reference, messageId, status: "sent"}', async () => {
    const smtp = await server()
    const dir = tempDir()
    const { code, stdout, stderr } = await run(['send', ...request(dir), '--smtp', `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`, '--plain', '--json'], {
      dataDir: dir,
      env: { RIGHTFUL_SMTP_PASSWORD: pass },
    })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(Object.keys(out).sort()).toEqual(['messageId', 'reference', 'status'])
    expect(out.status).toBe('sent')
    expect(out.reference).toMatch(/^RF-\d{4}-0001$/)
    expect(smtp.received).toHaveLength(1)
    const parsed = await simpleParser(smtp.received[0]!.raw)
    expect(parsed.messageId).toBe(out.messageId)
    expect(parsed.subject).toContain(out.reference)

    // The request is sent, with the message kept; the saved settings and the password were not touched.
    const list = await run(['requests', 'list', '--json'], { dataDir: dir })
    const [item] = JSON.parse(list.stdout)
    expect(item).toMatchObject({ reference: out.reference, channel: 'email', sentOn: expect.any(String) })
    expect(fs.existsSync(path.join(dir, 'mail.json'))).toBe(false)
    expect(fs.readdirSync(dir).join('\n')).not.toMatch(/secret/)
    const everything = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'latin1'))
      .join('\n')
    expect(everything).not.toContain(pass)
  })

  it('exits non-zero with status "failed" and the server reason when the server refuses (550)', async () => {
    const smtp = await server({ fault: { at: 'rcpt', code: 550 } })
    const dir = tempDir()
    const { code, stdout } = await run(['send', ...request(dir), '--smtp', `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`, '--plain', '--json'], {
      dataDir: dir,
      env: { RIGHTFUL_SMTP_PASSWORD: pass },
    })
    expect(code).toBe(1)
    const out = JSON.parse(stdout)
    expect(out).toMatchObject({ status: 'failed', error: { code: 'SMTP_REJECTED', responseCode: 550 } })
    expect(out.error.response).toMatch(/^550 5\.1\.1 No such user/)
    expect(out.messageId).toMatch(/^<RF-\d{4}-0001\.[0-9a-f]{12}@example\.org>$/)
    const [item] = JSON.parse((await run(['requests', 'list', '--json'], { dataDir: dir })).stdout)
    expect(item.sentOn).toBeNull()

    // Once the server takes it, `send --reference` sends the kept message: same Message-ID.
    smtp.fault = null
    const again = await run(['send', '--reference', out.reference, '--smtp', `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`, '--plain', '--json'], {
      dataDir: dir,
      env: { RIGHTFUL_SMTP_PASSWORD: pass },
    })
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toEqual({ reference: out.reference, messageId: out.messageId, status: 'sent' })
  })

  it('reports an uncertain send, and resends only with --confirm-resend', async () => {
    const smtp = await server({ fault: { at: 'drop-during-data' } })
    const dir = tempDir()
    const smtpUrl = `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`
    const env = { RIGHTFUL_SMTP_PASSWORD: pass }
    const first = await run(['send', ...request(dir), '--smtp', smtpUrl, '--plain', '--json'], { dataDir: dir, env })
    expect(first.code).toBe(1)
    const out = JSON.parse(first.stdout)
    expect(out).toMatchObject({ status: 'uncertain', error: { code: 'SEND_UNCERTAIN' } })
    smtp.fault = null
    const plain = await run(['send', '--reference', out.reference, '--smtp', smtpUrl, '--plain', '--json'], { dataDir: dir, env })
    expect(plain.code).toBe(1)
    expect(JSON.parse(plain.stdout)).toMatchObject({ status: 'uncertain', error: { code: 'CONFIRM_RESEND' } })
    expect(smtp.received).toHaveLength(0)
    const confirmed = await run(['send', '--reference', out.reference, '--confirm-resend', '--smtp', smtpUrl, '--plain', '--json'], { dataDir: dir, env })
    expect(confirmed.code).toBe(0)
    expect(JSON.parse(confirmed.stdout)).toEqual({ reference: out.reference, messageId: out.messageId, status: 'sent' })
  })

  it('asks for the password on a terminal, and without one fails clearly before writing anything', async () => {
    const smtp = await server()
    const dir = tempDir()
    const smtpUrl = `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`
    const none = await run(['send', ...request(dir), '--smtp', smtpUrl, '--plain', '--json'], { dataDir: dir })
    expect(none.code).toBe(2)
    expect(none.stdout).toBe('')
    expect(none.stderr).toMatch(/RIGHTFUL_SMTP_PASSWORD/)
    expect(fs.existsSync(path.join(dir, 'requests')) ? fs.readdirSync(path.join(dir, 'requests')).filter((n) => n.startsWith('RF-')) : []).toEqual([])

    const questions: string[] = []
    const asked = await run(['send', ...request(dir), '--smtp', smtpUrl, '--plain', '--json'], {
      dataDir: dir,
      prompt: async (question) => {
        questions.push(question)
        return pass
      },
    })
    expect(asked.code).toBe(0)
    expect(questions).toHaveLength(1)
    expect(questions[0]).toMatch(/password/i)
    expect(smtp.received).toHaveLength(1)
  })

  it('refuses a password in the URL and other bad options with exit code 2', async () => {
    const cases = [
      ['send', '--company', 'fs.com', '--type', 'access', '--smtp', 'smtp://me:secret@127.0.0.1:25', '--json'],
      ['send', '--company', 'fs.com', '--type', 'access', '--smtp', 'http://127.0.0.1', '--json'],
      ['send', '--company', 'fs.com', '--type', 'access', '--smtp', 'smtp://127.0.0.1', '--tls', '--starttls', '--json'],
      ['send', '--company', 'fs.com', '--type', 'access', '--tls', '--json'],
      ['send', '--company', 'fs.com', '--type', 'access', '--smtp', 'smtp://127.0.0.1:25', '--from', 'not-an-address', '--json'],
      ['send', '--company', 'fs.com', '--type', 'access', '--json'],
      ['send', '--reference', 'RF-2026-0001', '--company', 'fs.com', '--smtp', 'smtp://127.0.0.1:25', '--json'],
    ]
    for (const argv of cases) {
      const { code, stdout, stderr } = await run(argv)
      expect(code, argv.join(' ')).toBe(2)
      expect(stdout, argv.join(' ')).toBe('')
      expect(stderr, argv.join(' ')).toMatch(/^rightful: /)
    }
    const withPassword = await run(cases[0]!)
    expect(withPassword.stderr).toMatch(/password out of the URL/)
    expect(withPassword.stderr).not.toContain('secret@')
  })

  it.skipIf(opensslMissing() !== null)('sends over STARTTLS with --ca for a self-signed server', async () => {
    const certificate = makeCertificate()
    const smtp = await server({ tls: { mode: 'starttls', certificate } })
    const dir = tempDir()
    const ca = path.join(dir, 'server.pem')
    fs.writeFileSync(ca, certificate.cert)
    const { code, stdout } = await run(
      ['send', ...request(dir), '--smtp', `smtp://${encodeURIComponent(user)}@127.0.0.1:${smtp.port}`, '--starttls', '--ca', ca, '--json'],
      { dataDir: dir, env: { RIGHTFUL_SMTP_PASSWORD: pass } },
    )
    expect(code).toBe(0)
    expect(JSON.parse(stdout).status).toBe('sent')
  })
})
