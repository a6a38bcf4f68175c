/**
 * What every opening of the core does first in a data folder, before it reads anything: the
 * temporary files a killed process left behind go (never another live process's), and a lock a
 * killed process left is cleared. createApi and the narrow APIs of single commands (narrow-api.ts)
 * both run it.
 */
import path from 'node:path'
import { cleanStaleTempFilesSync } from '../storage/files'
import { folderLock } from '../storage/folder-lock'
import { repliesDir } from '../replies/store'
import { incomingDir } from '../requests/attachments'

export function cleanUpAfterKilledProcesses(dataDir: string): void {
  const outbox = path.join(dataDir, 'outbox')
  const folders = [dataDir, path.join(dataDir, 'requests'), incomingDir(dataDir), repliesDir(dataDir), path.join(repliesDir(dataDir), 'inbox'), outbox, path.join(outbox, 'done')]
  for (const dir of folders) {
    cleanStaleTempFilesSync(dir)
  }
  // A lock a killed process left is taken over when next needed; cleared here so that none lingers.
  folderLock(dataDir).clearAbandoned()
}
