import type { SecretProtection } from '@core/ports'

/**
 * What Settings say about a saved password that the system does not protect (ports.ts,
 * SecretProtection): on Linux without a keyring, Electron's safeStorage encrypts with a key built
 * into every copy of Chromium and Electron, which is obfuscation, not encryption.
 */
export function passwordStorageWarning(protection: Exclude<SecretProtection, 'system' | 'memory'>): string {
  switch (protection) {
    case 'fixed-key':
      return (
        'No keyring is running (on Linux: no GNOME Keyring, KWallet or other Secret Service), so Electron falls back to its “basic_text” ' +
        'storage: the password is encrypted with AES-128 under a key that is the same in every copy of Chromium and Electron (derived from the ' +
        'word “peanuts”). That is obfuscation, not encryption: anyone who can read secrets.json in your data folder can recover the password. ' +
        'Start or unlock a keyring and save the password again, or use an app password that you can revoke.'
      )
    case 'unavailable':
      return 'This computer cannot encrypt passwords right now (is its keyring locked?), so Rightful does not keep one. Unlock the keyring and save the password again.'
  }
}
