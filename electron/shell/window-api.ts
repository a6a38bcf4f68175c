/**
 * Builds `window.api` from the channel list: `window.api.catalog.search(input)` invokes
 * 'catalog:search'. Pure (no electron import) so the preload stays tiny and this stays testable.
 * Each function forwards exactly one argument; nothing else of the transport is exposed.
 */
import type { ApiChannel } from '../core/api/channels'
import type { WindowApi } from '../core/api/contract'

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
