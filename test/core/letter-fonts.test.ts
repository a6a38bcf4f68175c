import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fontsFrom } from '../../electron/adapters/node/resources'
import { withoutGlyphNames } from '../../electron/core/letters/font-names'
import { fontsForLetter, parsedFont } from '../../electron/core/letters/letter-fonts'
import type { FontFaceName, FontSource } from '../../electron/core/api/ports'

const repoRoot = path.resolve(__dirname, '..', '..')
const scPackage = path.join(repoRoot, 'node_modules', '@expo-google-fonts', 'noto-sans-sc')

describe('fontsFrom', () => {
  it('finds Noto Sans in assets/fonts and Noto Sans SC in its npm package (development and tests)', () => {
    const fonts = fontsFrom(repoRoot)
    // The file, with the glyph names of its post table left out (core/letters/font-names.ts).
    expect(Buffer.from(fonts.load('regular')).equals(Buffer.from(withoutGlyphNames(fs.readFileSync(path.join(repoRoot, 'assets', 'fonts', 'NotoSans-Regular.ttf')))))).toBe(true)
    const cjk = fonts.load('cjk-regular')
    expect(cjk.byteLength).toBe(fs.statSync(path.join(scPackage, '400Regular', 'NotoSansSC_400Regular.ttf')).size)
    expect(fonts.load('cjk-regular')).toBe(cjk)
    expect(fonts.load('cjk-bold').byteLength).toBe(fs.statSync(path.join(scPackage, '700Bold', 'NotoSansSC_700Bold.ttf')).size)
  })

  it('takes the copies a build puts into assets/fonts first', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-fonts-'))
    try {
      fs.mkdirSync(path.join(root, 'assets', 'fonts'), { recursive: true })
      fs.writeFileSync(path.join(root, 'assets', 'fonts', 'NotoSansSC-Regular.ttf'), 'regular copy')
      fs.writeFileSync(path.join(root, 'assets', 'fonts', 'NotoSansSC-Bold.ttf'), 'bold copy')
      const fonts = fontsFrom(root)
      expect(Buffer.from(fonts.load('cjk-regular')).toString()).toBe('regular copy')
      expect(Buffer.from(fonts.load('cjk-bold')).toString()).toBe('bold copy')
      expect(() => fonts.load('regular')).toThrow(/The letter font "regular" is missing: looked for .*NotoSans-Regular\.ttf/)
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('the fonts of a letter', () => {
  const fonts = fontsFrom(repoRoot)

  it('parses each face once per source', () => {
    const loads: FontFaceName[] = []
    const source: FontSource = { load: (face) => (loads.push(face), fonts.load(face)) }
    const first = parsedFont(source, 'regular')
    expect(parsedFont(source, 'regular')).toBe(first)
    expect(first.postscriptName).toBe('NotoSans-Regular')
    expect(loads).toEqual(['regular'])
  })

  it('sets Latin, Greek and Cyrillic text in Noto Sans alone', () => {
    const letter = fontsForLetter(fonts, ['Grüße, Ελληνικά, Кириллица – Łódź, Ștefan'])
    expect(letter.cjk).toBe(false)
    expect([...letter.faces.keys()].sort()).toEqual(['bold', 'regular'])
    expect(letter.runs('Grüße Ελληνικά', 'bold')).toEqual([{ face: 'bold', text: 'Grüße Ελληνικά' }])
  })

  it('sets a letter with any Chinese character in Noto Sans SC, borrowing from Noto Sans only what SC lacks', () => {
    const letter = fontsForLetter(fonts, ['Dear Sir or Madam,', '张伟', 'Łukasz'])
    expect(letter.cjk).toBe(true)
    expect(letter.base.postscriptName).toBe('NotoSansSC-Regular')
    expect(letter.runs('张伟 Dear', 'regular')).toEqual([{ face: 'cjk-regular', text: '张伟 Dear' }])
    expect(letter.runs('Łukasz 张', 'bold')).toEqual([
      { face: 'bold', text: 'Ł' },
      { face: 'cjk-bold', text: 'ukasz 张' },
    ])
  })

  it('replaces what no face has with "?" and drops invisible format characters', () => {
    // U+061C ARABIC LETTER MARK is a format character neither font has.
    const letter = fontsForLetter(fonts, ['Ref 한\u061cx'])
    expect(letter.runs('Ref 한\u061cx', 'regular').map((run) => run.text).join('')).toBe('Ref ?x')
  })
})
