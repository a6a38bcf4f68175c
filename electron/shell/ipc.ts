/**
 * The one module that talks to `ipcMain`. Every API channel gets exactly one `handle`; each call
 * passes the trusted-sender check and its channel's input schema before it is forwarded to the
 * core (in its own process), with exactly one argument object, and always resolves to a Result
 * (errors are data, because `invoke` keeps only a message).
 */
import { apiChannels } from '../core/api/channels'
import type { Api } from '../core/api/create-api'
import { fail, type Result } from '../core/shared/result'

let inputChecker: Promise<typeof import('../core/api/parse-input')> | null = null

/**
 * The contract's input schemas and the words of their errors: a large module, loaded with the
 * first call (or when main.ts asks for it once the window is open), not before the window.
 */
export function loadInputChecker(): Promise<typeof import('../core/api/parse-input')> {
  inputChecker ??= import('../core/api/parse-input')
  return inputChecker
}

/** The part of Electron's `ipcMain` used for the API (its IpcMain satisfies this). */
export type HandlerRegistry<E> = {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<Result<unknown>>): void
  removeHandler(channel: string): void
}

/**
 * Registers one handler per channel in `apiChannels`. An untrusted sender gets UNTRUSTED_SENDER
 * and the core is not called. Returns a function that removes every handler again.
 */
export function registerApi<E>(
  ipcMain: HandlerRegistry<E>,
  api: Pick<Api, 'invoke'>,
  isTrusted: (event: E) => boolean,
): () => void {
  const registered: string[] = []
  for (const channel of apiChannels) {
    ipcMain.handle(channel, async (event, ...args) => {
      let trusted: boolean
      try {
        trusted = isTrusted(event)
      } catch {
        trusted = false
      }
      if (!trusted) return fail('UNTRUSTED_SENDER', `The API method "${channel}" was called from a page that is not Rightful.`)
      // Checked here too, so that nothing malformed ever leaves for the core's process.
      const { parseInput } = await loadInputChecker()
      const checked = parseInput(channel, args[0])
      if (!checked.ok) return checked
      try {
        // One argument object, as the contract says; anything after it is ignored. The core
        // parses it again (every host does), so it is sent as the page gave it.
        return await api.invoke(channel, args[0])
      } catch (error) {
        console.error(`[rightful] ${channel} threw:`, error)
        return fail('INTERNAL', `Something went wrong in ${channel}.`)
      }
    })
    registered.push(channel)
  }
  let done = false
  return () => {
    if (done) return
    done = true
    for (const channel of registered) ipcMain.removeHandler(channel)
  }
}

/**
 * Channels that libraries register on `ipcMain` for renderer use which this app never needs:
 * electron-store answers `sendSync('electron-store-get-data')` with the data folder and version.
 */
export const strayChannels = ['electron-store-get-data'] as const

/**
 * Removes the listeners of `strayChannels`, so the main process answers nothing but the API.
 * Call it after the stores have been opened (electron-store registers its listener only once).
 */
export function removeStrayListeners(ipcMain: { removeAllListeners(channel: string): unknown }): void {
  for (const channel of strayChannels) ipcMain.removeAllListeners(channel)
}
