/**
 * Importing several replies at once (files dropped on the window or picked): each file's failure
 * is reported beside the others' outcomes, and only a lone file's failure fails the call.
 */
import { CoreError } from '../shared/result'
import { coreError } from '../messages/errors'
import type { ReplyImportOutcome, ReplyImportResult } from './model'
import { maxReplyBytes } from './parse'
import type { ReplyService } from './service'

/** How a batch of files is imported: the request it is meant for, and whether to take the suggestion as confirmed. */
export type ImportOptions = { readonly hint: string | null; readonly confirm: boolean }

/** Imports several files: each one's failure is reported, and only a lone file's failure fails the call. */
async function importAll(items: ReadonlyArray<{ source: string; run: () => Promise<ReplyImportOutcome | null> }>): Promise<ReplyImportResult> {
  const outcomes: ReplyImportOutcome[] = []
  const failed: Array<{ source: string; code: string; message: string }> = []
  for (const item of items) {
    try {
      const outcome = await item.run()
      if (outcome) outcomes.push(outcome)
    } catch (error) {
      if (!(error instanceof CoreError) || items.length === 1) throw error
      failed.push({ source: item.source, code: error.code, message: error.message })
    }
  }
  return { outcomes, failed }
}

const decodeBase64 = (value: string, name: string): Uint8Array => {
  // As /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, with the trailing spaces cut first so no two quantifiers trade line breaks.
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(value.trimEnd())) throw coreError('INVALID_INPUT', 'error.replies.notIntact', { name })
  return new Uint8Array(Buffer.from(value, 'base64'))
}

/** Imports e-mails sent as base64 (dropped on the window); each is checked for its size first. */
export function importReplyFiles(replies: ReplyService, files: ReadonlyArray<{ readonly name: string; readonly base64: string }>, options: ImportOptions): Promise<ReplyImportResult> {
  return importAll(
    files.map((file) => ({
      source: file.name,
      run: () => {
        const bytes = decodeBase64(file.base64, file.name)
        if (bytes.length > maxReplyBytes) {
          throw coreError('EML_TOO_LARGE', 'error.replies.fileTooLarge', { name: file.name, size: (bytes.length / 1048576).toFixed(1), max: maxReplyBytes / 1048576 })
        }
        return replies.importBytes(bytes, { source: file.name, origin: 'file', hint: options.hint, confirm: options.confirm })
      },
    })),
  )
}

/** Imports .eml files by their paths (chosen with the host's picker). */
export function importReplyPaths(replies: ReplyService, paths: ReadonlyArray<string>, options: ImportOptions): Promise<ReplyImportResult> {
  return importAll(paths.map((file) => ({ source: file, run: () => replies.importFile(file, options) })))
}
