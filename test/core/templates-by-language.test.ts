import { describe, expect, it } from 'vitest'
import { templatesFrom } from '../../electron/adapters/node/resources'
import type { TemplateSource } from '../../electron/core/api/ports'
import { loadTemplates } from '../../electron/core/templates/templates'
import { repoRoot } from '../helpers/ports'

/** The shipped templates, plus one more file in `lang`'s folder. */
function withExtra(lang: string, name: string, text: string): { source: TemplateSource } {
  const shipped = templatesFrom(repoRoot)
  return { source: { strings: () => shipped.strings(), list: () => [...shipped.list(), { path: `templates/${lang}/${name}.md`, lang, name, text }] } }
}

describe('built-in templates, parsed one language at a time', () => {
  it('finds an English template without parsing the Chinese ones, and reports a broken one when its language is asked for', () => {
    const { source } = withExtra('zh-Hans', 'broken', '---\ntype: access\nlaws: [\n---\n正文')
    const templates = loadTemplates(source, null)
    expect(templates.find({ type: 'access', law: 'gdpr', lang: 'en' }).path).toBe('templates/en/access-europe.md')
    expect(templates.has({ type: 'erasure', law: 'gdpr', lang: 'en' })).toBe(true)
    expect(() => templates.find({ type: 'access', law: 'cn-pipl', lang: 'zh-Hans' })).toThrow(/templates\/zh-Hans\/broken\.md: the front matter is not valid YAML/)
    expect(() => templates.list()).toThrow(/templates\/zh-Hans\/broken\.md/)
  })

  it('still refuses two templates of one language that write the same request, and a template in the wrong folder', () => {
    const duplicate = withExtra('en', 'access-again', '---\ntype: access\nlang: en\ntitle: Again\nlaws: [gdpr]\nsubject:\n  gdpr: "Again {{reference}}"\nfields: [reference]\n---\nBody')
    expect(() => loadTemplates(duplicate.source, null).find({ type: 'access', law: 'gdpr', lang: 'en' })).toThrow(/both write a access request in en under gdpr/)
    const misplaced = withExtra('de', 'zugang', '---\ntype: access\nlang: en\ntitle: Misplaced\nlaws: [gdpr]\nsubject:\n  gdpr: "x {{reference}}"\nfields: [reference]\n---\nBody')
    expect(() => loadTemplates(misplaced.source, null).find({ type: 'access', law: 'gdpr', lang: 'de' })).toThrow(/declares lang "en" but sits in templates\/de\//)
  })

  it('parses each language once, and lists every language in the order of the source', () => {
    const shipped = templatesFrom(repoRoot)
    let lists = 0
    const templates = loadTemplates({ strings: () => shipped.strings(), list: () => ((lists += 1), shipped.list()) }, null)
    templates.find({ type: 'access', law: 'gdpr', lang: 'en' })
    templates.find({ type: 'erasure', law: 'gdpr', lang: 'en' })
    expect(templates.has({ type: 'access', law: 'gdpr', lang: 'en' })).toBe(true)
    expect(lists).toBe(1)
    const listed = templates.list().map((info) => info.path)
    expect(listed).toEqual(shipped.list().map((file) => file.path))
    expect(new Set(listed.map((file) => file.split('/')[1])).size).toBeGreaterThanOrEqual(5)
  })

  it("reads only the language's own folder and strings file for a letter, and a broken strings file of another language stops only that language", () => {
    const shipped = templatesFrom(repoRoot)
    const asked: Array<string | undefined> = []
    const source: TemplateSource = {
      list: (lang) => (asked.push(`list ${lang}`), shipped.list(lang)),
      strings: (lang) => (asked.push(`strings ${lang}`), shipped.strings(lang).map((file) => (file.lang === 'de' ? { ...file, text: 'sentByPost: [' } : file))),
    }
    const templates = loadTemplates(source, null)
    expect(templates.find({ type: 'access', law: 'gdpr', lang: 'en' }).path).toBe('templates/en/access-europe.md')
    expect(templates.strings('en').sentByPost).toBeTruthy()
    expect(asked).toEqual(['list en', 'strings en'])
    // The Node adapter gives that language's files alone, the same as its share of all of them.
    expect(shipped.list('en').map((file) => file.path)).toEqual(shipped.list().filter((file) => file.lang === 'en').map((file) => file.path))
    expect(shipped.strings('en')).toEqual(shipped.strings().filter((file) => file.lang === 'en'))
    expect(() => templates.strings('de')).toThrow()
    expect(templates.strings('en').sentByPost).toBeTruthy()
  })
})
