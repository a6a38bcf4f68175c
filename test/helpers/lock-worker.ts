/**
 * A child process for the folder lock's tests (storage/folder-lock.ts):
 *
 *   node --import tsx test/helpers/lock-worker.ts <dataDir> count <file> <n>
 *       n times, under the lock: reads the number in <file>, writes it plus one (in place, not
 *       atomically: only the lock keeps two processes from losing an increment)
 *   node --import tsx test/helpers/lock-worker.ts <dataDir> die
 *       takes the lock and kills itself with SIGKILL while holding it
 *   node --import tsx test/helpers/lock-worker.ts <dataDir> hold <sentinel>
 *       takes the lock, prints "held", and keeps it while <sentinel> exists
 */
import fs from 'node:fs'
import { folderLock } from '../../electron/core/storage/folder-lock'

const [dataDir, mode, ...rest] = process.argv.slice(2)
if (!dataDir || !mode) {
  process.stderr.write('usage: lock-worker.ts <dataDir> count <file> <n> | die | hold <sentinel>\n')
  process.exit(2)
}
const lock = folderLock(dataDir)
const pause = new Int32Array(new SharedArrayBuffer(4))

if (mode === 'count') {
  const [file, n] = rest as [string, string]
  for (let i = 0; i < Number(n); i += 1) {
    lock.run(() => {
      const value = Number(fs.readFileSync(file, 'utf8') || '0')
      fs.writeFileSync(file, String(value + 1))
    })
  }
  process.stdout.write('counted\n')
} else if (mode === 'die') {
  lock.run(() => process.kill(process.pid, 'SIGKILL'))
} else if (mode === 'hold') {
  const [sentinel] = rest as [string]
  lock.run(() => {
    fs.writeSync(1, 'held\n')
    while (fs.existsSync(sentinel)) Atomics.wait(pause, 0, 0, 10)
  })
  process.stdout.write('released\n')
} else {
  process.stderr.write(`unknown mode ${mode}\n`)
  process.exit(2)
}
