/**
 * Whether a data folder holds what an interrupted restore leaves (its journal, or a staging
 * folder): the quick test before anything is read, apart from restore.ts so that a command
 * which finds nothing to finish loads none of the backup code (core/api/narrow-api.ts).
 */
import fs from 'node:fs'
import path from 'node:path'

export const journalName = 'restore-journal.json'
export const stagingPattern = /^\.restore-[a-z0-9-]{1,60}$/

/** A staging folder of a restore (finished or not) in `dataDir`. */
export function hasStaging(dataDir: string): boolean {
  try {
    return fs.readdirSync(dataDir).some((name) => stagingPattern.test(name))
  } catch {
    return false
  }
}

/** True when finishInterruptedRestore (restore.ts) has something to do in `dataDir`. */
export function restorePending(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, journalName)) || hasStaging(dataDir)
}
