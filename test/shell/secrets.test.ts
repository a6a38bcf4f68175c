/**
 * The desktop app's SecretStore on safeStorage (Electron mocked): the password is kept encrypted,
 * never as plain text; where encryption is unavailable it is not kept at all; on Linux, a secret
 * under Electron's fixed key (the 'basic_text' backend, or a "v10" ciphertext from the
 * asynchronous API without a Secret Service) counts as obfuscated, not encrypted, so that
 * Settings says so; and the core sees all of it through the port.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApi } from '../../electron/core/api/create-api'
import { createNodePorts, folderSink } from '../../electron/adapters/node/node-ports'
import { createSafeStorageSecrets, safeStorageProtection } from '../../electron/shell/secrets'
import { repoRoot } from '../helpers/ports'
import { fake, resetFakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

let dir: string

beforeEach(() => {
  resetFakeElectron()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-secrets-'))
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

const file = () => path.join(dir, 'secrets.json')

describe('the safeStorage SecretStore', () => {
  it('keeps a secret encrypted on disk and gives it back', async () => {
    const secrets = createSafeStorageSecrets({ dataDir: dir, platform: 'darwin' })
    expect(secrets.persistent).toBe(true)
    expect(await secrets.get('smtp-password')).toBeNull()
    await secrets.set('smtp-password', 'correct horse battery staple')
    expect(fake().safeStorage.encryptStringAsync).toHaveBeenCalledWith('correct horse battery staple')
    const onDisk = fs.readFileSync(file(), 'utf8')
    expect(onDisk).not.toContain('correct horse')
    expect(JSON.parse(onDisk)).toEqual({ version: 1, secrets: { 'smtp-password': expect.any(String) } })
    expect(fs.statSync(file()).mode & 0o077).toBe(0)

    // A new instance (the next start) reads it back through safeStorage.
    const again = createSafeStorageSecrets({ dataDir: dir, platform: 'darwin' })
    expect(await again.get('smtp-password')).toBe('correct horse battery staple')
    await again.delete('smtp-password')
    expect(await again.get('smtp-password')).toBeNull()
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).secrets).toEqual({})
  })

  it('refuses to keep a secret where the system offers no encryption, and writes nothing', async () => {
    fake().safeStorage.available = false
    const secrets = createSafeStorageSecrets({ dataDir: dir, platform: 'linux' })
    expect(await secrets.protection()).toBe('unavailable')
    await expect(secrets.set('smtp-password', 'hunter2')).rejects.toThrow(/no encryption/)
    expect(fs.existsSync(file())).toBe(false)
  })

  it('counts only a real keyring as protection on Linux: the fixed key is told apart by its backend and by its "v10" tag', async () => {
    const secrets = createSafeStorageSecrets({ dataDir: dir, platform: 'linux' })
    for (const [backend, protection] of [
      ['gnome_libsecret', 'system'],
      ['kwallet5', 'system'],
      ['basic_text', 'fixed-key'],
      ['unknown', 'fixed-key'],
    ] as const) {
      fake().safeStorage.backend = backend
      expect(await secrets.protection(), backend).toBe(protection)
    }
    // The desktop looks like GNOME, but no Secret Service answers: the asynchronous API falls back
    // to the fixed key while the backend's name still says gnome_libsecret. The ciphertext tells.
    fake().safeStorage.backend = 'gnome_libsecret'
    fake().safeStorage.secretService = false
    expect(await secrets.protection()).toBe('fixed-key')
    await secrets.set('smtp-password', 'hunter2')
    const stored = Buffer.from(JSON.parse(fs.readFileSync(file(), 'utf8')).secrets['smtp-password'], 'base64')
    expect(stored.subarray(0, 3).toString('latin1')).toBe('v10')
    // Other systems have no such backend: available encryption is the system's own.
    fake().safeStorage.backend = 'basic_text'
    expect(await safeStorageProtection('win32')).toBe('system')
    expect(await safeStorageProtection('darwin')).toBe('system')
  })

  it('encrypts a secret again when safeStorage asks for it on reading (a rotated key)', async () => {
    const secrets = createSafeStorageSecrets({ dataDir: dir, platform: 'darwin' })
    const stored = () => JSON.parse(fs.readFileSync(file(), 'utf8')).secrets['smtp-password'] as string
    await secrets.set('smtp-password', 'hunter2')
    const before = stored()
    fake().safeStorage.rotateKey()
    expect(await secrets.get('smtp-password')).toBe('hunter2')
    const after = stored()
    expect(after).not.toBe(before)
    expect(Buffer.from(after, 'base64').toString('latin1')).not.toContain('hunter2')
    // Now on the current key: read again without writing.
    const calls = fake().safeStorage.encryptStringAsync.mock.calls.length
    expect(await secrets.get('smtp-password')).toBe('hunter2')
    expect(fake().safeStorage.encryptStringAsync.mock.calls.length).toBe(calls)
    expect(stored()).toBe(after)

    // When encrypting again fails, the password is still given and the old ciphertext kept.
    fake().safeStorage.rotateKey()
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    fake().safeStorage.encryptStringAsync.mockRejectedValueOnce(new Error('keyring busy'))
    expect(await secrets.get('smtp-password')).toBe('hunter2')
    expect(stored()).toBe(after)
    expect(log).toHaveBeenCalled()
    log.mockRestore()
  })

  it('keeps secrets whose names are words of JavaScript objects', async () => {
    const secrets = createSafeStorageSecrets({ dataDir: dir, platform: 'darwin' })
    expect(await secrets.get('constructor')).toBeNull()
    expect(await secrets.get('__proto__')).toBeNull()
    await secrets.set('__proto__', 'a')
    await secrets.set('constructor', 'b')
    expect(await secrets.get('__proto__')).toBe('a')
    expect(await secrets.get('constructor')).toBe('b')
    await secrets.delete('toString')
    expect(Object.keys(JSON.parse(fs.readFileSync(file(), 'utf8')).secrets).sort()).toEqual(['__proto__', 'constructor'])
  })

  it('is what the core uses: Settings → Mail says whether the password is kept and how safely', async () => {
    fake().safeStorage.backend = 'basic_text'
    const ports = createNodePorts({ dataDir: dir, resourcesRoot: repoRoot, appVersion: '0.0.0-test', files: folderSink(path.join(dir, 'out')) })
    const api = createApi({ ...ports, secrets: createSafeStorageSecrets({ dataDir: dir, platform: 'linux' }) })
    const saved = await api.call('mail:saveSmtp', { smtp: { host: 'mail.example.org', port: 587, security: 'starttls', user: 'alex' }, password: 's3cret!' })
    expect(saved.ok && saved.data).toMatchObject({ hasPassword: true, passwordStorage: { persistent: true, strong: false, protection: 'fixed-key' } })
    expect(fs.readFileSync(file(), 'utf8')).not.toContain('s3cret!')
    expect(fs.readFileSync(path.join(dir, 'mail.json'), 'utf8')).not.toContain('s3cret!')

    // A keyring that cannot decrypt (locked, or a new machine) is an error with a code, not a crash.
    fake().safeStorage.decryptStringAsync.mockImplementationOnce(async () => {
      throw new Error('the keyring is locked')
    })
    const test = await api.call('mail:testSmtp', {})
    expect(test.ok ? null : test.error).toMatchObject({ code: 'SECRETS_UNAVAILABLE', message: expect.stringMatching(/keyring is locked/) })

    fake().safeStorage.available = false
    const refused = await api.call('mail:saveSmtp', { smtp: { host: 'mail.example.org', port: 587, security: 'starttls', user: 'alex' }, password: 'other' })
    expect(refused.ok ? null : refused.error.code).toBe('SECRETS_UNAVAILABLE')
  })
})
