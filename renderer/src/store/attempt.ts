import { messageOf } from '../api'
import type { State } from './types'

/**
 * A slice's way to run an action: `attempt(run)` resolves to what `run` resolved to, or, when it
 * failed, shows the core's message as a toast and resolves to null.
 */
export function attemptWith(get: () => Pick<State, 'toast'>) {
  return async <T,>(run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run()
    } catch (error) {
      get().toast('error', messageOf(error))
      return null
    }
  }
}
