// @module-tag server
// @module-tag process
/**
 * The CLI stops on SIGINT and SIGTERM at once (issue 12, item 4), with exit code 130 or 143, and a
 * write is whole or not there: real child processes, a 2 MB policy. Each long operation is held at
 * one of its checkpoints (RIGHTFUL_TEST_HOLD) so that the signal certainly comes half-way; how
 * soon an unheld one stops is a figure of `npm run bench`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type StopSignal } from '../../electron/cli'
import { repoRoot, sampleProfile, tempDir } from '../helpers/ports'

const script = path.join(repoRoot, 'test', 'helpers', 'cli-process.ts')

/** A policy of about 2 MB. */
const longPolicy = (() => {
  const block = 'We use cookies. Questions about your personal data: privacy@longform.org. Write to Longform Ltd, 1 Quay Street, Manchester, M3 3JE.\n\n'
  return `Longform Privacy Policy\n\n${block.repeat(Math.floor(1_990_000 / block.length))}`
})()

type Running = { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; said: (pattern: RegExp) => Promise<void> }

function rightful(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  const waiting: Array<{ pattern: RegExp; resolve: () => void }> = []
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8')
    for (const w of waiting.splice(0)) {
      if (w.pattern.test(err)) w.resolve()
      else waiting.push(w)
    }
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  const said = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (pattern.test(err)) return resolve()
      waiting.push({ pattern, resolve })
      void exited.then(() => (pattern.test(err) ? resolve() : reject(new Error(`the command ended without saying ${pattern}: ${err}`))))
    })
  return { child, stdout: () => out, stderr: () => err, exited, said }
}

function listing(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : []
}

