/**
 * Catalog search: names, brands, domains, e-mail addresses and address words, ranked so that the
 * company a person means comes first for its name or domain; fast at 100,000 records (figures:
 * bench/catalog-search.ts) and dependency-free.
 *
 * ## What is indexed
 * Every field is folded like `normalizeForSearch` (lower case, accents removed, anything but
 * letters and digits a word break). Chinese, Japanese and Korean runs, written without spaces, are
 * indexed as single characters and as pairs of neighbours, so "福斯康" finds "深圳福斯康电子".
 * - Words: the sorted vocabulary and, per word, the records holding it with the kinds of field it
 *   occurs in (name, brand, domain, e-mail, address), in typed arrays ordered like the vocabulary,
 *   so all words starting with a prefix are one contiguous slice.
 * - Compact keys: each name, legal name, brand, domain and e-mail address without spaces or
 *   punctuation ("FS.COM" -> "fscom", "Amazon Web Services" -> "amazonwebservices"), in a hash
 *   table for exact look-ups; the name keys also sorted, for prefixes. So "fscom", "fs.com" and
 *   "fsco" all reach FS.COM, and "amazonweb" reaches Amazon Web Services.
 * - Typos: the deletion neighbourhood (SymSpell) of every name and brand word of 4 or more
 *   letters: hashes of the word and of each string one deletion away, sorted, each pointing back
 *   to its word. A query word looks up its own neighbourhood; candidates are checked exactly.
 *
 * ## How a query matches
 * The query is normalized the same way (one starting with "http://" or "www." is first cut down to
 * its domain). Every query word must match (AND), in one of these ways:
 * - as a whole word, or as the start of a word (as you type), in any field. Exceptions: a single
 *   letter before the last query word is an initial ("S.r.l.", "e.V.") and matches whole words
 *   only; a prefix of 1-2 letters counts in names, brands and domains, not in address and e-mail
 *   words (where "de" matches the word "de", never "deutschland"). Both keep short words fast.
 * - with one typo, in a name or brand only: Damerau-Levenshtein distance 1 (one insertion,
 *   deletion, substitution, or swap of neighbours), for query words of 4 or more letters against
 *   indexed words of 4 or more letters. Shorter words never match with a typo: among 1-3 letter
 *   words one edit reaches nearly every other ("fs" -> "fa", "b2s" -> "bts"). No typos in CJK.
 * Independently of the words, a record matches when the whole compact query equals one of its
 * keys, or starts one of its name keys.
 *
 * ## Ranking (best first)
 * 1. exact: the whole query is a name or legal name of the record, or one of its domains, compared
 *    compactly ("fscom" = "fs.com" = "FS.COM"). Within it: a name with the query's word breaks,
 *    then a domain with them ("media.net" before a company named "Medianet"), then any exact name,
 *    then any exact domain.
 * 2. exact brand or exact e-mail address: a full brand (trading name) or a full address is about
 *    as precise as a name, so it comes before prefixes (a step ahead of the issue's "brand with
 *    domain and e-mail" tier).
 * 3. name prefix: a name starts with the query: "amazon w" -> "Amazon Web Services". Within it:
 *    the query ends at a word break ("amazon": "Amazon Web Services" before "Amazonas Bank"), then
 *    the query's word breaks are the name's ("fsc" for "FS COM" comes last).
 * 4. name words: all query words found in the record's names, anywhere: "bank deutsche".
 * 5. brand, domain, e-mail: all words found in names, brands, domains or e-mail addresses, at
 *    least one outside the names.
 * 6. address: all words found, at least one only in the postal address: "Kwun Tong".
 * 7. typo: all words found, at least one only with a typo (in a name or brand): "amazn", "foscma".
 *    Within it: more words found in names (exactly or with the typo), then more found exactly.
 * Within tiers 4-6, more query words matched as whole words rank first. Then, in every tier, the
 * shorter primary name, then the original order of the items (stable). The score packs these
 * into one number: tier (2^49), sub-rank (2^43), 1023 - name length (2^33), order (33 bits: records
 * of several indexes, e.g. the built-in catalog's and the user's, rank as one list).
 * An empty query returns the first `limit` items in their original order.
 *
 * ## Speed
 * A query touches only records that hold its rarest word (or a key it matches), and updates them
 * from the other words' postings; when exact and prefix keys alone fill the limit, the words are
 * not looked at. Per-record state lives in typed arrays reset lazily by a query stamp, and the
 * best `limit` are kept in a heap, so a query allocates almost nothing.
 */
