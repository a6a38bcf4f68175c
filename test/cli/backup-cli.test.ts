/** `rightful backup` and `rightful restore`: the same core as the app, on RIGHTFUL_DATA_DIR. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { dataFingerprint, populate, populateOther } from '../helpers/backup'
import { repoRoot, startCore, tempDir, testClock } from '../helpers/ports'

async function run(argv: string[], dataDir: string, env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir, ...env }, cwd: dataDir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}

/** A data folder with every kind of data (the CLI runs on the real clock, so the data is of today). */
async function populated() {
  const host = startCore({ clock: testClock(new Date().toISOString()) })
  const references = await populate(host)
  return { dataDir: host.dataDir, references }
}

describe('rightful backup', () => {
  it('prints {path, requests, replies, bytes}, and a restore on an empty folder gives the identical `requests list --json`', async () => {
    const { dataDir, references } = await populated()
    const out = path.join(tempDir('rightful-out-'), 'all.rightful-backup')
    const made = await run(['backup', '--out', out, '--json'], dataDir)
    expect(made.stderr).toBe('')
    expect(made.code).toBe(0)
    const json = JSON.parse(made.stdout)
    expect(Object.keys(json).sort()).toEqual(['bytes', 'path', 'replies', 'requests'])
    expect(json).toEqual({ path: out, requests: 2, replies: 2, bytes: fs.statSync(out).size })

    const empty = tempDir()
    const restored = await run(['restore', out, '--json'], empty)
    expect(restored.stderr).toBe('')
    expect(restored.code).toBe(0)
    expect(JSON.parse(restored.stdout)).toMatchObject({ file: out, dataDir: empty, requests: 2, replies: 2, attachments: 3, previousData: null })

    const before = await run(['requests', 'list', '--json'], dataDir)
    const after = await run(['requests', 'list', '--json'], empty)
    expect(JSON.parse(after.stdout)).toHaveLength(2)
    expect(after.stdout).toBe(before.stdout)
    for (const command of [['replies', 'list', '--json'], ['catalog', 'list', '--json'], ['requests', 'show', references.sent, '--json']]) {
      expect((await run(command, empty)).stdout, command.join(' ')).toBe((await run(command, dataDir)).stdout)
    }
  })

  it('encrypts with the passphrase from --passphrase-env, which restore needs again', async () => {
    const dataDir = tempDir()
    await populateOther(startCore({ dataDir, clock: testClock(new Date().toISOString()) }))
    const out = path.join(tempDir('rightful-out-'), 'secret.rightful-backup')
    const env = { BACKUP_PASSPHRASE: 'a long passphrase, 2026' }
    expect((await run(['backup', '--out', out, '--passphrase-env', 'BACKUP_PASSPHRASE', '--json'], dataDir, env)).code).toBe(0)
    expect(fs.readFileSync(out).includes(Buffer.from('Other Person'))).toBe(false)

    const empty = tempDir()
    const without = await run(['restore', out, '--json'], empty)
    expect(without.code).toBe(2)
    expect(without.stderr).toMatch(/encrypted: give the passphrase with --passphrase-env/)
    const wrong = await run(['restore', out, '--passphrase-env', 'WRONG', '--json'], empty, { WRONG: 'a long passphrase, 2025' })
    expect(wrong.code).toBe(1)
    expect(JSON.parse(wrong.stdout).error.code).toBe('BACKUP_WRONG_PASSPHRASE')
    expect(fs.readdirSync(empty)).toEqual(['requests'])
    const right = await run(['restore', out, '--passphrase-env', 'BACKUP_PASSPHRASE', '--json'], empty, env)
    expect(right.code).toBe(0)
    expect((await run(['requests', 'list', '--json'], empty)).stdout).toBe((await run(['requests', 'list', '--json'], dataDir)).stdout)
  })

  it('refuses to replace a data folder that holds data unless --replace, and keeps what it replaced', async () => {
    const { dataDir: source } = await populated()
    const out = path.join(tempDir('rightful-out-'), 'all.rightful-backup')
    expect((await run(['backup', '--out', out], source)).code).toBe(0)
    const target = tempDir()
    await populateOther(startCore({ dataDir: target, clock: testClock(new Date().toISOString()) }))
    const before = dataFingerprint(target)

    const refused = await run(['restore', out, '--json'], target)
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout).error.code).toBe('DATA_FOLDER_NOT_EMPTY')
    expect(refused.stderr).toMatch(/--replace/)
    expect(dataFingerprint(target)).toEqual(before)

    const replaced = await run(['restore', out, '--replace', '--json'], target)
    expect(replaced.code).toBe(0)
    const { previousData } = JSON.parse(replaced.stdout)
    expect(previousData).toMatch(/before-restore-/)
    expect(fs.readFileSync(path.join(previousData, 'profile.json'), 'utf8')).toContain('Other Person')
    expect((await run(['requests', 'list', '--json'], target)).stdout).toBe((await run(['requests', 'list', '--json'], source)).stdout)
  })

  it('refuses a damaged backup with exit code 1 and changes nothing', async () => {
    const { dataDir: source } = await populated()
    const out = path.join(tempDir('rightful-out-'), 'all.rightful-backup')
    await run(['backup', '--out', out], source)
    const bytes = fs.readFileSync(out)
    bytes[Math.floor(bytes.length / 2)] ^= 0xff
    fs.writeFileSync(out, bytes)
    const empty = tempDir()
    const before = dataFingerprint(empty)
    const result = await run(['restore', out, '--json'], empty)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout).error.code).toBe('BACKUP_DAMAGED')
    expect(result.stderr).toMatch(/^rightful: This backup is damaged/)
    expect(dataFingerprint(empty)).toEqual(before)
  })

  it('refuses bad arguments with exit code 2 and a message on stderr', async () => {
    const dataDir = tempDir()
    const out = path.join(dataDir, '..', `${path.basename(dataDir)}.rightful-backup`)
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['backup', '--json'], {}, /--out is required/],
      [['backup', '--out', '/no/such/folder/x.rightful-backup'], {}, /does not exist/],
      [['backup', '--out', out, '--passphrase-env', 'UNSET_VARIABLE'], {}, /UNSET_VARIABLE is not set/],
      [['backup', '--out', out, '--passphrase-env', 'not a name'], {}, /name of an environment variable/],
      [['backup', '--out', out, '--passphrase-env', 'SHORT'], { SHORT: 'abc' }, /at least 8 characters/],
      [['backup', '--out', out, '--passphrase', 'on-the-command-line'], {}, /Unknown option '--passphrase'/],
      [['restore', '--json'], {}, /needs the backup file/],
      [['restore', path.join(dataDir, 'missing.rightful-backup')], {}, /There is no file/],
      [['restore', 'a', 'b'], {}, /Unexpected argument "b"/],
    ]
    for (const [argv, env, message] of cases) {
      const { code, stdout, stderr } = await run(argv, dataDir, env)
      expect(code, argv.join(' ')).toBe(2)
      expect(stdout, argv.join(' ')).toBe('')
      expect(stderr, argv.join(' ')).toMatch(message)
    }
    expect(fs.existsSync(out)).toBe(false)
  })
})
