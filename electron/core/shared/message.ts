/**
 * A message for a person, as the core returns it: a key in the `core` namespace of the message
 * resources (locales/<lang>.json) and its parameters. Each host renders it in the user's language
 * (the window through i18next, the CLI through the same resources); the English `text` beside it
 * in a result stays for logs, the CLI's default and callers that read English.
 */

import { z } from 'zod'

/**
 * A parameter's value: words, a number, a calendar date ("2026-03-02", written in the reader's
 * language; with the weekday when the parameter's name ends in "Day"), a country code in a
 * parameter named "country", a nested message (e.g. a period: "one month"), or a list of them.
 */
export type MessageParam = string | number | Message | ReadonlyArray<Message>

export type Message = {
  readonly key: string
  /** Named by the core's code, never by outside strings. */
  readonly params?: Readonly<Record<string, MessageParam>>
}

/** A message: `message('deadline.count', { start, date })`. */
export function message(key: string, params?: Readonly<Record<string, MessageParam>>): Message {
  return params ? { key, params } : { key }
}

const keyPattern = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+){0,6}$/

/**
 * A message as it crosses a process boundary or is kept in a file: a known key's shape, at most 20
 * parameters, nested at most a few levels (bounded, whatever the input).
 */
export const messageSchema: z.ZodType<Message> = z.lazy(() =>
  z.strictObject({
    key: z.string().max(200).regex(keyPattern),
    params: z
      .record(z.string().max(60).regex(/^[A-Za-z][A-Za-z0-9]*$/), z.union([z.string().max(10_000), z.number(), messageSchema, z.array(messageSchema).max(50)]))
      .refine((params) => Object.keys(params).length <= 20, 'A message has at most 20 parameters.')
      .optional(),
  }),
)
