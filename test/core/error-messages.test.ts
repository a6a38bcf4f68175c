/**
 * Errors, field problems and notices as the core returns them: the English words as before, and
 * beside them the same words as a key and parameters (`detail`) that read in every UI language and
 * cross the core's process boundary; a schema's own field messages find their key by their words.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resultSchema } from '../../electron/core-host/protocol'
import { progressOf } from '../../electron/shell/window-api'
import { backupErrors } from '../../electron/core/backup/format'
import { coreError, coreErrorAs, noticeWords, withIssueDetail, zodIssueMessage, zodProblems } from '../../electron/core/messages/errors'
import { message } from '../../electron/core/shared/message'
import { z } from 'zod'
import { renderMessage } from '../../electron/core/messages/render'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import { noticeSchema } from '../../electron/core/shared/notices'
import { cancelledError } from '../../electron/core/shared/operation'
import { describeFailure } from '../../electron/core/mail/smtp'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

describe('errors with a key beside their English', () => {
  it('read in English exactly as before, and in every other language in its own words', () => {
    const wrong = backupErrors.wrongPassphrase()
    expect(wrong.message).toBe('This passphrase does not open the backup: it is not the one the backup was made with. Nothing was changed.')
    expect(wrong.detail).toEqual({ key: 'error.backup.wrongPassphrase' })
    expect(renderMessage(wrong.detail!, 'de')).toBe('Diese Passphrase öffnet die Sicherung nicht: Es ist nicht die, mit der sie erstellt wurde. Nichts wurde geändert.')
    const missing = coreError('NO_EMAIL', 'error.noEmail', { company: 'Acme' })
    expect(missing.message).toBe("No e-mail address is known for Acme. Add one on the company's page, or print the letter.")
    for (const language of uiLanguages.filter((l) => l !== 'en')) {
      const text = renderMessage(missing.detail!, language)
      expect(text, language).toContain('Acme')
      expect(text, language).not.toBe(missing.message)
    }
    expect(renderMessage(missing.detail!, 'zh-Hans')).toBe('未知 Acme 的电子邮件地址。请在公司页面上添加，或打印信函。')
  })

  it('count with the plural forms of each language, nested in the sentence', () => {
    const notEmpty = coreError('DATA_FOLDER_NOT_EMPTY', 'error.backup.notEmpty', {
      requests: { key: 'error.count.requests', params: { count: 1 } },
      files: { key: 'error.count.files', params: { count: 5 } },
    })
    expect(notEmpty.message).toBe('The data folder already holds data (1 request, 5 files in all). Restoring would replace it; nothing was changed.')
    expect(renderMessage(notEmpty.detail!, 'de')).toBe(
      'Der Datenordner enthält bereits Daten (1 Anfrage, insgesamt 5 Dateien). Eine Wiederherstellung würde sie ersetzen; nichts wurde geändert.',
    )
  })

  it('cross the process boundary with their detail, and a malformed detail does not', () => {
    const crossing = { ok: false, error: { code: 'NO_EMAIL', message: 'x', detail: { key: 'error.noEmail', params: { company: 'Acme' } } } }
    expect(resultSchema.safeParse(crossing).success).toBe(true)
    const bad = { ok: false, error: { code: 'NO_EMAIL', message: 'x', detail: { key: '../../etc', params: { company: 'Acme' } } } }
    expect(resultSchema.safeParse(bad).success).toBe(false)
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`p${i}`, 'x']))
    expect(resultSchema.safeParse({ ok: false, error: { code: 'NO_EMAIL', message: 'x', detail: { key: 'error.noEmail', params: tooMany } } }).success).toBe(false)
  })

  it('come back from the API with their detail (a profile missing, a field problem by its words)', async () => {
    const host = startCore()
    const draft = await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })
    expect(draft.ok).toBe(false)
    if (draft.ok) return
    expect(draft.error.code).toBe('PROFILE_MISSING')
    expect(draft.error.detail).toEqual({ key: 'error.profileMissing' })
    expect(draft.error.message).toBe(renderMessage(draft.error.detail!, 'en'))

    const saved = await host.api.call('profile:save', { ...sampleProfile, name: ' ' })
    expect(saved.ok).toBe(false)
    if (saved.ok) return
    const issue = saved.error.issues?.find((i) => i.path === 'name')
    expect(issue?.message).toBe('Enter your name.')
    expect(issue?.detail).toEqual({ key: 'issue.enterName' })
    expect(renderMessage(issue!.detail!, 'fr')).toBe('Saisissez votre nom.')
    expectOk(await host.api.call('profile:save', sampleProfile))
  })

  it('come back from the API in every language for the errors that used to be English only', async () => {
    const host = startCore()
    // NOT_FOUND: a company, a request, a template.
    const company = await host.api.call('catalog:get', { id: 'no-such-company' })
    expect(company.ok).toBe(false)
    if (company.ok) return
    expect(company.error.code).toBe('NOT_FOUND')
    expect(company.error.detail).toEqual({ key: 'error.catalog.noIdOrDomain', params: { id: 'no-such-company' } })
    expect(renderMessage(company.error.detail!, 'en')).toBe(company.error.message)
    expect(renderMessage(company.error.detail!, 'de')).toBe('Kein Unternehmen im Katalog hat die Kennung oder Domain „no-such-company“.')
    const request = await host.api.call('requests:get', { reference: 'RF-2026-9999' })
    expect(request.ok || request.error.code).toBe('NOT_FOUND')
    if (request.ok) return
    expect(renderMessage(request.error.detail!, 'zh-Hans')).toBe('不存在请求 RF-2026-9999。')
    // TEMPLATE_NOT_FOUND names the law in the reader's language where a message for it exists.
    expectOk(await host.api.call('profile:save', sampleProfile))
    const template = await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'ja' })
    if (!template.ok) {
      expect(template.error.detail, template.error.message).toBeDefined()
      expect(renderMessage(template.error.detail!, 'en')).toBe(template.error.message)
    }
    // INVALID_INPUT from a schema's own zod problem (a wrong type, an unknown key) carries a message per field.
    const wrong = await host.api.call('catalog:get', { id: 42 } as never)
    expect(wrong.ok).toBe(false)
    if (wrong.ok) return
    expect(wrong.error.code).toBe('INVALID_INPUT')
    expect(wrong.error.detail?.key).toBe('error.input.field')
    expect(wrong.error.issues?.[0]?.detail?.key).toBe('issue.zod.invalidType')
    for (const language of uiLanguages.filter((l) => l !== 'en')) {
      const text = renderMessage(wrong.error.detail!, language)
      expect(text, language).toContain('id')
      expect(text, language).not.toBe(renderMessage(wrong.error.detail!, 'en'))
    }
  })

  it("keep a duplicate company's matches in the detail, each in the reader's words", () => {
    const error = coreErrorAs('DUPLICATE_COMPANY', 'x', 'error.catalog.duplicate.more', {
      found: [message('error.catalog.duplicate.domain', { company: 'FS.COM', id: 'fs-com', value: 'fs.com' }), message('error.catalog.duplicate.address', { company: 'FS', id: 'fs', value: 'legal@fs.com' })],
      count: 2,
    })
    expect(renderMessage(error.detail!, 'fr')).toBe(
      'Le catalogue connaît déjà cette entreprise : FS.COM (fs-com) a le domaine fs.com, FS (fs) a l’adresse legal@fs.com et 2 autres. Modifiez plutôt cette fiche, ou ajoutez celle-ci comme une entreprise distincte.',
    )
    expect(renderMessage(error.detail!, 'zh-Hant')).toContain('FS.COM（fs-com）使用網域 fs.com')
  })

  it('give every zod problem a message by its code, whatever the schema', () => {
    const schema = z.strictObject({ name: z.string().min(1).max(3), tags: z.array(z.string()).max(1), kind: z.enum(['a', 'b']), when: z.iso.date(), mail: z.email() })
    const parsed = schema.safeParse({ name: 'toolong', tags: ['x', 'y'], kind: 'c', when: '2026-13-45', mail: 'nope', extra: 1 })
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    const keys = parsed.error.issues.map((issue) => zodIssueMessage(issue).key).sort()
    expect(keys).toEqual(['issue.notEmail', 'issue.zod.notDate', 'issue.zod.notOneOf', 'issue.zod.tooLong', 'issue.zod.tooMany', 'issue.zod.unknownFields'].sort())
    expect(renderMessage(zodProblems(parsed.error), 'de')).toMatch(/ \(und 3 weitere\)$/)
    expect(renderMessage(zodIssueMessage(parsed.error.issues.find((i) => i.code === 'too_big' && i.origin === 'string')!), 'es')).toBe('Demasiado largo: 3 caracteres como máximo.')
  })

  it("keep the words a form's schema gives a field problem, in every language", () => {
    // The schemas of the forms a person fills in: their own problem texts, not zod's generic ones.
    const forms = ['shared/schemas.ts', 'catalog/schema.ts', 'profile/profile.ts', 'mail/mail-settings.ts', 'replies/imap-settings.ts', 'catalog/policy-import/to-company.ts']
    const own = forms.flatMap((file) => {
      const source = fs.readFileSync(path.join(__dirname, '..', '..', 'electron', 'core', file), 'utf8')
      // Sentences in quotes on lines that raise no CoreError (those carry their message already).
      return source
        .split('\n')
        .filter((line) => !/CoreError|coreError/.test(line))
        .flatMap((line) => [...line.matchAll(/'([A-Z][^'\\]* [^'\\]*\.)'/g)].map((m) => m[1]!))
    })
    expect(own.length).toBeGreaterThan(15)
    for (const text of own) {
      const said = zodIssueMessage({ code: 'custom', message: text, path: [], input: undefined } as never)
      expect(said.key, text).not.toBe('issue.zod.invalid')
      expect(renderMessage(said, 'en'), text).toBe(text)
      for (const lang of uiLanguages.filter((l) => l !== 'en')) expect(renderMessage(said, lang), `${text} (${lang})`).not.toBe(text)
    }
  })

  it('leave a field problem without a key of its own as it is', () => {
    expect(withIssueDetail({ path: 'x', message: 'Something no resource says.' })).toEqual({ path: 'x', message: 'Something no resource says.' })
  })
})

describe('notices with a key beside their English', () => {
  it('keep the detail through their schema, and a damaged profile tells it in words and as a key', async () => {
    const words = noticeWords('notice.profile', { movedTo: '/data/profile.json.unreadable-1' })
    expect(words.message).toBe('Your saved profile could not be read, so it was moved to /data/profile.json.unreadable-1 (nothing was deleted). Please enter your details again.')
    const parsed = noticeSchema.parse({ id: 'notice-1', code: 'STORE_FILE_UNREADABLE', path: '/data/profile.json', movedTo: null, at: new Date().toISOString(), ...words })
    expect(parsed.detail).toEqual(words.detail)

    const host = startCore()
    fs.writeFileSync(path.join(host.dataDir, 'profile.json'), '{"version":1,"profile":{"name":""}}')
    expect(expectOk(await host.api.call('profile:get', {}))).toBeNull()
    const status = expectOk(await host.api.call('app:status', {}))
    const notice = status.notices.find((n) => n.code === 'STORE_FILE_UNREADABLE')
    expect(notice?.detail?.key).toBe('notice.profile')
    expect(notice?.message).toBe(renderMessage(notice!.detail!, 'en'))
    expect(renderMessage(notice!.detail!, 'de')).toContain('Ihre gespeicherten Angaben konnten nicht gelesen werden')
  })
})

describe('progress with a key beside its English', () => {
  it('reads in each language, numbers written as the language writes them', () => {
    expect(renderMessage({ key: 'progress.readingFile', params: { done: 120, total: 3070 } }, 'en')).toBe('Reading file 120 of 3,070…')
    expect(renderMessage({ key: 'progress.readingFile', params: { done: 120, total: 3070 } }, 'de')).toBe('Datei 120 von 3.070 wird gelesen …')
    expect(renderMessage({ key: 'progress.checkingRecords', params: { count: 1, n: '1' } }, 'fr')).toBe('Vérification de 1 fiche…')
    expect(renderMessage({ key: 'progress.policy.emails' }, 'zh-Hant')).toBe('正在查找電子郵件地址…')
  })

  it('reaches the page with its key only when the key and its parameters are well formed', () => {
    const base = { operation: 'op-123456', channel: 'catalog:import', stage: 'reading', done: 1, total: 2, message: 'Reading file 2 of 2…', cancellable: true }
    expect(progressOf({ ...base, detail: { key: 'progress.readingFile', params: { done: 2, total: 2 } } })?.detail).toEqual({ key: 'progress.readingFile', params: { done: 2, total: 2 } })
    expect(progressOf({ ...base, detail: { key: 'progress.readingFile', params: { done: { key: 'x' } } } })?.detail).toBeUndefined()
    expect(progressOf({ ...base, detail: { key: '__proto__.x' } })?.detail).toBeUndefined()
    expect(progressOf({ ...base, detail: 'Reading' })?.message).toBe('Reading file 2 of 2…')
  })
})

describe('a stopped operation', () => {
  it('says so in English as before and in each language by its key, for every operation that can be stopped', () => {
    for (const what of ['It', 'Reading the policy', 'Saving the company from its policy', 'The import', 'The backup', 'The restore', 'The IMAP sync']) {
      const error = cancelledError(what)
      expect(error.detail, what).toBeDefined()
      expect(renderMessage(error.detail!, 'en')).toBe(error.message)
      for (const language of uiLanguages.filter((l) => l !== 'en')) expect(renderMessage(error.detail!, language)).not.toBe(error.message)
    }
    expect(renderMessage(cancelledError('The backup').detail!, 'de')).toBe('Die Sicherung wurde wie gewünscht angehalten. Nichts wurde gespeichert.')
  })
})

describe('a mail server\'s refusal', () => {
  const config = { host: 'smtp.example.org', port: 587, user: 'alex' }
  it('reads in English as the words beside it, and in German by its key, the server\'s own reply kept word for word', () => {
    const cases = [
      { code: 'EAUTH', response: '535 5.7.8 Authentication credentials invalid', responseCode: 535, message: 'Invalid login' },
      { code: 'ETIMEDOUT', message: 'Timeout' },
      { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:587', originalCode: 'ECONNREFUSED' },
      { code: 'EENVELOPE', response: '450 4.2.0 Mailbox busy', responseCode: 450, command: 'RCPT TO', message: 'Busy' },
      { code: 'ETLS', message: 'Error initiating TLS: wrong version number' },
    ]
    for (const error of cases) {
      const failure = describeFailure(error, config)
      expect(failure.detail, error.code).toBeDefined()
      expect(renderMessage(failure.detail!, 'en')).toBe(failure.message)
      expect(renderMessage(failure.detail!, 'de')).not.toBe(failure.message)
    }
    const auth = describeFailure(cases[0], config)
    expect(auth.message).toBe('smtp.example.org:587 did not accept the user name and password: the server answered “535 5.7.8 Authentication credentials invalid”. Check them in Settings → Mail.')
    expect(renderMessage(auth.detail!, 'de')).toBe(
      'smtp.example.org:587 hat Benutzername und Passwort nicht angenommen: Der Server antwortete „535 5.7.8 Authentication credentials invalid“. Prüfen Sie sie unter Einstellungen → E-Mail.',
    )
    expect(renderMessage(describeFailure(cases[3], config).detail!, 'fr')).toContain('à l’étape RCPT TO')
  })
})
