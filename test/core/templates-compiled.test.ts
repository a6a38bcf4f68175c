import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { templatesFrom } from '../../electron/adapters/node/resources'
import type { TemplateSource } from '../../electron/core/api/ports'
import { compiledTemplatesMaxBytes, textDigest, type CompiledTemplates } from '../../electron/core/templates/compiled'
import { compileTemplates } from '../../electron/core/templates/compiled-build'
import { loadTemplates } from '../../electron/core/templates/templates'
import { languages } from '../../electron/core/shared/kinds'
import { CoreError } from '../../electron/core/shared/result'
import { repoRoot } from '../helpers/ports'

const shipped = templatesFrom(repoRoot)
/** The shipped files, read from their YAML only. */
const yamlOnly: TemplateSource = { list: () => shipped.list(), strings: () => shipped.strings() }
const compiled = compileTemplates(yamlOnly)
const withCompiled = (form: unknown, list = yamlOnly.list): TemplateSource => ({ list, strings: yamlOnly.strings, compiled: () => form })

/** Every template and strings file of `templates`, as loaded. */
function everything(templates: ReturnType<typeof loadTemplates>) {
  const infos = templates.list()
  return {
    infos,
    templates: infos.map((info) => templates.find({ type: info.type, law: info.laws[0]!, lang: info.lang })),
    strings: languages.map((lang) => templates.strings(lang)),
  }
}

describe('built-in templates compiled ahead of time (templates/compiled.json)', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('loads every shipped template and strings file exactly as their YAML does', () => {
    expect(compiled.templates.length).toBe(yamlOnly.list().length)
    expect(compiled.strings.length).toBe(languages.length)
    const fromYaml = everything(loadTemplates(yamlOnly, null))
    const fromCompiled = everything(loadTemplates(withCompiled(compiled), null))
    expect(fromCompiled.infos.length).toBe(yamlOnly.list().length)
    expect(fromCompiled).toEqual(fromYaml)
    // The strings hold a Map, which toEqual compares by its entries.
    expect([...fromCompiled.strings[0]!.authorities]).toEqual([...fromYaml.strings[0]!.authorities])
    // A letter written from each is the same letter.
    const view = { reference: 'RF-2026-0001', company: { name: 'ACME' }, user: { name: 'A', email: 'a@b.example', address: 'Street 1' }, request: { hasIdentifiers: false, identifiers: '' } }
    const selection = { type: 'access', law: 'gdpr', lang: 'en' } as const
    expect(loadTemplates(withCompiled(compiled), null).render(selection, view)).toEqual(loadTemplates(yamlOnly, null).render(selection, view))
  })

  it('parses a file from its YAML when its text is not the one compiled (edited after the build)', () => {
    const edited = yamlOnly.list().map((file) => (file.path === 'templates/en/access-europe.md' ? { ...file, text: file.text.replace('Dear Sir or Madam,', 'To whom it may concern,') } : file))
    expect(edited.some((file) => file.text.includes('To whom it may concern,'))).toBe(true)
    const template = loadTemplates(withCompiled(compiled, () => edited), null).find({ type: 'access', law: 'gdpr', lang: 'en' })
    expect(template.body.startsWith('To whom it may concern,')).toBe(true)
    // A strings file likewise.
    const strings = yamlOnly.strings().map((file) => (file.lang === 'en' ? { ...file, text: file.text.replace(/^sentByPost: .*$/m, 'sentByPost: "Posted."') } : file))
    const changed = loadTemplates({ list: yamlOnly.list, strings: () => strings, compiled: () => compiled }, null).strings('en')
    expect(changed.sentByPost).toBe('Posted.')
  })

  it('falls back to the YAML when the compiled form is absent, broken, of another format, or cannot be read', () => {
    const expected = loadTemplates(yamlOnly, null).find({ type: 'erasure', law: 'gdpr', lang: 'en' })
    for (const form of [null, 'not json', { format: 2, templates: [], strings: [] }, { ...compiled, templates: [{ path: 'x', digest: 'nope', meta: {}, body: '' }] }]) {
      expect(loadTemplates(withCompiled(form), null).find({ type: 'erasure', law: 'gdpr', lang: 'en' })).toEqual(expected)
    }
    const throwing: TemplateSource = {
      ...yamlOnly,
      compiled: () => {
        throw new Error('EACCES')
      },
    }
    expect(loadTemplates(throwing, null).find({ type: 'erasure', law: 'gdpr', lang: 'en' })).toEqual(expected)
  })

  it('checks what an entry holds as it checks the YAML: a bad front matter or a broken tag is refused', () => {
    const path = 'templates/en/access-europe.md'
    const tampered = (change: (entry: CompiledTemplates['templates'][number]) => CompiledTemplates['templates'][number]): CompiledTemplates => ({
      ...compiled,
      templates: compiled.templates.map((entry) => (entry.path === path ? change(entry) : entry)),
    })
    const noSubject = tampered((entry) => ({ ...entry, meta: { ...(entry.meta as object), subject: {} } }))
    expect(() => loadTemplates(withCompiled(noSubject), null).find({ type: 'access', law: 'gdpr', lang: 'en' })).toThrow(CoreError)
    const brokenTag = tampered((entry) => ({ ...entry, body: `${entry.body}\n{{#open}}` }))
    const templates = loadTemplates(withCompiled(brokenTag), null)
    expect(() => templates.find({ type: 'access', law: 'gdpr', lang: 'en' })).toThrow(/unclosed section|Unclosed section/i)
    // The other templates of the language are not affected.
    expect(templates.find({ type: 'erasure', law: 'gdpr', lang: 'en' }).path).toBe('templates/en/erasure-europe.md')
  })

  it('refuses to compile a template that does not parse, with the reason', () => {
    const broken: TemplateSource = { list: () => [{ path: 'templates/en/x.md', lang: 'en', name: 'x', text: '---\ntype: access\nlaws: [\n---\nbody' }], strings: () => [] }
    expect(() => compileTemplates(broken)).toThrow(/templates\/en\/x\.md: the front matter is not valid YAML/)
  })

  it('is read from templates/compiled.json by the Node adapter, and not when too large or not JSON', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-compiled-'))
    dirs.push(root)
    fs.mkdirSync(path.join(root, 'templates', 'en'), { recursive: true })
    const source = templatesFrom(root)
    expect(source.compiled?.()).toBeNull()
    fs.writeFileSync(path.join(root, 'templates', 'compiled.json'), JSON.stringify(compiled))
    expect(source.compiled?.()).toEqual(compiled)
    fs.writeFileSync(path.join(root, 'templates', 'compiled.json'), '{"format": 1, "templ')
    expect(source.compiled?.()).toBeNull()
    fs.writeFileSync(path.join(root, 'templates', 'compiled.json'), Buffer.alloc(compiledTemplatesMaxBytes + 1, 0x20))
    expect(source.compiled?.()).toBeNull()
    // compiled.json sits beside the language folders, and is no language.
    expect(source.list()).toEqual([])
  })

  it('names each entry by the SHA-256 of its text', () => {
    const file = yamlOnly.list()[0]!
    expect(compiled.templates[0]!.digest).toBe(textDigest(file.text))
    expect(textDigest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
