/**
 * The core's side of the host protocol (protocol.ts): it waits for the host's `init`, opens the
 * core on Node ports for the data folder (conf stores, the resources, the notices) and on the
 * ports only the host can serve (remote-ports.ts), answers each call with its Result, and sends
 * progress. It runs in Electron's utility process and in the browser harness's worker thread.
 */
import { createApi, type Api } from '../core/api/create-api'
import { fail, type Result } from '../core/shared/result'
import type { Clock } from '../core/api/ports'
import { createNodePorts, systemClock } from '../adapters/node/node-ports'
import { missingResources } from '../adapters/node/resources'
import { createWorkerCompute } from './compute'
import { coreMessageSchema, hostMessageSchema, type CoreMessage, type Endpoint, type InitMessage } from './protocol'
import { createRemotePorts } from './remote-ports'
import { failWith } from '../core/messages/errors'

/** A clock that reads the time the host wrote into shared memory (the harness's test clock). */
function sharedClock(buffer: SharedArrayBuffer): Clock {
  const view = new BigInt64Array(buffer)
  return { now: () => new Date(Number(Atomics.load(view, 0))) }
}

/**
 * Serves the core on `endpoint` until `stop()` (or until the host goes away with the process).
 * Messages that do not parse are reported on stderr and dropped: the host is our own code, and
 * a message it did not mean to send must not reach the data.
 */
export function serveCore(endpoint: Endpoint): { stop(): void } {
  let api: Api | null = null
  let starting = false
  const send = (message: CoreMessage) => endpoint.post(coreMessageSchema.parse(message))
  const remote = createRemotePorts((message) => send(message))

  const start = (init: InitMessage) => {
    if (starting) return
    starting = true
    try {
      const missing = missingResources(init.resourcesRoot)
      if (missing.length > 0) throw new Error(`Rightful's own files are missing: ${missing.join(', ')}.`)
      const ports = createNodePorts({
        dataDir: init.dataDir,
        resourcesRoot: init.resourcesRoot,
        appVersion: init.appVersion,
        systemLanguages: init.systemLanguages,
        clock: init.clock ? sharedClock(init.clock) : systemClock,
        files: remote.files,
        picker: remote.picker,
        printer: remote.printer,
        external: remote.external(init.maxUrlLength),
        secrets: remote.secrets(init.secretsPersistent),
        progress: (progress) => send({ kind: 'progress', progress }),
        ...(init.hold ? { hold: remote.hold } : {}),
        ...(init.computeScript ? { compute: createWorkerCompute(init.computeScript) } : {}),
      })
      api = createApi(ports)
      send({ kind: 'ready' })
    } catch (error) {
      console.error('[rightful] the core could not start:', error)
      send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
    }
  }

  const call = async (id: number, channel: string, input: unknown) => {
    let result: Result<unknown>
    if (!api) result = failWith('CORE_UNAVAILABLE', 'error.coreStarting')
    else {
      try {
        result = await api.invoke(channel, input)
      } catch (error) {
        // invoke turns every failure into a Result; this is the net under that net.
        console.error(`[rightful] ${channel} threw:`, error)
        result = fail('INTERNAL', `Something went wrong in ${channel}.`)
      }
    }
    send({ kind: 'result', id, result })
  }

  const stopListening = endpoint.listen((raw) => {
    const parsed = hostMessageSchema.safeParse(raw)
    if (!parsed.success) {
      console.error('[rightful] the core dropped a message it does not understand:', parsed.error.issues[0]?.message)
      return
    }
    const message = parsed.data
    switch (message.kind) {
      case 'init':
        start(message)
        return
      case 'call':
        void call(message.id, message.channel, message.input)
        return
      case 'port-result':
        remote.settle(message)
        return
    }
  })

  return {
    stop() {
      stopListening()
      remote.close('the core is stopping')
    },
  }
}
