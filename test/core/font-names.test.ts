import fs from 'node:fs'
import path from 'node:path'
import { create } from 'fontkit'
import { describe, expect, it } from 'vitest'
import { fontsFrom } from '../../electron/adapters/node/resources'
import type { FontSource } from '../../electron/core/api/ports'
import { withoutGlyphNames } from '../../electron/core/letters/font-names'
import { renderLetterPdf, type LetterInput } from '../../electron/core/letters/pdf-letter'
import { letterLabels } from '../../electron/core/letters/letter-labels'
import { repoRoot } from '../helpers/ports'

const notoSans = (weight: 'Regular' | 'Bold') => new Uint8Array(fs.readFileSync(path.join(repoRoot, 'assets', 'fonts', `NotoSans-${weight}.ttf`)))

type Post = { version: number; italicAngle: number; underlinePosition: number; underlineThickness: number; isFixedPitch: number; names?: unknown }

describe('the letter fonts without the glyph names of their post table (core/letters/font-names.ts)', () => {
  it('turns a version 2 post table into version 3 with the same numbers, leaving the file given and the rest of the font as they were', () => {
    for (const weight of ['Regular', 'Bold'] as const) {
      const original = notoSans(weight)
      const kept = Buffer.from(original)
      const trimmed = withoutGlyphNames(original)
      expect(Buffer.from(original).equals(kept)).toBe(true)
      const before = create(original) as unknown as { post: Post; numGlyphs: number; postscriptName: string; layout(text: string): { glyphs: Array<{ id: number }>; positions: unknown[] } }
      const after = create(trimmed) as unknown as typeof before
      expect(before.post.version).toBe(2)
      expect(after.post.version).toBe(3)
      expect(after.post.names).toBeUndefined()
      const numbers = ({ italicAngle, underlinePosition, underlineThickness, isFixedPitch }: Post) => ({ italicAngle, underlinePosition, underlineThickness, isFixedPitch })
      expect(numbers(after.post)).toEqual(numbers(before.post))
      expect(after.numGlyphs).toBe(before.numGlyphs)
      expect(after.postscriptName).toBe(before.postscriptName)
      const text = 'Sehr geehrte Damen und Herren, office ﬁ Ąą'
      expect(after.layout(text).glyphs.map((glyph) => glyph.id)).toEqual(before.layout(text).glyphs.map((glyph) => glyph.id))
      expect(after.layout(text).positions).toEqual(before.layout(text).positions)
      // Only the post table's length, checksum and version differ.
      const differing = [...trimmed].flatMap((byte, at) => (byte === original[at] ? [] : [at]))
      expect(differing.length).toBeGreaterThan(0)
      expect(differing.length).toBeLessThanOrEqual(12)
    }
  })

  it('hands on as it is a font without such a table, or that is not a single TrueType font', () => {
    const chinese = new Uint8Array(fs.readFileSync(path.join(repoRoot, 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf')))
    expect(withoutGlyphNames(chinese)).toBe(chinese)
    const regular = notoSans('Regular')
    for (const other of [new Uint8Array(0), regular.subarray(0, 40), Uint8Array.from([0x4f, 0x54, 0x54, 0x4f, ...regular.subarray(4)]), Uint8Array.from([0x74, 0x74, 0x63, 0x66, ...regular.subarray(4)])]) {
      expect(withoutGlyphNames(other)).toBe(other)
    }
    // A table directory that points past the end of the file.
    const broken = new Uint8Array(regular)
    const view = new DataView(broken.buffer)
    for (let index = 0; index < view.getUint16(4); index += 1) if (view.getUint32(12 + index * 16) === 0x706f7374) view.setUint32(12 + index * 16 + 8, broken.length)
    expect(withoutGlyphNames(broken)).toBe(broken)
  })

  it('sets the same letter, byte for byte, as the font files themselves', async () => {
    const files: FontSource = { load: (face) => (face === 'bold' ? notoSans('Bold') : notoSans('Regular')) }
    const shipped = fontsFrom(repoRoot)
    const trimmed: FontSource = { load: (face) => shipped.load(face) }
    const input: LetterInput = {
      sender: { name: 'Alex Example', address: ['Musterstraße 12', '10115 Berlin'], email: 'alex@example.org' },
      recipient: { recipient: 'FS.COM INC', lines: ['380 Centerpoint Blvd', 'New Castle, DE 19720'], countryName: 'United States' },
      reference: 'RF-2026-0001',
      date: '31 January 2026',
      subject: 'Data protection query: access request (RF-2026-0001)',
      body: 'Dear Sir or Madam,\n\nplease tell me which personal data you hold about me (Art. 15 GDPR).\n\nAlex Example',
      labels: letterLabels('en'),
      lang: 'en',
      metadata: { title: 'Access request', author: 'Alex Example', subject: 'RF-2026-0001', createdAt: new Date('2026-01-31T10:00:00Z') },
    }
    expect(Buffer.from(await renderLetterPdf(input, trimmed)).equals(Buffer.from(await renderLetterPdf(input, files)))).toBe(true)
  })
})
