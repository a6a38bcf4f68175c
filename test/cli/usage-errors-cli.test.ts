/**
 * The CLI's own refusals of a command line (issue 13): commander's (an unknown option or command,
 * a missing argument or value) and Rightful's (a value not in its list, an argument too many,
 * --ui-lang without a language) in --ui-lang, else in the environment's language; English as before.
 */
import { describe, expect, it } from 'vitest'
import { CommanderError } from 'commander'
import { commanderMessage } from '../../electron/cli/program'
import { renderMessage } from '../../electron/core/messages/render'
import { coreResources, type MessageResource } from '../../electron/core/messages/resources'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import { runInFreshFolder as run } from '../helpers/cli-run'

describe('usage errors in the chosen language', () => {
  it('says commander’s refusals in German, with its suggestion', async () => {
    const unknown = await run(['deadline', '--jsn', '--ui-lang', 'de'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('rightful: Unbekannte Option „--jsn“. Meinten Sie --json?\n`rightful --help` zeigt die Befehle und Optionen.\n')
    const missing = await run(['deadline', '--law', '--ui-lang', 'de'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Der Option „--law <law>“ fehlt ihr Wert.')
  })

  it('says an unknown command, a command group’s unknown command and no command at all in each language', async () => {
    expect((await run(['frob', '--ui-lang', 'fr'])).stderr).toContain('Commande inconnue : « frob ».')
    expect((await run(['--ui-lang', 'zh-Hans'])).stderr).toBe('rightful: 没有给出命令。\n运行 `rightful --help` 查看命令和选项。\n')
    const group = await run(['replies', 'frob', '--ui-lang', 'es'])
    expect(group.code).toBe(2)
    expect(group.stderr).toContain('Orden desconocida: «replies frob»; use replies import')
  })

  it('says Rightful’s own checks of values and arguments in the chosen language', async () => {
    const law = await run(['deadline', '--law', 'xx', '--country', 'DE', '--received', '2026-01-31', '--ui-lang', 'zh-Hant'])
    expect(law.code).toBe(2)
    expect(law.stderr).toContain('--law 必須是以下之一：gdpr')
    expect(law.stderr).toContain('（收到的是「xx」）')
    const extra = await run(['requests', 'show', 'RF-2026-0001', 'b', '--ui-lang', 'de'])
    expect(extra.stderr).toContain('Unerwartetes Argument „b“.')
    expect((await run(['requests', 'show', 'RF-1', '--ui-lang', 'es'])).stderr).toContain('«RF-1» no es una referencia: tienen la forma RF-2026-0001.')
    expect((await run(['catalog', 'import', 'no-such-folder', '--format', 'rightful', '--ui-lang', 'zh-Hans'])).stderr).toMatch(/不存在文件或文件夹 .*no-such-folder。/)
    expect((await run(['requests', 'show', 'RF-1'])).stderr).toContain('"RF-1" is not a reference: they look like RF-2026-0001.')
    // A flag's value the core refused, in the core's words in the language.
    expect((await run(['deadline', '--law', 'gdpr', '--country', 'QQ', '--received', '2026-01-31', '--ui-lang', 'de'])).stderr).toContain('rightful: --country: Für den Ländercode „QQ“ ist kein Feiertagskalender bekannt.')
    expect((await run(['deadline', '--law', 'gdpr', '--country', 'DE', '--received', '2026-01-31', '--id-received', '2026-02-03', '--ui-lang', 'es'])).stderr).toContain('--id-received necesita --id-requested.')
    expect((await run(['notices', 'dismiss', '--ui-lang', 'zh-Hant'])).stderr).toContain('notices dismiss 需要通知的編號')
    expect((await run(['catalog', 'import-policy', '--ui-lang', 'de'])).stderr).toContain('catalog import-policy braucht eine Datei')
    expect((await run(['catalog', 'search', '--ui-lang', 'es'])).stderr).toContain('catalog search necesita lo que hay que buscar')
    expect((await run(['draft', '--company', 'nope', '--type', 'access', '--ui-lang', 'de'])).stderr).toContain('--company: Kein Unternehmen im Katalog hat die Kennung oder Domain „nope“')
    expect((await run(['draft', '--type', 'reminder', '--ui-lang', 'fr'])).stderr).toContain('--type reminder attend --of')
    expect((await run(['restore', '--ui-lang', 'de'])).stderr).toContain('restore braucht die Sicherungsdatei')
    expect((await run(['replies', 'confirm', '--ui-lang', 'zh-Hant'])).stderr).toContain('replies confirm 需要 `replies import` 輸出的回覆編號。')
    expect((await run(['bulk', 'show', '--ui-lang', 'es'])).stderr).toContain('bulk show necesita el identificador de un lote')
    expect((await run(['discover', '--ui-lang', 'zh-Hans'])).stderr).toContain('discover 需要一个 mbox 文件')
    expect((await run(['discover', '--imap', 'imaps://user:secret@imap.example.org', '--ui-lang', 'fr'])).stderr).toContain('--imap : ne mettez pas le mot de passe dans l’URL')
    expect((await run(['requests', 'mark-sent', 'RF-2026-0001', '--at', 'yesterday', '--ui-lang', 'fr'])).stderr).toContain('--at : indiquez un jour (2026-02-03)')
    expect((await run(['catalog', 'import-policy', '--fetch', '--ui-lang', 'zh-Hans'])).stderr).toContain('catalog import-policy --fetch 需要 --url')
    expect((await run(['catalog', 'import-policy', 'missing.html', '--ui-lang', 'fr'])).stderr).toMatch(/catalog import-policy : impossible de lire .*missing\.html \(ENOENT\)\./)
    expect((await run(['deadline', '--law', 'gdpr', '--country', 'QQ', '--received', '2026-01-31'])).stderr).toContain('rightful: --country: No holiday calendar is known for the country code "QQ".')
  })

  it('says what is wrong with --ui-lang itself in the environment’s language', async () => {
    const missing = await run(['notices', '--ui-lang'], { LANG: 'fr_FR.UTF-8' })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--ui-lang attend une langue : en, de, fr, es, zh-Hans, zh-Hant.')
    const unknown = await run(['notices', '--ui-lang', 'pt'], { LANG: 'de_DE.UTF-8' })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('--ui-lang muss einer dieser Werte sein: en, de, fr, es, zh-Hans, zh-Hant (angegeben: „pt“).')
  })

  it('takes the language from the environment when --ui-lang is not given, and keeps English words in English', async () => {
    expect((await run(['deadline', '--jsn'], { LANG: 'zh_TW.UTF-8' })).stderr).toContain('未知選項「--jsn」。您是不是要用 --json？')
    const english = await run(['deadline', '--jsn'])
    expect(english.stderr).toBe("rightful: Unknown option '--jsn'. Did you mean --json?\nRun `rightful --help` for the commands and options.\n")
    expect((await run(['frob'])).stderr).toContain('Unknown command "frob".')
  })

  it('reads every refusal commander words (its own English), and leaves an unknown shape to its English', () => {
    const cases: ReadonlyArray<[string, string, string]> = [
      ['commander.unknownOption', "error: unknown option '--x'", 'cli.usage.unknownOption'],
      ['commander.unknownCommand', "error: unknown command 'frob'\n(Did you mean foo?)", 'cli.usage.withSuggestion'],
      ['commander.missingArgument', "error: missing required argument 'file'", 'cli.usage.missingArgument'],
      ['commander.optionMissingArgument', "error: option '--law <law>' argument missing", 'cli.usage.optionMissingArgument'],
      ['commander.missingMandatoryOptionValue', "error: required option '--law <law>' not specified", 'cli.usage.requiredOption'],
      ['commander.conflictingOption', "error: option '--a' cannot be used with option '--b'", 'cli.usage.conflictingOption'],
      ['commander.excessArguments', "error: too many arguments for 'show'. Expected 1 argument but got 2.", 'cli.usage.excessArguments'],
      ['commander.excessArguments', 'error: too many arguments. Expected 0 arguments but got 1.', 'cli.usage.excessArgumentsHere'],
    ]
    for (const [code, words, key] of cases) {
      const said = commanderMessage(new CommanderError(1, code, words))
      expect(said?.key, code).toBe(key)
      for (const language of uiLanguages) expect(renderMessage(said!, language), `${language}: ${code}`).not.toMatch(/\{\{|cli\.usage/)
    }
    expect(renderMessage(commanderMessage(new CommanderError(1, 'commander.excessArguments', "error: too many arguments for 'show'. Expected 1 argument but got 2."))!, 'de')).toBe('Zu viele Argumente für „show“: erwartet 1, angegeben 2.')
    expect(commanderMessage(new CommanderError(1, 'commander.invalidArgument', 'error: something new'))).toBeUndefined()
  })

  it('has the usage words in every language, each its own', () => {
    const english = coreResources.get('en')!.cli as MessageResource
    const keys = Object.keys(english.usage as MessageResource)
    expect(keys.length).toBeGreaterThan(12)
    for (const language of uiLanguages.filter((l) => l !== 'en')) {
      const own = (coreResources.get(language)!.cli as MessageResource).usage as MessageResource
      expect(Object.keys(own).sort(), language).toEqual([...keys].sort())
      // A sentence around the core's own words, or a suggestion after a refusal: the same frame in some languages.
      const frames = new Set(['withSuggestion', 'flagProblem', 'policyProblem', 'policyUrlProblem'])
      for (const key of keys.filter((k) => !frames.has(k))) expect(own[key], `${language}: ${key}`).not.toBe((english.usage as MessageResource)[key])
    }
  })
})
