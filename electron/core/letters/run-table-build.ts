/**
 * Builds the run tables of run-table.ts (at build time: scripts/compile-templates.ts): the fixed
 * words of each language's letters, laid out in Noto Sans by fontkit in full.
 */
import { create } from 'fontkit'
import type { FontSource } from '../shared/ports'
import type { Language } from '../shared/kinds'
import type { PlainDate } from '../shared/calendar'
import type { Templates } from '../templates/templates'
import { longDate } from '../requests/draft-view'
import { containsCjk } from './letter-fonts'
import { letterLabels } from './letter-labels'
import { encodeRun, fontDigest, RUN_TABLE_FACES, runLines, runTableLanguage, type RunTable } from './run-table'

/**
 * Every piece of text a letter made from `texts` is likely to lay out: each word, with and without
 * the space after it (pdfkit and the renderer lay text out in pieces cut after each space), except
 * words with a template tag in them, which the letter fills with other words.
 */
export function piecesOf(texts: ReadonlyArray<string>): string[] {
  const pieces = new Set<string>()
  for (const text of texts) {
    for (const word of text.split(/[\s\u00a0]+/)) {
      // Chinese and Japanese words are set in Noto Sans SC or JP, which no table covers.
      if (!word || word.includes('{{') || word.includes('}}') || word.length >= 200 || containsCjk(word)) continue
      pieces.add(word).add(`${word} `)
    }
  }
  return [...pieces].sort()
}

/** The fixed words of a language's letters, by the face they are printed in. */
export type LanguageTexts = { readonly [Face in (typeof RUN_TABLE_FACES)[number]]: ReadonlyArray<string> }

/** Lays out the pieces (piecesOf) of each face's texts in that face with fontkit, in full: a table for `lang`. */
export function compileRunTable(lang: string, texts: LanguageTexts, fonts: FontSource): RunTable {
  if (!runTableLanguage.test(lang)) throw new Error(`"${lang}" cannot name a run table`)
  return {
    format: 1,
    lang,
    faces: RUN_TABLE_FACES.map((face) => {
      const bytes = fonts.load(face)
      // A font of its own: the shared one lays text out through the renderer's memory.
      const font = create(bytes)
      return { face, digest: fontDigest(bytes), runs: runLines(piecesOf(texts[face]).map((piece): [string, string] => [piece, encodeRun(font.layout(piece))])) }
    }),
  }
}

/** Every string inside a value (strings, arrays, objects and maps of them). */
function stringsIn(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value)
  else if (value instanceof Map) for (const item of value.values()) stringsIn(item, into)
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into)
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, into)
  return into
}

/**
 * The fixed words of a language's letters: its built-in templates (subjects, bodies, the words
 * they take per law), its strings, the labels printed around the data and the month names of its
 * dates, in the regular face; in bold, the subject lines and the words per law (the letter prints
 * only its subject and the sender's name in bold). Null for a language whose letters are set in
 * Noto Sans SC or JP, which no table covers. (Words in Chinese or Japanese, such as a law's own
 * name, are left out of the pieces.)
 */
export function languageTexts(lang: Language, templates: Templates): LanguageTexts | null {
  const texts: string[] = []
  const subjects: string[] = []
  const bodies: string[] = []
  for (const info of templates.list()) {
    if (info.origin !== 'builtin' || info.lang !== lang) continue
    const template = templates.find({ type: info.type, law: info.laws[0]!, lang })
    bodies.push(template.body)
    const subjectWords = [...stringsIn(template.subject, []), ...stringsIn(template.law, [])]
    subjects.push(...subjectWords)
    texts.push(template.body, ...subjectWords)
  }
  // The language's letters are set in Noto Sans SC or JP: no table. (A few letters of other
  // languages quote a Chinese or Japanese term and are set in those faces too, without a table.)
  if (bodies.filter(containsCjk).length * 2 > bodies.length) return null
  stringsIn(templates.strings(lang), texts)
  const labels = letterLabels(lang)
  texts.push(labels.reference, labels.date, labels.email, labels.page(1, 2), labels.enclosures(1), labels.enclosures(2))
  for (let month = 1; month <= 12; month += 1) texts.push(longDate(`2026-${String(month).padStart(2, '0')}-15` as PlainDate, lang))
  return { regular: texts, bold: subjects }
}
