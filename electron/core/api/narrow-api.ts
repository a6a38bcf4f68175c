/**
 * The API of a single CLI command that needs little of the core: `rightful deadline`
 * (`deadlines:compute`) and `rightful requests list` (`requests:list`). Each answers with the same
 * input parsing (the contract's schema), the same results and the same errors as createApi, on the
 * same data folder, but opens only what its method reads: the settings, and for the list the
 * requests' index. No catalog, templates, profile, mail or letters, nor the libraries behind them,
 * which are most of what a command costs to start (bench/cli-start.ts, bench/requests-scale.ts).
 */
import type { Clock, DocumentStore } from '../shared/ports'
import type { NoticeBoard } from '../shared/notices'
import { assertNever } from '../shared/assert-never'
import { restorePending } from '../backup/restore-pending'
import type { RequestList } from '../requests/list-items'
import { deadlineOfQuestion } from '../deadlines/question'
import { openSettingsStore } from '../settings/settings'
import { failWith } from '../messages/errors'
import { apiChannels, isApiChannel, type ApiChannel } from './channels'
import type { ParsedInput } from './contract'
import type { Api } from './create-api'
import { failureOf } from './failure'
import { parseInput } from './parse-input'
import { ok, type Result } from '../shared/result'

/** What a narrow API needs of its host: the data folder, its notices and the settings store. */
export type NarrowPorts = {
  readonly dataDir: string
  readonly clock: Clock
  readonly notices: NoticeBoard
  /** The settings document, as `stores.open('settings')` gives it (only read here). */
  readonly settings: DocumentStore
}

/** The methods a narrow API can answer, one per API; any other is refused as unknown. */
export const narrowChannels = ['deadlines:compute', 'requests:list'] as const
export type NarrowChannel = (typeof narrowChannels)[number]

/** Opens the API that answers `channel` alone. */
export async function openNarrowApi(ports: NarrowPorts, channel: NarrowChannel): Promise<Api> {
  // As createApi: a restore a crash interrupted is finished before anything is read (the backup
  // code is loaded only when there is one).
  if (restorePending(ports.dataDir)) {
    const { finishInterruptedRestore } = await import('../backup/restore')
    finishInterruptedRestore(ports.dataDir, { notices: ports.notices, now: ports.clock.now() })
  }
  const settings = openSettingsStore(ports.settings, ports.notices)
  let requests: RequestList | null = null
  const run = (parsed: unknown): unknown => {
    switch (channel) {
      case 'deadlines:compute':
        return deadlineOfQuestion(parsed as ParsedInput<'deadlines:compute'>, settings.deadlines())
      case 'requests:list':
        return requests!.list()
      default:
        return assertNever(channel)
    }
  }
  if (channel === 'requests:list') {
    // Loaded only for the list: a deadline needs none of it.
    const [{ cleanUpAfterKilledProcesses }, { openRequestRepository }, { createRequestList }, { deadlineCacheIn }] = await Promise.all([
      import('./housekeeping'),
      import('../requests/repository'),
      import('../requests/list-items'),
      import('../requests/deadline-cache'),
    ])
    // As createApi opens the data folder: what killed processes left goes first.
    const listing = cleanUpAfterKilledProcesses(ports.dataDir)
    const now = () => ports.clock.now()
    // One list and the command ends: the stamps of the files an open does not check are left to
    // the next open of the app or of another command (a check that would outlive this one's output).
    const repository = openRequestRepository({ dataDir: ports.dataDir, notices: ports.notices, now, checkLater: false, ...(listing ? { listing } : {}) })
    // The deadlines' dates are saved in the data folder between lists: only those of requests that
    // changed since (or all, after a change of the rules or the settings) are counted again.
    requests = createRequestList({ repository, settings, now, keepDeadlines: false, deadlineCache: deadlineCacheIn(ports.dataDir) })
  }
  const invoke = async (called: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isApiChannel(called) || called !== channel) return failWith('UNKNOWN_METHOD', 'error.api.unknownMethod', { method: String(called).slice(0, 200) })
    const parsed = parseInput(called, input)
    if (!parsed.ok) return parsed
    try {
      return ok(run(parsed.data))
    } catch (error) {
      return failureOf(called as ApiChannel, error)
    }
  }
  return { channels: apiChannels, invoke, call: (method, input) => invoke(method, input) as never }
}
