import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fontsFrom, templatesFrom } from '../../electron/adapters/node/resources'
import type { FontSource } from '../../electron/core/api/ports'
import { layoutSkippingMarks, parsedFont, runsFromPlainCharacters, runsFromTable } from '../../electron/core/letters/letter-fonts'
import { letterFor } from '../../electron/core/letters/letter-for-request'
import { renderLetterPdf, type LetterInput } from '../../electron/core/letters/pdf-letter'
import { create } from 'fontkit'
import { decodeRun, encodeRun, PlainLayout, runEntries, runLines, runTableMaxBytes, type RunTable } from '../../electron/core/letters/run-table'
import { compileRunTable, languageTexts, piecesOf, sameRun } from '../../electron/core/letters/run-table-build'
import { loadTemplates } from '../../electron/core/templates/templates'
import { expectOk, repoRoot, startCore, tempDir } from '../helpers/ports'

const shipped = fontsFrom(repoRoot)
/** A font source of its own (each parses its faces afresh), with `runs` as its run tables. */
const sourceWith = (runs?: (lang: string) => unknown): FontSource => (runs ? { load: (face) => shipped.load(face), runs } : { load: (face) => shipped.load(face) })

const english = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin\nGermany', country: 'DE', region: null }
const german = { name: 'Jürgen Groß', email: 'j.gross@example.de', address: 'Hauptstraße 5\n80331 München', country: 'DE', region: 'DE-BY' }

