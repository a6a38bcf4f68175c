import type { SecretProtection } from '@core/api/ports'
import { i18n } from '../i18n/i18n'

/**
 * What Settings say about a saved password that the system does not protect (ports.ts,
 * SecretProtection): on Linux without a keyring, Electron's safeStorage encrypts with a key built
 * into every copy of Chromium and Electron, which is obfuscation, not encryption.
 */
export function passwordStorageWarning(protection: Exclude<SecretProtection, 'system' | 'memory'>): string {
  switch (protection) {
    case 'fixed-key':
      return i18n.t('passwordStorage.fixedKey', { ns: 'ui' })
    case 'unavailable':
      return i18n.t('passwordStorage.unavailable', { ns: 'ui' })
  }
}
