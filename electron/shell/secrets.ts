/**
 * The SecretStore for the desktop app: each secret encrypted with Electron's safeStorage (the
 * system keychain, DPAPI, or the Linux keyring) and kept as base64 in <data>/secrets.json, written
 * atomically. Nothing is ever written in plain text: where encryption is unavailable, `set`
 * refuses.
 *
 * Linux without a keyring is the exception to know about. Read from Electron 45's source
 * (shell/browser/browser_process_impl.cc, CreateOSCryptAsync) and Chromium's
 * (components/os_crypt/async/browser/posix_key_provider.cc): the asynchronous safeStorage tries
 * the Secret Service (GNOME Keyring, KWallet; ciphertexts tagged "v11") and otherwise falls back
 * to PosixKeyProvider, which hands out one fixed AES-128-CBC key, PBKDF2-HMAC-SHA1 of the word
 * "peanuts" with the salt "saltysalt" (ciphertexts tagged "v10"), compiled into every copy of
 * Chromium and Electron. isAsyncEncryptionAvailable() still says true. The synchronous API calls
 * the same case the 'basic_text' backend. So on Linux a "v10" ciphertext is obfuscation, not
 * encryption: anyone who can read secrets.json can decrypt it. `protection()` finds that out from
 * the backend and from what safeStorage really writes, and the UI says so.
 *
 * It uses safeStorage's asynchronous calls (the synchronous ones are deprecated since Electron
 * 45). A secret that safeStorage says should be encrypted again (its key was rotated, or a
 * stronger one became available) is written back re-encrypted when it is read.
 */
import { safeStorage } from 'electron'
import path from 'node:path'
import type { SecretProtection, SecretStore } from '../core/api/ports'
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

/** On Linux, the tag of ciphertexts made with Chromium's fixed key (the keyring's are "v11"). */
export const fixedKeyTag = 'v10'

/**
 * How safeStorage would protect a secret saved now. Never rejects. On Linux it looks at the
 * backend and at the tag of a probe it encrypts (nothing is written): a fixed-key ciphertext is
 * "v10" whatever the backend is called.
 */
export async function safeStorageProtection(platform: NodeJS.Platform = process.platform): Promise<SecretProtection> {
  if (!(await encryptionAvailable())) return 'unavailable'
  if (platform !== 'linux') return 'system'
  // Only meaningful after the app is ready; callers ask lazily.
  if (weakBackends.has(safeStorage.getSelectedStorageBackend())) return 'fixed-key'
  try {
    const probe = await safeStorage.encryptStringAsync('rightful: which key?')
    return Buffer.from(probe).subarray(0, fixedKeyTag.length).toString('latin1') === fixedKeyTag ? 'fixed-key' : 'system'
  } catch (error) {
    console.error('[rightful] safeStorage cannot encrypt right now:', error)
    return 'unavailable'
  }
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
    protection: () => safeStorageProtection(platform),

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