import { StringTable } from './search/string-table'
import {
  boundariesOf,
  cleanDomain,
  compactOf,
  deletionHashes,
  foldText,
  hashOf,
  indexTokensOf,
  looksLikeUrl,
  normalizeForSearch,
  prefixRange,
  queryTokensOf,
  typoEligible,
  withinOneEdit,
  WordSpans,
  type QueryToken,
} from './search/text'

export { normalizeForSearch } from './search/text'

/** The kind of a field; a brand is a name the company trades under. */
export type FieldWeight = 'name' | 'brand' | 'domain' | 'email' | 'address'

export type SearchField = { readonly text: string; readonly weight: FieldWeight }

/** The rank tiers, best first (see the module comment); 'all' is the empty query. */
export type SearchTier = 'exact' | 'exact-brand-or-email' | 'name-prefix' | 'name-words' | 'brand-domain-email' | 'address' | 'typo' | 'all'

export type SearchHit<T> = { readonly item: T; readonly score: number; readonly tier: SearchTier }

export type SearchIndex<T> = {
  /** The best `limit` matches, best first. */
  search(query: string, limit: number): ReadonlyArray<T>
  /** The same, with each hit's score and tier (for tests and the benchmark). */
  searchWithScores(query: string, limit: number): ReadonlyArray<SearchHit<T>>
  readonly size: number
}

// Kinds of field, as bits.
const NAME = 1
const BRAND = 2
const DOMAIN = 4
const EMAIL = 8
const ADDRESS = 16
const classOf: Record<FieldWeight, number> = { name: NAME, brand: BRAND, domain: DOMAIN, email: EMAIL, address: ADDRESS }
const NOT_ADDRESS = NAME | BRAND | DOMAIN | EMAIL

// What the compact keys found for a record, as bits.
const EXACT_NAME_SAME_WORDS = 1
const EXACT_NAME = 2
const EXACT_DOMAIN_SAME_WORDS = 4
const EXACT_DOMAIN = 8
const EXACT_BRAND = 16
const EXACT_EMAIL = 32
const EXACT_OTHER_SAME_WORDS = 64
const NAME_PREFIX = 128

const tierNames: ReadonlyArray<SearchTier> = ['all', 'typo', 'address', 'brand-domain-email', 'name-words', 'name-prefix', 'exact-brand-or-email', 'exact']
const TIER_TYPO = 1
const TIER_ADDRESS = 2
const TIER_OTHER = 3
const TIER_NAME_WORDS = 4
const TIER_NAME_PREFIX = 5
const TIER_EXACT_BRAND = 6
const TIER_EXACT = 7

/** Query words beyond this many are ignored (one mask bit per word). */
const maxQueryTokens = 30
/** Prefixes shorter than this match address and e-mail words only as whole words. */
const minPrefixOutsideNames = 3

// The score: tier, then the sub-rank (0-63), then the shorter name (0-1023), then the original order.
const TIER_UNIT = 2 ** 49
const SUB_UNIT = 2 ** 43
const LENGTH_UNIT = 2 ** 33
const MAX_LENGTH = 1023
/** Typo look-ups cover the first 2^21 vocabulary words (a hash and a word position share a double). */
const TYPO_WORD_LIMIT = 2 ** 21

/** A growable Int32Array, so the build never holds millions of small JS arrays. */
class IntList {
  data: Int32Array
  length = 0
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity))
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
}

/**
 * Compressed rows: the entries of vocabulary entry `w` go to [start[w], start[w + 1]), in the order
 * they were added (by record). `at[i]` is where entry i goes; `rankOf` maps build ids to positions
 * in the vocabulary (null: the same).
 */
function rows(owner: IntList, size: number, rankOf: Int32Array | null): { start: Uint32Array; at: Int32Array } {
  const start = new Uint32Array(size + 1)
  const rank = (id: number) => (rankOf ? rankOf[id]! : id)
  for (let i = 0; i < owner.length; i += 1) start[rank(owner.data[i]!) + 1]! += 1
  for (let w = 0; w < size; w += 1) start[w + 1]! += start[w]!
  const fill = start.slice(0, size)
  const at = new Int32Array(owner.length)
  for (let i = 0; i < owner.length; i += 1) at[i] = fill[rank(owner.data[i]!)]!++
  return { start, at }
}

