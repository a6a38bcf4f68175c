/**
 * The API of `rightful deadline`: `deadlines:compute` alone, on the user's deadline settings, with
 * the same input parsing (the contract's schema), the same results and the same errors as
 * createApi gives. A deadline reads nothing of the user's data but the settings, so this opens
 * nothing else: no catalog, templates, requests or mail, and none of the libraries behind them,
 * which is most of what a command costs to start (see bench/cli-start.ts).
 */
import type { Clock, DocumentStore } from '../shared/ports'
import type { NoticeBoard } from '../shared/notices'
import { restorePending } from '../backup/restore-pending'
import { computeDeadlineOf } from './handlers/deadlines'
import { openSettingsStore } from '../settings/settings'
import { failWith } from '../messages/errors'
import { apiChannels, isApiChannel } from './channels'
import type { ParsedInput } from './contract'
import type { Api } from './create-api'
import { failureOf } from './failure'
import { parseInput } from './parse-input'
import { ok, type Result } from '../shared/result'

/** What the deadline API needs of its host: the data folder, its notices and the settings store. */
export type DeadlinePorts = {
  readonly dataDir: string
  readonly clock: Clock
  readonly notices: NoticeBoard
  /** The settings document, as `stores.open('settings')` gives it (only read here). */
  readonly settings: DocumentStore
}

export async function openDeadlineApi(ports: DeadlinePorts): Promise<Api> {
  // As createApi: a restore a crash interrupted is finished before the settings are read (the
  // backup code is loaded only when there is one).
  if (restorePending(ports.dataDir)) {
    const { finishInterruptedRestore } = await import('../backup/restore')
    finishInterruptedRestore(ports.dataDir, { notices: ports.notices, now: ports.clock.now() })
  }
  const settings = openSettingsStore(ports.settings, ports.notices)
  const invoke = async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isApiChannel(channel) || channel !== 'deadlines:compute') return failWith('UNKNOWN_METHOD', 'error.api.unknownMethod', { method: String(channel).slice(0, 200) })
    const parsed = parseInput(channel, input)
    if (!parsed.ok) return parsed
    try {
      return ok(computeDeadlineOf(parsed.data as ParsedInput<'deadlines:compute'>, settings.deadlines()))
    } catch (error) {
      return failureOf(channel, error)
    }
  }
  return { channels: apiChannels, invoke, call: (channel, input) => invoke(channel, input) as never }
}
