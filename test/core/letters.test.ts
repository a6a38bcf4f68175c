// @module-tag process
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { letterLabels } from '../../electron/core/letters/letter-labels'
import { renderLetterPdf, type LetterInput } from '../../electron/core/letters/pdf-letter'
import type { FontFaceName, FontSource } from '../../electron/core/api/ports'

const repoRoot = path.resolve(__dirname, '..', '..')
const fontFiles: Record<FontFaceName, string> = {
  regular: 'assets/fonts/NotoSans-Regular.ttf',
  bold: 'assets/fonts/NotoSans-Bold.ttf',
  'cjk-regular': 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'cjk-bold': 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'ja-regular': 'node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  'ja-bold': 'node_modules/@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
}

/** Reads the file on every call; the renderer parses each face once per source and keeps it. */
function fontSource(loaded: FontFaceName[] = []): FontSource {
  return {
    load: (face) => {
      loaded.push(face)
      return new Uint8Array(fs.readFileSync(path.join(repoRoot, fontFiles[face])))
    },
  }
}

const fonts = fontSource()

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

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

describe('renderLetterPdf', () => {
  let onePage: Uint8Array
  let onePageFile: string

  beforeAll(async () => {
    onePage = await renderLetterPdf(letter(), fonts)
    onePageFile = saved(onePage)
  })

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
          labels: { ...letterLabels('de'), reference: 'Ihr Zeichen' },
        }),
        fonts,
      ),
    )
    const text = textOf(file)
    for (const label of ['Ihr Zeichen', 'Datum', 'E-Mail', 'Seite 1 von']) expect(text).toContain(label)
    expect(text).not.toMatch(/\bPage\b|\bReference\b/)
  })
})

/** Points per inch. */
const IN = 72

/**
 * Where a #10 window envelope's window (4.5 × 1.125 in, 7/8 in from the envelope's left, 1/2 in
 * from its bottom) lies on a US Letter sheet folded in three (folds at 11/3 and 22/3 in) and
 * resting on its lower fold in the 9.5 × 4.125 in envelope: from 3.667 − 1.625 = 2.042 in to
 * 3.667 − 0.5 = 3.167 in below the sheet's top; and across, wherever the sheet sits in the 1 in
 * of sideways play, 0.875 to 4.375 in from its left edge.
 */
const numberTenWindow = { left: 0.875 * IN, right: 4.375 * IN, top: (11 / 3 - 1.625) * IN, bottom: (11 / 3 - 0.5) * IN }
/** Everything the window can show as the sheet moves about: 1 in sideways, 0.458 in up and down. */
const numberTenReach = { left: -0.125 * IN, right: 5.375 * IN, top: (11 / 3 - 1.625) * IN, bottom: 3.625 * IN }

function expectInsideNumberTenWindow(word: Word): void {
  expect(word.page, word.text).toBe(1)
  expect(word.xMin, word.text).toBeGreaterThanOrEqual(numberTenWindow.left)
  expect(word.xMax, word.text).toBeLessThanOrEqual(numberTenWindow.right)
  expect(word.yMin, word.text).toBeGreaterThanOrEqual(numberTenWindow.top)
  expect(word.yMax, word.text).toBeLessThanOrEqual(numberTenWindow.bottom)
}

function usLetter(overrides: Partial<LetterInput> = {}): LetterInput {
  return letter({
    paper: 'letter',
    sender: { name: 'Alex Example', email: 'alex@example.org', address: ['1 Main Street', 'Wilmington, DE 19801'] },
    recipient: { recipient: 'FS.COM INC', lines: ['Attn: Privacy Officer', '380 Centerpoint Blvd', 'New Castle, DE 19720'], countryName: null },
    ...overrides,
  })
}

