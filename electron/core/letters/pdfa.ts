/**
 * PDF/A-2b with pdfkit 0.20. Given `subset: 'PDF/A-2b'` pdfkit writes what the level needs (XMP
 * metadata with pdfaid:part 2 and pdfaid:conformance B, an sRGB output intent; the letter embeds
 * all its fonts anyway), with two flaws that `repairPdfA` mends on each document:
 *
 * - it reads its sRGB profile with fs from a file beside its own script; in the bundled main
 *   process that path is a data: URL and reading it throws ENOENT, so the profile comes from
 *   srgb-profile.ts instead;
 * - it copies the title, author and subject into the XMP without escaping them, so a company
 *   called "Marks & Spencer" made the metadata malformed XML (and the file no PDF/A).
 *
 * Both replace private pdfkit methods (`_addColorOutputIntent`, `_addInfo`); the letters tests
 * check the result, so a pdfkit update that renames them shows up there.
 */
import { srgbProfile } from './srgb-profile'

export const PDFA_LEVEL = 'PDF/A-2b' as const

type Reference = { write(chunk: Uint8Array): void; end(): void }

type PdfKitInternals = {
  info: Record<string, unknown>
  _root: { data: Record<string, unknown> }
  ref(data?: Record<string, unknown>): Reference
  _addInfo(): void
  _addColorOutputIntent(): void
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function repairPdfA(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as PdfKitInternals
  if (typeof internals._addInfo !== 'function' || typeof internals._addColorOutputIntent !== 'function') {
    throw new Error('This pdfkit version lays out PDF/A differently from 0.20: see electron/core/letters/pdfa.ts.')
  }

  const addInfo = internals._addInfo
  internals._addInfo = function (this: PdfKitInternals) {
    const info = this.info
    this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]))
    try {
      addInfo.call(this)
    } finally {
      this.info = info
    }
  }

  internals._addColorOutputIntent = function (this: PdfKitInternals) {
    const profile = srgbProfile()
    const profileRef = this.ref({ N: 3 })
    profileRef.write(profile)
    profileRef.end()
    const intent = this.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      Info: new String('sRGB IEC61966-2.1'),
      OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
      DestOutputProfile: profileRef,
    })
    intent.end()
    this._root.data.OutputIntents = [intent]
  }
}
