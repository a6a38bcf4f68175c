/**
 * The core process: the entry of the core's own bundle (.vite/build/core.js). Electron's main
 * process forks it as a utility process and speaks to it over `process.parentPort`; the browser
 * harness runs the same file in a worker thread and speaks over the worker's port. Either way the
 * core's work never runs on the thread that keeps the window (or the harness's server) going.
 */
import { parentPort } from 'node:worker_threads'
import type { Endpoint } from './protocol'
import { serveCore } from './serve'

/** Electron's `process.parentPort` in a utility process: messages arrive as `{ data }`. */
type ElectronParentPort = {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown
  postMessage(message: unknown): void
}

/** The channel to the host: the utility process's parent port, else the worker's. */
export function hostEndpoint(): Endpoint | null {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort
  if (electronPort) {
    return {
      post: (message) => electronPort.postMessage(message),
      listen(listener) {
        const onMessage = (event: { data: unknown }) => listener(event.data)
        electronPort.on('message', onMessage)
        return () => void electronPort.off('message', onMessage)
      },
    }
  }
  const port = parentPort
  if (port) {
    return {
      post: (message) => port.postMessage(message),
      listen(listener) {
        port.on('message', listener)
        return () => void port.off('message', listener)
      },
    }
  }
  return null
}

const endpoint = hostEndpoint()
if (endpoint) serveCore(endpoint)
else {
  process.stderr.write('The Rightful core runs as a utility process of the app, or in a worker thread: there is nobody to talk to here.\n')
  process.exitCode = 1
}