const chineseBody = [
  '尊敬的Shenzhen Foscam Electronic Co., Ltd：',
  '本人依据《中华人民共和国个人信息保护法》（以下简称《个人信息保护法》）第四十四条、第四十五条和第四十八条，向贵公司申请查阅、复制本人的个人信息，并请贵公司对其个人信息处理规则作出解释说明。',
  '请贵公司确认是否处理本人的个人信息；如有处理，请向本人提供：',
  ['1. 贵公司处理的本人全部个人信息的副本（第四十五条第一款）；', '2. 处理本人个人信息的目的和方式；'].join('\n'),
  ['姓名：张伟', '电子邮箱：zhang.wei@example.cn', '通信地址：', '北京市朝阳区建国路88号', '100022', '中国'].join('\n'),
  '请在答复中注明编号RF-2026-0007。',
  '此致\n敬礼！',
  '张伟',
].join('\n\n')

function chineseLetter(overrides: Partial<LetterInput> = {}): LetterInput {
  return letter({
    sender: { name: '张伟', email: 'zhang.wei@example.cn', address: ['北京市朝阳区建国路88号', '100022', '中国'] },
    recipient: {
      recipient: 'Shenzhen Foscam Electronic Co., Ltd',
      lines: ['Room AB, 9/F, Block F5, TCL International E City', 'No. 1001 Zhongshan Road, Nanshan District', 'Shenzhen 518055'],
      countryName: null,
    },
    date: '2026年11月22日',
    reference: 'RF-2026-0007',
    subject: '个人信息查阅、复制申请（《个人信息保护法》第四十五条）– RF-2026-0007',
    body: chineseBody,
    lang: 'zh-CN',
    labels: letterLabels('zh-Hans'),
    metadata: { title: '个人信息查阅、复制申请', author: '张伟', subject: 'Data protection request RF-2026-0007 to Foscam', createdAt: new Date('2026-11-22T09:30:00Z') },
    ...overrides,
  })
}

/** Rows of `pdffonts`: font name and whether it is embedded. */
function fontsIn(file: string): Array<{ name: string; embedded: boolean }> {
  return run('pdffonts', [file])
    .trim()
    .split('\n')
    .slice(2)
    .map((row) => {
      const columns = row.trim().split(/\s+/)
      // name, type (two or three words), encoding, emb, sub, uni, object, generation
      return { name: columns[0]!, embedded: columns[columns.length - 5] === 'yes' }
    })
}

function rawOf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1')
}

/** The XMP packet (pdfkit leaves the metadata stream uncompressed, as PDF/A wants). */
function xmpOf(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('utf8')
  const start = raw.indexOf('<?xpacket begin=')
  const end = raw.indexOf('<?xpacket end="w"?>')
  expect(start).toBeGreaterThan(0)
  expect(end).toBeGreaterThan(start)
  return raw.slice(start, end)
}

