/**
 * `rightful --help` in the user's language: --ui-lang, else the environment's (LANG and the
 * others): the commands and flags as typed, what each does in that language, no English left.
 */
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { helpText, wrap } from '../../electron/cli-help'
import { coreResources } from '../../electron/core/messages/resources'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import { repoRoot, tempDir } from '../helpers/ports'

async function help(argv: string[], env: Record<string, string> = {}) {
  let stdout = ''
  const code = await runCli(['--help', ...argv], { stdout: (t) => (stdout += t), stderr: () => {}, env: { RIGHTFUL_DATA_DIR: tempDir(), ...env }, cwd: tempDir() }, { resourcesRoot: repoRoot })
  return { code, stdout }
}

describe('rightful --help', () => {
  it('speaks the language of --ui-lang', async () => {
    const { code, stdout } = await help(['--ui-lang', 'de'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Aufruf: rightful <Befehl> \[Optionen\]\n/)
    expect(stdout).toContain('  catalog list [--json]                       die Unternehmen, die Rightful kennt')
    expect(stdout).toContain('Datenordner: $RIGHTFUL_DATA_DIR')
  })

  it('takes the language from the environment when --ui-lang is not given', async () => {
    expect((await help([], { LANG: 'fr_FR.UTF-8' })).stdout).toMatch(/^Utilisation : rightful <commande> \[options\]/)
    expect((await help([], { LANG: 'zh_TW.UTF-8' })).stdout).toContain('用法：rightful <命令> [選項]')
    expect((await help([], {})).stdout).toMatch(/^Usage: rightful <command> \[options\]/)
  })

  it('leaves no English description in another language, and keeps every command as typed', () => {
    const english = helpText('en')
    const syntax = english.split('\n').filter((line) => /^ {2}[a-z]/.test(line)).map((line) => line.slice(0, 40).trim())
    expect(syntax.length).toBeGreaterThan(40)
    const descriptions = (coreResources.get('en')!.cli as { help: Record<string, string> }).help
    for (const language of uiLanguages.filter((l) => l !== 'en')) {
      const said = helpText(language)
      for (const line of syntax) expect(said, `${language}: ${line}`).toContain(line)
      for (const [key, words] of Object.entries(descriptions)) {
        // A description long enough to be words (not a bare list of codes) is not there in English.
        const first = wrap(words, 46)[0]!
        if (!/\{\{/.test(words) && /[a-z]{4,} [a-z]{3,}/.test(first)) expect(said, `${language}: ${key}`).not.toContain(first)
      }
    }
  })

  it('wraps Chinese between characters and never starts a line with a comma', () => {
    for (const language of ['zh-Hans', 'zh-Hant'] as const) {
      const lines = helpText(language).split('\n')
      expect(lines.filter((line) => /^\s*[、，。；：）]/.test(line))).toEqual([])
      // No line runs past the width (a Chinese character counts two columns).
      const columns = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 2 : 1), 0)
      const long = lines.filter((line) => !/^ {2}[a-z]/.test(line) && !/^ {6}\[/.test(line) && columns(line) > 94)
      expect(long).toEqual([])
    }
  })
})
