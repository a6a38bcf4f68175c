// @module-tag corpus
// @module-tag property
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSearchIndex, normalizeForSearch, type SearchField } from '../../electron/core/catalog/search'
import { withinOneEdit } from '../../electron/core/catalog/search/text'
import { datarequestsDir, datarequestsFields, loadDatarequests } from '../helpers/datarequests'

type Company = { id: string; name: string; legal?: string[]; brands?: string[]; domains?: string[]; emails?: string[]; address?: string[] }

const fieldsOf = (c: Company): SearchField[] => [
  { text: c.name, weight: 'name' },
  ...(c.legal ?? []).map((text) => ({ text, weight: 'name' as const })),
  ...(c.brands ?? []).map((text) => ({ text, weight: 'brand' as const })),
  ...(c.domains ?? []).map((text) => ({ text, weight: 'domain' as const })),
  ...(c.emails ?? []).map((text) => ({ text, weight: 'email' as const })),
  ...(c.address ?? []).map((text) => ({ text, weight: 'address' as const })),
]

/** Companies that share words, prefixes and near-spellings with each other, on purpose. */
const companies: Company[] = [
  { id: 'amazonas', name: 'Amazonas Bank', domains: ['amazonasbank.com.br'], address: ['Avenida Paulista 1000', 'São Paulo'] },
  { id: 'amazon-eu', name: 'Amazon Europe Core SARL', domains: ['amazon.de'], emails: ['datenschutz@amazon.de'], address: ['38 avenue John F. Kennedy', 'L-1855 Luxembourg'] },
  { id: 'aws', name: 'Amazon Web Services', legal: ['Amazon Web Services, Inc.'], domains: ['aws.amazon.com'], emails: ['aws-privacy@amazon.com'] },
  { id: 'amazon', name: 'Amazon', legal: ['Amazon.com, Inc.'], domains: ['amazon.com'], emails: ['privacy@amazon.com'], address: ['410 Terry Ave N', 'Seattle, WA 98109'] },
  { id: 'amazing', name: 'Amazing Apps Ltd', domains: ['amazingapps.io'] },
  { id: 'cfs', name: 'CFS.COM', legal: ['CFS Computer Systems GmbH'], domains: ['cfs.com'], emails: ['info@cfs.com'] },
  {
    id: 'fs-com',
    name: 'FS.COM',
    legal: ['FS.COM INC', 'FiberStore Co., Limited'],
    brands: ['FS', 'Fiberstore'],
    domains: ['fs.com'],
    emails: ['legal@fs.com'],
    address: ['Building 7, NOVA Neufahrn Gewerbepark', 'Am Gfild 1-11', '85375 Neufahrn bei Freising'],
  },
  { id: 'fosca', name: 'Fosca Design', domains: ['fosca-design.it'] },
  { id: 'foscam', name: 'Foscam', legal: ['Shenzhen Foscam Electronic Co., Ltd'], domains: ['foscam.com'], emails: ['aftersales@foscam.com'] },
  { id: 'foscam-cn', name: '深圳福斯康电子有限公司', domains: ['foscam.cn'] },
  { id: 'b2b', name: 'B2B Solutions', domains: ['b2b-solutions.de'] },
  { id: 'b2s', name: 'b2s.com', brands: ['b2s'], domains: ['b2s.com'], emails: ['webmaster@b2s.com'], address: ['5/F, Pan Asia Centre', 'No. 137 Wai Yip Street', 'Kwun Tong, Kowloon'] },
  { id: 'bts', name: 'BTS Group', domains: ['bts.se'] },
  { id: 'mueller-de', name: 'Müller GmbH', domains: ['mueller.de'], address: ['Albstraße 92', '89081 Ulm', 'Deutschland'] },
  { id: 'muller-uk', name: 'Muller Ltd', domains: ['muller.co.uk'], address: ['Shrewsbury Road', 'Market Drayton'] },
  { id: 'deutsche-bank', name: 'Deutsche Bank AG', domains: ['db.com'], emails: ['datenschutz.db@db.com'], address: ['Taunusanlage 12', '60325 Frankfurt am Main'] },
  { id: 'telekom', name: 'Deutsche Telekom AG', brands: ['Telekom', 'T-Mobile'], domains: ['telekom.de'], address: ['Friedrich-Ebert-Allee 140', '53113 Bonn'] },
  { id: 'hochbahn', name: 'Hamburger Hochbahn AG', domains: ['hochbahn.de'], address: ['Steinstraße 20', '20095 Hamburg', 'Deutschland'] },
  { id: 'media', name: 'Media', domains: ['media.net'] },
  { id: 'medianet', name: 'Medianet', domains: ['medianet.com'] },
]

