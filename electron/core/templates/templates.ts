/**
 * The request templates: the built-in ones from templates/<lang>/ (through the port), and the
 * user's own copies from the data folder, which take the place of a built-in template for the same
 * request type, language and law. Also each language's strings.yaml: the words the core itself
 * writes into a request (how it was sent, the names of events).
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import type { TemplateSource } from '../shared/ports'
import { answerConcepts, type AnswerConcept } from '../shared/answer-items'
import { eventKinds } from '../shared/kinds'
import { isLanguage, laws, normalizeLanguage, type Language, type Law, type RequestType } from '../shared/kinds'
import { writeFileAtomicSync } from '../storage/files'
import { checkTemplateSyntax, fill, parseTemplate, templateFrom, type Template } from './engine'
import { compiledLookup, type CompiledLookup } from './compiled'
import type { TemplateInfo } from './info'
import { coreError, coreErrorAs, zodProblems } from '../messages/errors'

export type { TemplateInfo }

export type RenderedRequest = { readonly subject: string; readonly body: string; readonly templateId: string }

/** Subject lines must fit on one line of a mail program and never break a header. */
export const maxSubjectLength = 120

export const languageStringsSchema = z.strictObject({
  /** How a request went out by e-mail; {{to}} is the address. */
  sentByEmail: z.string().includes('{{to}}'),
  sentByPost: z.string().min(1),
  /** The event list of a reminder when nothing has happened. */
  noReply: z.string().min(1),
  /** A deadline the law does not fix. */
  noFixedDate: z.string().min(1),
  /** One line of the event list: {{date}}, {{event}} and, in brackets, the user's {{note}}. */
  eventLine: z.string().includes('{{date}}').includes('{{event}}').default('- {{date}}: {{event}}{{note}}'),
  /** How a note is added to an event line; {{note}} is the user's note. */
  eventNote: z.string().includes('{{note}}').default(' ({{note}})'),
  /** Timeline events as told to the company (a reminder). */
  events: z.record(z.enum(eventKinds), z.string().min(1)),
  /** Timeline events as told about the company (a complaint). */
  eventsReported: z.record(z.enum(eventKinds), z.string().min(1)),
  /**
   * How a complaint names the authority it is lodged with, where the table below has no words of
   * its own for it: {{name}} is the name ("bei der Aufsichtsbehörde „{{name}}“").
   */
  authorityWith: z.string().includes('{{name}}').default('{{name}}'),
  /** An item an answer to access lacks, as this language names it (an incomplete-answer letter lists them). */
  answerItems: z.strictObject(Object.fromEntries(answerConcepts.map((c) => [c, z.string().min(1).max(300)])) as Record<AnswerConcept, z.ZodString>),
  /** The words of one law where they differ from the above (the CCPA's "personal information", the FADP's "Personendaten"). */
  answerItemsFor: z.partialRecord(z.enum(laws), z.partialRecord(z.enum(answerConcepts), z.string().min(1).max(300))).default({}),
  /** One line of that list: {{item}} is the item, {{cite}} the provision that requires it. */
  answerItemLine: z.string().includes('{{item}}').includes('{{cite}}').default('- {{item}} ({{cite}})'),
  /**
   * The watermark on a copy of an identity document the user sends a company (the redaction
   * tool): {{company}}, {{date}} (written out) and {{reference}}.
   */
  watermark: z.string().includes('{{company}}').includes('{{date}}').includes('{{reference}}').max(200).default('Copy for {{company}}, {{date}}, {{reference}}'),
  /**
   * The authority as this language names it after "lodge a complaint", by its id in
   * assets/authorities ("de-by-baylda": "beim Bayerischen Landesamt für Datenschutzaufsicht").
   */
  authorities: z
    .record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.string().min(1).max(300))
    .default({})
    .transform((words) => new Map(Object.entries(words))),
})
export type LanguageStrings = z.infer<typeof languageStringsSchema>


export type Templates = {
  list(): ReadonlyArray<TemplateInfo>
  get(id: string): { readonly info: TemplateInfo; readonly text: string }
  /** The template that writes this kind of request (the user's own first). */
  find(selection: { type: RequestType; law: Law; lang: Language }): Template
  /** Whether a template (the user's or a built-in one) covers this combination. */
  has(selection: { type: RequestType; law: Law; lang: Language }): boolean
  render(selection: { type: RequestType; law: Law; lang: Language }, view: Record<string, unknown>): RenderedRequest
  /** Fills a template's text that is not saved yet (the editor's preview), with a view for its language. */
  renderText(text: string, law: Law, viewFor: (lang: Language) => Record<string, unknown>): { subject: string; body: string; template: Template }
  strings(lang: Language): LanguageStrings
  /** Saves a user template (validated first) and returns its id. */
  saveUser(input: { lang: Language; name: string; text: string }): TemplateInfo
  deleteUser(id: string): void
}

