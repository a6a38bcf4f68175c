/**
 * Where the CLI's outputs go: one given path (--out), or nowhere. A module of its own so that a
 * command that opens only part of the core (`rightful letter`, letter-ports.ts) takes them without
 * the libraries node-ports.ts brings.
 */
import path from 'node:path'
import type { FileSink } from '../../core/shared/ports'
import { writeFileAtomicSync } from '../../core/storage/files'

/** Writes every output to one given path (the CLI's --out). */
export function pathSink(target: string): FileSink {
  return {
    async save({ bytes }) {
      writeFileAtomicSync(path.resolve(target), bytes)
      return path.resolve(target)
    },
    choosePath: async () => path.resolve(target),
  }
}

/** Where nothing is saved (a CLI command without --out). */
export const noFileSink: FileSink = { save: async () => null, choosePath: async () => null }
