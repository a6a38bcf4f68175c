/**
 * The messages between a host (the Electron main process, the browser harness) and the core
 * running in its own process or thread (core-host/serve.ts): the API's calls and results, the
 * ports only the host can serve (dialogs, the system's browser and clipboard, safeStorage,
 * printing) called back with ids, and progress. Every message is parsed with these schemas on
 * arrival, on both sides: a process boundary is a boundary like any other.
 */
import { z } from 'zod'
import { errorCodes } from '../core/shared/result'
import { messageSchema } from '../core/shared/message'

/** Bumped when a message changes shape; host and core must agree. */
export const protocolVersion = 1

const id = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

/** What the host tells the core once, before any call. */
export const initSchema = z.strictObject({
  kind: z.literal('init'),
  version: z.literal(protocolVersion),
  dataDir: z.string().min(1).max(4096),
  resourcesRoot: z.string().min(1).max(4096),
  appVersion: z.string().min(1).max(100),
  /** The system's preferred languages (Electron's app.getPreferredSystemLanguages), best first. */
  systemLanguages: z.array(z.string().min(1).max(100)).max(50).default([]),
  /** ExternalOpener.maxUrlLength of the host's system. */
  maxUrlLength: z.number().int().min(1).max(10_000_000),
  /** SecretStore.persistent of the host's secrets. */
  secretsPersistent: z.boolean(),
  /** Whether the host holds long operations at their checkpoints (the harness, for tests). */
  hold: z.boolean(),
  /**
   * The host's clock as milliseconds since 1970 in a shared BigInt64Array of one element, written
   * by the host before each call (tests move it); null: the core reads the system's clock.
   */
  clock: z.instanceof(SharedArrayBuffer).nullable(),
  /** A script the core may run in worker threads for pure work (core-host/compute.ts); null: none. */
  computeScript: z.string().min(1).max(4096).nullable(),
})

export type InitMessage = z.infer<typeof initSchema>

const apiErrorSchema = z
  .strictObject({
  code: z.enum(errorCodes),
  message: z.string().max(100_000),
  issues: z
    .array(z.strictObject({ path: z.string().max(1000), message: z.string().max(10_000), detail: messageSchema.optional() }).readonly())
    .max(1000)
    .readonly()
    .optional(),
  detail: messageSchema.optional(),
  })
  .readonly()

/** A Result as it crosses: the data is checked by the contract's types on the other side only. */
export const resultSchema = z.union([z.strictObject({ ok: z.literal(true), data: z.unknown() }).readonly(), z.strictObject({ ok: z.literal(false), error: apiErrorSchema }).readonly()])

/** Messages from the host to the core. */
export const hostMessageSchema = z.union([
  initSchema,
  z.strictObject({ kind: z.literal('call'), id, channel: z.string().min(1).max(100), input: z.unknown() }),
  z.strictObject({ kind: z.literal('port-result'), id, ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ kind: z.literal('port-result'), id, ok: z.literal(false), message: z.string().max(100_000), code: z.enum(errorCodes).nullable() }),
])

export type HostMessage = z.infer<typeof hostMessageSchema>

const progressSchema = z.strictObject({
  operation: z.string().min(1).max(100),
  channel: z.string().min(1).max(100),
  stage: z.string().min(1).max(100),
  done: z.number().min(0),
  total: z.number().min(0).nullable(),
  message: z.string().max(1000),
  detail: messageSchema.optional(),
  cancellable: z.boolean(),
})

/** Messages from the core to the host. */
export const coreMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ready') }),
  z.strictObject({ kind: z.literal('failed'), message: z.string().max(100_000) }),
  z.strictObject({ kind: z.literal('result'), id, result: resultSchema }),
  z.strictObject({ kind: z.literal('port'), id, method: z.string().min(1).max(100), args: z.array(z.unknown()).max(4) }),
  z.strictObject({ kind: z.literal('progress'), progress: progressSchema }),
])

export type CoreMessage = z.infer<typeof coreMessageSchema>

const saveKind = z.enum(['pdf', 'eml', 'ics', 'json', 'backup', 'csv'])
const suggestedName = z.string().min(1).max(1000)
const bytes = z.instanceof(Uint8Array)
const nothing = z.undefined()
const url = z.string().min(1).max(10_000_000)
const filePath = z.string().min(1).max(4096)
const secretName = z.string().min(1).max(200)

/**
 * The ports the host serves, method by method: what the core may pass (`args`) and what the host
 * may answer (`result`). Both sides check their half.
 */
export const hostPortMethods = {
  'files.save': { args: z.tuple([z.strictObject({ suggestedName, kind: saveKind, bytes })]), result: filePath.nullable() },
  'files.choosePath': { args: z.tuple([z.strictObject({ suggestedName, kind: saveKind })]), result: filePath.nullable() },
  'picker.pickFiles': { args: z.tuple([z.enum(['attachments', 'replies'])]), result: z.array(filePath).max(1000) },
  'picker.pickImport': { args: z.tuple([z.enum(['file', 'folder'])]), result: filePath.nullable() },
  'picker.pickBackup': { args: z.tuple([]), result: filePath.nullable() },
  'picker.pickMailbox': { args: z.tuple([z.enum(['file', 'folder'])]), result: filePath.nullable() },
  'printer.print': {
    args: z.tuple([z.strictObject({ title: z.string().max(1000), suggestedName, bytes })]),
    result: z.union([z.strictObject({ outcome: z.enum(['printed', 'cancelled']) }), z.strictObject({ outcome: z.literal('saved'), path: filePath.nullable() })]),
  },
  'external.open': { args: z.tuple([url]), result: nothing },
  'external.openWebmail': { args: z.tuple([url]), result: nothing },
  'external.copyText': { args: z.tuple([z.string().max(10_000_000)]), result: nothing },
  'external.reveal': { args: z.tuple([filePath]), result: nothing },
  'external.openFolder': { args: z.tuple([filePath]), result: nothing },
  'secrets.get': { args: z.tuple([secretName]), result: z.string().max(100_000).nullable() },
  'secrets.set': { args: z.tuple([secretName, z.string().max(100_000)]), result: nothing },
  'secrets.delete': { args: z.tuple([secretName]), result: nothing },
  'secrets.protection': { args: z.tuple([]), result: z.enum(['system', 'fixed-key', 'unavailable', 'memory']) },
  'hold.at': {
    args: z.tuple([z.strictObject({ operation: z.string().min(1).max(100), channel: z.string().min(1).max(100), stage: z.string().min(1).max(100) })]),
    result: nothing,
  },
} as const

export type HostPortMethod = keyof typeof hostPortMethods

export function isHostPortMethod(value: string): value is HostPortMethod {
  return Object.hasOwn(hostPortMethods, value)
}

/** Both ends of a message channel: a utility process's parent port, a worker's, a MessagePort. */
export type Endpoint = {
  post(message: unknown): void
  /** Calls `listener` with each message's data; returns the unsubscribe. */
  listen(listener: (message: unknown) => void): () => void
}
