import { describe, expect, it } from 'vitest'
import { templatesFrom } from '../../electron/adapters/node/resources'
import { fill, parseTemplate } from '../../electron/core/templates/engine'
import { loadTemplates, maxSubjectLength } from '../../electron/core/templates/templates'
import { templateView } from '../../electron/core/requests/draft-view'
import { CoreError } from '../../electron/core/shared/result'
import { expectOk, repoRoot, sampleProfile, startCore } from '../helpers/ports'

const templates = loadTemplates(templatesFrom(repoRoot), null)

const view = () =>
  templateView({
    reference: 'RF-2026-0001',
    today: '2026-01-31',
    lang: 'en',
    companyName: 'X',
    user: { name: 'A', email: 'a@b.example', address: ['Street'] },
    strings: templates.strings('en'),
  })


describe('templates in use', () => {
  it('ask for every item of Art. 15(1)(a)-(h) and a copy under Art. 15(3) in an access request', () => {
    const { body } = templates.render({ type: 'access', law: 'gdpr', lang: 'en' }, view())
    for (const point of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) expect(body).toContain(`Art. 15(1)(${point})`)
    expect(body).toContain('Art. 15(3)')
    expect(body).toContain('Art. 12(3)')
  })

  it('declare exactly the fields they use', () => {
    for (const info of templates.list()) {
      const template = templates.find({ type: info.type, law: info.laws[0]!, lang: info.lang })
      const used = new Set(
        [...`${template.body} ${Object.values(template.subject).join(' ')}`.matchAll(/\{\{[#^/]?\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]),
      )
      expect([...used].sort(), template.path).toEqual([...template.fields].sort())
    }
  })

  it('write the account numbers the user gives, and nothing when there are none', async () => {
    const { api } = startCore()
    expectOk(await api.call('profile:save', sampleProfile))
    const withNumbers = expectOk(
      await api.call('requests:create', { companyId: 'b2s', type: 'access', law: 'gdpr', lang: 'en', identifiers: 'Customer number 4711\nOrder 99-123' }),
    )
    expect(withNumbers.record.draft.body).toContain('Customer number 4711\nOrder 99-123')
    const without = expectOk(await api.call('requests:create', { companyId: 'b2s', type: 'access', law: 'gdpr', lang: 'en' }))
    expect(without.record.draft.body).not.toContain('Customer number')
  })

  it('give FS.COM the wording its policy demands, whatever the template’s subject says', async () => {
    const { api } = startCore()
    expectOk(await api.call('profile:save', sampleProfile))
    const german = await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'de' })
    const subject = expectOk(german).record.draft.subject
    expect(subject.toLowerCase()).toMatch(/data protection (query|request)/)
    expect(subject.length).toBeLessThanOrEqual(maxSubjectLength)
  })
})

describe('long company names', () => {
  it('are cut short in the subject line, never in the body, so the reference always fits', () => {
    const name = 'Evangelisch-lutherische Kirchengemeinde St. Servatius und St. Nicolai in Wolfsburg-Vorsfelde'
    const complaint = templateView({
      reference: 'RF-2026-0001',
      today: '2026-03-15',
      lang: 'en',
      companyName: name,
      user: { name: 'A', email: 'a@b.example', address: ['Street'] },
      authorityName: 'The Authority',
      original: { reference: 'RF-2026-0007', subject: 'S', sentOn: '2026-01-31', channel: 'email', to: 'a@b.example', due: '2026-03-02', events: [] },
      strings: templates.strings('en'),
    })
    const rendered = templates.render({ type: 'complaint', law: 'gdpr', lang: 'en' }, complaint)
    expect(rendered.subject.length).toBeLessThanOrEqual(maxSubjectLength)
    expect(rendered.subject).toMatch(/…, Art\. 77 GDPR – RF-2026-0001$/)
    expect(rendered.subject).toContain('Evangelisch-lutherische Kirchengemeinde')
    expect(rendered.body).toContain(name)
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
