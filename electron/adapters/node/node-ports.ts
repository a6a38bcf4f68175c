/**
 * Ports for hosts that run in plain Node: the CLI and the browser harness. Same core, same file
 * formats as the desktop app (conf writes what electron-store writes), so all three can share one
 * data folder.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Clock, ComputePort, ExternalOpener, FilePicker, FileSink, PolicyFetcher, Ports, Printer, SecretStore } from '../../core/api/ports'
import { nodePolicyFetcher } from './policy-fetch'
import type { OperationHold, ProgressSink } from '../../core/shared/operation'
import { writeFileAtomicSync } from '../../core/storage/files'
import { openNoticeFile } from '../../core/storage/notice-file'
import { createConfStores } from './conf-stores'
import { memorySecrets } from './secrets'
import { builtinAuthoritiesFrom, builtinCatalogFrom, fontsFrom, templatesFrom } from './resources'

export { defaultDataDir, resolveDataDir } from './data-dir'
export { noFileSink, pathSink } from './file-sinks'

export const systemClock: Clock = { now: () => new Date() }

/** Writes outputs into a folder under their suggested names, never overwriting (the harness). */
export function folderSink(dir: string): FileSink {
  const freePath = (suggestedName: string) => {
    fs.mkdirSync(dir, { recursive: true })
    const ext = path.extname(suggestedName)
    const base = path.basename(suggestedName, ext)
    let target = path.join(dir, path.basename(suggestedName))
    for (let n = 2; fs.existsSync(target); n += 1) target = path.join(dir, `${base} (${n})${ext}`)
    return target
  }
  return {
    async save({ suggestedName, bytes }) {
      const target = freePath(suggestedName)
      writeFileAtomicSync(target, bytes)
      return target
    },
    choosePath: async ({ suggestedName }) => freePath(suggestedName),
  }
}

/** For hosts that cannot hand anything to the operating system. */
export const noExternalOpener: ExternalOpener = {
  maxUrlLength: 32_000,
  open: async () => {
    throw new Error('this host cannot open other programs')
  },
  openWebmail: async () => {
    throw new Error('this host cannot open a browser')
  },
  copyText: async () => {
    throw new Error('this host has no clipboard')
  },
  reveal: async () => {
    throw new Error('this host cannot show files')
  },
  openFolder: async () => {
    throw new Error('this host cannot open folders')
  },
}

/** Where there is no print dialog (CLI, harness): the letter is written as a file instead. */
export function savingPrinter(files: FileSink): Printer {
  return {
    print: async ({ suggestedName, bytes }) => ({ outcome: 'saved', path: await files.save({ suggestedName, kind: 'pdf', bytes }) }),
  }
}

/** A picker that hands over a fixed list of files (the CLI names them; tests choose them). */
export function listPicker(files: () => ReadonlyArray<string>): FilePicker {
  return { pickFiles: async () => files(), pickImport: async () => files()[0] ?? null, pickBackup: async () => files()[0] ?? null, pickMailbox: async () => files()[0] ?? null }
}

export function createNodePorts(options: {
  dataDir: string
  /** The folder holding templates/ and assets/: the repository, or the build's resources. */
  resourcesRoot: string
  appVersion: string
  /** The system's preferred languages, best first. */
  systemLanguages?: ReadonlyArray<string>
  files: FileSink
  picker?: FilePicker
  external?: ExternalOpener
  clock?: Clock
  /** Default: in memory only (nothing is ever written). */
  secrets?: SecretStore
  /** Default: the letter is saved through `files` (there is no print dialog). */
  printer?: Printer
  /** Hears the progress of long operations. */
  progress?: ProgressSink
  /** Holds long operations at their checkpoints (tests). */
  hold?: OperationHold
  /** Runs pure, long work off this thread. */
  compute?: ComputePort
  /** Fetches a policy's web address when the person asks; default: Node's https (TLS verified). */
  web?: PolicyFetcher
}): Ports {
  const clock = options.clock ?? systemClock
  fs.mkdirSync(options.dataDir, { recursive: true })
  // Kept in the data folder until dismissed: the app shows what the CLI found, and the other way round.
  const notices = openNoticeFile({ dataDir: options.dataDir, now: () => clock.now() })
  return {
    appVersion: options.appVersion,
    systemLanguages: options.systemLanguages ?? [],
    dataDir: options.dataDir,
    clock,
    notices,
    stores: createConfStores({ dir: options.dataDir, notices, now: () => clock.now() }),
    templates: templatesFrom(options.resourcesRoot),
    fonts: fontsFrom(options.resourcesRoot),
    catalog: builtinCatalogFrom(options.resourcesRoot),
    authorities: builtinAuthoritiesFrom(options.resourcesRoot),
    files: options.files,
    picker: options.picker ?? listPicker(() => []),
    printer: options.printer ?? savingPrinter(options.files),
    external: options.external ?? noExternalOpener,
    secrets: options.secrets ?? memorySecrets(),
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.hold ? { hold: options.hold } : {}),
    ...(options.compute ? { compute: options.compute } : {}),
    web: options.web ?? nodePolicyFetcher(),
  }
}