describe('rightful on SIGINT and SIGTERM', () => {
  it('stops reading a 2 MB policy half-way on SIGTERM: exit code 143, nothing on stdout', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'privacy.txt')
    fs.writeFileSync(file, longPolicy)
    const data = path.join(dir, 'data')
    const run = rightful(['catalog', 'import-policy', file, '--json'], { RIGHTFUL_DATA_DIR: data, RIGHTFUL_TEST_HOLD: 'emails' })
    await run.said(/holding catalog:extractPolicy at emails/)
    run.child.kill('SIGTERM')
    expect(await run.exited).toEqual({ code: 143, signal: null })
    expect(run.stderr()).toContain('rightful: stopped by SIGTERM: Reading the policy was stopped, as you asked. Nothing was saved.')
    expect(run.stdout()).toBe('')

    // Unheld, the same command reads the policy to the end.
    const whole = rightful(['catalog', 'import-policy', file, '--json'], { RIGHTFUL_DATA_DIR: data })
    expect(await whole.exited).toEqual({ code: 0, signal: null })
    expect(whole.stdout()).toContain('privacy@longform.org')
  })

  it('stops an import on Ctrl-C (SIGINT) with exit code 130, before anything is imported', async () => {
    const dir = tempDir()
    const folder = path.join(dir, 'records')
    fs.mkdirSync(folder)
    for (const slug of ['alpha', 'beta', 'gamma']) {
      fs.writeFileSync(
        path.join(folder, `${slug}.json`),
        JSON.stringify({ slug, name: `${slug} shop`, address: 'Musterstraße 1\n10115 Berlin\nDeutschland', email: `datenschutz@${slug}.example`, web: `https://${slug}.example`, 'relevant-countries': ['de'], categories: ['commerce'], sources: [`https://${slug}.example/privacy`], quality: 'verified' }),
      )
    }
    const data = path.join(dir, 'data')
    const run = rightful(['catalog', 'import', folder, '--format', 'datarequests'], { RIGHTFUL_DATA_DIR: data, RIGHTFUL_TEST_HOLD: 'reading' })
    await run.said(/holding catalog:import at reading/)
    run.child.kill('SIGINT')
    expect(await run.exited).toEqual({ code: 130, signal: null })
    expect(run.stderr()).toContain('rightful: stopped by SIGINT: The import was stopped, as you asked. Nothing was saved.')
    expect(fs.existsSync(path.join(data, 'catalog-imports.json'))).toBe(false)
    expect(listing(data).filter((f) => /\.tmp|\.restore-/.test(f))).toEqual([])
  })

  it('leaves no backup and no temporary file when a backup is stopped half-way', async () => {
    const dir = tempDir()
    const data = path.join(dir, 'data')
    const io = { stdout: () => {}, stderr: () => {}, env: { RIGHTFUL_DATA_DIR: data }, cwd: dir }
    fs.writeFileSync(path.join(dir, 'me.json'), JSON.stringify(sampleProfile))
    expect(await runCli(['draft', '--company', 'fs-com', '--type', 'access', '--law', 'gdpr', '--profile', path.join(dir, 'me.json')], io, { resourcesRoot: repoRoot })).toBe(0)
    const out = path.join(dir, 'backups')
    fs.mkdirSync(out)
    const run = rightful(['backup', '--out', path.join(out, 'all.rightful-backup')], { RIGHTFUL_DATA_DIR: data, RIGHTFUL_TEST_HOLD: 'writing' })
    await run.said(/holding backup:create at writing/)
    // The temporary file is there while it writes…
    expect(listing(out)).toEqual([expect.stringMatching(/^\.all\.rightful-backup\..*\.tmp$/)])
    run.child.kill('SIGTERM')
    expect(await run.exited).toEqual({ code: 143, signal: null })
    expect(run.stderr()).toContain('The backup was stopped, as you asked. Nothing was saved.')
    // …and gone once it stopped: no backup, no half of one.
    expect(listing(out)).toEqual([])
  })

  it('stops an IMAP sync that waits for a silent server, closing the connection', async () => {
    const dir = tempDir()
    const data = path.join(dir, 'data')
    const io = { stdout: () => {}, stderr: () => {}, env: { RIGHTFUL_DATA_DIR: data }, cwd: dir }
    fs.writeFileSync(path.join(dir, 'me.json'), JSON.stringify(sampleProfile))
    let out = ''
    expect(await runCli(['draft', '--company', 'fs-com', '--type', 'access', '--law', 'gdpr', '--profile', path.join(dir, 'me.json'), '--json'], { ...io, stdout: (t) => void (out += t) }, { resourcesRoot: repoRoot })).toBe(0)
    const reference = JSON.parse(out).reference as string
    const today = new Date().toISOString().slice(0, 10)
    expect(await runCli(['requests', 'mark-sent', reference, '--at', today, '--channel', 'email'], io, { resourcesRoot: repoRoot })).toBe(0)
    // A server that accepts the connection and never says a word.
    const sockets = new Set<net.Socket>()
    const server = net.createServer((socket) => void sockets.add(socket))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as net.AddressInfo).port
    try {
      const run = rightful(['replies', 'sync', '--imap', `imap://alex@127.0.0.1:${port}`, '--plain'], { RIGHTFUL_DATA_DIR: data, RIGHTFUL_IMAP_PASSWORD: 'secret' })
      await new Promise<void>((resolve) => (sockets.size > 0 ? resolve() : server.once('connection', () => resolve())))
      run.child.kill('SIGTERM')
      expect(await run.exited).toEqual({ code: 143, signal: null })
      expect(run.stderr()).toContain('rightful: stopped by SIGTERM: The IMAP sync was stopped, as you asked.')
      // The connection was closed by the client, not left to time out.
      await expect.poll(() => [...sockets].every((s) => s.destroyed || s.readableEnded)).toBe(true)
    } finally {
      for (const socket of sockets) socket.destroy()
      server.close()
    }
  })
})

describe('runCli and a signal', () => {
  it('ends a command with no long operation running at once, and starts none after the signal', async () => {
    const dir = tempDir()
    const listeners = new Set<(signal: StopSignal) => void>()
    const errors: string[] = []
    const io = {
      stdout: () => {},
      stderr: (text: string) => void errors.push(text),
      env: { RIGHTFUL_DATA_DIR: path.join(dir, 'data') },
      cwd: dir,
      // A prompt that never answers: the command waits for it, as for a person who walked away.
      prompt: () => new Promise<string>(() => {}),
      interrupts: (listener: (signal: StopSignal) => void) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    }
    const running = runCli(['send', '--company', 'fs-com', '--type', 'access', '--law', 'gdpr', '--profile', path.join(dir, 'me.json'), '--smtp', 'smtp://alex@127.0.0.1:9'], io, { resourcesRoot: repoRoot })
    fs.writeFileSync(path.join(dir, 'me.json'), JSON.stringify(sampleProfile))
    await new Promise((resolve) => setTimeout(resolve, 0))
    for (const listener of listeners) listener('SIGTERM')
    expect(await running).toBe(143)
    expect(errors.join('')).toContain('rightful: stopped by SIGTERM.')
    expect(listeners.size).toBe(0)
  })
})
