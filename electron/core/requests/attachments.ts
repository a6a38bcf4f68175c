/**
 * Files kept with a request's events (a company's reply as PDF, the data it sent). The host's file
 * picker hands over paths; they are staged under a token, and copied into the data folder only when
 * the event is saved, with their SHA-256, so the copy is what the user chose and stays the same.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CoreError } from '../shared/result'
import { createFileExclusiveSync } from '../storage/files'
import { cutFileName, maxFileNameBytes } from '../shared/text-cut'
import type { Attachment } from './events'
import type { StagedFile } from './view'
import { coreError, reasonOf } from '../messages/errors'

/**
 * Where files on their way into a request's folder are written first (then linked into place):
 * one folder, cleaned at open of what a killed process left there.
 */
export function incomingDir(dataDir: string): string {
  return path.join(dataDir, 'requests', '.incoming')
}

/** The largest file Rightful keeps with an event. */
export const maxAttachmentBytes = 50 * 1024 * 1024
export const maxAttachmentsPerEvent = 20


export type AttachmentStage = {
  stage(paths: ReadonlyArray<string>): StagedFile[]
  /** Copies staged files into the request's folder; unknown tokens fail before anything is copied. */
  commit(tokens: ReadonlyArray<string>, owner: { reference: string; eventId: string }): Attachment[]
  /** The absolute path of a kept file. */
  resolve(attachment: Attachment): string
  /**
   * The content of staged files, to send along with an e-mail (the message archive keeps them);
   * the tokens stay valid, so a send that fails can be tried again.
   */
  read(tokens: ReadonlyArray<string>, maxTotalBytes?: number): Array<{ name: string; bytes: Uint8Array }>
}

/**
 * The name a kept file gets on disk: `prefix` and the user's name without characters a file
 * system refuses, cut (extension kept) so the whole name fits in 255 bytes of UTF-8.
 */
export function keptFileName(prefix: string, name: string): string {
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 || '<>:"/\\|?*'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/, '_')
    .replace(/[. ]+$/, '')
  return `${prefix}${cutFileName(cleaned || 'file', maxFileNameBytes - Buffer.byteLength(prefix))}`
}

/** The name as the user had it, cut to what a record keeps (255 bytes of UTF-8). */
const shownName = (name: string): string => cutFileName(name, maxFileNameBytes) || 'file'

export function createAttachmentStage(dataDir: string): AttachmentStage {
  const staged = new Map<string, { path: string; name: string; size: number }>()
  const root = path.join(dataDir, 'requests')

  return {
    stage(paths) {
      if (paths.length > maxAttachmentsPerEvent) {
        throw coreError('INVALID_INPUT', 'error.attachments.tooMany', { max: maxAttachmentsPerEvent })
      }
      return paths.map((file) => {
        let stat: fs.Stats
        try {
          stat = fs.statSync(file)
        } catch {
          throw coreError('NOT_FOUND', 'error.attachments.unreadable', { file })
        }
        if (!stat.isFile()) throw coreError('INVALID_INPUT', 'error.file.notAFile', { file })
        if (stat.size > maxAttachmentBytes) {
          throw coreError('INVALID_INPUT', 'error.attachments.tooLarge', { name: path.basename(file), size: Math.round(stat.size / 1048576), max: maxAttachmentBytes / 1048576 })
        }
        const token = `att-${randomBytes(9).toString('hex')}`
        const name = shownName(path.basename(file))
        staged.set(token, { path: file, name, size: stat.size })
        return { token, name, size: stat.size }
      })
    },

    commit(tokens, owner) {
      if (tokens.length > maxAttachmentsPerEvent) throw coreError('INVALID_INPUT', 'error.attachments.tooMany', { max: maxAttachmentsPerEvent })
      const files = tokens.map((token) => {
        const file = staged.get(token)
        if (!file) throw coreError('NOT_FOUND', 'error.attachments.gone')
        return { token, ...file }
      })
      const dir = path.join(root, `${owner.reference}.files`)
      const kept: Attachment[] = []
      try {
        for (const [index, file] of files.entries()) {
          const bytes = fs.readFileSync(file.path)
          if (bytes.length > maxAttachmentBytes) throw coreError('INVALID_INPUT', 'error.attachments.grew', { name: file.name, max: maxAttachmentBytes / 1048576 })
          const target = path.join(dir, keptFileName(`${owner.eventId}-${index + 1}-`, file.name))
          fs.mkdirSync(dir, { recursive: true })
          // Whole or not at all: written to a temporary file first, then linked into place.
          createFileExclusiveSync(target, bytes, { tempDir: incomingDir(dataDir) })
          kept.push({
            id: `${owner.eventId}-${index + 1}`,
            name: file.name,
            size: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            file: path.relative(dataDir, target).split(path.sep).join('/'),
          })
        }
      } catch (error) {
        // Nothing half-kept: files already copied for this event are removed again.
        for (const attachment of kept) fs.rmSync(path.join(dataDir, attachment.file), { force: true })
        if (error instanceof CoreError) throw error
        throw coreError('STORAGE_FAILED', 'error.attachments.notKept', { reason: String((error as Error).message) })
      }
      for (const file of files) staged.delete(file.token)
      return kept
    },

    read(tokens, maxTotalBytes = Number.POSITIVE_INFINITY) {
      const files = tokens.map((token) => {
        const file = staged.get(token)
        if (!file) throw coreError('NOT_FOUND', 'error.attachments.gone')
        return file
      })
      const total = files.reduce((sum, file) => sum + file.size, 0)
      if (total > maxTotalBytes) {
        throw coreError('MESSAGE_TOO_LARGE', 'error.attachments.tooMuch', { size: (total / 1048576).toFixed(1), max: (maxTotalBytes / 1048576).toFixed(1) })
      }
      return files.map((file) => {
        try {
          return { name: file.name, bytes: new Uint8Array(fs.readFileSync(file.path)) }
        } catch (error) {
          throw coreError('NOT_FOUND', 'error.attachments.noLonger', { name: file.name, reason: reasonOf(error) })
        }
      })
    },

    resolve(attachment) {
      const full = path.resolve(dataDir, attachment.file)
      if (!full.startsWith(path.resolve(root) + path.sep)) throw coreError('NOT_FOUND', 'error.attachments.notKeptHere')
      return full
    },
  }
}

/** The file `id` kept with one of the request's events; NOT_FOUND when the request keeps none by that id. */
export function attachmentOf(record: { readonly events: ReadonlyArray<{ readonly attachments: ReadonlyArray<Attachment> }> }, reference: string, id: string): Attachment {
  const attachment = record.events.flatMap((e) => e.attachments).find((a) => a.id === id)
  if (!attachment) throw coreError('NOT_FOUND', 'error.requests.noFile', { reference, id })
  return attachment
}
