'use strict'
/**
 * The datarequests.org letter generator (the npm package `letter-generator` 2.2.1, on pdfmake
 * 0.2), driven the way its users drive it: the fonts handed to pdfmake as a virtual file system of
 * base64 strings once, then for each letter a `Letter` from the props its README lists (sender and
 * recipient lines, information block, subject, content, text signature), a `PdfRenderer`, and
 * `pdfBlob()`. The faces are DejaVu Sans (Debian's fonts-dejavu-core), as on the website; DejaVu
 * has no Han glyphs, so Chinese letters get Noto Sans SC instead, as a user of the package would
 * have to do.
 *
 * Used by bench/letters.ts in its own process (warm) and, as `node bench/letter-generator-once.cjs
 * <letter.json> <out.pdf>`, in a fresh process per letter (cold).
 */
const fs = require('node:fs')
const path = require('node:path')

const DEJAVU = '/usr/share/fonts/truetype/dejavu'

/** The four faces pdfmake asks for, per family: file names inside the virtual file system. */
const families = {
  dejavu: {
    files: {
      'DejaVuSans.ttf': path.join(DEJAVU, 'DejaVuSans.ttf'),
      'DejaVuSans-Bold.ttf': path.join(DEJAVU, 'DejaVuSans-Bold.ttf'),
      'DejaVuSans-Oblique.ttf': path.join(DEJAVU, 'DejaVuSans-Oblique.ttf'),
      'DejaVuSans-BoldOblique.ttf': path.join(DEJAVU, 'DejaVuSans-BoldOblique.ttf'),
    },
    faces: { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italics: 'DejaVuSans-Oblique.ttf', bolditalics: 'DejaVuSans-BoldOblique.ttf' },
  },
  'noto-sans-sc': {
    files: {
      'NotoSansSC-Regular.ttf': path.join(__dirname, '..', 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf'),
      'NotoSansSC-Bold.ttf': path.join(__dirname, '..', 'node_modules', '@expo-google-fonts', 'noto-sans-sc', '700Bold', 'NotoSansSC_700Bold.ttf'),
    },
    faces: { normal: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf', italics: 'NotoSansSC-Regular.ttf', bolditalics: 'NotoSansSC-Bold.ttf' },
  },
}

/** True when the fonts the generator needs are on this machine. */
function available() {
  return Object.values(families).every((family) => Object.values(family.files).every((file) => fs.existsSync(file)))
}

// Plain objects on purpose: pdfmake calls fonts.hasOwnProperty, and every key is a fixed name of ours.
const vfs = {}
const fonts = {}

/**
 * The virtual file system (base64, like pdfmake's vfs_fonts.js) with the faces of `family` added
 * the first time it is asked for: a page that only ever writes German letters never loads the
 * Chinese font.
 */
function virtualFiles(family) {
  if (!fonts[family]) {
    const chosen = Object.hasOwn(families, family) ? families[family] : undefined
    if (!chosen) throw new Error(`no font family "${family}"`)
    for (const [file, source] of Object.entries(chosen.files)) vfs[file] = fs.readFileSync(source).toString('base64')
    fonts[family] = chosen.faces
  }
  return { vfs, fonts }
}

/**
 * One letter as a PDF. `letter`: { family: 'dejavu' | 'noto-sans-sc', sender: string[],
 * recipient: string[], information: string[], subject, content, name }.
 */
async function generate(letter) {
  const { Letter, PdfRenderer } = require('letter-generator')
  const made = new Letter({
    sender_address: letter.sender,
    recipient_address: letter.recipient,
    information_block: letter.information.join('\n'),
    subject: letter.subject,
    content: letter.content,
    signature: { type: 'text', name: letter.name },
  })
  made.doc.defaultStyle = { font: letter.family }
  made.doc.info = { title: letter.subject, author: letter.name }
  const renderer = new PdfRenderer(made)
  const files = virtualFiles(letter.family)
  renderer.setFonts(files.vfs, files.fonts)
  const blob = await renderer.pdfBlob()
  return Buffer.from(await blob.arrayBuffer())
}

module.exports = { generate, available }

if (require.main === module) {
  const [input, output] = process.argv.slice(2)
  if (!input || !output) {
    process.stderr.write('usage: node bench/letter-generator-once.cjs <letter.json> <out.pdf>\n')
    process.exit(2)
  }
  generate(JSON.parse(fs.readFileSync(input, 'utf8'))).then(
    (bytes) => fs.writeFileSync(output, bytes),
    (error) => {
      process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`)
      process.exit(1)
    },
  )
}
