/**
 * The composition root: opens the domain services on the host's ports and returns one `invoke`
 * that every host (Electron IPC, CLI, harness) calls. Input is parsed with the contract's zod
 * schema before a handler sees it; every outcome, failures included, is a Result.
 */
import path from 'node:path'
import { openAuthorities } from '../authorities/authorities'
import { authorityHandlers } from './handlers/authorities'
import { openCatalog } from '../catalog/catalog'
import { openJsonFileStore } from '../storage/document-store'
import { folderLock } from '../storage/folder-lock'
import { catalogHandlers } from './handlers/catalog'
import { plainDateOf } from '../shared/calendar'
import { deadlineHandlers } from './handlers/deadlines'
import { letterHandlers } from './handlers/letters'
import { printHandlers } from './handlers/print'
import { mailHandlers } from './handlers/mail'
import { replyHandlers } from './handlers/replies'
import type { Ports } from './ports'
import { profileHandlers } from './handlers/profile'
import { openProfileStore } from '../profile/profile'
import { requestHandlers } from './handlers/requests'
import { openRequestRepository } from '../requests/repository'
import { createRequestService } from '../requests/service'
import { loadTemplates } from '../templates/templates'
import { openSettingsStore } from '../settings/settings'
import { settingsHandlers } from './handlers/settings'
import { templateHandlers } from './handlers/templates'
import { createAttachmentStage } from '../requests/attachments'
import { openNotificationLog } from '../notifications/notifications'
import { notificationHandlers } from './handlers/notifications'
import { backupHandlers } from './handlers/backup'
import { createBackupService } from '../backup/service'
import { discoverHandlers } from './handlers/discover'
import { bulkHandlers } from './handlers/bulk'
import { evidenceHandlers } from './handlers/evidence'
import { openMailSettings } from '../mail/mail-settings'
import { createMailService } from '../mail/service'
import { letterFor, outputFileName } from '../letters/letter-for-request'
import { renderLetterPdf } from '../letters/render'
import { createReplyService } from '../replies/service'
import { createImapService } from '../replies/imap-service'
import { openImapStore } from '../replies/imap-store'
import { createBulkService } from '../bulk/service'
import { openBatchStore } from '../bulk/store'
import { createEvidenceService } from '../evidence/service'
import { createDiscoverService } from '../discover/service'
import { finishInterruptedRestore } from '../backup/restore'
import { createGate } from './gate'
import { parseInput } from './parse-input'
import { cleanUpAfterKilledProcesses } from './housekeeping'
import { failureOf } from './failure'
import { createOperation, type Operation } from '../shared/operation'
import { apiChannels, isApiChannel, operationChannels, type ApiChannel } from './channels'
import type { ApiInput, ApiOutput } from './contract'
import type { CoreContext, Handler, HandlerMap } from './context'
import { ok, type Result } from '../shared/result'
import { coreError, failWith } from '../messages/errors'

export type Api = {
  readonly channels: ReadonlyArray<ApiChannel>
  /** For untyped callers (IPC, HTTP): checks the channel and parses the input. */
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>
  /** For typed callers (CLI, tests). */
  call<C extends ApiChannel>(channel: C, input: ApiInput<C>): Promise<Result<ApiOutput<C>>>
}

function appHandlers(ctx: CoreContext): HandlerMap {
  return {
    'app:status': () => ({
      version: ctx.ports.appVersion,
      dataDir: ctx.ports.dataDir,
      today: ctx.today(),
      notices: ctx.notices.list(),
      systemLanguages: ctx.ports.systemLanguages ?? [],
    }),
    'app:dismissNotice': ({ id }) => ({ dismissed: ctx.notices.dismiss(id) }),
    'app:openDataFolder': async () => {
      try {
        await ctx.ports.external.openFolder(ctx.ports.dataDir)
      } catch (error) {
        throw coreError('EXTERNAL_FAILED', 'error.api.dataFolder', { reason: String((error as Error).message), folder: ctx.ports.dataDir })
      }
      return { path: ctx.ports.dataDir }
    },
  }
}