describe('US Letter for a #10 window envelope', () => {
  let file: string

  beforeAll(async () => {
    file = saved(await renderLetterPdf(usLetter(), fonts))
  })

  withPoppler('is 8.5 × 11 in', () => {
    expect(run('pdfinfo', [file])).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m)
  })

  withPoppler('puts the recipient inside the #10 window of the letter folded in three (63–315 × 147–228 pt)', () => {
    const words = wordsOf(file)
    const first = onlyWord(
      words.filter((word) => word.yMin < 3.5 * IN),
      'FS.COM',
    )
    expectInsideNumberTenWindow(first)
    // About 2 1/8 in from the top and 1 in from the left.
    expect(first.xMin).toBeCloseTo(1 * IN, 0)
    expect(first.yMin).toBeGreaterThan(2 * IN)
    const top = words.filter((word) => word.yMin < 3.5 * IN)
    for (const text of ['INC', 'Privacy', 'Officer', 'Centerpoint', 'Castle,', '19720']) expectInsideNumberTenWindow(onlyWord(top, text))
  })

  withPoppler('shows nothing but the recipient through the window, wherever the sheet sits in the envelope', () => {
    const recipientWords = new Set(['FS.COM', 'INC', 'Attn:', 'Privacy', 'Officer', '380', 'Centerpoint', 'Blvd', 'New', 'Castle,', 'DE', '19720'])
    const seen = wordsOf(file).filter(
      (word) =>
        word.page === 1 &&
        word.xMax > numberTenReach.left &&
        word.xMin < numberTenReach.right &&
        word.yMax > numberTenReach.top &&
        word.yMin < numberTenReach.bottom,
    )
    expect(seen.length).toBeGreaterThan(0)
    for (const word of seen) expect(recipientWords.has(word.text), word.text).toBe(true)
  })

  withPoppler('has the sender as a letterhead at the top left, and the subject and body between 1 in margins', () => {
    const words = wordsOf(file)
    const sender = words.find((word) => word.text === 'Wilmington,')!
    expect(sender.xMin).toBeCloseTo(1 * IN, 0)
    expect(sender.yMax).toBeLessThan(1.75 * IN)
    const subject = onlyWord(words, 'query:')
    expect(subject.yMin).toBeGreaterThan(3.625 * IN)
    for (const word of words.filter((w) => w.yMin > 3.625 * IN)) {
      expect(word.xMin).toBeGreaterThanOrEqual(1 * IN - 0.5)
      expect(word.xMax).toBeLessThanOrEqual(7.5 * IN + 0.5)
    }
    // No return line on US Letter: the sender's street appears once, in the letterhead.
    expect(wordsNamed(words, 'Main')).toHaveLength(1)
    // Reference, date and e-mail right of anything the window can show.
    const reference = wordsNamed(words, 'RF-2026-0001').find((word) => word.yMin < 3.5 * IN)!
    expect(reference.xMin).toBeGreaterThanOrEqual(5.375 * IN)
  })

  withPoppler('numbers the pages of a long letter and keeps within the margins of later pages', async () => {
    const long = saved(await renderLetterPdf(usLetter({ body: longBody(50) }), fonts))
    const pages = pageCount(long)
    expect(pages).toBeGreaterThanOrEqual(3)
    for (let page = 1; page <= pages; page += 1) expect(textOf(long, { first: page, last: page })).toContain(`Page ${page} of ${pages}`)
    const words = wordsOf(long).filter((word) => word.page > 1 && !/^(Page|\d+|of|RF-2026-0001)$/.test(word.text))
    for (const word of words) {
      expect(word.yMin).toBeGreaterThanOrEqual(0.75 * IN - 1)
      expect(word.yMax).toBeLessThanOrEqual(10 * IN + 1)
    }
  })
})

describe('labels and enclosures', () => {
  withPoppler('prints the German labels, "Seite n von m" and the enclosures under "Anlagen:"', async () => {
    const file = saved(
      await renderLetterPdf(
        letter({
          body: longBody(40),
          date: '22. November 2026',
          lang: 'de',
          labels: letterLabels('de'),
          enclosures: ['Kopie des Personalausweises (geschwärzt)', 'Kundenkarte'],
        }),
        fonts,
      ),
    )
    const pages = pageCount(file)
    expect(pages).toBe(3)
    const text = textOf(file)
    for (const label of ['Unser Zeichen', 'Datum', 'E-Mail', '22. November 2026', 'Anlagen:']) expect(text).toContain(label)
    for (let page = 1; page <= pages; page += 1) expect(textOf(file, { first: page, last: page })).toContain(`Seite ${page} von 3`)
    expect(text).toMatch(/Anlagen:\n1\. Kopie des Personalausweises \(geschwärzt\)\n2\. Kundenkarte/)
    expect(text).not.toMatch(/\bPage\b|\bReference\b|Enclosures/)
  })

  withPoppler('prints the enclosures after the signature, one a line, and no heading when there are none', async () => {
    const file = saved(await renderLetterPdf(letter({ enclosures: ['Copy of my passport (redacted)'] }), fonts))
    const words = wordsOf(file)
    const name = words.filter((word) => word.text === 'Example' && word.yMin > onlyWord(words, 'faithfully,').yMax)[0]!
    const heading = onlyWord(words, 'Enclosure:')
    expect(heading.yMin).toBeGreaterThan(name.yMax)
    expect(heading.xMin).toBeCloseTo(25 * MM, 0)
    // The next line down (pdftotext's boxes of successive lines overlap a little).
    const item = onlyWord(words, 'passport')
    expect(item.yMin - heading.yMin).toBeCloseTo(14, 0)
    expect(textOf(file)).toContain('Enclosure:\nCopy of my passport (redacted)')

    expect(textOf(saved(await renderLetterPdf(letter(), fonts)))).not.toMatch(/Enclosure/)
  })

  withPoppler('prints the Chinese labels and "第n页，共m页"', async () => {
    const file = saved(await renderLetterPdf(chineseLetter({ body: `${chineseBody}\n\n${'请贵公司尽快答复。'.repeat(120)}`, enclosures: ['身份证复印件（已遮盖部分信息）'] }), fonts))
    const pages = pageCount(file)
    expect(pages).toBe(2)
    const text = textOf(file)
    for (const label of ['编号', '日期', '电子邮件', '2026年11月22日', '附件：', '身份证复印件（已遮盖部分信息）']) expect(text).toContain(label)
    expect(textOf(file, { first: 1, last: 1 })).toContain('第1页，共2页')
    expect(textOf(file, { first: 2, last: 2 })).toContain('第2页，共2页')
  })
})

