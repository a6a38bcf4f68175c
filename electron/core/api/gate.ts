/**
 * Lets whole-data operations (writing a backup, swapping a restore in) run alone: they wait until
 * the calls in progress have finished, and calls that arrive meanwhile wait until they are done.
 * Ordinary calls run side by side as before.
 */
export type Gate = {
  /** Runs an ordinary call (waits while an exclusive one runs). */
  shared<T>(run: () => Promise<T>): Promise<T>
  /** Runs `run` with no other call in progress. */
  exclusive<T>(run: () => Promise<T>): Promise<T>
}

export function createGate(): Gate {
  let active = 0
  let closed: Promise<void> | null = null
  let drained: (() => void) | null = null

  return {
    async shared(run) {
      while (closed) await closed
      active += 1
      try {
        return await run()
      } finally {
        active -= 1
        if (active === 0 && drained) drained()
      }
    },

    async exclusive(run) {
      while (closed) await closed
      let open!: () => void
      closed = new Promise<void>((resolve) => (open = resolve))
      try {
        if (active > 0) await new Promise<void>((resolve) => (drained = resolve))
        drained = null
        return await run()
      } finally {
        closed = null
        open()
      }
    },
  }
}