const index = createSearchIndex(companies, fieldsOf)
const ids = (query: string, limit = 20) => index.search(query, limit).map((c) => c.id)
const first = (query: string) => ids(query, 5)[0]
const tierOf = (query: string, id: string) => index.searchWithScores(query, 50).find((hit) => hit.item.id === id)?.tier

describe('catalog search: the intended company first', () => {
  it('for full names, where other companies share the words', () => {
    expect(ids('Amazon').slice(0, 4)).toEqual(['amazon', 'aws', 'amazon-eu', 'amazonas'])
    expect(tierOf('Amazon', 'amazon')).toBe('exact')
    expect(first('Amazon Web Services')).toBe('aws')
    expect(first('Amazon Europe Core SARL')).toBe('amazon-eu')
    expect(first('Amazonas Bank')).toBe('amazonas')
    expect(first('FS.COM')).toBe('fs-com')
    expect(first('CFS.COM')).toBe('cfs')
    expect(first('Deutsche Bank AG')).toBe('deutsche-bank')
    expect(first('deutsche telekom')).toBe('telekom')
    expect(first('Media')).toBe('media')
    expect(first('Medianet')).toBe('medianet')
    // A legal name is a name too.
    expect(first('FiberStore Co., Limited')).toBe('fs-com')
    expect(first('Shenzhen Foscam Electronic Co., Ltd')).toBe('foscam')
  })

  it('for domains and web addresses; "fs.com" never finds cfs.com', () => {
    expect(first('fs.com')).toBe('fs-com')
    expect(ids('fs.com')).not.toContain('cfs')
    expect(first('cfs.com')).toBe('cfs')
    expect(first('amazon.com')).toBe('amazon')
    expect(first('amazon.de')).toBe('amazon-eu')
    expect(first('aws.amazon.com')).toBe('aws')
    expect(first('https://www.fs.com/de/products/')).toBe('fs-com')
    expect(first('www.telekom.de')).toBe('telekom')
    expect(first('db.com')).toBe('deutsche-bank')
    // The domain spelled with the query's dots beats a name that only compacts to it.
    expect(ids('media.net').slice(0, 2)).toEqual(['media', 'medianet'])
  })

  it('for compact spellings of names and domains', () => {
    expect(first('fscom')).toBe('fs-com')
    expect(first('fsco')).toBe('fs-com')
    expect(first('fsc')).toBe('fs-com')
    expect(first('b2s')).toBe('b2s')
    expect(first('amazonweb')).toBe('aws')
    expect(first('deutschebank')).toBe('deutsche-bank')
  })

  it('as you type: the last word is a prefix, the words before it whole words or prefixes', () => {
    expect(first('amazon w')).toBe('aws')
    expect(first('deutsche ba')).toBe('deutsche-bank')
    expect(first('deu tel')).toBe('telekom')
    expect(first('hambu')).toBe('hochbahn')
    expect(ids('fo')).toEqual(expect.arrayContaining(['fosca', 'foscam']))
    expect(ids('amazon w')).not.toContain('amazonas')
  })
})