describe('names of 200 characters', () => {
  // Hostile or merely long: a company named in one 200-character word, in 200 Han characters, and
  // enclosures named the same way. Nothing may run off the page or out of the envelope window.
  const longWord = `Verwaltungsgesellschaft${'X'.repeat(177)}`
  const longHan = '数据保护'.repeat(50)
  const pageOf = (file: string) => {
    const match = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(run('pdfinfo', [file]))
    return { width: Number(match?.[1]), height: Number(match?.[2]) }
  }

  for (const [label, name, lang] of [
    ['one long word', longWord, 'en'],
    ['Han characters', longHan, 'zh'],
  ] as const) {
    withPoppler(`keeps a company and an enclosure named in ${label} on the page, the name inside the window`, async () => {
      expect([...name]).toHaveLength(200)
      const base = lang === 'zh' ? chineseLetter() : letter()
      const file = saved(
        await renderLetterPdf(
          {
            ...base,
            recipient: { ...base.recipient, recipient: name },
            body: `${base.body}\n\n${name}`,
            enclosures: [`${name}.pdf`, name],
          },
          fonts,
        ),
      )
      const { width, height } = pageOf(file)
      const words = wordsOf(file)
      expect(words.length).toBeGreaterThan(20)
      for (const word of words) {
        expect(word.xMin, word.text).toBeGreaterThanOrEqual(0)
        expect(word.xMax, word.text).toBeLessThanOrEqual(width - 15 * MM)
        expect(word.yMin, word.text).toBeGreaterThanOrEqual(0)
        expect(word.yMax, word.text).toBeLessThanOrEqual(height)
      }
      // The recipient's name, wrapped, sits inside the window above the address lines.
      const flatText = flat(textOf(file)).replace(/\s+/g, '')
      expect(flatText).toContain(name)
      const firstPieces = words.filter((word) => word.page === 1 && word.yMax < 95 * MM && name.startsWith(word.text.slice(0, 8)))
      expect(firstPieces.length).toBeGreaterThan(0)
      if (lang === 'zh') return // A Chinese letter's window differs; the page check above holds for it.
      for (const word of firstPieces) expectInsideWindow(word)
    })
  }
})

