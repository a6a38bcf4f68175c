import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createNoticeBoard } from '../electron/core/notices'
import { openRequestRepository } from '../electron/core/requests/repository'
import { listUserData } from '../electron/core/backup/entries'
import { writeBackup } from '../electron/core/backup/writer'
const now = () => new Date('2026-01-31T10:00:00Z')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-list-'))
const repo = openRequestRepository({ dataDir, notices: createNoticeBoard(now), now })
const stamp = now().toISOString()
for (let i = 0; i < 3000; i += 1) repo.create(2026, (reference) => ({
  schemaVersion: 1, reference, createdAt: stamp, updatedAt: stamp,
  company: { id: 'fs-com', name: 'FS.COM', jurisdiction: 'US-DE' }, type: 'access', law: 'gdpr', lang: 'en',
  draft: { to: 'legal@fs.com', recipientAddress: null, sender: { name: 'Alex Example', email: 'alex@example.org', address: ['Musterstraße 12'], country: 'DE' }, subject: `S ${reference}`, body: 'Dear Sir or Madam,\n\n'.padEnd(2400, 'x') },
  sent: null, events: [{ id: 'ev-1', kind: 'created', on: '2026-01-31', recordedAt: stamp }],
}))
;(async () => {
  let t = performance.now()
  listUserData(dataDir)
  console.log('list', (performance.now() - t).toFixed(0))
  t = performance.now()
  await writeBackup({ dataDir, target: path.join(os.tmpdir(), 'zz.rightful-backup'), appVersion: 'x', now: now(), passphrase: null })
  console.log('write 3000', (performance.now() - t).toFixed(0))
})()
