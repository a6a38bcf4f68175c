import { create, type Font, type GlyphRun } from 'fontkit'
import { describe, expect, it } from 'vitest'
import { fontsFrom, templatesFrom } from '../../electron/adapters/node/resources'
import type { FontFaceName } from '../../electron/core/api/ports'
import { FACES_SKIPPING_MARKS, glyphClass, layoutSkippingMarks } from '../../electron/core/letters/letter-fonts'
import { repoRoot } from '../helpers/ports'

/** A fresh parse of a face (not the shared one, whose layout the renderer has wrapped). */
const face = (name: FontFaceName): Font => create(fontsFrom(repoRoot).load(name))

type Coverage = { version: 1; glyphs: number[] } | { version: 2; rangeRecords: Array<{ start: number; end: number }> }
type Table = { lookupType?: number; extension?: Table; markCoverage?: Coverage; mark1Coverage?: Coverage }

function glyphsOf(coverage: Coverage): number[] {
  if (coverage.version === 1) return coverage.glyphs
  return coverage.rangeRecords.flatMap(({ start, end }) => Array.from({ length: end - start + 1 }, (_, i) => start + i))
}

/** Every glyph a lookup of the mark or mkmk features can move: the mark coverage of each of their subtables. */
function movableByMarkFeatures(font: Font): Set<number> {
  const gpos = (font as unknown as { GPOS: { featureList: Array<{ tag: string; feature: { lookupListIndexes: number[] } }>; lookupList: { get(i: number): { lookupType: number; subTables: Table[] } } } }).GPOS
  const movable = new Set<number>()
  const indexes = new Set(gpos.featureList.filter((f) => f.tag === 'mark' || f.tag === 'mkmk').flatMap((f) => f.feature.lookupListIndexes))
  expect(indexes.size).toBeGreaterThan(0)
  for (const index of indexes) {
    const lookup = gpos.lookupList.get(index)
    for (const subTable of lookup.subTables) {
      const table = lookup.lookupType === 9 ? subTable.extension! : subTable
      const type = lookup.lookupType === 9 ? subTable.lookupType! : lookup.lookupType
      expect([4, 5, 6]).toContain(type)
      const coverage = type === 6 ? table.mark1Coverage! : table.markCoverage!
      for (const glyph of glyphsOf(coverage)) movable.add(glyph)
    }
  }
  return movable
}

const runOf = (run: GlyphRun) => ({ glyphs: run.glyphs.map((g) => g.id), positions: run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })) })

describe('laying text out without reading the mark positioning when there is no mark', () => {
  it.each(['regular', 'bold', 'cjk-regular', 'cjk-bold', 'ja-regular', 'ja-bold'] as const)(
    '%s: skips them exactly when every glyph the mark and mkmk lookups can move is a mark to GDEF',
    (name) => {
      const font = face(name)
      const classes = font.GDEF?.glyphClassDef
      expect(classes).toBeTruthy()
      const movable = movableByMarkFeatures(font)
      expect(movable.size).toBeGreaterThan(0)
      const notMarks = [...movable].filter((glyph) => glyphClass(classes!, glyph) !== 3)
      expect(notMarks.length === 0).toBe(FACES_SKIPPING_MARKS.has(name))
    },
  )

  it('gives the same glyphs and positions as fontkit in full, for every word of the Latin templates and for text with marks', () => {
    const words = new Set<string>()
    for (const file of templatesFrom(repoRoot).list()) {
      if (!['en', 'de', 'fr'].includes(file.lang)) continue
      for (const word of file.text.split(/\s+/)) if (word) words.add(`${word} `).add(word)
    }
    expect(words.size).toBeGreaterThan(3000)
    const withMarks = ['Nguyễn Văn Thủy ', 'e\u0301te\u0301 ', 'Z\u0327\u0301 ', 'ǖ ', 'a\u0308\u0308 ']
    for (const name of ['regular', 'bold'] as const) {
      const full = face(name)
      const skipping = face(name)
      const layout = layoutSkippingMarks(skipping.layout.bind(skipping), skipping)
      for (const text of [...words, ...withMarks]) expect(runOf(layout(text)), `${name}: ${text}`).toEqual(runOf(full.layout(text)))
      // Text with combining marks is laid out in full: the marks sit over their bases.
      expect(runOf(layout('e\u0301 ')).positions.some((p) => p.xOffset !== 0 || p.yOffset !== 0)).toBe(true)
    }
  })

  it('reads GDEF classes of both forms', () => {
    expect(glyphClass({ version: 1, startGlyph: 10, classValueArray: [1, 3, 2] }, 11)).toBe(3)
    expect(glyphClass({ version: 1, startGlyph: 10, classValueArray: [1, 3, 2] }, 9)).toBe(0)
    expect(glyphClass({ version: 1, startGlyph: 10, classValueArray: [1, 3, 2] }, 13)).toBe(0)
    const ranges = { version: 2 as const, classRangeRecord: [{ start: 1, end: 5, class: 1 }, { start: 8, end: 8, class: 3 }, { start: 20, end: 30, class: 2 }] }
    expect([0, 1, 5, 6, 8, 9, 20, 30, 31].map((id) => glyphClass(ranges, id))).toEqual([0, 1, 1, 0, 3, 0, 2, 2, 0])
  })
})
