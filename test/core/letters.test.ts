import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderLetterPdf, type LetterInput } from '../../electron/core/letters/pdf-letter'
import type { FontSource } from '../../electron/core/ports'

const fontDir = path.resolve(__dirname, '..', '..', 'assets', 'fonts')
const fontFiles = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const
const fonts: FontSource = {
  load: (face) => new Uint8Array(fs.readFileSync(path.join(fontDir, fontFiles[face]))),
}

/** Points per millimetre. */
const MM = 72 / 25.4

const popplerMissing = spawnSync('pdftotext', ['-v']).error !== undefined
if (popplerMissing) {
  console.log('letters.test: poppler-utils (pdftotext, pdfinfo, pdffonts) not found, so the checks that read the PDF back are skipped')
}
const withPoppler = it.skipIf(popplerMissing)

const accessBody = [
  'Dear Sir or Madam,',
  'I am asking for access to my personal data under Article 15 of the General Data Protection Regulation (GDPR).',
  'Please confirm whether or not FS.COM INC processes personal data concerning me. If it does, please send me:',
  [
    '1. a copy of all my personal data that you process (Art. 15(3) GDPR);',
    '2. the purposes of the processing (Art. 15(1)(a));',
    '3. the recipients or categories of recipients to whom my data have been or will be disclosed, in particular recipients in third countries or international organisations (Art. 15(1)(c)).',
  ].join('\n'),
  ['Name: Alex Example', 'E-mail address: alex@example.org'].join('\n'),
  'Please quote the reference RF-2026-0001 in your reply.',
  'Yours faithfully,',
  'Alex Example',
].join('\n\n')

function letter(overrides: Partial<LetterInput> = {}): LetterInput {
  return {
    sender: { name: 'Alex Example', email: 'alex@example.org', address: ['12 Sample Road', '10115 Berlin', 'Germany'] },
    recipient: { recipient: 'FS.COM INC', lines: ['380 Centerpoint Blvd', 'New Castle, DE 19720'], countryName: 'United States' },
    date: '22 November 2026',
    reference: 'RF-2026-0001',
    subject: 'Data protection query: access request, Art. 15 GDPR – RF-2026-0001',
    body: accessBody,
    metadata: {
      title: 'Access request to FS.COM INC',
      author: 'Alex Example',
      subject: 'Data protection request RF-2026-0001 to FS.COM INC',
      createdAt: new Date('2026-11-22T09:30:00Z'),
    },
    ...overrides,
  }
}

function longBody(paragraphs: number): string {
  const middle = Array.from(
    { length: paragraphs },
    (_, i) =>
      `Paragraph ${i + 1} explains once more that the controller has to answer within one month and that the first copy of the data is free of charge.`,
  )
  return ['Dear Sir or Madam,', ...middle, 'Yours faithfully,', 'Alex Example'].join('\n\n')
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-letters-'))
let fileCount = 0

function saved(bytes: Uint8Array): string {
  fileCount += 1
  const file = path.join(workDir, `letter-${fileCount}.pdf`)
  fs.writeFileSync(file, bytes)
  return file
}

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout
}

/** Extracted text with runs of spaces collapsed, so that sentences can be searched for. */
function textOf(file: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : []
  return run('pdftotext', ['-layout', ...range, file, '-'])
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
}