const idOf = (template: Pick<Template, 'origin' | 'lang' | 'path'>) => `${template.origin}:${template.lang}/${path.basename(template.path, '.md')}`

export function fillTemplate(template: Template, law: Law, view: Record<string, unknown>): { subject: string; body: string } {
  const subjectText = template.subject[law]
  if (!subjectText) throw coreError('TEMPLATE_NOT_FOUND', 'error.template.noSubjectFor', { path: template.path, law })
  const full = { ...view, law: template.law[law] ?? {} }
  let subject = fill(subjectText, full, template.path).replace(/\s+/g, ' ').trim()
  // A long company name ("Kirchengemeinde St. Servatius und St. Nicolai in Wolfsburg") is cut
  // short in the subject line, never in the body, so that the reference always fits.
  const company = (view as { company?: { name?: unknown } }).company
  if (subject.length > maxSubjectLength && company && typeof company.name === 'string') {
    const name = company.name
    const keep = name.length - (subject.length - maxSubjectLength) - 1
    if (keep >= 8) {
      const shortened = `${name.slice(0, keep).trimEnd()}…`
      subject = fill(subjectText, { ...full, company: { ...company, name: shortened } }, template.path).replace(/\s+/g, ' ').trim()
    }
  }
  if (subject.length > maxSubjectLength) {
    throw coreError('TEMPLATE_INVALID', 'error.template.subjectLength', { path: template.path, length: subject.length, max: maxSubjectLength })
  }
  return { subject, body: fill(template.body, full, template.path).replace(/\n{3,}/g, '\n\n').trim() }
}

