/**
 * The host's side of the core protocol (protocol.ts): an `Api` like createApi's whose calls go to
 * the core over an endpoint, the ports only the host can serve answered from the host's own
 * implementations, and the core's progress handed on. The Electron main process and the browser
 * harness both use it; neither ever waits for the core's work on its own thread.
 */
import { apiChannels, isApiChannel } from '../core/api/channels'
import type { Api } from '../core/api/create-api'
import { CoreError, fail, type ErrorCode, type Result } from '../core/shared/result'
import type { OperationHold, OperationProgress } from '../core/shared/operation'
import type { Clock, ExternalOpener, FilePicker, FileSink, Printer, SecretStore } from '../core/api/ports'
import { coreMessageSchema, hostPortMethods, isHostPortMethod, protocolVersion, type CoreMessage, type Endpoint, type HostMessage, type HostPortMethod } from './protocol'

/** The ports the host serves to the core. */
export type HostPorts = {
  readonly files: FileSink
  readonly picker: FilePicker
  readonly printer: Printer
  readonly external: ExternalOpener
  readonly secrets: SecretStore
  /** Only where long operations are to be held (the harness, for tests). */
  readonly hold?: OperationHold
}

export type CoreClientOptions = {
  readonly dataDir: string
  readonly resourcesRoot: string
  readonly appVersion: string
  /** The system's preferred languages, best first (absent: unknown). */
  readonly systemLanguages?: ReadonlyArray<string>
  readonly ports: HostPorts
  /** The harness's clock, shared with a worker thread (not across processes); absent: the system's. */
  readonly clock?: Clock
  /** The built compute worker the core may use (compute-worker.ts); absent: the core reads policies itself. */
  readonly computeScript?: string
  readonly onProgress?: (progress: OperationProgress) => void
}

export type CoreClient = {
  /** Calls the core; the same contract as createApi's Api. */
  readonly api: Api
  /** Resolves once the core has opened the data; rejects with the core's reason when it cannot. */
  readonly ready: Promise<void>
  /**
   * Ends the connection: every call still waiting resolves to CORE_UNAVAILABLE with `reason`,
   * and any later call at once. The endpoint's listener is removed.
   */
  close(reason: string): void
}

type PortHandler = (...args: never[]) => unknown

/** The host's implementation of each port method. */
function portTable(ports: HostPorts): Record<HostPortMethod, PortHandler | null> {
  const { files, picker, printer, external, secrets, hold } = ports
  return {
    'files.save': files.save.bind(files),
    'files.choosePath': files.choosePath.bind(files),
    'picker.pickFiles': picker.pickFiles.bind(picker),
    'picker.pickImport': picker.pickImport.bind(picker),
    'picker.pickBackup': picker.pickBackup.bind(picker),
    'picker.pickMailbox': picker.pickMailbox.bind(picker),
    'printer.print': printer.print.bind(printer),
    'external.open': external.open.bind(external),
    'external.openWebmail': external.openWebmail.bind(external),
    'external.copyText': external.copyText.bind(external),
    'external.reveal': external.reveal.bind(external),
    'external.openFolder': external.openFolder.bind(external),
    'secrets.get': secrets.get.bind(secrets),
    'secrets.set': secrets.set.bind(secrets),
    'secrets.delete': secrets.delete.bind(secrets),
    'secrets.protection': secrets.protection.bind(secrets),
    'hold.at': hold ? hold.at.bind(hold) : null,
  }
}