function permuted<A extends Int32Array | Uint8Array>(make: new (length: number) => A, values: IntList, at: Int32Array): A {
  const out = new make(values.length)
  for (let i = 0; i < values.length; i += 1) out[at[i]!] = values.data[i]!
  return out
}

/** What one pass over the items collects, before it is sorted into the index. */
type Collected = {
  nameLength: Uint16Array
  words: StringTable
  postWord: IntList
  postDoc: IntList
  postMask: IntList
  keys: StringTable
  keyWord: IntList
  keyDoc: IntList
  keyMask: IntList
  keyHash: IntList
  keyBounds: IntList
}

/**
 * Reads every field of every item once: words (interned) with one posting per (word, record) and
 * the kinds of field it occurs in, and the compact keys of names, brands, domains and e-mail
 * addresses, one entry per (key, kind, record). A function of its own, so that none of these
 * growable buffers outlives the build.
 */
function collect<T>(items: ReadonlyArray<T>, fieldsOf: (item: T) => ReadonlyArray<SearchField>): Collected {
  const count = items.length
  const c: Collected = {
    nameLength: new Uint16Array(count),
    words: new StringTable(),
    postWord: new IntList(count * 16),
    postDoc: new IntList(count * 16),
    postMask: new IntList(count * 16),
    keys: new StringTable(),
    keyWord: new IntList(count * 4),
    keyDoc: new IntList(count * 4),
    keyMask: new IntList(count * 4),
    keyHash: new IntList(count * 4),
    keyBounds: new IntList(count * 4),
  }
  const lastDocOf = new IntList(4096)
  const slotOf = new IntList(4096)
  const post = (id: number, doc: number, cls: number) => {
    while (lastDocOf.length <= id) {
      lastDocOf.push(-1)
      slotOf.push(0)
    }
    if (lastDocOf.data[id] === doc) c.postMask.data[slotOf.data[id]!]! |= cls
    else {
      lastDocOf.data[id] = doc
      slotOf.data[id] = c.postWord.length
      c.postWord.push(id)
      c.postDoc.push(doc)
      c.postMask.push(cls)
    }
  }

  const spans = new WordSpans()
  const cjkTokens: string[] = []
  for (let doc = 0; doc < count; doc += 1) {
    const firstKey = c.keyWord.length
    let primaryName = -1
    for (const field of fieldsOf(items[doc]!)) {
      const cls = classOf[field.weight]
      const folded = foldText(field.weight === 'domain' ? cleanDomain(field.text) : field.text)
      spans.scan(folded)
      if (spans.count === 0) continue
      if (cls === NAME && primaryName < 0) primaryName = spans.length()
      for (let w = 0; w < spans.count; w += 1) {
        if (!spans.mayHoldCjk(folded, w)) {
          post(c.words.idOf(folded, spans.starts[w]!, spans.ends[w]!), doc, cls)
          continue
        }
        cjkTokens.length = 0
        indexTokensOf(folded.slice(spans.starts[w]!, spans.ends[w]!), cjkTokens)
        for (const token of cjkTokens) post(c.words.idOf(token, 0, token.length), doc, cls)
      }
      if (cls === ADDRESS) continue
      const key = c.keys.idOfJoined(folded, spans)
      let seen = false
      for (let k = firstKey; k < c.keyWord.length && !seen; k += 1) seen = c.keyWord.data[k] === key && c.keyMask.data[k] === cls
      if (seen) continue // a legal name often repeats the name
      c.keyWord.push(key)
      c.keyDoc.push(doc)
      c.keyMask.push(cls)
      c.keyHash.push(spans.hash(folded))
      c.keyBounds.push(spans.boundaries())
    }
    c.nameLength[doc] = Math.min(primaryName < 0 ? MAX_LENGTH : primaryName, MAX_LENGTH)
  }
  return c
}

/**
 * The index as plain arrays: what `createDocSearcher` searches, and what the compact built-in
 * catalog stores on disk (`encodeIndexData`), so that a large catalog starts without building it.
 */