/** Paragraph text as it reads in the extracted PDF: wrapped lines joined with spaces. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ')
}

function pageCount(file: string): number {
  const match = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))
  return Number(match?.[1])
}

type Word = { text: string; page: number; xMin: number; yMin: number; xMax: number; yMax: number }

/** Every word with its box in points from the top-left corner of its page, from `pdftotext -bbox`. */
function wordsOf(file: string): Word[] {
  const html = run('pdftotext', ['-bbox', file, '-'])
  const words: Word[] = []
  html.split(/<page /).slice(1).forEach((page, index) => {
    for (const match of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({
        text: match[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"),
        page: index + 1,
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
      })
    }
  })
  return words
}

function wordsNamed(words: ReadonlyArray<Word>, text: string): Word[] {
  return words.filter((word) => word.text === text)
}

function onlyWord(words: ReadonlyArray<Word>, text: string): Word {
  const found = wordsNamed(words, text)
  expect(found, `exactly one "${text}"`).toHaveLength(1)
  return found[0]!
}

function expectInsideWindow(word: Word): void {
  // Address field: 20 mm from the left, 45 mm from the top, 85 × 45 mm.
  expect(word.xMin).toBeGreaterThanOrEqual(20 * MM)
  expect(word.xMax).toBeLessThanOrEqual(105 * MM)
  expect(word.yMin).toBeGreaterThanOrEqual(45 * MM)
  expect(word.yMax).toBeLessThanOrEqual(90 * MM)
}

describe('renderLetterPdf', () => {
  let onePage: Uint8Array
  let onePageFile: string

  beforeAll(async () => {
    onePage = await renderLetterPdf(letter(), fonts)
    onePageFile = saved(onePage)
  })

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

  it('returns a complete PDF 1.7 document', () => {
    const bytes = Buffer.from(onePage)
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7')
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true)
    expect(bytes.length).toBeGreaterThan(5_000)
  })

  it('names only the Noto Sans fonts and never pdfkit’s built-in Helvetica', () => {
    const raw = Buffer.from(onePage).toString('latin1')
    expect(raw).not.toMatch(/Helvetica/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/)
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/)
  })

  withPoppler('embeds the Noto Sans subsets and nothing else (pdffonts)', () => {
    const rows = run('pdffonts', [onePageFile]).trim().split('\n').slice(2)
    expect(rows.length).toBe(2)
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold)\s/)
      // columns: name, type (two words), encoding, emb, sub, uni
      expect(row.split(/\s+/)[4]).toBe('yes')
    }
  })

  withPoppler('carries the document information (pdfinfo)', () => {
    const info = run('pdfinfo', ['-isodates', onePageFile])
    expect(info).toMatch(/^Title:\s+Access request to FS\.COM INC$/m)
    expect(info).toMatch(/^Author:\s+Alex Example$/m)
    expect(info).toMatch(/^Subject:\s+Data protection request RF-2026-0001 to FS\.COM INC$/m)
    expect(info).toMatch(/^Creator:\s+Rightful$/m)
    expect(info).toMatch(/^CreationDate:\s+2026-11-22T09:30:00/m)
    expect(info).toMatch(/^PDF version:\s+1\.7$/m)
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m)
    expect(info).toMatch(/^Pages:\s+1$/m)
  })

  withPoppler('prints the subject, reference, date, recipient, country in capitals and every body sentence', () => {
    const text = textOf(onePageFile)
    for (const line of ['FS.COM INC', '380 Centerpoint Blvd', 'New Castle, DE 19720', 'UNITED STATES']) {
      expect(text.split('\n')).toContainEqual(expect.stringContaining(line))
    }
    expect(text).not.toContain('United States')
    const all = flat(text)
    expect(all).toContain('Data protection query: access request, Art. 15 GDPR – RF-2026-0001')
    expect(all).toContain('Reference RF-2026-0001')
    expect(all).toContain('22 November 2026')
    expect(all).toContain('I am asking for access to my personal data under Article 15 of the General Data Protection Regulation (GDPR).')
    expect(all).toContain(
      '3. the recipients or categories of recipients to whom my data have been or will be disclosed, in particular recipients in third countries or international organisations (Art. 15(1)(c)).',
    )
    expect(all).toContain('Please quote the reference RF-2026-0001 in your reply.')
    expect(all).toContain('Yours faithfully,')
  })

  withPoppler('prints the return address on one line above the recipient', () => {
    const lines = textOf(onePageFile).split('\n')
    const returnLine = lines.findIndex((line) => line.includes('Alex Example · 12 Sample Road · 10115 Berlin · Germany'))
    const recipient = lines.findIndex((line) => line.includes('FS.COM INC'))
    expect(returnLine).toBeGreaterThanOrEqual(0)
    expect(recipient).toBeGreaterThan(returnLine)
  })

  withPoppler('puts the whole address into the envelope window and the return line into the remark zone', () => {
    const words = wordsOf(onePageFile)
    const first = onlyWord(
      words.filter((word) => word.yMin < 90 * MM),
      'FS.COM',
    )
    expectInsideWindow(first)
    // The recipient starts below the 17.7 mm remark zone.
    expect(first.yMin).toBeGreaterThanOrEqual((45 + 17.7) * MM - 1)
    for (const text of ['Centerpoint', '19720', 'UNITED', 'STATES']) expectInsideWindow(onlyWord(words, text))

    const returnWords = words.filter((word) => word.text === 'Road' && word.yMin > 45 * MM && word.yMin < 90 * MM)
    expect(returnWords).toHaveLength(1)
    expect(returnWords[0]!.yMin).toBeGreaterThanOrEqual(45 * MM)
    expect(returnWords[0]!.yMax).toBeLessThanOrEqual((45 + 17.7) * MM)
  })

  withPoppler('places the letterhead, information block and subject where DIN 5008 form B has them', () => {
    const words = wordsOf(onePageFile)
    const reference = wordsNamed(words, 'RF-2026-0001').find((word) => word.yMin < 90 * MM)!
    expect(reference.xMin).toBeCloseTo(125 * MM, 0)
    expect(reference.yMin).toBeGreaterThanOrEqual(50 * MM)

    const subject = onlyWord(words, 'query:')
    expect(subject.yMin).toBeGreaterThan(97.5 * MM)
    expect(subject.yMin).toBeLessThan(99.5 * MM)
    const firstWord = wordsNamed(words, 'Data').find((word) => word.yMin === subject.yMin)!
    expect(firstWord.xMin).toBeCloseTo(25 * MM, 0)

    // Sender block: right-aligned to the 20 mm right margin, within the top 45 mm.
    const email = wordsNamed(words, 'alex@example.org')
    const letterhead = email.find((word) => word.yMax < 45 * MM)!
    expect(letterhead.xMax).toBeCloseTo(190 * MM, 0)
    expect(letterhead.yMin).toBeGreaterThan(15 * MM)

    // Body text stays between the margins.
    for (const word of words.filter((w) => w.yMin > 100 * MM)) {
      expect(word.xMin).toBeGreaterThanOrEqual(25 * MM - 0.5)
      expect(word.xMax).toBeLessThanOrEqual(190 * MM + 0.5)
    }
  })

  withPoppler('leaves about 15 mm for the signature above the name when the body ends with it', () => {
    const words = wordsOf(onePageFile)
    const closing = onlyWord(words, 'faithfully,')
    const names = words.filter((word) => word.text === 'Example' && word.yMin > closing.yMax)
    expect(names).toHaveLength(1)
    expect(names[0]!.yMin - closing.yMax).toBeGreaterThanOrEqual(14.5 * MM)
    expect(names[0]!.yMin - closing.yMax).toBeLessThan(20 * MM)
  })

  withPoppler('adds the sender’s name after a signature space when the body does not end with it', async () => {
    const file = saved(await renderLetterPdf(letter({ body: 'Dear Sir or Madam,\n\nPlease delete my data.\n\nKind regards,' }), fonts))
    const words = wordsOf(file)
    const closing = onlyWord(words, 'regards,')
    const names = words.filter((word) => word.text === 'Alex' && word.yMin > closing.yMax)
    expect(names).toHaveLength(1)
    expect(names[0]!.yMin - closing.yMax).toBeGreaterThanOrEqual(14.5 * MM)
    expect(names[0]!.xMin).toBeCloseTo(25 * MM, 0)
  })

  withPoppler('has no page numbers on a one-page letter', () => {
    expect(textOf(onePageFile)).not.toMatch(/Page/)
  })

  withPoppler('runs a long letter over several pages with "Page n of m" and the reference on later pages', async () => {
    const file = saved(await renderLetterPdf(letter({ body: longBody(60) }), fonts))
    const pages = pageCount(file)
    expect(pages).toBeGreaterThanOrEqual(3)
    for (let page = 1; page <= pages; page += 1) {
      const text = textOf(file, { first: page, last: page })
      expect(text).toContain(`Page ${page} of ${pages}`)
      if (page > 1) expect(text.split('\n').some((line) => line.startsWith('RF-2026-0001'))).toBe(true)
    }
    const all = flat(textOf(file))
    for (const n of [1, 30, 60]) expect(all).toContain(`Paragraph ${n} explains once more that the controller has to answer within one month`)

    // Everything on later pages lies between the 20 mm top and 25 mm bottom margins, footer aside.
    const words = wordsOf(file).filter((word) => word.page > 1 && !/^(Page|\d+|of|RF-2026-0001)$/.test(word.text))
    expect(words.length).toBeGreaterThan(0)
    for (const word of words) {
      expect(word.yMin).toBeGreaterThanOrEqual(20 * MM - 1)
      expect(word.yMax).toBeLessThanOrEqual((297 - 25) * MM + 1)
    }
  })

  withPoppler('keeps the closing line, the signature space and the name on one page', async () => {
    for (let paragraphs = 20; paragraphs <= 32; paragraphs += 1) {
      const file = saved(await renderLetterPdf(letter({ body: longBody(paragraphs) }), fonts))
      const words = wordsOf(file)
      const closing = onlyWord(words, 'faithfully,')
      const name = words.filter((word) => word.text === 'Example' && word.page === closing.page && word.yMin > closing.yMax)
      expect(name, `${paragraphs} paragraphs`).toHaveLength(1)
      // and the closing never sits alone on the last page
      expect(words.some((word) => word.page === closing.page && word.text === 'Paragraph' && word.yMin < closing.yMin)).toBe(true)
    }
  })

  withPoppler('never leaves a single line of a paragraph at the foot or the head of a page', async () => {
    // One paragraph of about seven lines, pushed down the page by a varying number of short ones,
    // so that page breaks fall at every line of it in turn.
    const long = Array.from({ length: 95 }, (_, i) => `word${i + 1}`).join(' ')
    let splits = 0
    for (let before = 11; before <= 21; before += 1) {
      const short = Array.from({ length: before }, (_, i) => `Short paragraph ${i + 1}.`)
      const file = saved(await renderLetterPdf(letter({ body: ['Dear Sir or Madam,', ...short, long, 'Yours faithfully,'].join('\n\n') }), fonts))
      const perPage = Array.from({ length: pageCount(file) }, (_, page) =>
        textOf(file, { first: page + 1, last: page + 1 }).split('\n').filter((line) => /\bword\d+\b/.test(line)).length,
      )
      expect(perPage.reduce((a, b) => a + b, 0), `${before} short paragraphs`).toBeGreaterThanOrEqual(6)
      for (const lines of perPage) expect(lines === 0 || lines >= 2, `${before} short paragraphs: ${perPage.join('/')}`).toBe(true)
      if (perPage.filter((lines) => lines > 0).length > 1) splits += 1
    }
    // The paragraph did get split across pages in some of these, with two or more lines each side.
    expect(splits).toBeGreaterThan(0)
  })

  withPoppler('leaves the country out when the recipient is in the sender’s country', async () => {
    const file = saved(
      await renderLetterPdf(
        letter({ recipient: { recipient: 'Beispiel GmbH', lines: ['Hauptstraße 1', '80331 München'], countryName: null } }),
        fonts,
      ),
    )
    const lines = textOf(file).split('\n')
    const at = lines.findIndex((line) => line.includes('80331 München'))
    expect(at).toBeGreaterThan(0)
    expect(lines.join('\n')).not.toMatch(/UNITED STATES|GERMANY/)
    expectInsideWindow(onlyWord(wordsOf(file), 'München'))
  })

  withPoppler('shrinks a nine-line address so that it still fits the window', async () => {
    const file = saved(
      await renderLetterPdf(
        letter({
          recipient: {
            recipient: 'Example Worldwide Holdings International Incorporated',
            lines: ['Attn: Data Protection Officer', 'Legal Department', 'Building 7, Floor 12', 'Suite 1200', '1000 Very Long Avenue of the Americas', 'PO Box 4711', 'New York, NY 10036'],
            countryName: 'United States',
          },
        }),
        fonts,
      ),
    )
    const words = wordsOf(file).filter((word) => word.page === 1 && word.yMin > (45 + 17.7) * MM - 1 && word.yMax < 95 * MM && word.xMax < 110 * MM)
    for (const text of ['Example', 'Officer', 'Department', '1200', 'Americas', '4711', '10036', 'STATES']) {
      const word = words.find((w) => w.text === text)
      expect(word, text).toBeDefined()
      expectInsideWindow(word!)
    }
  })

  withPoppler('uses the labels it is given', async () => {
    const file = saved(
      await renderLetterPdf(
        letter({
          body: longBody(45),
          labels: { reference: 'Unser Zeichen', date: 'Datum', email: 'E-Mail', page: (n, of) => `Seite ${n} von ${of}` },
        }),
        fonts,
      ),
    )
    const text = textOf(file)
    for (const label of ['Unser Zeichen', 'Datum', 'E-Mail', 'Seite 1 von']) expect(text).toContain(label)
    expect(text).not.toMatch(/\bPage\b|\bReference\b/)
  })
})
