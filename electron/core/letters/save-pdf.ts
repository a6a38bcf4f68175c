/** A request's letter saved as a PDF where the user chooses (the app's "Save PDF letter", the CLI's `letter`). */
import type { RequestRecord } from '../requests/model'
import type { PlainDate } from '../shared/calendar'
import type { FileSink, FontSource } from '../shared/ports'
import { letterFor, outputFileName } from './letter-for-request'
import { renderLetterPdf } from './render'

/** Lays out the letter of `record` dated `date`, renders it and hands the bytes to `files`; `path` null when the user cancelled. */
export async function saveLetterPdf(record: RequestRecord, at: { readonly date: PlainDate; readonly createdAt: Date }, ports: { readonly fonts: FontSource; readonly files: FileSink }): Promise<{ path: string | null }> {
  const letter = letterFor(record, { date: at.date, createdAt: at.createdAt })
  const bytes = await renderLetterPdf(letter, ports.fonts)
  const path = await ports.files.save({ suggestedName: outputFileName(record, 'pdf'), kind: 'pdf', bytes })
  return { path }
}