export type IndexData = {
  readonly count: number
  /** Per record: the length of its primary name (capped at 1023). */
  readonly nameLength: Uint16Array
  /** Every word, sorted; a word's position is its id in the postings. */
  readonly vocabulary: ReadonlyArray<string>
  readonly postStart: Uint32Array
  readonly postDocs: Int32Array
  readonly postMasks: Uint8Array
  /** Compact keys by id; `keyStart` etc. hold their entries, `nameKeyIds` the name keys in text order. */
  readonly keyTexts: ReadonlyArray<string>
  /** The hash table of the key texts (StringTable `slots`), so that loading does not hash them again. */
  readonly keySlots: Int32Array
  readonly keyStart: Uint32Array
  readonly keyDocs: Int32Array
  readonly keyMasks: Uint8Array
  readonly keyHashes: Int32Array
  readonly keyBoundaries: Int32Array
  readonly nameKeyIds: Int32Array
  /** Deletion neighbourhoods of name and brand words: sorted (hash * 2^21 + word). */
  readonly typoIndex: Float64Array
  /** The postings again by record. */
  readonly docStart: Uint32Array
  readonly docWords: Int32Array
  readonly docMasks: Uint8Array
}

/** Builds the index's arrays; `fieldsOf` is called once per item, in order (an item's position is its record number). */
export function buildIndexData<T>(items: ReadonlyArray<T>, fieldsOf: (item: T) => ReadonlyArray<SearchField>): IndexData {
  const count = items.length
  const { nameLength, words: wordTable, postWord, postDoc, postMask, keys: keyTable, keyWord, keyDoc, keyMask, keyHash, keyBounds } = collect(items, fieldsOf)

  // The vocabulary sorted, so that the words with a prefix are one range.
  const vocabulary = wordTable.texts.slice().sort()
  const rankOf = new Int32Array(vocabulary.length)
  for (let rank = 0; rank < vocabulary.length; rank += 1) rankOf[wordTable.find(vocabulary[rank]!)] = rank
  const postRows = rows(postWord, vocabulary.length, rankOf)
  const postStart = postRows.start
  const postDocs = permuted(Int32Array, postDoc, postRows.at)
  const postMasks = permuted(Uint8Array, postMask, postRows.at)

  // Keys by id (exact look-ups go through the key table); only name keys are sorted, for prefixes.
  const keyTexts = keyTable.texts
  const keyRows = rows(keyWord, keyTexts.length, null)
  const keyStart = keyRows.start
  const keyDocs = permuted(Int32Array, keyDoc, keyRows.at)
  const keyMasks = permuted(Uint8Array, keyMask, keyRows.at)
  const keyHashes = permuted(Int32Array, keyHash, keyRows.at)
  const keyBoundaries = permuted(Int32Array, keyBounds, keyRows.at)
  const isNameKey = new Uint8Array(keyTexts.length)
  for (let i = 0; i < keyWord.length; i += 1) if (keyMask.data[i] === NAME) isNameKey[keyWord.data[i]!] = 1
  const nameKeyTexts: string[] = []
  for (let id = 0; id < keyTexts.length; id += 1) if (isNameKey[id] === 1) nameKeyTexts.push(keyTexts[id]!)
  nameKeyTexts.sort()
  const nameKeyIds = new Int32Array(nameKeyTexts.length)
  for (let k = 0; k < nameKeyTexts.length; k += 1) nameKeyIds[k] = keyTable.find(nameKeyTexts[k]!)

  // Deletion neighbourhoods of name and brand words, for one typo: sorted (hash * 2^21 + word).
  const variants: number[] = []
  const typoEntries: number[] = []
  for (let w = 0; w < vocabulary.length && w < TYPO_WORD_LIMIT; w += 1) {
    if (!typoEligible(vocabulary[w]!)) continue
    let kinds = 0
    for (let p = postStart[w]!; p < postStart[w + 1]! && !(kinds & (NAME | BRAND)); p += 1) kinds |= postMasks[p]!
    if (!(kinds & (NAME | BRAND))) continue
    variants.length = 0
    deletionHashes(vocabulary[w]!, variants)
    for (const hash of variants) typoEntries.push(hash * TYPO_WORD_LIMIT + w)
  }
  const typoIndex = Float64Array.from(typoEntries).sort()

  // The same postings by record (each record's words in vocabulary order), to check a few
  // candidates against a word that thousands of records hold.
  const docStart = new Uint32Array(count + 1)
  for (let p = 0; p < postDocs.length; p += 1) docStart[postDocs[p]! + 1]! += 1
  for (let doc = 0; doc < count; doc += 1) docStart[doc + 1]! += docStart[doc]!
  const docWords = new Int32Array(postDocs.length)
  const docMasks = new Uint8Array(postDocs.length)
  {
    const fill = docStart.slice(0, count)
    for (let w = 0; w < vocabulary.length; w += 1) {
      for (let p = postStart[w]!; p < postStart[w + 1]!; p += 1) {
        const at = fill[postDocs[p]!]!++
        docWords[at] = w
        docMasks[at] = postMasks[p]!
      }
    }
  }
  return { count, nameLength, vocabulary, postStart, postDocs, postMasks, keyTexts, keySlots: keyTable.slots, keyStart, keyDocs, keyMasks, keyHashes, keyBoundaries, nameKeyIds, typoIndex, docStart, docWords, docMasks }
}

