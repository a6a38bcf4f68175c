/**
 * The renderer's only door to the core: `window.api`, exposed by the preload (or by the browser
 * harness), typed from the contract.
 */
import type { WindowApi } from '@core/api/contract'
import type { ApiError, Result } from '@core/shared/result'
import { errorText } from './ui/messages'

declare global {
  interface Window {
    readonly api: WindowApi
  }
}

/** Told the channel of every call the core has answered (the store refreshes its notices then). */
let afterCall: ((channel: string) => void) | null = null
let observed: { readonly source: WindowApi; readonly api: WindowApi } | null = null

/**
 * `window.api`, with every call reported to `afterEachCall` once answered: a call may have made the
 * core set something aside (the catalog, the replies open on first use), and the notice about it
 * must reach the screen without waiting for the next start.
 */
export const api = (): WindowApi => {
  const source = window.api
  if (observed?.source !== source) observed = { source, api: observe(source) }
  return observed.api
}

/** Registers the one listener told after each answered call (null: none). */
export function afterEachCall(listener: ((channel: string) => void) | null): void {
  afterCall = listener
}

function observe(source: WindowApi): WindowApi {
  const domains = new Map<string, Readonly<Record<string, (input: unknown) => Promise<unknown>>>>()
  for (const [domain, methods] of Object.entries(source as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)) {
    const wrapped = Object.create(null) as Record<string, (input: unknown) => Promise<unknown>>
    for (const [verb, call] of Object.entries(methods)) {
      wrapped[verb] = async (input: unknown) => {
        const result = await call(input)
        afterCall?.(`${domain}:${verb}`)
        return result
      }
    }
    domains.set(domain, Object.freeze(wrapped))
  }
  return Object.freeze(Object.fromEntries(domains)) as unknown as WindowApi
}

/** Thrown by `unwrap` so that store actions can show the core's message. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiFailure'
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ApiFailure(result.error)
  return result.data
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiFailure) return errorText(error.error)
  if (error instanceof Error) return error.message
  return String(error)
}