/** Connects to a core on `endpoint` and sends it `init`. */
export function connectCore(endpoint: Endpoint, options: CoreClientOptions): CoreClient {
  let nextId = 1
  const pending = new Map<number, (result: Result<unknown>) => void>()
  let closed: string | null = null
  const table = portTable(options.ports)
  const clock = options.clock ? new BigInt64Array(new SharedArrayBuffer(8)) : null
  const tick = () => {
    if (clock && options.clock) Atomics.store(clock, 0, BigInt(options.clock.now().getTime()))
  }
  tick()

  let started!: () => void
  let refused!: (error: Error) => void
  const ready = new Promise<void>((resolve, reject) => {
    started = resolve
    refused = reject
  })
  // A host that never awaits `ready` must not see an unhandled rejection.
  ready.catch(() => undefined)

  const send = (message: HostMessage) => {
    if (closed) return
    endpoint.post(message)
  }

  const answerPort = async (id: number, method: string, args: ReadonlyArray<unknown>) => {
    type Answer = { ok: true; value: unknown } | { ok: false; message: string; code: ErrorCode | null }
    const reply = (answer: Answer) => send(answer.ok ? { kind: 'port-result', id, ok: true, value: answer.value } : { kind: 'port-result', id, ok: false, message: answer.message, code: answer.code })
    if (!isHostPortMethod(method)) return reply({ ok: false, message: `There is no port method "${method}".`, code: null })
    const handler = table[method]
    if (!handler) return reply({ ok: false, message: `This host does not serve ${method}.`, code: null })
    const parsed = hostPortMethods[method].args.safeParse(args)
    if (!parsed.success) return reply({ ok: false, message: `${method} was called with something else (${parsed.error.issues[0]?.message}).`, code: null })
    try {
      const value = await (handler as (...a: unknown[]) => unknown)(...(parsed.data as unknown[]))
      reply({ ok: true, value })
    } catch (error) {
      reply({ ok: false, message: error instanceof Error ? error.message : String(error), code: error instanceof CoreError ? error.code : null })
    }
  }

  const receive = (raw: unknown) => {
    const parsed = coreMessageSchema.safeParse(raw)
    if (!parsed.success) {
      console.error('[rightful] a message from the core was dropped:', parsed.error.issues[0]?.message)
      return
    }
    const message: CoreMessage = parsed.data
    switch (message.kind) {
      case 'ready':
        started()
        return
      case 'failed':
        refused(new Error(message.message))
        return
      case 'result': {
        const resolve = pending.get(message.id)
        if (!resolve) return
        pending.delete(message.id)
        resolve(message.result as Result<unknown>)
        return
      }
      case 'port':
        void answerPort(message.id, message.method, message.args)
        return
      case 'progress':
        try {
          options.onProgress?.(message.progress)
        } catch (error) {
          console.error('[rightful] progress could not be handed on:', error)
        }
        return
    }
  }
  const stopListening = endpoint.listen(receive)

  send({
    kind: 'init',
    version: protocolVersion,
    dataDir: options.dataDir,
    resourcesRoot: options.resourcesRoot,
    appVersion: options.appVersion,
    systemLanguages: [...(options.systemLanguages ?? [])].slice(0, 50),
    maxUrlLength: options.ports.external.maxUrlLength,
    secretsPersistent: options.ports.secrets.persistent,
    hold: options.ports.hold !== undefined,
    clock: clock ? (clock.buffer as SharedArrayBuffer) : null,
    computeScript: options.computeScript ?? null,
  })

  const invoke = async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isApiChannel(channel)) return fail('UNKNOWN_METHOD', `There is no API method "${String(channel)}".`)
    if (closed) return fail('CORE_UNAVAILABLE', closed)
    try {
      await ready
    } catch (error) {
      return fail('CORE_UNAVAILABLE', `Rightful could not open your data: ${(error as Error).message}`)
    }
    if (closed) return fail('CORE_UNAVAILABLE', closed)
    tick()
    const id = nextId++
    return new Promise<Result<unknown>>((resolve) => {
      pending.set(id, resolve)
      try {
        send({ kind: 'call', id, channel, input })
      } catch (error) {
        // Something that cannot be copied to another thread (a function): never the core's business.
        pending.delete(id)
        resolve(fail('INVALID_INPUT', `The input of ${channel} cannot be sent: ${(error as Error).message}`))
      }
    })
  }

  return {
    api: { channels: apiChannels, invoke, call: (channel, input) => invoke(channel, input) as never },
    ready,
    close(reason) {
      if (closed) return
      closed = reason
      stopListening()
      refused(new Error(reason))
      for (const [id, resolve] of pending) {
        pending.delete(id)
        resolve(fail('CORE_UNAVAILABLE', reason))
      }
    },
  }
}