describe('catalog search: one typo in a name', () => {
  it('forgives a swap, a missing, an extra or a wrong letter', () => {
    expect(first('foscma')).toBe('foscam') // swap at the end
    expect(first('fsocam')).toBe('foscam') // swap inside
    expect(first('amazn')).toBe('amazon') // missing letter
    expect(first('amazoon')).toBe('amazon') // extra letter
    expect(first('teleckom')).toBe('telekom')
    expect(first('deutsche bnak')).toBe('deutsche-bank')
    expect(first('fiberstroe')).toBe('fs-com') // in a brand
    expect(tierOf('foscma', 'foscam')).toBe('typo')
  })

  it('ranks typo matches after every exact match', () => {
    // "fosca" is a prefix of Fosca Design and Foscam; typo matches would come after them.
    const hits = index.searchWithScores('amazn', 20)
    expect(hits.every((hit) => hit.tier === 'typo')).toBe(true)
    expect(ids('fosca').slice(0, 2)).toEqual(['fosca', 'foscam'])
  })

  it('allows no typo in words of 1-3 letters, nor two typos', () => {
    expect(ids('fa')).not.toContain('fs-com')
    expect(ids('fss')).toEqual([])
    expect(ids('bts')).toEqual(['bts'])
    expect(ids('b2b')).toEqual(['b2b'])
    expect(ids('bnk')).toEqual([])
    expect(ids('bamk').sort()).toEqual(['amazonas', 'deutsche-bank']) // 4 letters: one typo allowed
    expect(ids('amzn')).toEqual([]) // two edits from "amazon"
    expect(ids('fsocma')).toEqual([]) // two swaps
  })

  it('looks for typos in names and brands, not in addresses', () => {
    expect(ids('neufahrm')).toEqual([])
    expect(first('neufahrn')).toBe('fs-com')
  })
})

describe('catalog search: brands, e-mail, address words, accents, scripts', () => {
  it('finds brands', () => {
    expect(first('Fiberstore')).toBe('fs-com')
    expect(first('fibers')).toBe('fs-com')
    expect(first('T-Mobile')).toBe('telekom')
    expect(tierOf('Fiberstore', 'fs-com')).toBe('exact-brand-or-email')
  })

  it('finds e-mail addresses, whole or in parts', () => {
    expect(first('legal@fs.com')).toBe('fs-com')
    expect(tierOf('legal@fs.com', 'fs-com')).toBe('exact-brand-or-email')
    expect(first('privacy@amazon.com')).toBe('amazon')
    expect(first('aftersales')).toBe('foscam')
    expect(first('datenschutz.db@db.com')).toBe('deutsche-bank')
  })

  it('finds address words, after name matches', () => {
    expect(first('Kwun Tong')).toBe('b2s')
    expect(tierOf('Kwun Tong', 'b2s')).toBe('address')
    expect(first('Neufahrn Freising')).toBe('fs-com')
    expect(ids('Frankfurt')).toEqual(['deutsche-bank'])
    expect(ids('Deutschland').sort()).toEqual(['hochbahn', 'mueller-de'])
    // "Deutsche" names come before an address word "Deutschland" that merely starts the same.
    expect(ids('deutsch').slice(0, 2).sort()).toEqual(['deutsche-bank', 'telekom'])
    // Prefixes of 1-2 letters do not reach into addresses; from 3 letters they do.
    expect(ids('fr')).not.toContain('deutsche-bank')
    expect(ids('fra')).toContain('deutsche-bank')
  })

  it('folds accents and case', () => {
    expect(ids('müller')).toEqual(expect.arrayContaining(['mueller-de', 'muller-uk']))
    expect(ids('MULLER')).toEqual(ids('müller'))
    expect(first('Müller GmbH')).toBe('mueller-de')
    expect(first('muller gmbh')).toBe('mueller-de')
    expect(first('Sao Paulo')).toBe('amazonas')
    expect(first('albstrasse')).toBeUndefined() // ß folds to nothing else; no invention of "ss"
    expect(first('albstraße')).toBe('mueller-de')
  })

  it('finds Chinese names by any run of their characters', () => {
    expect(first('福斯康')).toBe('foscam-cn')
    expect(first('深圳')).toBe('foscam-cn')
    expect(first('福')).toBe('foscam-cn')
    expect(first('深圳福斯康电子有限公司')).toBe('foscam-cn')
    expect(tierOf('深圳福斯康电子有限公司', 'foscam-cn')).toBe('exact')
    expect(ids('康福')).toEqual([])
  })
})