describe('a letter in Chinese', () => {
  let bytes: Uint8Array
  let file: string

  beforeAll(async () => {
    bytes = await renderLetterPdf(chineseLetter(), fonts)
    file = saved(bytes)
  })

  withPoppler('reads back in Chinese with pdftotext, Latin parts included', () => {
    const text = textOf(file)
    const all = flat(text)
    for (const line of ['张伟', '北京市朝阳区建国路88号', '100022', '中国', '编号', 'RF-2026-0007', '2026年11月22日', '电子邮件', 'zhang.wei@example.cn']) {
      expect(text).toContain(line)
    }
    expect(all).toContain('个人信息查阅、复制申请（《个人信息保护法》第四十五条）– RF-2026-0007')
    expect(all).toContain('请贵公司确认是否处理本人的个人信息；如有处理，请向本人提供：')
    expect(all).toContain('请在答复中注明编号RF-2026-0007。')
    expect(text).toContain('Shenzhen Foscam Electronic Co., Ltd')
    expect(text).toContain('No. 1001 Zhongshan Road, Nanshan District')
    // Broken between characters, never before closing punctuation: no line starts with "，" or "。".
    expect(text.split('\n').filter((line) => /^[，。、；：）》」]/.test(line))).toEqual([])
  })

  withPoppler('is set in Noto Sans SC alone, embedded', () => {
    const used = fontsIn(file)
    expect(used.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular'])
    for (const font of used) expect(font.embedded, font.name).toBe(true)
  })

  it('says it is in Chinese', () => {
    expect(rawOf(bytes)).toContain('/Lang (zh-CN)')
  })

  withPoppler('puts the address in the DIN window as Latin letters do', () => {
    const words = wordsOf(file).filter((word) => word.yMin < 90 * MM)
    expectInsideWindow(onlyWord(words, 'Foscam'))
    expectInsideWindow(onlyWord(words, 'Zhongshan'))
    expectInsideWindow(onlyWord(words, '518055'))
  })

  withPoppler('borrows letters Noto Sans SC lacks from Noto Sans, and prints "?" for what neither has', async () => {
    const mixed = saved(
      await renderLetterPdf(chineseLetter({ sender: { name: 'Łukasz Wiśniewski', email: 'l.w@example.pl', address: ['ul. Świętokrzyska 11', '00-360 Warszawa', 'Polska'] }, reference: 'RF-2026-0007 한' }), fonts),
    )
    const text = textOf(mixed)
    expect(text).toContain('Łukasz Wiśniewski')
    expect(text).toContain('ul. Świętokrzyska 11')
    expect(text).toContain('RF-2026-0007 ?')
    const names = fontsIn(mixed).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))
    expect(names).toContain('NotoSansSC-Regular')
    expect(names).toContain('NotoSans-Regular')
  })

  withPoppler('signs at the right, and indents lines that start with ideographic spaces ("　　此致")', async () => {
    const words = wordsOf(file)
    const signature = words.filter((word) => word.text === '张伟').at(-1)!
    expect(signature.xMax).toBeCloseTo(190 * MM, 0)
    expect(signature.yMin).toBeGreaterThan(onlyWord(words, '敬礼！').yMax + 14 * MM)

    const indented = wordsOf(saved(await renderLetterPdf(chineseLetter({ body: chineseBody.replace('此致', '\u3000\u3000此致') }), fonts)))
    // Two ideographic spaces: two em at 11 pt.
    expect(onlyWord(indented, '此致').xMin).toBeCloseTo(25 * MM + 22, 0)
    expect(onlyWord(indented, '敬礼！').xMin).toBeCloseTo(25 * MM, 0)
  })

  it('loads the Chinese faces only for letters that need them', async () => {
    const loaded: FontFaceName[] = []
    const source = fontSource(loaded)
    await renderLetterPdf(letter(), source)
    expect(loaded.sort()).toEqual(['bold', 'regular'])
    await renderLetterPdf(chineseLetter(), source)
    await renderLetterPdf(chineseLetter(), source)
    expect(loaded.sort()).toEqual(['bold', 'cjk-bold', 'cjk-regular', 'regular'])
  })
})

