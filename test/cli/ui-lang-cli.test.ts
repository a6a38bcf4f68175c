/** `rightful --ui-lang`: the deadline's explanation, the core's errors and notices in the chosen language, by default the environment's. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { runInFreshFolder } from '../helpers/cli-run'
import { repoRoot, tempDir } from '../helpers/ports'

const run = runInFreshFolder

const bavaria = ['deadline', '--law', 'gdpr', '--country', 'DE-BY', '--received', '2026-01-31']

describe('rightful deadline --ui-lang', () => {
  it('explains the count in German', async () => {
    const { code, stdout } = await run([...bavaria, '--ui-lang', 'de', '--json'])
    expect(code).toBe(0)
    const result = JSON.parse(stdout)
    expect(result).toMatchObject({ due: '2026-03-02', extendedDue: '2026-04-30', uiLang: 'de' })
    expect(result.explanation).toContain('Das Unternehmen hat die Anfrage am Samstag, 31. Januar 2026 erhalten')
    expect(result.explanation).toContain('weil der Februar keinen 31. hat')
    expect(result.explanation).toContain('Sie verschiebt sich daher auf Montag, 2. März 2026')
    expect(result.explanation).not.toContain('February')
  })

  it('explains it in each of the six languages, and labels the text output too', async () => {
    const expected = new Map([
      ['en', 'February has no 31st'],
      ['fr', 'car février n’a pas de 31'],
      ['es', 'porque febrero no tiene día 31'],
      ['zh-Hans', '因为二月没有31日'],
      ['zh-Hant', '因為2月沒有31日'],
    ])
    for (const [language, words] of expected) {
      const { code, stdout } = await run([...bavaria, '--ui-lang', language, '--json'])
      expect(code, language).toBe(0)
      expect(JSON.parse(stdout).explanation, language).toContain(words)
    }
    const text = await run([...bavaria, '--ui-lang', 'zh-Hans'])
    expect(text.stdout).toContain('到期日')
    expect(text.stdout).toContain('2026年3月2日星期一')
  })

  it('takes the language from the environment when not given, English by default', async () => {
    expect(JSON.parse((await run([...bavaria, '--json'], { LANG: 'de_DE.UTF-8' })).stdout).explanation).toContain('Ein Monat nach dem 31. Januar 2026')
    expect(JSON.parse((await run([...bavaria, '--json'], { LANG: 'zh_HK.UTF-8' })).stdout).uiLang).toBe('zh-Hant')
    expect(JSON.parse((await run([...bavaria, '--json'], { LANG: 'C.UTF-8' })).stdout).explanation).toContain('One month after 31 January 2026')
    expect(JSON.parse((await run([...bavaria, '--json'])).stdout).uiLang).toBe('en')
  })

  it('names a federal holiday, the law, a benchmark and a milestone in the --ui-lang language (JSON and text)', async () => {
    // PIPEDA in Ontario: 30 days after 12 September 2026 is Monday 12 October, Thanksgiving.
    const access = JSON.parse((await run(['deadline', '--law', 'pipeda', '--country', 'CA-ON', '--received', '2026-09-12', '--ui-lang', 'fr', '--json'])).stdout)
    expect(access.due).toBe('2026-10-13')
    expect(access.explanation).toContain('lundi 12 octobre 2026 (Action de grâces)')
    expect(access.explanation).toContain('(Loi d’interprétation, art. 26 et 27)')
    expect(access.explanation).not.toContain('Thanksgiving')
    const erasure = JSON.parse((await run(['deadline', '--law', 'pipeda', '--type', 'erasure', '--country', 'CA-ON', '--received', '2026-09-12', '--ui-lang', 'fr', '--json'])).stdout)
    expect(erasure.benchmark).toEqual({ date: '2026-10-13', label: 'Repère : 30 jours, comme la LPRPDE le prévoit pour l’accès (par. 8(3)) ; pas un délai légal pour cette demande' })
    const appi = JSON.parse((await run(['deadline', '--law', 'jp-appi', '--country', 'JP', '--received', '2026-03-02', '--ui-lang', 'zh-Hans', '--json'])).stdout)
    expect(appi.milestones[0].label).not.toContain('lawsuit')
    expect(appi.milestones[0].label).toMatch(/[\u4e00-\u9fff]/)
    const text = await run(['deadline', '--law', 'pipeda', '--country', 'CA-ON', '--received', '2026-09-12', '--ui-lang', 'fr'])
    expect(text.stdout.split('\n')[0]).toBe('LPRPDE, par. 8(3)')
    const english = await run(['deadline', '--law', 'pipeda', '--country', 'CA-ON', '--received', '2026-09-12'])
    expect(english.stdout.split('\n')[0]).toBe('PIPEDA, s.8(3)')
  })

  it('refuses a language it does not speak, and says which it does', async () => {
    const { code, stderr } = await run([...bavaria, '--ui-lang', 'pt', '--json'])
    expect(code).not.toBe(0)
    expect(stderr).toContain('ui-lang')
    expect(stderr).toContain('zh-Hans')
  })
})

describe('the core\'s errors and notices in the --ui-lang language', () => {
  async function inFolder(dataDir: string, argv: string[], env: Record<string, string> = {}) {
    let stdout = ''
    let stderr = ''
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir, ...env }, cwd: dataDir }, { resourcesRoot: repoRoot })
    return { code, stdout, stderr }
  }

  it('prints an error and a notice in German with --ui-lang de, in English by default, and in French from LANG', async () => {
    const dataDir = tempDir()
    fs.writeFileSync(path.join(dataDir, 'profile.json'), JSON.stringify({ version: 1, profile: { name: '' } }))
    const german = await inFolder(dataDir, ['draft', '--company', 'fs-com', '--type', 'access', '--ui-lang', 'de'])
    expect(german.code).toBe(1)
    expect(german.stderr).toContain('Ihre gespeicherten Angaben konnten nicht gelesen werden')
    expect(german.stderr).toContain('Geben Sie zuerst Ihren Namen, Ihre E-Mail-Adresse und Ihre Postanschrift in Ihren Angaben ein')

    const english = await inFolder(dataDir, ['draft', '--company', 'fs-com', '--type', 'access'])
    expect(english.stderr).toContain('Enter your name, e-mail address and postal address in your profile first')

    const french = await inFolder(dataDir, ['notices', '--ui-lang=fr'])
    expect(french.code).toBe(0)
    expect(french.stdout).toContain('Vos coordonnées enregistrées n’ont pas pu être lues')
    const fromLang = await inFolder(dataDir, ['draft', '--company', 'fs-com', '--type', 'access', '--json'], { LANG: 'fr_FR.UTF-8' })
    expect(fromLang.stderr).toContain('Saisissez d’abord votre nom')
    // JSON keeps the English message and the key beside it.
    expect(JSON.parse(fromLang.stdout).error).toMatchObject({ code: 'PROFILE_MISSING', detail: { key: 'error.profileMissing' } })
  })

  it('prints the errors that used to be English only (a company or a request not found) in the chosen language', async () => {
    const dataDir = tempDir()
    const german = await inFolder(dataDir, ['catalog', 'show', 'no-such-company', '--ui-lang', 'de'])
    expect(german.code).not.toBe(0)
    expect(german.stderr).toContain('Kein Unternehmen im Katalog hat die Kennung oder Domain „no-such-company“.')
    const chinese = await inFolder(dataDir, ['requests', 'show', 'RF-2026-9999', '--ui-lang', 'zh-Hant'])
    expect(chinese.code).not.toBe(0)
    expect(chinese.stderr).toContain('不存在請求 RF-2026-9999。')
    const english = await inFolder(dataDir, ['catalog', 'show', 'no-such-company'])
    expect(english.stderr).toContain('No company in the catalog has the id or domain "no-such-company".')
  })

  it('refuses --ui-lang without a language on any command', async () => {
    const { code, stderr } = await run(['notices', '--ui-lang'])
    expect(code).toBe(2)
    expect(stderr).toContain('--ui-lang needs a language')
  })
})