/** A hit by record number: what `createDocSearcher` returns. */
export type DocHit = { readonly doc: number; readonly score: number; readonly tier: SearchTier }

/** The kinds of compact key `docsWithKey` looks up. */
export type KeyKind = 'name' | 'brand' | 'domain' | 'email'

export type DocSearcher = {
  /** The best `limit` records that are not hidden, best first, with their scores. */
  search(query: string, limit: number): DocHit[]
  /**
   * The records with a key of this kind equal to `text` compactly ("fs.com" and "fscom" are the same
   * key): candidates, to be checked against the records themselves.
   */
  docsWithKey(text: string, kind: KeyKind): number[]
  readonly count: number
}

/**
 * Highest order a record can have (`orders`): the score keeps 33 bits for it, below tier, sub-rank
 * and name length.
 */
export const MAX_ORDER = 2 ** 33 - 1

/**
 * Searches an index's arrays. `orders` gives each record its place among equals (lower first;
 * default: its record number), so that records of several indexes rank as one list; a record
 * whose `hidden` slot is non-zero is never returned (a record the user changed or deleted, in an
 * index that is not rebuilt for it). Both arrays are read at each query, so they may be changed
 * in place between queries.
 */
export function createDocSearcher(data: IndexData, options: { readonly orders?: Float64Array; readonly hidden?: Uint8Array } = {}): DocSearcher {
  const { count, nameLength, vocabulary, postStart, postDocs, postMasks, keyTexts, keyStart, keyDocs, keyMasks, keyHashes, keyBoundaries, nameKeyIds, typoIndex, docStart, docWords, docMasks } = data
  const orders = options.orders
  const hidden = options.hidden
  // A mismatched stored table (never written so by buildIndexData) falls back to hashing the keys again.
  const keyTable = StringTable.restore(keyTexts, data.keySlots) ?? StringTable.of(keyTexts)
  const nameKeyTexts = Array.from(nameKeyIds, (id) => keyTexts[id]!)
  const variants: number[] = []
  const orderOf = (doc: number) => (orders ? orders[doc]! : doc)
  const isHidden = (doc: number) => hidden !== undefined && hidden[doc] !== 0
  const wordsPerRecord = count ? postDocs.length / count : 0

  // Per-query state, one slot per record, reset lazily when a query first touches the record.
  const stamp = new Uint32Array(count)
  let currentStamp = 0
  const touched = new Int32Array(count)
  let touchedCount = 0
  const alive = new Int32Array(count) // records that matched every query word so far
  let aliveCount = 0
  const matched = new Uint32Array(count) // query words matched as a word or a word's start, any field
  const inNames = new Uint32Array(count) // ... in a name
  const notAddress = new Uint32Array(count) // ... in a name, brand, domain or e-mail address
  const whole = new Uint32Array(count) // ... as whole words, any field
  const wholeInNames = new Uint32Array(count) // ... as whole words in a name
  const typo = new Uint32Array(count) // query words matched with one typo in a name or brand
  const typoInNames = new Uint32Array(count) // ... in a name
  const flags = new Uint8Array(count) // from the compact keys
  const prefixRank = new Uint8Array(count) // name prefix: 2 whole words, 1 same word breaks, 0 neither

  const touch = (doc: number): void => {
    stamp[doc] = currentStamp
    touched[touchedCount++] = doc
    matched[doc] = 0
    inNames[doc] = 0
    notAddress[doc] = 0
    whole[doc] = 0
    wholeInNames[doc] = 0
    typo[doc] = 0
    typoInNames[doc] = 0
    flags[doc] = 0
    prefixRank[doc] = 0
  }

  /** Marks what the compact keys find; returns how many records that places in tiers 1-3. */
  const applyKeys = (normal: string): number => {
    const compact = compactOf(normal)
    const hash = hashOf(normal)
    const bounds = boundariesOf(normal)
    const length = compact.length
    const inner = length >= 31 ? 0x7fffffff : (1 << length) - 1
    let placed = 0
    const exactKey = keyTable.find(compact)
    if (exactKey >= 0) {
      for (let p = keyStart[exactKey]!, end = keyStart[exactKey + 1]!; p < end; p += 1) {
        const doc = keyDocs[p]!
        if (isHidden(doc)) continue
        if (stamp[doc] !== currentStamp) touch(doc)
        if (!flags[doc]) placed += 1
        const cls = keyMasks[p]!
        const sameWords = keyHashes[p] === hash
        if (cls === NAME) flags[doc]! |= sameWords ? EXACT_NAME | EXACT_NAME_SAME_WORDS : EXACT_NAME
        else if (cls === DOMAIN) flags[doc]! |= sameWords ? EXACT_DOMAIN | EXACT_DOMAIN_SAME_WORDS : EXACT_DOMAIN
        else flags[doc]! |= (cls === BRAND ? EXACT_BRAND : EXACT_EMAIL) | (sameWords ? EXACT_OTHER_SAME_WORDS : 0)
      }
    }
    const [from, to] = prefixRange(nameKeyTexts, compact)
    for (let k = from; k < to; k += 1) {
      const key = nameKeyIds[k]!
      if (key === exactKey) continue
      for (let p = keyStart[key]!, end = keyStart[key + 1]!; p < end; p += 1) {
        if (keyMasks[p] !== NAME) continue
        const doc = keyDocs[p]!
        if (isHidden(doc)) continue
        if (stamp[doc] !== currentStamp) touch(doc)
        if (!flags[doc]) placed += 1
        flags[doc]! |= NAME_PREFIX
        const keyBounds = keyBoundaries[p]!
        if ((keyBounds & inner) === bounds) {
          const rank = length >= 31 || (keyBounds >>> length) & 1 ? 2 : 1
          if (rank > prefixRank[doc]!) prefixRank[doc] = rank
        }
      }
    }
    return placed
  }

  type Plan = { bit: number; exact: number; from: number; to: number; typos: number[]; cost: number; short: boolean }

  const planFor = (token: QueryToken, bit: number, last: boolean): Plan => {
    const [from, prefixEnd] = prefixRange(vocabulary, token.text)
    const exact = from < prefixEnd && vocabulary[from] === token.text ? from : -1
    // A single letter before the last word is an initial ("S.r.l.", "e.V."): whole words only.
    const to = last || token.text.length > 1 ? prefixEnd : exact < 0 ? from : from + 1
    let cost = postStart[to]! - postStart[from]!
    const typos: number[] = []
    if (token.typo) {
      variants.length = 0
      deletionHashes(token.text, variants)
      for (const hash of variants) {
        const low = hash * TYPO_WORD_LIMIT
        for (let i = lowerBoundNumber(typoIndex, low); i < typoIndex.length && typoIndex[i]! < low + TYPO_WORD_LIMIT; i += 1) {
          const w = typoIndex[i]! - low
          if (w !== exact && !typos.includes(w) && withinOneEdit(token.text, vocabulary[w]!)) {
            typos.push(w)
            cost += postStart[w + 1]! - postStart[w]!
          }
        }
      }
    }
    return { bit, exact, from, to, typos, cost, short: token.text.length < minPrefixOutsideNames }
  }

  const mark = (doc: number, mask: number, bit: number, isWhole: boolean): void => {
    matched[doc]! |= bit
    if (mask & NAME) inNames[doc]! |= bit
    if (mask & NOT_ADDRESS) notAddress[doc]! |= bit
    if (isWhole) {
      whole[doc]! |= bit
      if (mask & NAME) wholeInNames[doc]! |= bit
    }
  }

  const markTypo = (doc: number, mask: number, bit: number): void => {
    typo[doc]! |= bit
    if (mask & NAME) typoInNames[doc]! |= bit
  }

  /** Marks the records that match one query word, from its postings; only the first word may add records. */
  const apply = (plan: Plan, create: boolean): void => {
    const { bit } = plan
    for (let w = plan.from; w < plan.to; w += 1) {
      const isWhole = w === plan.exact
      // A short prefix counts in names, brands and domains only.
      const allowed = isWhole || !plan.short ? 0xff : NAME | BRAND | DOMAIN
      for (let p = postStart[w]!, end = postStart[w + 1]!; p < end; p += 1) {
        const mask = postMasks[p]! & allowed
        if (mask === 0) continue
        const doc = postDocs[p]!
        if (stamp[doc] !== currentStamp) {
          if (!create) continue
          touch(doc)
        }
        mark(doc, mask, bit, isWhole)
      }
    }
    for (const w of plan.typos) {
      for (let p = postStart[w]!, end = postStart[w + 1]!; p < end; p += 1) {
        const mask = postMasks[p]!
        if (!(mask & (NAME | BRAND))) continue
        const doc = postDocs[p]!
        if (stamp[doc] !== currentStamp) {
          if (!create) continue
          touch(doc)
        }
        markTypo(doc, mask, bit)
      }
    }
  }

  /** The same for the records still alive, from their own word lists: cheaper when they are few. */
  const applyToAlive = (plan: Plan): void => {
    const { bit, from, to } = plan
    const shortMask = plan.short ? NAME | BRAND | DOMAIN : 0xff
    for (let k = 0; k < aliveCount; k += 1) {
      const doc = alive[k]!
      for (let p = docStart[doc]!, end = docStart[doc + 1]!; p < end; p += 1) {
        const w = docWords[p]!
        if (w >= from && w < to) {
          const isWhole = w === plan.exact
          const mask = docMasks[p]! & (isWhole ? 0xff : shortMask)
          if (mask !== 0) mark(doc, mask, bit, isWhole)
        } else if (plan.typos.length > 0 && docMasks[p]! & (NAME | BRAND) && plan.typos.includes(w)) markTypo(doc, docMasks[p]!, bit)
      }
    }
  }

  /** Keeps the alive records that matched `bit`. */
  const narrow = (bit: number): void => {
    let kept = 0
    for (let k = 0; k < aliveCount; k += 1) {
      const doc = alive[k]!
      if ((matched[doc]! | typo[doc]!) & bit) alive[kept++] = doc
    }
    aliveCount = kept
  }

  /** Tier * 64 + sub-rank, or 0 when the record does not match. */
  const rate = (doc: number, all: number): number => {
    const f = flags[doc]!
    if (f & (EXACT_NAME | EXACT_DOMAIN)) {
      return TIER_EXACT * 64 + (f & EXACT_NAME_SAME_WORDS ? 8 : 0) + (f & EXACT_DOMAIN_SAME_WORDS ? 4 : 0) + (f & EXACT_NAME ? 2 : 0) + (f & EXACT_DOMAIN ? 1 : 0)
    }
    if (f & (EXACT_BRAND | EXACT_EMAIL)) return TIER_EXACT_BRAND * 64 + (f & EXACT_OTHER_SAME_WORDS ? 2 : 0) + (f & EXACT_BRAND ? 1 : 0)
    if (f & NAME_PREFIX) return TIER_NAME_PREFIX * 64 + prefixRank[doc]!
    const m = matched[doc]!
    if (inNames[doc] === all) return TIER_NAME_WORDS * 64 + bitCount(wholeInNames[doc]!)
    if (notAddress[doc] === all) return TIER_OTHER * 64 + bitCount(whole[doc]!)
    if (m === all) return TIER_ADDRESS * 64 + bitCount(whole[doc]!)
    if ((m | typo[doc]!) === all) return TIER_TYPO * 64 + bitCount(inNames[doc]! | typoInNames[doc]!) + bitCount(m)
    return 0
  }

  const search = (rawQuery: string, limit: number): DocHit[] => {
    const wanted = Math.floor(limit)
    if (!(wanted > 0)) return []
    const normal = normalizeForSearch(looksLikeUrl(rawQuery) ? cleanDomain(rawQuery) : rawQuery)
    if (!normal) {
      // The first records in order; with `orders`, the lowest orders among the shown records.
      const first = new TopK(wanted)
      for (let doc = 0; doc < count; doc += 1) if (!isHidden(doc)) first.offer(MAX_ORDER - orderOf(doc), doc)
      return first.sorted().map(([score, doc]) => ({ doc, score, tier: 'all' as const }))
    }

    const queryTokens: QueryToken[] = []
    for (const word of normal.split(' ')) queryTokensOf(word, queryTokens)
    const unique = queryTokens.filter((t, i) => queryTokens.findIndex((u) => u.text === t.text) === i).slice(0, maxQueryTokens)
    const all = 2 ** unique.length - 1

    currentStamp = currentStamp === 0xffffffff ? 1 : currentStamp + 1
    if (currentStamp === 1) stamp.fill(0)
    touchedCount = 0

    // When names, domains, brands and e-mail addresses starting with the query already fill the
    // list, no record found only by its words could rank among them.
    if (applyKeys(normal) < wanted) {
      // The rarest word first: it decides the candidates, the others only narrow them.
      const lastToken = queryTokens[queryTokens.length - 1]!.text
      const plans = unique.map((token, i) => planFor(token, 2 ** i, token.text === lastToken)).sort((a, b) => a.cost - b.cost)
      plans.forEach((plan, i) => {
        if (i === 0) {
          apply(plan, true)
          aliveCount = 0
          for (let k = 0; k < touchedCount; k += 1) alive[aliveCount++] = touched[k]!
        } else if (aliveCount * wordsPerRecord < plan.cost) applyToAlive(plan)
        else apply(plan, false)
        narrow(plan.bit)
      })
    }

    const top = new TopK(wanted)
    for (let i = 0; i < touchedCount; i += 1) {
      const doc = touched[i]!
      if (isHidden(doc)) continue
      const rank = rate(doc, all)
      if (rank === 0) continue
      top.offer(Math.floor(rank / 64) * TIER_UNIT + Math.min(rank % 64, 63) * SUB_UNIT + (MAX_LENGTH - nameLength[doc]!) * LENGTH_UNIT + (MAX_ORDER - Math.min(orderOf(doc), MAX_ORDER)), doc)
    }
    return top.sorted().map(([score, doc]) => ({ doc, score, tier: tierNames[Math.floor(score / TIER_UNIT)]! }))
  }

  const kindBits: Record<KeyKind, number> = { name: NAME, brand: BRAND, domain: DOMAIN, email: EMAIL }
  const docsWithKey = (text: string, kind: KeyKind): number[] => {
    const key = keyTable.find(compactOf(normalizeForSearch(kind === 'domain' ? cleanDomain(text) : text)))
    if (key < 0) return []
    const found: number[] = []
    for (let p = keyStart[key]!, end = keyStart[key + 1]!; p < end; p += 1) {
      if (keyMasks[p] === kindBits[kind] && !found.includes(keyDocs[p]!)) found.push(keyDocs[p]!)
    }
    return found
  }

  return { count, search, docsWithKey }
}

