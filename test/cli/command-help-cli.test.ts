/** `rightful <command> --help`: each command's options from commander, in the --ui-lang language (the words are the core's messages). */
import type { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { buildProgram } from '../../electron/cli/program'
import { coreResources, type MessageResource } from '../../electron/core/messages/resources'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import { runInFreshFolder } from '../helpers/cli-run'

const run = runInFreshFolder

/** Every help key of the program (commands' summaries, options' texts), as the program holds them before --help. */
function helpKeys(command: Command, into: Set<string> = new Set()): Set<string> {
  into.add(command.description().split('\n')[0]!)
  for (const option of command.options) into.add(option.description.split('\n')[0]!)
  for (const sub of command.commands) helpKeys(sub, into)
  return into
}

function lookup(resource: MessageResource, key: string): string | undefined {
  let at: string | MessageResource | undefined = resource
  for (const part of key.split('.')) at = typeof at === 'object' ? at[part] : undefined
  return typeof at === 'string' ? at : undefined
}

describe('rightful <command> --help', () => {
  it("prints a command's own options after the command, with their choices", async () => {
    const { code, stdout } = await run(['draft', '--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: rightful draft \[options\]/)
    expect(stdout).toContain('write a request (stored as a draft)')
    expect(stdout).toMatch(/--type <type>\s+what to ask for: access, erasure/)
    expect(stdout).toMatch(/--lang <lang>\s+the letter's language: en, de, fr/)
    // Nothing is written by asking for help.
    const listed = await run(['catalog', 'add', '--help', '--name', 'Nobody'])
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(/--name <name>\s+the company's name/)
  })

  it('speaks --ui-lang, else the language of the environment', async () => {
    const german = await run(['requests', 'event', '--help', '--ui-lang', 'de'])
    expect(german.code).toBe(0)
    expect(german.stdout).toMatch(/^Aufruf: rightful requests event/)
    expect(german.stdout).toContain('Optionen:')
    expect(german.stdout).toContain('festhalten, was geschehen ist')
    expect(german.stdout).toMatch(/--until <YYYY-MM-DD>\s+die verlängerte Frist/)
    const chinese = await run(['bulk', 'resume', '--help'], { LANG: 'zh_CN.UTF-8' })
    expect(chinese.code).toBe(0)
    expect(chinese.stdout).toContain('选项：')
    expect(chinese.stdout).toContain('继续一个中断或暂停的批次')
    const traditional = await run(['catalog', '--help', '--ui-lang=zh-Hant'])
    expect(traditional.stdout).toMatch(/search \[options\] \[query\.\.\.\]\s+相符的公司/)
  })

  it('has the words of every command and option in the six languages', () => {
    const program = buildProgram({ io: { stdout: () => {}, stderr: () => {}, env: {}, cwd: '/' }, makeApi: () => { throw new Error('no core in this test') }, ui: 'en' }, () => {})
    const keys = [...helpKeys(program)].filter((key) => key !== '')
    expect(keys.length).toBeGreaterThan(120)
    for (const key of keys) {
      expect(key, key).toMatch(/^cli\.commandHelp\.(command|option)\.\w+$/)
      for (const language of uiLanguages) expect(lookup(coreResources.get(language)!, key), `${key} in ${language}`).toBeTruthy()
    }
    for (const language of uiLanguages) {
      for (const heading of ['usage', 'arguments', 'options', 'commands']) expect(lookup(coreResources.get(language)!, `cli.commandHelp.heading.${heading}`), `${heading} in ${language}`).toBeTruthy()
    }
  })
})
