/**
 * The API of `rightful letter` for a new request (not a follow-up): the methods it calls, answered
 * with the same parsing (the contract's schema), results and errors as createApi on the same data
 * folder, but opening only what a letter reads and writes: the request repository, the catalog
 * (read for the one company), the templates, the profile, the settings and the letters code. No
 * mail, IMAP, replies, bulk, discover, backup, evidence or authorities, nor the libraries behind
 * them (bench/letters.ts, the cold rows).
 */
import path from 'node:path'
import { restorePending } from '../backup/restore-pending'
import { openCatalog } from '../catalog/catalog'
import { saveLetterPdf } from '../letters/save-pdf'
import { failWith } from '../messages/errors'
import { openProfileStore } from '../profile/profile'
import { createAttachmentStage } from '../requests/attachments'
import { openRequestRepository } from '../requests/repository'
import { createRequestService } from '../requests/service'
import { openSettingsStore } from '../settings/settings'
import { plainDateOf } from '../shared/calendar'
import { createOperation, type Operation } from '../shared/operation'
import { ok, type Result } from '../shared/result'
import { openJsonFileStore } from '../storage/document-store'
import { folderLock } from '../storage/folder-lock'
import { loadTemplates } from '../templates/templates'
import { apiChannels, isApiChannel, type ApiChannel } from './channels'
import type { Handler } from './context'
import type { Api } from './create-api'
import { failureOf } from './failure'
import { createGate } from './gate'
import { cleanUpAfterKilledProcesses } from './housekeeping'
import { parseInput } from './parse-input'
import type { Ports } from './ports'

/** The methods `rightful letter` calls for a new request; any other is refused as unknown. */
export const letterChannels = ['catalog:get', 'profile:get', 'templates:list', 'requests:create', 'letters:savePdf'] as const
export type LetterChannel = (typeof letterChannels)[number]

/** What a letter API needs of its host's ports (the CLI's letter-ports.ts, or a host's whole Ports). */
export type LetterPorts = Pick<Ports, 'dataDir' | 'clock' | 'notices' | 'stores' | 'templates' | 'fonts' | 'catalog' | 'files' | 'progress' | 'hold'>

/** Opens the API that answers the methods of a letter alone, on the host's ports. */
export async function openLetterApi(ports: LetterPorts): Promise<Api> {
  // As createApi: a restore a crash interrupted is finished before anything is read (the backup
  // code is loaded only when there is one).
  if (restorePending(ports.dataDir)) {
    const { finishInterruptedRestore } = await import('../backup/restore')
    finishInterruptedRestore(ports.dataDir, { notices: ports.notices, now: ports.clock.now() })
  }
  const notices = ports.notices
  const now = () => ports.clock.now()
  const today = () => plainDateOf(now())
  // As createApi opens the data folder: what killed processes left goes first.
  cleanUpAfterKilledProcesses(ports.dataDir)
  // The services a new request needs, opened as createApi opens them (the catalog on first use).
  let opened: ReturnType<typeof openCatalog> | null = null
  const catalogOpen = () =>
    (opened ??= openCatalog({
      builtin: ports.catalog,
      edits: ports.stores.open('catalog-edits'),
      imports: openJsonFileStore({ file: path.join(ports.dataDir, 'catalog-imports.json'), label: 'imported catalog', notices, now, lock: folderLock(ports.dataDir) }),
      notices,
    }))
  const catalog = new Proxy({} as ReturnType<typeof openCatalog>, {
    get(_target, key) {
      const value = catalogOpen()
      const member: unknown = Reflect.get(value, key)
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(value) : member
    },
  })
  const profiles = openProfileStore(ports.stores.open('profile'), notices)
  const templates = loadTemplates(ports.templates, path.join(ports.dataDir, 'templates'))
  const settings = openSettingsStore(ports.stores.open('settings'), notices)
  const attachments = createAttachmentStage(ports.dataDir)
  const repository = openRequestRepository({ dataDir: ports.dataDir, notices, now })
  const requests = createRequestService({ repository, catalog, profiles, templates, settings, attachments, now })
  // The same handlers as createApi's maps (handlers/catalog.ts, profile.ts, templates.ts,
  // requests.ts, letters.ts) for these methods.
  const handlers: { readonly [C in LetterChannel]: Handler<C> } = {
    'catalog:get': ({ id }) => catalog.resolve(id),
    'profile:get': () => profiles.get(),
    'templates:list': () => templates.list(),
    'requests:create': (input) => requests.create(input),
    'letters:savePdf': ({ reference }) => saveLetterPdf(requests.get(reference).record, { date: today(), createdAt: now() }, ports),
  }
  const answers = (channel: ApiChannel): channel is LetterChannel => (letterChannels as ReadonlyArray<string>).includes(channel)
  const gate = createGate()
  const invoke = async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isApiChannel(channel) || !answers(channel)) return failWith('UNKNOWN_METHOD', 'error.api.unknownMethod', { method: String(channel).slice(0, 200) })
    const parsed = parseInput(channel, input)
    if (!parsed.ok) return parsed
    const operation = createOperation({ id: null, channel, what: undefined, onProgress: ports.progress ?? null, hold: ports.hold ?? null })
    try {
      return ok(await gate.shared(async () => (handlers[channel] as (input: unknown, operation: Operation) => unknown)(parsed.data, operation)))
    } catch (error) {
      return failureOf(channel, error)
    }
  }
  return { channels: apiChannels, invoke, call: (method, input) => invoke(method, input) as never }
}
