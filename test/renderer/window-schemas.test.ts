/**
 * The schemas the window checks its forms with (mail, IMAP, passphrases, dates, redaction boxes) load in the window: no
 * Node built-in and no package besides zod anywhere among the modules they import, so that the
 * renderer build (sandboxed, no Node) takes them. They are the very schemas the contract checks
 * at the door, re-exported where they lived before.
 */
import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { coreDir } from '../helpers/core-sources'
import { contract } from '../../electron/core/api/contract'
import * as serverSchemas from '../../electron/core/settings/server-schemas'
import * as passphrase from '../../electron/core/backup/passphrase'
import * as mailSettings from '../../electron/core/mail/mail-settings'
import * as imapSettings from '../../electron/core/replies/imap-settings'
import * as evidence from '../../electron/core/evidence/model'
import * as shared from '../../electron/core/shared/schemas'

/** What a pure module may import from outside the core. */
const allowedPackages = new Set(['zod'])
const builtins = new Set(builtinModules)

/** Every module a source imports, transitively: the core's files it reaches and the outside names it asks for. */
function importsOf(entry: string): { files: Set<string>; outside: Set<string> } {
  const files = new Set<string>()
  const outside = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const found = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName)
    for (const name of found) {
      const target = name.startsWith('@core/') ? path.join(coreDir, name.slice('@core/'.length)) : name.startsWith('.') ? path.resolve(path.dirname(file), name) : null
      if (target === null) {
        outside.add(name)
        continue
      }
      const resolved = [`${target}.ts`, path.join(target, 'index.ts'), target].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile())
      if (!resolved) throw new Error(`${file} imports ${name}, which is not a file`)
      visit(resolved)
    }
  }
  visit(entry)
  return { files, outside }
}

describe('the schemas the window checks its server and passphrase forms with', () => {
  for (const module of ['settings/server-schemas.ts', 'backup/passphrase.ts', 'shared/schemas.ts', 'evidence/model.ts', 'bulk/model.ts']) {
    it(`${module} imports no Node built-in and no package but zod, however deep`, () => {
      const { files, outside } = importsOf(path.join(coreDir, module))
      const refused = [...outside].filter((name) => name.startsWith('node:') || builtins.has(name.split('/')[0]!) || !allowedPackages.has(name))
      expect(refused).toEqual([])
      // It reaches the shared vocabulary at most: no store, no file, no mail client.
      for (const file of files) expect(path.relative(coreDir, file).split(path.sep)[0]).toMatch(/^(shared|settings|backup|evidence|bulk|catalog|requests|deadlines)$/)
    })
  }

  it('finds a Node import where there is one (the check can fail)', () => {
    const { outside } = importsOf(path.join(coreDir, 'mail', 'mail-settings.ts'))
    expect([...outside].some((name) => name.startsWith('node:') || builtins.has(name))).toBe(true)
  })

  it('are the very schemas the contract and the old modules use', () => {
    expect(contract['mail:saveSmtp'].input).toBe(serverSchemas.smtpSaveSchema)
    expect(contract['replies:saveImap'].input).toBe(serverSchemas.imapSaveSchema)
    expect(mailSettings.smtpSettingsSchema).toBe(serverSchemas.smtpSettingsSchema)
    expect(mailSettings.sentCopySettingsSchema).toBe(serverSchemas.sentCopySettingsSchema)
    expect(imapSettings.imapSettingsSchema).toBe(serverSchemas.imapSettingsSchema)
    expect(contract['backup:create'].input.shape.passphrase.unwrap().unwrap()).toBe(passphrase.newPassphraseSchema)
    expect(contract['evidence:redact'].input.shape.boxes).toBe(evidence.redactBoxesSchema)
    expect(contract['bulk:markPosted'].input.shape.on).toBe(shared.realDateSchema)
  })

  it('check as before: a server name, a port, a single-line user, a passphrase', () => {
    const smtp = { host: 'smtp.example.org', port: 587, security: 'starttls' as const }
    expect(serverSchemas.smtpSettingsSchema.parse({ ...smtp, user: '  ' })).toEqual({ ...smtp, user: null, fromAddress: null, trustedCertificate: null })
    expect(serverSchemas.smtpSettingsSchema.safeParse({ ...smtp, host: 'smtp://x' }).error?.issues[0]?.message).toBe(
      'Enter only the server name, e.g. smtp.example.org (no smtp://, no port, no spaces).',
    )
    expect(serverSchemas.imapSettingsSchema.safeParse({ host: '', port: 993, security: 'tls' }).error?.issues[0]?.message).toBe('Enter the server name, e.g. imap.example.org.')
    expect(serverSchemas.imapSettingsSchema.safeParse({ host: 'h', port: 0, security: 'tls' }).error?.issues[0]?.message).toBe('A port is a number from 1 to 65535.')
    expect(serverSchemas.imapSettingsSchema.safeParse({ host: 'h', port: 993, security: 'tls', user: 'a\tb' }).success).toBe(false)
    expect(imapSettings.hasControlCharacter('a\tb')).toBe(true)
    expect(mailSettings.hasControlCharacter('a\tb')).toBe(false)
    expect(mailSettings.hasControlCharacter('a\nb')).toBe(true)
    expect(passphrase.newPassphraseSchema.safeParse('short').success).toBe(false)
    expect(passphrase.backupFormSchema.safeParse({ encrypt: false, passphrase: '', repeat: 'x' }).success).toBe(true)
    const paths = passphrase.backupFormSchema.safeParse({ encrypt: true, passphrase: 'short', repeat: 'other' }).error?.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(['passphrase', 'repeat'])
  })
})
