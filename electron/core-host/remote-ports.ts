/**
 * The core's stand-ins for the ports only the host can serve: each method sends a `port` message
 * with an id and resolves with the host's `port-result` of that id, checked against the method's
 * result schema. A host error comes back as an Error with its message (a CoreError when the host
 * gave a code), which the core's handlers turn into their own errors as they do for local ports.
 */
import { CoreError, type ErrorCode } from '../core/shared/result'
import type { OperationHold } from '../core/shared/operation'
import type { ExternalOpener, FilePicker, FileSink, Printer, SecretStore } from '../core/api/ports'
import { hostPortMethods, type HostMessage, type HostPortMethod } from './protocol'

type PortResult = Extract<HostMessage, { kind: 'port-result' }>

/** How long the core waits for the host's answer: dialogs wait for the user, so only a day. */
const answerWithinMs = 24 * 60 * 60 * 1000

export function createRemotePorts(send: (message: { kind: 'port'; id: number; method: HostPortMethod; args: unknown[] }) => void) {
  let nextId = 1
  const pending = new Map<number, { method: HostPortMethod; resolve: (value: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>()
  let closed: string | null = null

  const call = <M extends HostPortMethod>(method: M, ...args: unknown[]): Promise<unknown> => {
    if (closed) return Promise.reject(new Error(closed))
    const id = nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id)
        reject(new Error(`the host did not answer ${method}`))
      }, answerWithinMs)
      // A pending dialog must not keep a stopping process alive.
      timer.unref?.()
      pending.set(id, { method, resolve, reject, timer })
      send({ kind: 'port', id, method, args })
    })
  }

  const typed =
    <M extends HostPortMethod>(method: M) =>
    async (...args: unknown[]) =>
      (await call(method, ...args)) as never

  const files: FileSink = { save: typed('files.save'), choosePath: typed('files.choosePath') }
  const picker: FilePicker = { pickFiles: typed('picker.pickFiles'), pickImport: typed('picker.pickImport'), pickBackup: typed('picker.pickBackup'), pickMailbox: typed('picker.pickMailbox') }
  const printer: Printer = { print: typed('printer.print') }
  const hold: OperationHold = { at: typed('hold.at') }

  return {
    files,
    picker,
    printer,
    hold,
    external: (maxUrlLength: number): ExternalOpener => ({
      maxUrlLength,
      open: typed('external.open'),
      openWebmail: typed('external.openWebmail'),
      copyText: typed('external.copyText'),
      reveal: typed('external.reveal'),
      openFolder: typed('external.openFolder'),
    }),
    secrets: (persistent: boolean): SecretStore => ({
      persistent,
      get: typed('secrets.get'),
      set: typed('secrets.set'),
      delete: typed('secrets.delete'),
      // Never rejects, as the port promises: a host that cannot tell is taken as unable to encrypt.
      protection: () => (call('secrets.protection') as Promise<'system' | 'fixed-key' | 'unavailable' | 'memory'>).catch(() => 'unavailable' as const),
    }),

    /** Settles the call the host answered; an answer of the wrong shape rejects it. */
    settle(message: PortResult): void {
      const waiting = pending.get(message.id)
      if (!waiting) return
      pending.delete(message.id)
      clearTimeout(waiting.timer)
      if (!message.ok) {
        waiting.reject(message.code ? new CoreError(message.code as ErrorCode, message.message) : new Error(message.message))
        return
      }
      const parsed = hostPortMethods[waiting.method].result.safeParse(message.value)
      if (parsed.success) waiting.resolve(parsed.data)
      else waiting.reject(new Error(`the host answered ${waiting.method} with something else (${parsed.error.issues[0]?.message})`))
    },

    /** Rejects every call still waiting, and any later one. */
    close(reason: string): void {
      closed = reason
      for (const [id, waiting] of pending) {
        pending.delete(id)
        clearTimeout(waiting.timer)
        waiting.reject(new Error(reason))
      }
    },
  }
}
