/**
 * The backup API: a thin map onto the backup service (backup/service.ts). Writing a backup and
 * swapping a restore in run alone (no other call in progress); after a restore createApi opens the
 * core's services again on the restored data, so every host shows it at once.
 */
import type { HandlerMap } from '../context'
import type { BackupService } from '../../backup/service'

export function backupHandlers(backup: BackupService): HandlerMap {
  return {
    'backup:create': (input, operation) => backup.create(input, operation),
    'backup:choose': () => backup.choose(),
    'backup:inspect': (input) => backup.inspect(input),
    'backup:restore': (input, operation) => backup.restore(input, operation),
  }
}