export function loadTemplates(source: TemplateSource, userDir: string | null): Templates {
  // Parsed one language at a time: a template must sit in its language's folder, and two templates
  // can only clash within one language, so writing an English letter never parses the Chinese ones.
  const builtin = new Map<string, Template[]>()
  /** Each language's strings, parsed when that language is first asked for. */
  const strings = new Map<Language, LanguageStrings>()
  // The compiled form of the built-in files (compiled.ts), read once, when a file is first needed.
  let compiled: CompiledLookup | null = null
  const precompiled = (): CompiledLookup => (compiled ??= compiledLookup(source))
  // Templates taken from the compiled form, whose Mustache tags are checked when first used.
  const unchecked = new WeakSet<Template>()

  const loadLanguage = (lang: string): Template[] => {
    let loaded = builtin.get(lang)
    if (!loaded) {
      loaded = source
        .list(lang)
        .filter((file) => file.lang === lang)
        .map((file) => {
          const parts = precompiled().template(file.path, file.text)
          const template = parts ? templateFrom(parts, file.path, 'builtin') : parseTemplate(file.text, file.path)
          if (parts) unchecked.add(template)
          if (template.lang !== file.lang) {
            throw coreError('TEMPLATE_INVALID', 'error.template.wrongFolder', { path: file.path, lang: template.lang, folder: file.lang })
          }
          return template
        })
      const covered = new Map<string, string>()
      for (const template of loaded) {
        for (const law of template.laws) {
          const key = `${template.type}/${template.lang}/${law}`
          const other = covered.get(key)
          if (other) throw coreError('TEMPLATE_INVALID', 'error.template.twice', { path: template.path, other, type: template.type, lang: template.lang, law })
          covered.set(key, template.path)
        }
      }
      builtin.set(lang, loaded)
    }
    return loaded
  }

  /** Every built-in template, in the order of the source's list. */
  const loadBuiltin = (): Template[] => [...new Set(source.list().map((file) => file.lang))].flatMap(loadLanguage)

  const loadUser = (): Template[] => {
    if (!userDir || !fs.existsSync(userDir)) return []
    const found: Template[] = []
    for (const folder of fs.readdirSync(userDir)) {
      const dir = path.join(userDir, folder)
      // A folder "zh" holds the simplified Chinese templates a user saved before zh-Hans.
      if (!isLanguage(normalizeLanguage(folder)) || !fs.statSync(dir).isDirectory()) continue
      for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
        try {
          found.push(parseTemplate(fs.readFileSync(path.join(dir, name), 'utf8'), path.join(dir, name), 'user'))
        } catch {
          // A user template that no longer parses is skipped; the editor shows why when opened.
        }
      }
    }
    return found
  }

  const loadStrings = (lang: Language): LanguageStrings | undefined => {
    if (!strings.has(lang)) {
      for (const file of source.strings(lang)) {
        if (file.lang !== lang) continue
        const held = precompiled().strings(file.path, file.text)
        const parsed = languageStringsSchema.safeParse(held ? held.data : parseYaml(file.text))
        if (!parsed.success) {
          throw coreErrorAs('TEMPLATE_INVALID', `${file.path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, 'error.template.problems', { path: file.path, problems: zodProblems(parsed.error) })
        }
        strings.set(lang, parsed.data)
      }
    }
    return strings.get(lang)
  }

  const infos = (): TemplateInfo[] => {
    const user = loadUser()
    const userCovers = (t: Template, law: Law) => user.some((u) => u.type === t.type && u.lang === t.lang && u.laws.includes(law))
    return [...user, ...loadBuiltin()].map((t) => ({
      id: idOf(t),
      origin: t.origin,
      type: t.type,
      lang: t.lang,
      laws: t.laws,
      title: t.title,
      path: t.path,
      replacedFor: t.origin === 'builtin' ? t.laws.filter((law) => userCovers(t, law)) : [],
    }))
  }

  const find: Templates['find'] = ({ type, law, lang }) => {
    const matches = (t: Template) => t.type === type && t.lang === lang && t.laws.includes(law)
    const template = loadUser().find(matches) ?? loadLanguage(lang).find(matches)
    if (!template) {
      throw coreError('TEMPLATE_NOT_FOUND', 'error.template.notFound', { lang, type, law })
    }
    if (unchecked.has(template)) {
      checkTemplateSyntax(template)
      unchecked.delete(template)
    }
    return template
  }

  const userFile = (id: string): string => {
    const match = /^user:([a-z]{2}(?:-Han[st])?)\/([a-z0-9][a-z0-9-]{0,60})$/.exec(id)
    if (!match || !userDir) throw coreError('NOT_FOUND', 'error.template.noUserTemplate', { id })
    const inOldFolder = match[1] === 'zh-Hans' ? path.join(userDir, 'zh', `${match[2]}.md`) : null
    if (inOldFolder && fs.existsSync(inOldFolder)) return inOldFolder
    return path.join(userDir, match[1]!, `${match[2]}.md`)
  }

  return {
    list: infos,
    get(id) {
      const info = infos().find((t) => t.id === id)
      if (!info) throw coreError('NOT_FOUND', 'error.template.noTemplate', { id })
      const text = info.origin === 'user' ? fs.readFileSync(info.path, 'utf8') : source.list().find((f) => f.path === info.path)!.text
      return { info, text }
    },
    find,
    has: ({ type, law, lang }) => {
      const matches = (t: Template) => t.type === type && t.lang === lang && t.laws.includes(law)
      return loadUser().some(matches) || loadLanguage(lang).some(matches)
    },
    render(selection, view) {
      const template = find(selection)
      return { ...fillTemplate(template, selection.law, view), templateId: idOf(template) }
    },
    renderText(text, law, viewFor) {
      const template = parseTemplate(text, 'your template', 'user')
      if (!template.laws.includes(law)) throw coreError('TEMPLATE_INVALID', 'error.template.lawNotDeclared', { law })
      return { ...fillTemplate(template, law, viewFor(template.lang)), template }
    },
    strings(lang) {
      const found = loadStrings(lang)
      if (!found) throw coreError('TEMPLATE_NOT_FOUND', 'error.template.noStrings', { lang })
      return found
    },
    saveUser({ lang, name, text }) {
      if (!userDir) throw coreError('INVALID_STATE', 'error.template.noUserDir')
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60)
      if (!slug) throw coreError('INVALID_INPUT', 'error.template.name')
      const file = path.join(userDir, lang, `${slug}.md`)
      const template = parseTemplate(text, file, 'user')
      if (template.lang !== lang) throw coreError('TEMPLATE_INVALID', 'error.template.langMismatch', { declared: template.lang, lang })
      writeFileAtomicSync(file, text.replace(/\r\n/g, '\n'))
      return infos().find((t) => t.id === idOf(template))!
    },
    deleteUser(id) {
      const file = userFile(id)
      if (!fs.existsSync(file)) throw coreError('NOT_FOUND', 'error.template.noUserTemplate', { id })
      fs.rmSync(file)
    },
  }
}
