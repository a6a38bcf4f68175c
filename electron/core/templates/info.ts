/** A template as the list and the editor show it. Pure types: the renderer imports them. */
import type { Language, Law, RequestType } from '../shared/kinds'

export type TemplateInfo = {
  readonly id: string
  readonly origin: 'builtin' | 'user'
  readonly type: RequestType
  readonly lang: Language
  readonly laws: ReadonlyArray<Law>
  readonly title: string
  readonly path: string
  /** For a built-in template: whether a user template takes its place for some law. */
  readonly replacedFor: ReadonlyArray<Law>
}
