/** The built-in request templates, loaded once from templates/<lang>/*.md through the port. */
import { CoreError } from '../api/result'
import type { TemplateSource } from '../ports'
import type { Language, Law, RequestType } from '../requests/model'
import { fill, parseTemplate, type Template } from './engine'

export type RenderedRequest = { readonly subject: string; readonly body: string }

export type Templates = {
  list(): ReadonlyArray<Template>
  render(
    selection: { type: RequestType; law: Law; lang: Language },
    view: Record<string, unknown>,
  ): RenderedRequest
}

/** Subject lines must fit on one line of a mail program and never break a header. */
export const maxSubjectLength = 120

export function loadTemplates(source: TemplateSource): Templates {
  let cache: Template[] | null = null
  const all = (): Template[] => {
    if (!cache) {
      cache = source.list().map((file) => {
        const template = parseTemplate(file.text, file.path)
        if (template.lang !== file.lang) {
          throw new CoreError('TEMPLATE_INVALID', `${file.path}: declares lang "${template.lang}" but sits in templates/${file.lang}/.`)
        }
        return template
      })
    }
    return cache
  }

  return {
    list: () => all(),
    render({ type, law, lang }, view) {
      const template = all().find((t) => t.type === type && t.lang === lang && t.laws.includes(law))
      if (!template) {
        throw new CoreError('TEMPLATE_NOT_FOUND', `There is no ${lang} template for a ${type} request under ${law.toUpperCase()}.`)
      }
      const subject = fill(template.subject[law]!, view, template.path).replace(/\s+/g, ' ').trim()
      if (subject.length > maxSubjectLength) {
        throw new CoreError('TEMPLATE_INVALID', `${template.path}: the subject line is ${subject.length} characters; at most ${maxSubjectLength} fit.`)
      }
      return { subject, body: fill(template.body, view, template.path) }
    },
  }
}
