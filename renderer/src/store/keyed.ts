/**
 * Immutable updates of the store's Maps. Company ids, references and other outside strings key the
 * store's caches in Maps, never in plain objects: a company with the id "constructor" must not find
 * the function every object inherits (and look loaded before it is).
 */

/** A new Map with `key` set to `value`; the old one is left as it was (zustand compares by identity). */
export function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  const next = new Map(map)
  next.set(key, value)
  return next
}

/** A new Map without `key`. */
export function withoutEntry<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  const next = new Map(map)
  next.delete(key)
  return next
}