/** Merges the domain maps; a channel claimed twice, or not at all, is a programming error. */
export function mergeHandlers(maps: ReadonlyArray<HandlerMap>): { readonly [C in ApiChannel]: Handler<C> } {
  const merged: Partial<Record<ApiChannel, unknown>> = {}
  for (const map of maps) {
    for (const channel of Object.keys(map) as ApiChannel[]) {
      if (merged[channel]) throw new Error(`Two handlers for the API method "${channel}".`)
      merged[channel] = map[channel]
    }
  }
  const missing = apiChannels.filter((c) => !merged[c])
  if (missing.length > 0) throw new Error(`No handler for the API methods: ${missing.join(', ')}.`)
  return merged as { readonly [C in ApiChannel]: Handler<C> }
}

/** An object opened the first time one of its members is used. */
function lazily<T extends object>(open: () => T): T {
  let value: T | null = null
  return new Proxy({} as T, {
    get(_target, key) {
      value ??= open()
      const member: unknown = Reflect.get(value, key)
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(value) : member
    },
  })
}

/** Opens the domain services on what is in the data folder, and returns their handlers. */
function openServices(ports: Ports): HandlerMap[] {
  const notices = ports.notices
  const now = () => ports.clock.now()
  cleanUpAfterKilledProcesses(ports.dataDir)
  // Opened on first use: the built-in catalog holds thousands of companies, and many commands
  // (a deadline, the list of requests) never need it.
  const catalog = lazily(() =>
    openCatalog({
      builtin: ports.catalog,
      edits: ports.stores.open('catalog-edits'),
      imports: openJsonFileStore({ file: path.join(ports.dataDir, 'catalog-imports.json'), label: 'imported catalog', notices, now, lock: folderLock(ports.dataDir) }),
      notices,
    }),
  )
  const profiles = openProfileStore(ports.stores.open('profile'), notices)
  const templates = loadTemplates(ports.templates, path.join(ports.dataDir, 'templates'))
  const settings = openSettingsStore(ports.stores.open('settings'), notices)
  const attachments = createAttachmentStage(ports.dataDir)
  const notificationLog = openNotificationLog(ports.stores.open('notifications'), notices)
  const repository = openRequestRepository({ dataDir: ports.dataDir, notices, now })
  const requests = createRequestService({ repository, catalog, profiles, templates, settings, attachments, now })
  const mailSettings = openMailSettings(ports.stores.open('mail'), notices)
  const mail = createMailService({
    settings: mailSettings,
    requests,
    attachments,
    secrets: ports.secrets,
    external: ports.external,
    files: ports.files,
    dataDir: ports.dataDir,
    notices,
    now,
    letterPdf: (record) => renderLetterPdf(letterFor(record, { date: plainDateOf(now()), createdAt: now() }), ports.fonts),
    fileName: outputFileName,
  })
  const replies = createReplyService({ dataDir: ports.dataDir, requests, catalog, attachments, notices, now })
  const imapSync = createImapService({ imap: openImapStore({ dataDir: ports.dataDir, notices, now }), mailSettings, secrets: ports.secrets, replies, now })
  const bulk = createBulkService({
    store: openBatchStore({ dataDir: ports.dataDir, notices, now }),
    catalog,
    requests,
    profiles,
    attachments,
    // Bulk sends each e-mail through the single-send path, with its outbox and its guarantees.
    mail: {
      send: async (reference, confirmResend) => {
        await mail.send({ reference, attachLetter: false, attachments: [], confirmResend })
      },
      outbox: async (reference) => mail.outboxItems(reference)[0] ?? null,
    },
    fonts: ports.fonts,
    files: ports.files,
    dataDir: path.resolve(ports.dataDir),
    now,
  })
  const evidence = createEvidenceService({
    attachments,
    requests,
    templates,
    fonts: ports.fonts,
    files: ports.files,
    dataDir: ports.dataDir,
    now,
    plainEmail: () => mailSettings.get().smtp?.security === 'none',
  })
  const ctx: CoreContext = {
    ports,
    notices,
    catalog,
    authorities: openAuthorities(ports.authorities),
    profiles,
    templates,
    requests,
    settings,
    attachments,
    notificationLog,
    mail,
    replies,
    imapSync,
    evidence,
    discover: createDiscoverService({ catalog, picker: ports.picker, imap: imapSync }),
    today: () => plainDateOf(now()),
  }

  return [
    appHandlers(ctx),
    catalogHandlers(ctx),
    authorityHandlers(ctx),
    profileHandlers(ctx),
    requestHandlers(ctx),
    letterHandlers(ctx),
    printHandlers(ctx),
    mailHandlers(ctx),
    replyHandlers(ctx),
    deadlineHandlers(ctx),
    settingsHandlers(ctx),
    templateHandlers(ctx),
    notificationHandlers(ctx),
    discoverHandlers(ctx),
    bulkHandlers(ctx, bulk),
    evidenceHandlers(ctx),
  ]
}

