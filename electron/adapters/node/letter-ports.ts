/**
 * The ports of `rightful letter` for a new request (core/api/letter-api.ts): the data folder and
 * its notices, the resources a letter reads (templates, fonts, the built-in catalog) and where the
 * PDF goes. The stores a letter reads (settings, profile, catalog edits) are read as conf reads
 * them, one JSON document each, but without loading conf (and ajv, semver and the rest behind it):
 * a letter writes none of them, so a write would be refused, as in the narrow ports.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { LetterPorts } from '../../core/api/letter-api'
import type { Clock, FileSink } from '../../core/shared/ports'
import type { OperationHold, ProgressSink } from '../../core/shared/operation'
import { createDocumentStores } from '../../core/storage/document-store'
import { openNoticeFile } from '../../core/storage/notice-file'
import { readOnlyJsonBackend } from './narrow-ports'
import { builtinCatalogFrom, fontsFrom, templatesFrom } from './resources'

export function createLetterPorts(options: {
  dataDir: string
  /** The folder holding templates/ and assets/: the repository, or the build's resources. */
  resourcesRoot: string
  files: FileSink
  clock?: Clock
  progress?: ProgressSink
  hold?: OperationHold
}): LetterPorts {
  const clock = options.clock ?? { now: () => new Date() }
  const now = () => clock.now()
  fs.mkdirSync(options.dataDir, { recursive: true })
  const notices = openNoticeFile({ dataDir: options.dataDir, now })
  return {
    dataDir: options.dataDir,
    clock,
    notices,
    stores: createDocumentStores({ dir: options.dataDir, notices, now, openBackend: (name) => readOnlyJsonBackend(path.join(options.dataDir, `${name}.json`)) }),
    templates: templatesFrom(options.resourcesRoot),
    fonts: fontsFrom(options.resourcesRoot),
    catalog: builtinCatalogFrom(options.resourcesRoot),
    files: options.files,
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.hold ? { hold: options.hold } : {}),
  }
}