/** Real letters from the templates: access and erasure in English, access in German. */
async function realLetters(): Promise<Array<{ name: string; lang: string; input: LetterInput }>> {
  const { api } = startCore()
  const kinds = [
    { name: 'en-access', companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en', profile: english },
    { name: 'en-erasure', companyId: 'fs-com', type: 'erasure', law: 'gdpr', lang: 'en', profile: english },
    { name: 'de-access', companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'de', profile: german },
  ] as const
  const letters: Array<{ name: string; lang: string; input: LetterInput }> = []
  for (const { name, ...request } of kinds) {
    const { record } = expectOk(await api.call('requests:create', { ...request, channel: 'post' }))
    letters.push({ name, lang: request.lang, input: letterFor(record, { date: '2026-01-31', createdAt: new Date('2026-01-31T10:00:00Z') }) })
  }
  return letters
}

describe('the words of the templates laid out ahead of time (run tables)', () => {
  const tables = new Map<string, RunTable>()
  let letters: Awaited<ReturnType<typeof realLetters>> = []
  beforeAll(async () => {
    const templates = loadTemplates(templatesFrom(repoRoot), null)
    for (const lang of ['en', 'de'] as const) tables.set(lang, compileRunTable(lang, languageTexts(lang, templates)!, shipped))
    letters = await realLetters()
  }, 120_000)

  it('sets the same PDF, byte for byte, from a table as from fontkit, and takes most of its runs from the table', async () => {
    for (const { name, input } of letters) {
      const plain = sourceWith()
      const tabled = sourceWith((asked) => tables.get(asked) ?? null)
      const expected = Buffer.from(await renderLetterPdf(input, plain))
      expect(Buffer.from(await renderLetterPdf(input, tabled)).equals(expected), name).toBe(true)
      expect(runsFromTable(parsedFont(plain, 'regular')), name).toBe(0)
      expect(runsFromTable(parsedFont(tabled, 'regular')), name).toBeGreaterThan(200)
      // The sender's and the company's words and the reference: from the plain characters, not fontkit.
      expect(runsFromPlainCharacters(parsedFont(plain, 'regular')), name).toBe(0)
      expect(runsFromPlainCharacters(parsedFont(tabled, 'regular')), name).toBeGreaterThan(5)
      // A second letter from the same source, and one in the other language, come out the same as well.
      for (const other of letters) expect(Buffer.from(await renderLetterPdf(other.input, tabled)).equals(Buffer.from(await renderLetterPdf(other.input, sourceWith()))), `${name} then ${other.name}`).toBe(true)
    }
  })

  it('passes over a table of another font file, another language, or one that is broken, and the letter stays the same', async () => {
    const { input } = letters[0]!
    const expected = Buffer.from(await renderLetterPdf(input, sourceWith()))
    const en = tables.get('en')!
    const otherFont: RunTable = { ...en, faces: en.faces.map((face) => ({ ...face, digest: '0'.repeat(64) })) }
    const garbled: RunTable = {
      ...en,
      faces: en.faces.map((face) => ({ ...face, runs: runLines([...runEntries(face.runs)].map(([piece, run]) => [piece, run.replace(/^\d+/, '999999')])) })),
    }
    const given: unknown[] = [null, 'not a table', { ...en, format: 2 }, { ...en, lang: 'de' }, tables.get('de'), otherFont, garbled]
    for (const [index, table] of given.entries()) {
      const source = sourceWith(() => table)
      expect(Buffer.from(await renderLetterPdf(input, source)).equals(expected), `table ${index}`).toBe(true)
      expect(runsFromTable(parsedFont(source, 'regular')), `table ${index}`).toBe(0)
    }
    const throwing = sourceWith(() => {
      throw new Error('EIO')
    })
    expect(Buffer.from(await renderLetterPdf(input, throwing)).equals(expected)).toBe(true)
  })

  it("lays out text of a face's plain characters as fontkit does, and passes over any other text", () => {
    const en = tables.get('en')!
    for (const entry of en.faces) {
      expect(entry.plain, entry.face).toBeDefined()
      const font = create(shipped.load(entry.face))
      const layout = PlainLayout.of(font, entry.plain!)!
      const shaped = layoutSkippingMarks(font.layout.bind(font), font)
      const plainCodePoints = entry.plain!.characters.filter((_, at) => at % 3 === 0)
      // Printable ASCII, Latin-1 and Latin Extended-A, but "f" (fi, fl: ligatures) and the soft hyphen (hidden).
      for (const char of 'AZaz09 .,-@/()&ÄÖÜäöüßéèçñøåÆŁłŚžőąş') expect(plainCodePoints, `${entry.face} ${char}`).toContain(char.codePointAt(0))
      for (const char of 'f\u00ad\u2044\u0301\u0192') expect(plainCodePoints, `${entry.face} ${char}`).not.toContain(char.codePointAt(0))
      const texts = ['Alex', 'Example ', 'RF-2026-0030', 'RF-2026-0030 ', 'alex@example.org', 'Musterstraße', '10115 ', 'UNITED ', 'Centerpoint ', 'Jürgen Groß', 'VA AV To Ty', '"Łódź", 80-331.']
      let seed = 7
      const next = () => (seed = (Math.imul(seed, 48_271) + 11) >>> 0) % plainCodePoints.length
      for (let n = 0; n < 1500; n += 1) texts.push(String.fromCodePoint(...Array.from({ length: 1 + (n % 30) }, () => plainCodePoints[next()]!)))
      for (const text of texts) {
        const own = layout.layout(text)
        expect(own, `${entry.face} ${JSON.stringify(text)}`).not.toBeNull()
        expect(sameRun(own!, font.layout(text)), `${entry.face} ${JSON.stringify(text)}`).toBe(true)
        expect(sameRun(own!, shaped(text)), `${entry.face} ${JSON.stringify(text)}`).toBe(true)
      }
      for (const text of ['office', 'Straße\u0301', 'Zürich\u00ad', '1\u20442', '', '中文', 'x'.repeat(401)]) expect(layout.layout(text), `${entry.face} ${JSON.stringify(text)}`).toBeNull()
    }
  })

  it('passes over plain characters that do not read, and the letter stays the same', async () => {
    const { input } = letters[0]!
    const expected = Buffer.from(await renderLetterPdf(input, sourceWith()))
    const en = tables.get('en')!
    const broken: unknown[] = [[65, 1], [65, 1, 500, 66], [65, 1.5, 500], [65, 999_999, 500], [65, 1, 500, 65, 1, 500], [31, 1, 500], [55_296, 1, 500], [65, -1, 500], '65,1,500', null]
    for (const characters of broken) {
      const table = { ...en, faces: en.faces.map((face) => ({ ...face, plain: { characters, kerning: [] } })) }
      const source = sourceWith(() => table)
      expect(Buffer.from(await renderLetterPdf(input, source)).equals(expected), JSON.stringify(characters)).toBe(true)
      expect(runsFromPlainCharacters(parsedFont(source, 'regular')), JSON.stringify(characters)).toBe(0)
    }
    const unknownPair: RunTable = { ...en, faces: en.faces.map((face) => ({ ...face, plain: { characters: face.plain!.characters, kerning: [65, 1_114_111, -20] } })) }
    const source = sourceWith(() => unknownPair)
    expect(Buffer.from(await renderLetterPdf(input, source)).equals(expected)).toBe(true)
    expect(runsFromPlainCharacters(parsedFont(source, 'regular'))).toBe(0)
  })

  it('decodes a run only when every glyph is one of the font, with finite positions', () => {
    const font = parsedFont(sourceWith(), 'regular')
    const run = font.layout('Quixotic ')
    const encoded = encodeRun(run)
    const decoded = decodeRun(font, encoded)!
    expect(decoded.glyphs.map((g) => g.id)).toEqual(run.glyphs.map((g) => g.id))
    expect(decoded.positions).toEqual(run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })))
    for (const bad of ['', `${font.numGlyphs},1,0,0,0,65`, '-1,1,0,0,0,65', '1.5,1,0,0,0,65', '3,NaN,0,0,0,65', '3,1,0,0,65', '3,1,0,0,0,65,66', '3,1,0,0,0,1114112', '3,1,0,0,0,x', `${'3,1,0,0,0,65;'.repeat(400)}3,1,0,0,0,65`]) {
      expect(decodeRun(font, bad), bad).toBeNull()
    }
    expect(decodeRun(font, '3,520,0,0,0,')).toEqual({ glyphs: [font.getGlyph(3)], positions: [{ xAdvance: 520, yAdvance: 0, xOffset: 0, yOffset: 0 }] })
  })

  it('reads the lines of a table, passing over those that are not a piece and a run', () => {
    const lines = ['word \t1,2,3,4,5,6', 'no tab here', '\tno piece', `${'x'.repeat(201)}\t1,2,3,4,5,6`, 'last\t7,8,9,10,11,12'].join('\n')
    expect([...runEntries(lines)]).toEqual([
      ['word ', '1,2,3,4,5,6'],
      ['last', '7,8,9,10,11,12'],
    ])
    expect([...runEntries(runLines([['a', 'b'], ['c ', 'd']]))]).toEqual([
      ['a', 'b'],
      ['c ', 'd'],
    ])
  })

  it('lays out each word with and without its space, never a template tag or a Chinese word', () => {
    expect(piecesOf(['Dear {{company.name}}, please  reply.\n及时 (Art. 15)'])).toEqual(['(Art.', '(Art. ', '15)', '15) ', 'Dear', 'Dear ', 'please', 'please ', 'reply.', 'reply. '])
    const templates = loadTemplates(templatesFrom(repoRoot), null)
    expect(languageTexts('zh-Hans', templates)).toBeNull()
    expect(languageTexts('ja', templates)).toBeNull()
    const english = languageTexts('en', templates)!
    expect(english.regular.join(' ')).toContain('January')
    // Bold sets only the subject lines: their words, not the bodies'.
    expect(english.bold.join(' ')).toContain('Data protection query: access request')
    expect(english.bold.join(' ')).not.toContain('Dear Sir or Madam')
    expect(english.regular.join(' ')).toContain('Dear Sir or Madam')
  })

  it('is read by the Node adapter from assets/fonts/runs/<lang>.json, and not when too large, not JSON or not a language', () => {
    const root = tempDir('rightful-runs-')
    try {
      const source = fontsFrom(root)
      expect(source.runs?.('en')).toBeNull()
      fs.mkdirSync(path.join(root, 'assets', 'fonts', 'runs'), { recursive: true })
      fs.writeFileSync(path.join(root, 'assets', 'fonts', 'runs', 'en.json'), JSON.stringify(tables.get('en')))
      expect(source.runs?.('en')).toEqual(tables.get('en'))
      expect(source.runs?.('../runs/en')).toBeNull()
      fs.writeFileSync(path.join(root, 'assets', 'fonts', 'runs', 'en.json'), '{"format": 1, "fa')
      expect(source.runs?.('en')).toBeNull()
      fs.writeFileSync(path.join(root, 'assets', 'fonts', 'runs', 'en.json'), Buffer.alloc(runTableMaxBytes + 1, 0x20))
      expect(source.runs?.('en')).toBeNull()
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})
