/**
 * Limits for every parser that reads outside text (a privacy policy, an e-mail): a size it reads at
 * most, and a time budget. Each parser is linear or bounded; the budget is the safety net behind
 * that, checked between chunks of work (per tag, per match, per candidate). When it runs out, the
 * parser stops with INPUT_TOO_COMPLEX and nothing has been written: parsers are pure, and their
 * callers write only after they return.
 */
import { coreErrorAs } from '../messages/errors'
import { message, type Message } from '../shared/message'

export type TextBudget = {
  /** Throws INPUT_TOO_COMPLEX once the budget has run out. Cheap enough to call per match. */
  check(): void
}

export type TextBudgetOptions = {
  /** What is being read, for the message: "the policy", "the e-mail". */
  readonly what: string
  /** How long reading may take, in milliseconds. */
  readonly limitMs: number
  /** The clock (milliseconds); tests hand in one that moves on by itself. */
  readonly now?: () => number
}

/** A budget that starts now and runs out `limitMs` later. */
export function createTextBudget(options: TextBudgetOptions): TextBudget {
  const now = options.now ?? (() => performance.now())
  const deadline = now() + options.limitMs
  return {
    check() {
      if (now() > deadline) {
        throw coreErrorAs(
          'INPUT_TOO_COMPLEX',
          `Reading ${options.what} took longer than ${Math.round(options.limitMs / 1000)} s, so Rightful stopped; nothing was changed. The text is built unlike any it reads (very long runs of one character, deeply nested tags): check that it is the right file, or shorten it to the part you need.`,
          'error.text.tooComplex',
          { what: textName(options.what), seconds: Math.round(options.limitMs / 1000) },
        )
      }
    },
  }
}

/** A budget that never runs out (for callers that bound the work themselves). */
export const unlimitedBudget: TextBudget = { check() {} }

/** Throws INPUT_TOO_LARGE when a text is longer than `max` characters. */
export function checkTextSize(length: number, max: number, what: string): void {
  if (length > max) {
    throw coreErrorAs(
      'INPUT_TOO_LARGE',
      `${what[0]!.toUpperCase()}${what.slice(1)} has ${length.toLocaleString('en')} characters; Rightful reads at most ${max.toLocaleString('en')}. Nothing was changed.`,
      'error.text.tooLarge',
      { what: textName(what), length, max },
    )
  }
}

/** A text's name ("the policy") as a message. */
function textName(what: string): Message {
  return message(what === 'the e-mail' ? 'error.text.what.email' : what === 'the policy' ? 'error.text.what.policy' : 'error.text.what.text')
}
