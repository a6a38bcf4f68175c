/**
 * The built-in templates compiled ahead of time: each template file's front matter as YAML parses
 * it and its body, and each strings.yaml as YAML parses it, written to templates/compiled.json by
 * the build (`npm run templates:compile`, and beside every bundle that copies the templates), so
 * that a command that writes one letter does not parse the YAML of every template of its language.
 *
 * Each entry carries the SHA-256 of the file text it was compiled from, and is used only for a
 * file whose text still has that digest: an edited, added or removed file is parsed from its YAML
 * as if there were no compiled form, so a compiled file that is out of date (or broken, or absent)
 * makes loading slower, never different. What an entry holds is checked as the YAML would be
 * (templateFrom, languageStringsSchema): the compiled form skips the parsing, not the checks.
 * The build's side is compiled-build.ts.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { TemplateSource } from '../shared/ports'
import type { TemplateParts } from './engine'

/** The file name, in templates/. */
export const compiledTemplatesFile = 'compiled.json'

/** A compiled file larger than this is not read (the whole templates folder is about 1 MB). */
export const compiledTemplatesMaxBytes = 16 * 1024 * 1024

const digestSchema = z.string().regex(/^[0-9a-f]{64}$/)

export const compiledTemplatesSchema = z.strictObject({
  format: z.literal(1),
  templates: z.array(z.strictObject({ path: z.string().min(1), digest: digestSchema, meta: z.unknown(), body: z.string() })),
  strings: z.array(z.strictObject({ path: z.string().min(1), digest: digestSchema, data: z.unknown() })),
})
export type CompiledTemplates = z.infer<typeof compiledTemplatesSchema>

/** The SHA-256 of a file's text (as UTF-8), in hex. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** What the compiled form says of the files of a source: null for a file it does not hold as it is now. */
export type CompiledLookup = {
  /** The parts of the template file at `path` whose text is `text`. */
  template(path: string, text: string): TemplateParts | null
  /** The strings file at `path` whose text is `text`, as YAML parses it; undefined when not held. */
  strings(path: string, text: string): { readonly data: unknown } | null
}

const nothingCompiled: CompiledLookup = { template: () => null, strings: () => null }

/** Looks files up in what `source.compiled()` gives; a source without one (or a form not understood) holds none. */
export function compiledLookup(source: TemplateSource): CompiledLookup {
  let raw: unknown
  try {
    raw = source.compiled?.() ?? null
  } catch {
    raw = null
  }
  const parsed = compiledTemplatesSchema.safeParse(raw)
  if (!parsed.success) return nothingCompiled
  const templates = new Map(parsed.data.templates.map((entry) => [entry.path, entry]))
  const strings = new Map(parsed.data.strings.map((entry) => [entry.path, entry]))
  return {
    template(path, text) {
      const entry = templates.get(path)
      return entry && entry.digest === textDigest(text) ? { meta: entry.meta, body: entry.body } : null
    },
    strings(path, text) {
      const entry = strings.get(path)
      return entry && entry.digest === textDigest(text) ? { data: entry.data } : null
    },
  }
}
