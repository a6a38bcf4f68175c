/**
 * The core in its own process: the main process forks the core's bundle (core.js) as an Electron
 * utility process, speaks the core protocol to it (core-host/), serves it the ports that need
 * Electron (dialogs, the system's browser and clipboard, safeStorage, printing), and hands its
 * progress to the window. A slow call then never freezes the window, and a long one can be
 * stopped while it runs. The main process keeps the window, the security policy and the IPC guard.
 *
 * When the core process stops on its own, the calls it was answering resolve to
 * CORE_UNAVAILABLE (never retried: a send may have gone out) and a new one is started, a few
 * times; when it keeps stopping, or cannot open the data at all, `onFatal` says why.
 */
import { connectCore, type CoreClient, type HostPorts } from '../core-host/client'
import type { Endpoint } from '../core-host/protocol'
import type { Api } from '../core/api/create-api'
import type { OperationProgress } from '../core/shared/operation'

/** The part of Electron's UtilityProcess used here (the real one satisfies it). */
export type UtilityChild = {
  readonly pid?: number | undefined
  postMessage(message: unknown): void
  on(event: 'message', listener: (message: unknown) => void): unknown
  off(event: 'message', listener: (message: unknown) => void): unknown
  once(event: 'exit', listener: (code: number) => void): unknown
  kill(): boolean
}

/** `utilityProcess.fork` (Electron's satisfies it). */
export type ForkUtility = (modulePath: string, args?: string[], options?: { serviceName?: string; stdio?: 'inherit' | 'ignore' | 'pipe' }) => UtilityChild

export type CoreProcessOptions = {
  readonly fork: ForkUtility
  /** The core's bundle, beside main.js. */
  readonly modulePath: string
  /** The compute worker's bundle, beside it (null: the core reads policies on its own thread). */
  readonly computeScript: string | null
  readonly dataDir: string
  readonly resourcesRoot: string
  readonly appVersion: string
  /** The system's preferred languages, best first. */
  readonly systemLanguages?: ReadonlyArray<string>
  readonly ports: HostPorts
  readonly onProgress: (progress: OperationProgress) => void
  /** The core cannot open the data, or keeps stopping: the app cannot go on. */
  readonly onFatal: (message: string) => void
  /** How many unexpected stops are started again within `restartWindowMs` (default 3 in 5 minutes). */
  readonly maxRestarts?: number
  readonly restartWindowMs?: number
  readonly now?: () => number
}

export type CoreProcess = {
  /** Calls go to the core process running now (the next one, after a restart). */
  readonly api: Api
  /** The first start: resolves once the core has opened the data. */
  readonly ready: Promise<void>
  /** How many times the core was started again after stopping on its own. */
  restarts(): number
  /** Ends the core process (the app quits); calls still waiting resolve to CORE_UNAVAILABLE. */
  stop(): void
}

function endpointOf(child: UtilityChild): Endpoint {
  return {
    post: (message) => child.postMessage(message),
    listen(listener) {
      child.on('message', listener)
      return () => void child.off('message', listener)
    },
  }
}

export function startCoreProcess(options: CoreProcessOptions): CoreProcess {
  const maxRestarts = options.maxRestarts ?? 3
  const windowMs = options.restartWindowMs ?? 5 * 60_000
  const now = options.now ?? (() => Date.now())
  const stops: number[] = []
  let restarted = 0
  let stopping = false
  let child: UtilityChild
  let client: CoreClient

  const spawn = (): CoreClient => {
    child = options.fork(options.modulePath, [], { serviceName: 'Rightful core', stdio: 'inherit' })
    const current = child
    const connected = connectCore(endpointOf(current), {
      dataDir: options.dataDir,
      resourcesRoot: options.resourcesRoot,
      appVersion: options.appVersion,
      ...(options.systemLanguages ? { systemLanguages: options.systemLanguages } : {}),
      ports: options.ports,
      ...(options.computeScript ? { computeScript: options.computeScript } : {}),
      onProgress: options.onProgress,
    })
    let exited = false
    // A core that cannot open the data says why ('failed'); one that stops is started again below.
    connected.ready.catch((error: Error) => {
      if (!exited && !stopping) options.onFatal(error.message)
    })
    current.once('exit', (code) => {
      exited = true
      connected.close(
        `Rightful's core stopped while it was doing this (exit code ${code}). It has been started again: look whether it was done before you try again.`,
      )
      if (stopping || current !== child) return
      const at = now()
      stops.push(at)
      while (stops.length > 0 && at - stops[0]! > windowMs) stops.shift()
      if (stops.length > maxRestarts) {
        options.onFatal(`Rightful's core stopped ${stops.length} times in a few minutes (last exit code ${code}). Your data was not changed by that; start Rightful again.`)
        return
      }
      console.error(`[rightful] the core stopped (exit code ${code}); starting it again`)
      restarted += 1
      client = spawn()
    })
    return connected
  }

  client = spawn()
  const ready = client.ready

  const invoke: Api['invoke'] = (channel, input) => client.api.invoke(channel, input)
  return {
    api: { channels: client.api.channels, invoke, call: (channel, input) => invoke(channel, input) as never },
    ready,
    restarts: () => restarted,
    stop() {
      if (stopping) return
      stopping = true
      client.close('Rightful is quitting.')
      child.kill()
    },
  }
}
