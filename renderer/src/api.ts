/**
 * The renderer's only door to the core: `window.api`, exposed by the preload (or by the browser
 * harness), typed from the contract.
 */
import type { WindowApi } from '@core/api/contract'
import type { ApiError, Result } from '@core/api/result'

declare global {
  interface Window {
    readonly api: WindowApi
  }
}

export const api = (): WindowApi => window.api

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
  if (error instanceof ApiFailure) return error.error.message
  if (error instanceof Error) return error.message
  return String(error)
}
