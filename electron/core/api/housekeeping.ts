/**
 * What every opening of the core does first in a data folder, before it reads anything: the
 * temporary files a killed process left behind go (never another live process's), and a lock a
 * killed process left is cleared. createApi and the narrow APIs of single commands (narrow-api.ts)
 * both run it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { cleanStaleTempFilesSync } from '../storage/files'
import { folderLock } from '../storage/folder-lock'
import { repliesDir } from '../replies/store'
import { incomingDir } from '../requests/attachments'

/**
 * Returns the names the requests folder held when it was read (null when it could not be), so that
 * the request repository's open need not read its thousands of names again (`listing`).
 */
export function cleanUpAfterKilledProcesses(dataDir: string): ReadonlyArray<string> | null {
  const outbox = path.join(dataDir, 'outbox')
  const requests = path.join(dataDir, 'requests')
  let requestNames: string[] | null = null
  try {
    requestNames = fs.readdirSync(requests)
  } catch {
    // None yet, or unreadable: the repository creates or reports it.
  }
  const folders = [dataDir, requests, incomingDir(dataDir), repliesDir(dataDir), path.join(repliesDir(dataDir), 'inbox'), outbox, path.join(outbox, 'done')]
  for (const dir of folders) {
    cleanStaleTempFilesSync(dir, new Date(), dir === requests && requestNames ? requestNames : undefined)
  }
  // A lock a killed process left is taken over when next needed; cleared here so that none lingers.
  folderLock(dataDir).clearAbandoned()
  return requestNames
}
