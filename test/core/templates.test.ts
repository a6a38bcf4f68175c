import { describe, expect, it } from 'vitest'
import { templatesFrom } from '../../electron/adapters/node/resources'
import { fill, parseTemplate } from '../../electron/core/templates/engine'
import { loadTemplates, maxSubjectLength } from '../../electron/core/templates/templates'
import { CoreError } from '../../electron/core/api/result'
import { expectOk, repoRoot, sampleProfile, startCore } from '../helpers/ports'

const templates = loadTemplates(templatesFrom(repoRoot))

const articles: Record<string, RegExp> = { access: /Art\. 15 GDPR/, erasure: /Art\. 17 GDPR/ }
const kinds: Record<string, RegExp> = { access: /data protection query: access request/i, erasure: /data protection request: erasure/i }

describe('built-in templates', () => {
  it('render for every seed company under every law they declare, with nothing left unfilled', async () => {
    const { api } = startCore()
    expectOk(await api.call('profile:save', sampleProfile))
    expectOk(await api.call('catalog:addContact', { companyId: 'faasoft', email: 'privacy@faasoft.example' }))
    for (const template of templates.list().filter((t) => t.type !== 'reminder' && t.type !== 'complaint')) {
      for (const law of template.laws) {
        for (const companyId of ['fs-com', 'foscam', 'b2s', 'faasoft']) {
          const { record } = expectOk(await api.call('requests:create', { companyId, type: template.type, law, lang: template.lang }))
          const { subject, body } = record.draft
          expect(subject).not.toMatch(/\{\{|\}\}|[\r\n]/)
          expect(body).not.toMatch(/\{\{|\}\}/)
          expect(subject.length).toBeLessThanOrEqual(maxSubjectLength)
          expect(subject).toMatch(kinds[template.type]!)
          expect(subject).toMatch(articles[template.type]!)
          expect(subject.endsWith(record.reference)).toBe(true)
          expect(body).toContain(sampleProfile.name)
          expect(body).toContain(sampleProfile.email)
          expect(body).toContain(record.reference)
        }
      }
    }
  })

  it('ask for every item of Art. 15(1)(a)-(h) and a copy under Art. 15(3) in an access request', () => {
    const { body } = templates.render(
      { type: 'access', law: 'gdpr', lang: 'en' },
      { reference: 'RF-2026-0001', company: { name: 'X' }, user: { name: 'A', email: 'a@b.example', address: 'Street' } },
    )
    for (const point of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) expect(body).toContain(`Art. 15(1)(${point})`)
    expect(body).toContain('Art. 15(3)')
    expect(body).toContain('Art. 12(3)')
  })

  it('declare exactly the fields they use', () => {
    for (const template of templates.list()) {
      const used = new Set([...`${template.body} ${Object.values(template.subject).join(' ')}`.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]))
      expect([...used].sort(), template.path).toEqual([...template.fields].sort())
    }
  })
})

describe('template engine', () => {
  it('does not HTML-escape plain text', () => {
    expect(fill('Dear {{name}}', { name: `O'Brien & <Sons> "Ltd"` }, 't')).toBe(`Dear O'Brien & <Sons> "Ltd"`)
  })

  it('reports a variable the view lacks instead of leaving a gap', () => {
    expect(() => fill('Hello {{user.name}} {{user.nickname}}', { user: { name: 'A' } }, 'x.md')).toThrow(/\{\{user\.nickname\}\}/)
  })

  it('runs no code: a lambda-like value is text, and partials are not loaded', () => {
    expect(fill('{{a}}', { a: '{{b}}' }, 't')).toBe('{{b}}')
    expect(fill('x{{> other}}y', {}, 't')).toBe('xy')
  })

  it('rejects templates without front matter, with unknown fields, or without a subject for a declared law', () => {
    const cases = [
      'no front matter',
      '---\ntype: access\nlang: en\ntitle: T\nlaws: [gdpr]\nsubject: {gdpr: "S"}\nfields: []\nextra: 1\n---\nBody',
      '---\ntype: access\nlang: en\ntitle: T\nlaws: [gdpr]\nsubject: {}\nfields: []\n---\nBody',
      '---\ntype: access\nlang: en\ntitle: T\nlaws: [gdpr]\nsubject: {gdpr: "S {{#a}}"}\nfields: []\n---\nBody',
      '---\n: : :\n---\nBody',
    ]
    for (const text of cases) {
      expect(() => parseTemplate(text, 'x.md'), text).toThrow(CoreError)
    }
  })
})