/** Channels that take the gate themselves (only for their part that touches the data). */
const selfGated: ReadonlySet<ApiChannel> = new Set<ApiChannel>(['backup:create', 'backup:restore'])

/** Channels that never wait at the gate: stopping a backup must not wait for the backup to end. */
const ungated: ReadonlySet<ApiChannel> = new Set<ApiChannel>(['operations:cancel'])

const longOperations: ReadonlySet<ApiChannel> = new Set<ApiChannel>(operationChannels)

/** What a long operation is called in the message it ends with when stopped. */
const operationNames: Partial<Record<ApiChannel, string>> = {
  'catalog:fetchPolicy': 'Fetching the policy',
  'catalog:extractPolicy': 'Reading the policy',
  'catalog:savePolicy': 'Saving the company from its policy',
  'catalog:import': 'The import',
  'backup:create': 'The backup',
  'backup:restore': 'The restore',
  'replies:sync': 'The IMAP sync',
  'discover:scan': 'Looking through the mailbox',
  'bulk:create': 'Writing the batch',
  'bulk:send': 'Sending the batch',
  'bulk:remind': 'Writing the reminders',
}

export function createApi(ports: Ports): Api {
  // A restore a crash interrupted is finished before anything is read.
  finishInterruptedRestore(ports.dataDir, { notices: ports.notices, now: ports.clock.now() })
  const gate = createGate()
  /** Long operations in progress that a caller gave an id, so that operations:cancel can reach them. */
  const running = new Map<string, Operation & { cancel(): void }>()
  const cancelHandler: HandlerMap = {
    'operations:cancel': ({ operation }) => {
      const found = running.get(operation)
      found?.cancel()
      return { cancelled: found !== undefined }
    },
  }
  let handlers: { readonly [C in ApiChannel]: Handler<C> }
  /** Set when a restore stopped half-way and could not be finished: nothing may use the data then. */
  let halted: string | null = null
  const backupService = createBackupService({
    ports,
    exclusive: (run) => gate.exclusive(run),
    // After a restore: every service reads the restored data afresh (their caches go with them).
    reopen: () => {
      try {
        finishInterruptedRestore(ports.dataDir, { notices: ports.notices, now: ports.clock.now() })
      } catch (error) {
        halted = String((error as Error).message)
        throw error
      }
      handlers = mergeHandlers([...openServices(ports), backup, cancelHandler])
    },
  })
  const backup = backupHandlers(backupService)
  handlers = mergeHandlers([...openServices(ports), backup, cancelHandler])

  const invoke = async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isApiChannel(channel)) return failWith('UNKNOWN_METHOD', 'error.api.unknownMethod', { method: String(channel).slice(0, 200) })
    if (halted) return failWith('STORAGE_FAILED', 'error.api.halted', { reason: halted })
    const parsed = parseInput(channel, input)
    if (!parsed.ok) return parsed
    const id = longOperations.has(channel) ? ((parsed.data as { operation?: string }).operation ?? null) : null
    if (id !== null && running.has(id)) return failWith('INVALID_STATE', 'error.api.operationRunning', { id })
    const operation = createOperation({ id, channel, what: operationNames[channel], onProgress: ports.progress ?? null, hold: ports.hold ?? null })
    if (id !== null) running.set(id, operation)
    try {
      // Looked up when the call runs: one that waited for a restore reaches the restored data.
      const run = async () => (handlers[channel] as (input: unknown, operation: Operation) => unknown)(parsed.data, operation)
      return ok(await (selfGated.has(channel) || ungated.has(channel) ? run() : gate.shared(run)))
    } catch (error) {
      return failureOf(channel, error)
    } finally {
      if (id !== null && running.get(id) === operation) running.delete(id)
    }
  }

  return {
    channels: apiChannels,
    invoke,
    call: (channel, input) => invoke(channel, input) as never,
  }
}