describe('PDF/A-2b', () => {
  let bytes: Uint8Array
  let file: string

  beforeAll(async () => {
    bytes = await renderLetterPdf(
      letter({ metadata: { title: 'Access request to Marks & Spencer <UK>', author: 'Alex Example', subject: 'RF-2026-0001 & more', createdAt: new Date('2026-11-22T09:30:00Z') } }),
      fonts,
    )
    file = saved(bytes)
  })

  it('declares part 2, conformance B in the XMP metadata', () => {
    const xmp = xmpOf(bytes)
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/)
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/)
  })

  it('escapes the document information in the XMP, so that it stays well-formed XML', () => {
    const xmp = xmpOf(bytes)
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Access request to Marks &amp; Spencer &lt;UK&gt;</rdf:li>')
    expect(xmp).toContain('RF-2026-0001 &amp; more')
    // Every "&" starts an entity, and no tag is left open by the values.
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#)/)
    expect(xmp).not.toContain('<UK>')
  })

  it('has an sRGB output intent with the ICC profile embedded', () => {
    const raw = rawOf(bytes)
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/)
    expect(raw).toMatch(/\/S \/GTS_PDFA1/)
    expect(raw).toContain('/OutputConditionIdentifier (sRGB IEC61966-2.1)')
    expect(raw).toMatch(/\/DestOutputProfile \d+ 0 R/)
    expect(raw).toMatch(/\/N 3/)
  })

  withPoppler('still reads with pdfinfo (title unescaped, XMP present) and pdftotext', () => {
    const info = run('pdfinfo', [file])
    expect(info).toMatch(/^Title:\s+Access request to Marks & Spencer <UK>$/m)
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m)
    expect(run('pdfinfo', ['-meta', file])).toContain('<pdfaid:part>2</pdfaid:part>')
    expect(flat(textOf(file))).toContain('Please quote the reference RF-2026-0001 in your reply.')
  })

  withPoppler('embeds every font, in A4, US Letter and Chinese letters alike', async () => {
    for (const input of [letter(), usLetter(), chineseLetter()]) {
      const used = fontsIn(saved(await renderLetterPdf(input, fonts)))
      expect(used.length).toBeGreaterThanOrEqual(2)
      for (const font of used) {
        expect(font.embedded, font.name).toBe(true)
        expect(font.name).not.toMatch(/Helvetica/)
      }
    }
  })
})

describe('fonts parsed once and shared by all letters', () => {
  withPoppler('gives the same bytes for a letter rendered fresh and after other letters, each with its own text and fonts', async () => {
    const shared = fontSource()
    const a = letter({ enclosures: ['Copy of my passport'] })
    const first = await renderLetterPdf(a, shared)
    const others = [
      await renderLetterPdf(chineseLetter(), shared),
      await renderLetterPdf(usLetter({ subject: 'Erasure request – RF-2026-0002', body: longBody(30) }), shared),
      await renderLetterPdf(letter({ body: 'Sehr geehrte Damen und Herren,\n\nbitte löschen Sie meine Daten: Ärger über Ölförderung, Æsir, Œuvre.', labels: letterLabels('de') }), shared),
    ]
    const again = await renderLetterPdf(a, shared)
    const fresh = await renderLetterPdf(a, fontSource())
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true)
    expect(Buffer.from(fresh).equals(Buffer.from(first))).toBe(true)

    const [chinese, us, german] = others.map(saved) as [string, string, string]
    expect(flat(textOf(chinese))).toContain('请在答复中注明编号RF-2026-0007。')
    expect(flat(textOf(chinese))).not.toContain('Dear Sir or Madam')
    expect(flat(textOf(us))).toContain('Paragraph 30 explains once more')
    expect(flat(textOf(german))).toContain('bitte löschen Sie meine Daten: Ärger über Ölförderung, Æsir, Œuvre.')
    expect(flat(textOf(german))).not.toContain('Paragraph')
    expect(fontsIn(us).map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular'])
    expect(fontsIn(chinese).map((font) => font.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular'])
    expect(textOf(saved(again))).toContain('Copy of my passport')
  })

  it('renders letters side by side (started together) as they render one by one', async () => {
    const inputs = [letter(), chineseLetter(), usLetter(), letter({ body: longBody(12) })]
    const one: Uint8Array[] = []
    for (const input of inputs) one.push(await renderLetterPdf(input, fonts))
    const together = await Promise.all(inputs.map((input) => renderLetterPdf(input, fonts)))
    together.forEach((bytes, i) => expect(Buffer.from(bytes).equals(Buffer.from(one[i]!)), `letter ${i + 1}`).toBe(true))
  })
})