/**
 * Builds the index; `fieldsOf` is called once per item. Items are kept by reference and returned
 * as they are; the index keeps no copy of their text beyond its vocabulary and compact keys.
 */
export function createSearchIndex<T>(items: ReadonlyArray<T>, fieldsOf: (item: T) => ReadonlyArray<SearchField>): SearchIndex<T> {
  const searcher = createDocSearcher(buildIndexData(items, fieldsOf))
  const searchWithScores = (query: string, limit: number): SearchHit<T>[] => searcher.search(query, limit).map((hit) => ({ item: items[hit.doc]!, score: hit.score, tier: hit.tier }))
  return {
    size: items.length,
    search: (query, limit) => searcher.search(query, limit).map((hit) => items[hit.doc]!),
    searchWithScores,
  }
}


function lowerBoundNumber(sorted: Float64Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

/** The k highest scores seen, kept in a min-heap. */
class TopK {
  private readonly scores: Float64Array
  private readonly docs: Int32Array
  private size = 0
  constructor(private readonly k: number) {
    this.scores = new Float64Array(k)
    this.docs = new Int32Array(k)
  }
  offer(score: number, doc: number): void {
    const { scores, docs } = this
    if (this.size < this.k) {
      let i = this.size++
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (scores[parent]! <= score) break
        scores[i] = scores[parent]!
        docs[i] = docs[parent]!
        i = parent
      }
      scores[i] = score
      docs[i] = doc
      return
    }
    if (score <= scores[0]!) return
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= this.size) break
      const right = left + 1
      const child = right < this.size && scores[right]! < scores[left]! ? right : left
      if (scores[child]! >= score) break
      scores[i] = scores[child]!
      docs[i] = docs[child]!
      i = child
    }
    scores[i] = score
    docs[i] = doc
  }
  sorted(): Array<[number, number]> {
    const out: Array<[number, number]> = []
    for (let i = 0; i < this.size; i += 1) out.push([this.scores[i]!, this.docs[i]!])
    return out.sort((a, b) => b[0] - a[0])
  }
}
