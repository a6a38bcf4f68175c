/**
 * The SecretStore for the desktop app: each secret encrypted with Electron's safeStorage (the
 * system keychain, DPAPI, or the Linux keyring) and kept as base64 in <data>/secrets.json, written
 * atomically. Nothing is ever written in plain text: where encryption is unavailable, `set`
 * refuses. On Linux without a keyring, safeStorage falls back to 'basic_text', a fixed key:
 * `isStrong()` is then false and the UI warns.
 *
 * It uses safeStorage's asynchronous calls (the synchronous ones are deprecated since Electron
 * 45). A secret that safeStorage says should be encrypted again (its key was rotated, or a
 * stronger one became available) is written back re-encrypted when it is read.
 */
import { safeStorage } from 'electron'
import path from 'node:path'
import type { SecretStore } from '../core/ports'
import { readJsonFileSync, writeFileAtomicSync } from '../core/storage/files'

type SecretsFile = { version: 1; secrets: Record<string, string> }

/** Backends that encrypt with a fixed key (or an unknown one) rather than one the system protects. */
const weakBackends = new Set(['basic_text', 'unknown'])

/** Whether safeStorage can encrypt at all right now; false (never a rejection) when it cannot tell. */
async function encryptionAvailable(): Promise<boolean> {
  try {
    return await safeStorage.isAsyncEncryptionAvailable()
  } catch (error) {
    console.error('[rightful] safeStorage cannot tell whether encryption is available:', error)
    return false
  }
}

/** Whether safeStorage protects secrets with a key the system keeps safe. Never rejects. */
export async function isSafeStorageStrong(platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (!(await encryptionAvailable())) return false
  if (platform !== 'linux') return true
  // Only meaningful after the app is ready; callers ask lazily.
  return !weakBackends.has(safeStorage.getSelectedStorageBackend())
}

export function createSafeStorageSecrets(options: { dataDir: string; platform?: NodeJS.Platform }): SecretStore {
  const file = path.join(options.dataDir, 'secrets.json')
  const platform = options.platform ?? process.platform

  const load = (): SecretsFile => {
    const read = readJsonFileSync(file)
    if (read.kind === 'missing') return { version: 1, secrets: Object.create(null) as Record<string, string> }
    if (read.kind === 'unreadable') throw new Error(`${file} cannot be read (${read.reason})`)
    const value = read.value as Partial<SecretsFile> | null
    if (value?.version !== 1 || typeof value.secrets !== 'object' || value.secrets === null) throw new Error(`${file} is not a secrets file`)
    // Secret names are keys: kept in an object without a prototype.
    return { version: 1, secrets: Object.assign(Object.create(null) as Record<string, string>, value.secrets) }
  }

  const save = (contents: SecretsFile) => writeFileAtomicSync(file, JSON.stringify(contents, null, 2))

  return {
    persistent: true,
    isStrong: () => isSafeStorageStrong(platform),

    async get(name) {
      const stored = load().secrets[name]
      if (typeof stored !== 'string') return null
      if (!(await encryptionAvailable())) throw new Error('the system cannot decrypt saved passwords right now (is the keyring locked?)')
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'))
      if (shouldReEncrypt) {
        try {
          const again = await safeStorage.encryptStringAsync(result)
          const current = load()
          // Only if nobody changed it meanwhile.
          if (current.secrets[name] === stored) {
            current.secrets[name] = again.toString('base64')
            save(current)
          }
        } catch (error) {
          // The old encryption still works; the next read tries again.
          console.error('[rightful] could not re-encrypt a saved password:', error)
        }
      }
      return result
    },

    async set(name, value) {
      if (!(await encryptionAvailable())) {
        throw new Error('this system offers no encryption for saved passwords, so Rightful does not keep the password')
      }
      const encrypted = await safeStorage.encryptStringAsync(value)
      const current = load()
      current.secrets[name] = encrypted.toString('base64')
      save(current)
    },

    async delete(name) {
      const current = load()
      if (!(name in current.secrets)) return
      delete current.secrets[name]
      save(current)
    },
  }
}
