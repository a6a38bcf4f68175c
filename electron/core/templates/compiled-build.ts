/**
 * Compiles the built-in templates (compiled.ts) at build time: scripts/compile-templates.ts.
 */
import { parse as parseYaml } from 'yaml'
import type { TemplateSource } from '../shared/ports'
import { textDigest, type CompiledTemplates } from './compiled'
import { parseTemplate, splitTemplate } from './engine'

/**
 * Compiles every built-in template and strings file of `source`. Each template is parsed and
 * checked in full first (parseTemplate, Mustache tags included), so a template that does not load
 * from its YAML is not compiled either: the error is thrown here, at build time.
 */
export function compileTemplates(source: TemplateSource): CompiledTemplates {
  return {
    format: 1,
    templates: source.list().map((file) => {
      parseTemplate(file.text, file.path)
      const { meta, body } = splitTemplate(file.text, file.path)
      return { path: file.path, digest: textDigest(file.text), meta, body }
    }),
    strings: source.strings().map((file) => ({ path: file.path, digest: textDigest(file.text), data: parseYaml(file.text) as unknown })),
  }
}
