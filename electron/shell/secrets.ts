/**
 * The SecretStore for the desktop app: each secret encrypted with Electron's safeStorage (the
 * system keychain, DPAPI, or the Linux keyring) and kept as base64 in <data>/secrets.json, written
 * atomically. Nothing is ever written in plain text: where encryption is unavailable, `set`
 * refuses. On Linux without a keyring, safeStorage falls back to 'basic_text', a fixed key:
 * `isStrong()` is then false and the UI warns.
 */
import { safeStorage } from 'electron'
import path from 'node:path'
import type { SecretStore } from '../core/ports'
import { readJsonFileSync, writeFileAtomicSync } from '../core/storage/files'

type SecretsFile = { version: 1; secrets: Record<string, string> }

/** Backends that encrypt with a fixed key (or an unknown one) rather than one the system protects. */
const weakBackends = new Set(['basic_text', 'unknown'])

/** Whether safeStorage protects secrets with a key the system keeps safe. */
export function isSafeStorageStrong(platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false
  if (platform !== 'linux') return true
  // Only meaningful after the app is ready; callers ask lazily.
  return !weakBackends.has(safeStorage.getSelectedStorageBackend())
}

export function createSafeStorageSecrets(options: { dataDir: string; platform?: NodeJS.Platform }): SecretStore {
  const file = path.join(options.dataDir, 'secrets.json')
  const platform = options.platform ?? process.platform

  const load = (): SecretsFile => {
    const read = readJsonFileSync(file)
    if (read.kind === 'missing') return { version: 1, secrets: {} }
    if (read.kind === 'unreadable') throw new Error(`${file} cannot be read (${read.reason})`)
    const value = read.value as Partial<SecretsFile> | null
    if (value?.version !== 1 || typeof value.secrets !== 'object' || value.secrets === null) throw new Error(`${file} is not a secrets file`)
    return { version: 1, secrets: { ...value.secrets } }
  }

  return {
    persistent: true,
    isStrong: () => isSafeStorageStrong(platform),

    async get(name) {
      const stored = load().secrets[name]
      if (typeof stored !== 'string') return null
      if (!safeStorage.isEncryptionAvailable()) throw new Error('the system cannot decrypt saved passwords right now (is the keyring locked?)')
      return safeStorage.decryptString(Buffer.from(stored, 'base64'))
    },

    async set(name, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('this system offers no encryption for saved passwords, so Rightful does not keep the password')
      }
      const current = load()
      current.secrets[name] = safeStorage.encryptString(value).toString('base64')
      writeFileAtomicSync(file, JSON.stringify(current, null, 2))
    },

    async delete(name) {
      const current = load()
      if (!(name in current.secrets)) return
      delete current.secrets[name]
      writeFileAtomicSync(file, JSON.stringify(current, null, 2))
    },
  }
}
