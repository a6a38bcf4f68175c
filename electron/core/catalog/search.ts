/**
 * Catalog search: names, brands, domains, e-mail addresses and address words, ranked so that the
 * company a person means comes first for its name or domain. Small and dependency-free; the full
 * search (typo tolerance, 100,000 records) comes with the catalog work.
 */

export type FieldWeight = 'name' | 'domain' | 'email' | 'address'

export type SearchIndex<T> = {
  search(query: string, limit: number): ReadonlyArray<T>
}

/** Lower case, accents removed, anything but letters and digits turned into single spaces. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const fieldBonus: Record<FieldWeight, number> = { name: 40, domain: 35, email: 20, address: 10 }

type Entry<T> = { item: T; fields: ReadonlyArray<{ text: string; compact: string; words: string[]; weight: FieldWeight }> }

function scoreField(field: Entry<unknown>['fields'][number], query: string, compactQuery: string, queryWords: string[]): number {
  const bonus = fieldBonus[field.weight]
  if (field.text === query || field.compact === compactQuery) return 100 + bonus
  if (field.text.startsWith(query) || field.compact.startsWith(compactQuery)) return 70 + bonus
  if (queryWords.every((q) => field.words.some((w) => w.startsWith(q)))) return 50 + bonus
  if (field.compact.includes(compactQuery)) return 20 + bonus
  return 0
}

export function createSearchIndex<T>(
  items: ReadonlyArray<T>,
  fieldsOf: (item: T) => ReadonlyArray<{ text: string; weight: FieldWeight }>,
): SearchIndex<T> {
  const entries: Entry<T>[] = items.map((item) => ({
    item,
    fields: fieldsOf(item).map(({ text, weight }) => {
      const normal = normalizeForSearch(text)
      return { text: normal, compact: normal.replace(/ /g, ''), words: normal.split(' '), weight }
    }),
  }))

  return {
    search(rawQuery, limit) {
      const query = normalizeForSearch(rawQuery)
      if (!query) return entries.slice(0, limit).map((e) => e.item)
      const compactQuery = query.replace(/ /g, '')
      const queryWords = query.split(' ')
      const scored: Array<{ item: T; score: number; order: number }> = []
      entries.forEach((entry, order) => {
        let best = 0
        for (const field of entry.fields) best = Math.max(best, scoreField(field, query, compactQuery, queryWords))
        if (best > 0) scored.push({ item: entry.item, score: best, order })
      })
      scored.sort((a, b) => b.score - a.score || a.order - b.order)
      return scored.slice(0, limit).map((s) => s.item)
    },
  }
}
