/**
 * Request templates are data files: YAML front matter (type, laws, subject per law, fields) and a
 * plain-text body, filled by Mustache. Mustache is logic-less: a template cannot run code. Output
 * is plain text, so nothing is HTML-escaped, and a variable the view lacks is an error rather than
 * an empty gap in a legal letter.
 */
import Mustache from 'mustache'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { laws, requestTypes } from '../shared/kinds'
import { languageSchema } from '../shared/schemas'
import { coreError, coreErrorAs, zodProblems } from '../messages/errors'

export const templateMetaSchema = z.strictObject({
  type: z.enum(requestTypes),
  lang: languageSchema,
  title: z.string().min(1),
  laws: z.array(z.enum(laws)).min(1),
  /** One subject line per law: a plain label, the kind, the legal basis and {{reference}}. */
  subject: z.partialRecord(z.enum(laws), z.string().min(1)),
  /** Words that differ by law, used as {{law.<key>}}; every law gives the same keys. */
  law: z.partialRecord(z.enum(laws), z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.string())).default({}),
  /** The view fields the template needs, e.g. user.name. */
  fields: z.array(z.string().min(1)),
})
export type TemplateMeta = z.infer<typeof templateMetaSchema>

export type Template = TemplateMeta & {
  readonly body: string
  readonly path: string
  /** 'builtin' from this folder, 'user' from the user's own templates. */
  readonly origin: 'builtin' | 'user'
}

const frontMatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/

/** A template file cut into its front matter (parsed as YAML, not yet checked) and its body. */
export type TemplateParts = { readonly meta: unknown; readonly body: string }

/** Cuts a template file into its front matter, parsed as YAML, and its body (trimmed, LF line ends). */
export function splitTemplate(text: string, path: string): TemplateParts {
  const match = frontMatterPattern.exec(text)
  if (!match) throw coreError('TEMPLATE_INVALID', 'error.template.noFrontMatter', { path })
  let meta: unknown
  try {
    meta = parseYaml(match[1]!)
  } catch (error) {
    throw coreError('TEMPLATE_INVALID', 'error.template.yaml', { path, reason: String((error as Error).message) })
  }
  return { meta, body: match[2]!.replace(/\r\n/g, '\n').trim() }
}

export function parseTemplate(text: string, path: string, origin: Template['origin'] = 'builtin'): Template {
  const template = templateFrom(splitTemplate(text, path), path, origin)
  // Parse once now so that a broken tag is reported when the template is loaded.
  checkTemplateSyntax(template)
  return template
}

/**
 * The template made of a file's parts (its front matter as YAML gave it, and its body): the front
 * matter checked against the schema and the rules between its fields (a subject for every law, the
 * same words for each law). The Mustache tags are not checked here (checkTemplateSyntax).
 */
export function templateFrom({ meta, body }: TemplateParts, path: string, origin: Template['origin']): Template {
  const parsed = templateMetaSchema.safeParse(meta)
  if (!parsed.success) {
    throw coreErrorAs(
      'TEMPLATE_INVALID',
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'front matter'}: ${i.message}`).join('; ')}`,
      'error.template.problems',
      { path, problems: zodProblems(parsed.error) },
    )
  }
  for (const law of parsed.data.laws) {
    if (!parsed.data.subject[law]) throw coreError('TEMPLATE_INVALID', 'error.template.noSubject', { path, law })
  }
  const lawWords = Object.entries(parsed.data.law)
  if (lawWords.length > 0) {
    const keys = (words: Record<string, string>) => Object.keys(words).sort().join(',')
    const expected = keys(lawWords[0]![1])
    for (const law of parsed.data.laws) {
      const words = parsed.data.law[law]
      if (!words) throw coreError('TEMPLATE_INVALID', 'error.template.noLawWords', { path, law })
      if (keys(words) !== expected) throw coreError('TEMPLATE_INVALID', 'error.template.lawKeys', { path, law })
    }
    for (const [law] of lawWords) {
      if (!parsed.data.laws.includes(law as never)) throw coreError('TEMPLATE_INVALID', 'error.template.lawUndeclared', { path, law })
    }
  }
  return { ...parsed.data, body, path, origin }
}

/** Throws TEMPLATE_INVALID when the body or a subject line has a broken Mustache tag. */
export function checkTemplateSyntax(template: Template): void {
  for (const part of [template.body, ...Object.values(template.subject)]) checkSyntax(part, template.path)
}

function checkSyntax(text: string, path: string): void {
  try {
    Mustache.parse(text)
  } catch (error) {
    throw coreError('TEMPLATE_INVALID', 'error.template.syntax', { path, reason: String((error as Error).message) })
  }
}

type Token = [string, string, number, number, Token[]?, ...unknown[]]

/** Every variable or section name the text refers to. */
function namesIn(tokens: ReadonlyArray<Token>, into: Set<string> = new Set()): Set<string> {
  for (const token of tokens) {
    const [kind, name, , , children] = token
    if (kind === 'name' || kind === '&' || kind === '#' || kind === '^') into.add(name)
    if (children) namesIn(children, into)
  }
  return into
}

function lookup(view: Record<string, unknown>, name: string): unknown {
  let value: unknown = view
  for (const part of name.split('.')) {
    // Own properties only: {{constructor}} or {{company.toString}} name nothing a record holds.
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/** Fills a template text; throws TEMPLATE_INVALID naming any variable the view does not have. */
export function fill(text: string, view: Record<string, unknown>, path: string): string {
  const tokens = Mustache.parse(text) as unknown as Token[]
  const missing = [...namesIn(tokens)].filter((name) => name !== '.' && lookup(view, name) === undefined)
  if (missing.length > 0) {
    throw coreError('TEMPLATE_INVALID', 'error.template.noValue', { path, names: missing.map((m) => `{{${m}}}`).join(', ') })
  }
  return Mustache.render(text, view, {}, { escape: (value: unknown) => String(value) })
}
