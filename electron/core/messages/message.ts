/**
 * A message for a person, as the core returns it: a key in the `core` namespace of the message
 * resources (locales/<lang>.json) and its parameters. Each host renders it in the user's language
 * (the window through i18next, the CLI through the same resources); `text` beside it in a result
 * is the English rendering, for logs and callers that read English.
 */
import { z } from 'zod'

/** A parameter's value: words, a number, or a nested message (e.g. a law's name). */
export type MessageParam = string | number

export type Message = {
  readonly key: string
  /** Built from the core's own names, never from outside strings (Object.create(null)-safe on render). */
  readonly params?: Readonly<Record<string, MessageParam>>
}

/** A message as it crosses a boundary. */
export const messageSchema = z.strictObject({
  key: z.string().min(1).max(200),
  params: z.record(z.string().max(100), z.union([z.string().max(10_000), z.number()])).optional(),
})

/** A message: `message('deadline.step.received', { date })`. */
export function message(key: string, params?: Readonly<Record<string, MessageParam>>): Message {
  return params ? { key, params } : { key }
}
