/**
 * A small seeded generator (mulberry32): the same seed gives the same numbers on any machine, so
 * generated data, drawn samples and kill points are the same in every run. For tests, benches and
 * the scripts that draw held-out sets; never for anything secret.
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One element of `list`, drawn with `random`. */
export const pick = <T>(random: () => number, list: ReadonlyArray<T>): T => list[Math.floor(random() * list.length)]!
