/**
 * Builds `window.api` from the channel list: `window.api.catalog.search(input)` invokes
 * 'catalog:search', and `window.rightfulEvents` for messages from the main process. Pure (no
 * electron import) so the preload stays tiny and this stays testable. Each function forwards
 * exactly one argument; nothing else of the transport is exposed.
 */
import type { ApiChannel } from '../core/api/channels'
import type { WindowApi } from '../core/api/contract'
import type { OperationProgress } from '../core/shared/operation'
import type { PushChannel } from './push'
import type { Message } from '../core/shared/message'

/** Sends one call to the main process (the preload passes `ipcRenderer.invoke`). */
export type InvokeChannel = (channel: ApiChannel, input: unknown) => Promise<unknown>

/**
 * One frozen object per domain, one function per verb. Throws on a channel that is not
 * `domain:verb` or that appears twice, since either would be a programming error.
 */
export function buildWindowApi(channels: ReadonlyArray<ApiChannel>, invoke: InvokeChannel): WindowApi {
  const domains = new Map<string, Record<string, (input: unknown) => Promise<unknown>>>()
  for (const channel of channels) {
    const parts = channel.split(':')
    const [domain, verb] = parts
    if (parts.length !== 2 || !domain || !verb) throw new Error(`The API channel "${channel}" is not "domain:verb".`)
    let methods = domains.get(domain)
    if (!methods) {
      methods = {}
      domains.set(domain, methods)
    }
    if (Object.hasOwn(methods, verb)) throw new Error(`The API channel "${channel}" is listed twice.`)
    methods[verb] = (input: unknown) => invoke(channel, input)
  }
  const api: Record<string, unknown> = {}
  for (const [domain, methods] of domains) api[domain] = Object.freeze(methods)
  // The shape follows from the channel list at run time; WindowApi states it for the compiler.
  return Object.freeze(api) as unknown as WindowApi
}

/**
 * Subscribes a listener to one push channel and returns its unsubscribe. The preload implements
 * it with `ipcRenderer.on`/`removeListener` and a wrapper that passes on the payload only.
 */
export type SubscribePush = (channel: PushChannel, listener: (payload: unknown) => void) => () => void

/** `window.rightfulEvents`: what the page may hear from the main process, one method per message. */
export type PushApi = {
  /** Calls back with a request's reference when the main process asks to open it; returns the unsubscribe. */
  readonly onOpenRequest: (callback: (reference: string) => void) => () => void
  /** Calls back with each progress report of a long operation; returns the unsubscribe. */
  readonly onProgress: (callback: (progress: OperationProgress) => void) => () => void
}

/** A request reference, e.g. "RF-2026-0001" (the same pattern as the core's `referencePattern`). */
const referencePattern = /^RF-\d{4}-\d{4,}$/

function isReference(value: unknown): value is string {
  return typeof value === 'string' && referencePattern.test(value)
}

const shortText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max
const count = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0

/**
 * A progress report as the core sends it, copied field by field (nothing else of the payload
 * reaches the page), or null when it is not one.
 */
export function progressOf(value: unknown): OperationProgress | null {
  if (typeof value !== 'object' || value === null) return null
  const p = value as Record<string, unknown>
  if (!shortText(p.operation, 100) || !shortText(p.channel, 100) || !shortText(p.stage, 100)) return null
  if (!count(p.done) || !(p.total === null || count(p.total)) || typeof p.message !== 'string' || p.message.length > 1000 || typeof p.cancellable !== 'boolean') return null
  const detail = progressDetailOf(p.detail)
  return Object.freeze({ operation: p.operation, channel: p.channel, stage: p.stage, done: p.done, total: p.total, message: p.message, cancellable: p.cancellable, ...(detail ? { detail } : {}) })
}

/**
 * A progress report's message key and flat parameters (words or numbers), copied; undefined when
 * there is none or it is not one (the page then shows the English words).
 */
function progressDetailOf(value: unknown): Message | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const d = value as Record<string, unknown>
  if (typeof d.key !== 'string' || !/^[A-Za-z][A-Za-z0-9_.-]{0,199}$/.test(d.key)) return undefined
  if (d.params === undefined) return Object.freeze({ key: d.key })
  if (typeof d.params !== 'object' || d.params === null) return undefined
  const entries = Object.entries(d.params)
  if (entries.length > 20) return undefined
  const params = Object.create(null) as Record<string, string | number>
  for (const [name, param] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9]{0,59}$/.test(name)) return undefined
    if (typeof param === 'string' && param.length <= 1000) params[name] = param
    else if (typeof param === 'number' && Number.isFinite(param)) params[name] = param
    else return undefined
  }
  return Object.freeze({ key: d.key, params: Object.freeze(params) })
}

/**
 * Builds `window.rightfulEvents`. Each method checks the payload before the page's callback sees
 * it (anything else is dropped) and passes the payload alone: never the IPC event, whose `sender`
 * would hand the page `ipcRenderer`. The unsubscribe may be called any number of times.
 */
export function buildPushApi(subscribe: SubscribePush): PushApi {
  const listen = <T>(name: string, channel: PushChannel, check: (payload: unknown) => T | null, callback: (value: T) => void): (() => void) => {
    if (typeof callback !== 'function') throw new TypeError(`${name} needs a function.`)
    const unsubscribe = subscribe(channel, (payload) => {
      const value = check(payload)
      if (value !== null) callback(value)
    })
    let subscribed = true
    return () => {
      if (!subscribed) return
      subscribed = false
      unsubscribe()
    }
  }
  return Object.freeze({
    onOpenRequest: (callback: (reference: string) => void) => listen('onOpenRequest', 'app:open-request', (p) => (isReference(p) ? p : null), callback),
    onProgress: (callback: (progress: OperationProgress) => void) => listen('onProgress', 'app:progress', progressOf, callback),
  })
}
