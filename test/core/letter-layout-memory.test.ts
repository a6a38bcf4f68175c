// @module-tag process
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { create } from 'fontkit'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { fontsFrom } from '../../electron/adapters/node/resources'
import { parsedFont, rememberedRuns, RUNS_KEPT_PER_FACE, widthOfText } from '../../electron/core/letters/letter-fonts'
import { letterFor } from '../../electron/core/letters/letter-for-request'
import { renderLetterPdf, type LetterInput } from '../../electron/core/letters/pdf-letter'
import type { FontFaceName } from '../../electron/core/api/ports'
import { expectOk, repoRoot, startCore, tempDir } from '../helpers/ports'

const english = { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin\nGermany', country: 'DE', region: null }
const chinese = { name: '张伟', email: 'zhang.wei@example.cn', address: '北京市朝阳区建国路88号\n100022', country: 'CN', region: null }

/** The letters `rightful letter` writes from the real templates: access and erasure, English and Chinese. */
async function realLetters(): Promise<Array<{ name: string; input: LetterInput }>> {
  const { api } = startCore()
  const kinds = [
    { name: 'en-access', companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en', profile: english },
    { name: 'en-erasure', companyId: 'fs-com', type: 'erasure', law: 'gdpr', lang: 'en', profile: english },
    { name: 'zh-access', companyId: 'foscam', type: 'access', law: 'cn-pipl', lang: 'zh', profile: chinese },
    { name: 'zh-erasure', companyId: 'foscam', type: 'erasure', law: 'cn-pipl', lang: 'zh', profile: chinese },
  ] as const
  const letters: Array<{ name: string; input: LetterInput }> = []
  for (const { name, ...request } of kinds) {
    const { record } = expectOk(await api.call('requests:create', { ...request, channel: 'post' }))
    letters.push({ name, input: letterFor(record, { date: '2026-01-31', createdAt: new Date('2026-01-31T10:00:00Z') }) })
  }
  return letters
}

/** Every string of a letter the renderer may measure: lines, words, characters, and the lines cut after each space. */
function measuredStrings(input: LetterInput): string[] {
  const lines = [input.subject, input.sender.name, input.sender.email, ...input.sender.address, input.recipient.recipient, ...input.recipient.lines, input.date, input.reference, ...input.body.split('\n')]
  const strings = new Set<string>()
  for (const line of lines) {
    strings.add(line)
    for (const word of line.split(' ')) strings.add(word)
    for (const char of line) strings.add(char)
    // The start of a line up to and after each space: pieces that end in a space, and that do not.
    for (let i = line.indexOf(' '); i >= 0; i = line.indexOf(' ', i + 1)) {
      strings.add(line.slice(0, i))
      strings.add(line.slice(0, i + 1))
    }
  }
  strings.add(' ')
  strings.add('')
  strings.add('\t  two\tspaces  ')
  // Longer than any run the fonts keep: laid out every time, still measured the same.
  strings.add(lines.join(' ').repeat(3))
  return [...strings]
}

describe('text laid out once and remembered across letters', () => {
  it('measures every piece of the real letters to the same number as pdfkit', async () => {
    const source = fontsFrom(repoRoot)
    const letters = await realLetters()
    let compared = 0
    for (const { name, input } of letters) {
      const faces: FontFaceName[] = name.startsWith('zh') ? ['cjk-regular', 'cjk-bold'] : ['regular', 'bold']
      for (const face of faces) {
        // pdfkit with a font of its own that nothing else has touched: its layout as it comes.
        const doc = new PDFDocument({ font: create(source.load(face)) as unknown as string, autoFirstPage: true })
        const remembered = parsedFont(source, face)
        for (const size of [11, 9.5, 7.25]) {
          doc.fontSize(size)
          for (const text of measuredStrings(input)) {
            expect(widthOfText(remembered, text, size), `${face} ${size} ${JSON.stringify(text.slice(0, 40))}`).toBe(doc.widthOfString(text))
            compared += 1
          }
        }
        doc.end()
      }
    }
    expect(compared).toBeGreaterThan(5000)
  })

  it('is handed to pdfkit as the fontkit font it takes, and pdfkit draws through its layout', () => {
    const source = fontsFrom(repoRoot)
    const font = parsedFont(source, 'regular')
    const doc = new PDFDocument({ font: font as unknown as string })
    const before = rememberedRuns(font)
    doc.text('Quixotic zebras jumped', 72, 72, { lineBreak: false })
    // "Quixotic ", "zebras " and "jumped": laid out for drawing, by the font, and kept.
    expect(rememberedRuns(font)).toBe(before + 3)
    const widthOfDrawn = doc.widthOfString('Quixotic zebras jumped')
    expect(widthOfText(font, 'Quixotic zebras jumped', 12)).toBe(widthOfDrawn)
    expect(rememberedRuns(font)).toBe(before + 3)
    doc.end()
  })

  it('keeps a bounded number of runs, and none longer than a line', () => {
    const source = fontsFrom(repoRoot)
    const font = parsedFont(source, 'bold')
    const long = 'x'.repeat(300)
    const pdfkitDoc = new PDFDocument({ font: create(source.load('bold')) as unknown as string })
    expect(widthOfText(font, long, 10)).toBe(pdfkitDoc.fontSize(10).widthOfString(long))
    expect(rememberedRuns(font)).toBe(0)
    for (let i = 0; i < RUNS_KEPT_PER_FACE + 10; i += 1) widthOfText(font, `n${i}`, 10)
    expect(rememberedRuns(font)).toBeLessThanOrEqual(RUNS_KEPT_PER_FACE)
    expect(rememberedRuns(font)).toBeGreaterThan(0)
    // Forgotten runs are laid out again, to the same width.
    expect(widthOfText(font, 'n1', 10)).toBe(pdfkitDoc.widthOfString('n1'))
    pdfkitDoc.end()
  })

  it('writes the same PDF, byte for byte, from remembered runs as with nothing remembered yet', async () => {
    const letters = await realLetters()
    for (const { name, input } of letters) {
      // A font source of its own: the first letter is laid out from scratch.
      const fresh = fontsFrom(repoRoot)
      const first = await renderLetterPdf(input, fresh)
      for (const other of letters) await renderLetterPdf(other.input, fresh)
      const faces = name.startsWith('zh') ? (['cjk-regular', 'cjk-bold'] as const) : (['regular', 'bold'] as const)
      const kept = faces.map((face) => rememberedRuns(parsedFont(fresh, face)))
      const again = await renderLetterPdf(input, fresh)
      expect(Buffer.from(again).equals(Buffer.from(first)), name).toBe(true)
      expect(kept.every((count) => count > 0), name).toBe(true)
      // Written again, the letter lays out nothing that was not laid out before.
      expect(faces.map((face) => rememberedRuns(parsedFont(fresh, face))), name).toEqual(kept)
    }
  })

  it.skipIf(!fs.existsSync('/usr/bin/pdftotext'))('prints the real letters with the text and line breaks they had before the runs were remembered', async () => {
    const dir = tempDir()
    const fonts = fontsFrom(repoRoot)
    for (const { name, input } of await realLetters()) {
      const file = path.join(dir, `${name}.pdf`)
      fs.writeFileSync(file, await renderLetterPdf(input, fonts))
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      // Written by the renderer as it was before (pdfkit laid out every piece it measured); `vitest -u` only after a template changes.
      await expect(text).toMatchFileSnapshot(`__snapshots__/letter-text/${name}.txt`)
    }
  })
})