describe('catalog search: empty queries, limits, order', () => {
  it('returns the first items in their order for an empty or punctuation-only query', () => {
    expect(ids('', 3)).toEqual(['amazonas', 'amazon-eu', 'aws'])
    expect(ids('  .,;  ', 3)).toEqual(['amazonas', 'amazon-eu', 'aws'])
    expect(index.searchWithScores('', 1)[0]?.tier).toBe('all')
  })

  it('honours the limit', () => {
    expect(ids('a', 2)).toHaveLength(2)
    expect(ids('a', 2)).toEqual(ids('a', 50).slice(0, 2))
    expect(ids('amazon', 0)).toEqual([])
    expect(ids('amazon', -1)).toEqual([])
    expect(ids('amazon', 2.7)).toHaveLength(2)
    expect(ids('amazon', 500).length).toBeLessThan(companies.length)
  })

  it('finds nothing for words no record holds, and needs every word', () => {
    expect(ids('no such company')).toEqual([])
    expect(ids('amazon telekom')).toEqual([])
  })

  it('keeps equal records in their original order, and scores decrease', () => {
    const twins = createSearchIndex(
      [
        { id: 'one', name: 'Twin Company' },
        { id: 'other', name: 'Other' },
        { id: 'two', name: 'Twin Company' },
      ],
      fieldsOf,
    )
    expect(twins.search('twin company', 5).map((c) => c.id)).toEqual(['one', 'two'])
    const scores = index.searchWithScores('a', 50).map((hit) => hit.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('builds an empty index', () => {
    const empty = createSearchIndex<Company>([], fieldsOf)
    expect(empty.search('anything', 10)).toEqual([])
    expect(empty.search('', 10)).toEqual([])
  })
})

describe('catalog search: text helpers', () => {
  const reference = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()

  it('normalizes exactly like the plain regular-expression version', () => {
    for (const text of ['FS.COM', 'Müller GmbH & Co. KG', 'ΟΔΟΣ ΣΑΣ', 'İstanbul', 'Ｆｕｌｌ ｗｉｄｔｈ', 'ﬁx ½', '𠀀𠀁 x', '😀a😀', '\ud800x', '深圳福斯康'])
      expect(normalizeForSearch(text), text).toBe(reference(text))
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => normalizeForSearch(text) === reference(text)), { numRuns: 2000 })
  })

  it('tells strings within one edit (Damerau-Levenshtein) apart from the others', () => {
    // Optimal string alignment distance, by the textbook table.
    const distance = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
      for (let i = 1; i <= a.length; i += 1)
        for (let j = 1; j <= b.length; j += 1) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
        }
      return d[a.length]![b.length]!
    }
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 })
    fc.assert(fc.property(word, word, (a, b) => withinOneEdit(a, b) === distance(a, b) <= 1), { numRuns: 5000 })
  })
})

const records = loadDatarequests()
if (!records) console.log(`[skip reason] ${datarequestsDir} is absent (set RIGHTFUL_DATAREQUESTS_DIR): the search is not checked on the datarequests.org records.`)

describe('catalog search on the datarequests.org records', () => {
  it.skipIf(!records)('finds every record first by its exact name (or among equally named ones), and by its domain in the top 3', () => {
    const all = records!
    const search = createSearchIndex(all, datarequestsFields)
    const name = (r: (typeof all)[number]) => normalizeForSearch(r.name)
    let nameTies = 0
    let domainTies = 0
    let domains = 0
    const failures: string[] = []
    for (const record of all) {
      const hits = search.search(record.name, 20)
      const rank = hits.indexOf(record)
      if (rank < 0 || hits.slice(0, rank).some((other) => name(other) !== name(record))) failures.push(`name "${record.name}": rank ${rank}`)
      else if (rank > 0) nameTies += 1
      if (!record.domain) continue
      domains += 1
      const byDomain = search.search(record.domain, 20)
      const at = byDomain.indexOf(record)
      if (at < 0 || (at >= 3 && byDomain.slice(0, at).some((other) => other.domain !== record.domain))) failures.push(`domain ${record.domain}: rank ${at}`)
      else if (at >= 3) domainTies += 1
    }
    console.log(
      `[datarequests] ${all.length} records: each first by its exact name (${nameTies} behind an equally named record); ` +
        `${domains} by domain in the top 3 (${domainTies} further down, behind only records with the same domain)`,
    )
    expect(failures).toEqual([])
    expect(all.length).toBeGreaterThan(3000)
  })
})
