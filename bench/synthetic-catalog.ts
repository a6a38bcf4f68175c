/**
 * A synthetic catalog of invented companies for the benchmarks at 100,000 records, made so that a
 * query written for one real company stays about as specific among them as it would be in the
 * real world. Method (seeded: the same seed gives the same records on any machine):
 * - names: each synthetic company gets its own brand word, invented by a syllable generator
 *   (onset + vowel + optional coda, two or three syllables), distinct from every other brand word
 *   and from every word of the real records' names; the name is shaped as names are (the brand
 *   with its country's legal form, with a trade word of that country's language before or after
 *   it, two invented words, or the brand alone with the legal form in its legal name); one in ten
 *   has a second invented brand;
 * - countries in about the proportions of the real records (Germany first, then the US, the UK,
 *   France, …), each with its own legal forms, street shapes ("Varnestraße 12", "12 Varne Road",
 *   "12 rue de Varne", "Via Varne 12", "ul. Varneska 12", …), postcode format, cities, phone
 *   prefix, top-level domain and privacy mailbox names;
 * - streets: a pool per country of invented street stems (several companies share a street, as
 *   they do) and, for one address in six, a street name that is common in that country
 *   ("Hauptstraße", "High Street", "Main Street"), at house numbers 1-250;
 * - domains from the brand (with the trade word, hyphenated or not, sometimes), in the country's
 *   top-level domain or .com, unique across the catalog; the e-mail address at that domain;
 * - provenance, sources, requirements and categories are those of a real record drawn at random,
 *   so the records are shaped and validated like the real ones.
 */
import type { Company, PostalAddress } from '../electron/core/catalog/schema'
import { normalizeForSearch } from '../electron/core/catalog/search'
import { slugOf } from '../electron/core/catalog/slug'
import { seeded, pick } from '../test/helpers/seeded'

type CountryStyle = {
  readonly code: string
  /** Share of the synthetic records (the real records' proportions, roughly). */
  readonly weight: number
  readonly legalForms: ReadonlyArray<string>
  /** Words of trade in the country's language, as names hold them ("Logistik", "Consulting"). */
  readonly trades: ReadonlyArray<string>
  readonly commonStreets: ReadonlyArray<string>
  /** Whether the house number comes before the street ("12 High Street"). */
  readonly numberFirst: boolean
  /** A street line from an invented stem (capitalised) and a house number. */
  street(stem: string, number: number, random: () => number): string
  /** The postcode-and-city line. */
  town(random: () => number): { line: string; region: string | null }
  readonly tld: string
  readonly mailboxes: ReadonlyArray<string>
  readonly phone: string
}

const digits = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('')
const letters = (random: () => number, n: number) => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPRSTUVWXYZ'[Math.floor(random() * 23)]).join('')
const oneOf = <T,>(random: () => number, list: ReadonlyArray<T>): T => pick(random, list)

const germanStreet = (suffixes: ReadonlyArray<string>) => (stem: string, n: number, random: () => number) => {
  const suffix = oneOf(random, suffixes)
  return `${stem}${suffix} ${n}${random() < 0.08 ? oneOf(random, ['a', 'b', 'c']) : ''}`
}

const styles: ReadonlyArray<CountryStyle> = [
  {
    code: 'DE',
    numberFirst: false,
    weight: 30,
    legalForms: ['GmbH', 'GmbH', 'GmbH', 'AG', 'GmbH & Co. KG', 'UG (haftungsbeschränkt)', 'e.K.', 'SE', 'KG'],
    trades: ['Logistik', 'Software', 'Versicherung', 'Immobilien', 'Handel', 'Medien', 'Reisen', 'Energie', 'Bau', 'Technik', 'Versand', 'Finanz', 'Verlag', 'Consulting', 'Autohaus', 'Apotheke', 'Elektro', 'Möbel', 'Mode', 'Gesundheit'],
    commonStreets: ['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Gartenstraße', 'Dorfstraße', 'Bergstraße', 'Lindenstraße', 'Kirchstraße', 'Goethestraße', 'Schillerstraße', 'Industriestraße', 'Am Markt'],
    street: germanStreet(['straße', 'straße', 'str.', 'weg', 'allee', 'ring', 'platz', 'damm']),
    town: (random) => ({ line: `${digits(random, 5)} ${oneOf(random, ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart', 'Düsseldorf', 'Leipzig', 'Dortmund', 'Essen', 'Bremen', 'Dresden', 'Hannover', 'Nürnberg', 'Bonn', 'Mannheim', 'Karlsruhe', 'Münster', 'Augsburg', 'Freiburg im Breisgau', 'Kiel', 'Rostock', 'Mainz', 'Erfurt', 'Potsdam'])}`, region: null }),
    tld: 'de',
    mailboxes: ['datenschutz', 'datenschutz', 'datenschutzbeauftragter', 'dsb', 'privacy', 'info'],
    phone: '+49',
  },
  {
    code: 'US',
    numberFirst: true,
    weight: 14,
    legalForms: ['Inc.', 'Inc.', 'LLC', 'LLC', 'Corp.', 'Corporation', 'Co.'],
    trades: ['Labs', 'Health', 'Analytics', 'Media', 'Systems', 'Networks', 'Capital', 'Insurance', 'Motors', 'Foods', 'Apparel', 'Learning', 'Data', 'Cloud', 'Security'],
    commonStreets: ['Main Street', 'Market Street', 'Broadway', 'Park Avenue', 'Oak Street', 'Washington Street', 'Mission Street', 'Elm Street'],
    street: (stem, n, random) => `${n * (1 + Math.floor(random() * 20))} ${stem} ${oneOf(random, ['Street', 'Street', 'Avenue', 'Boulevard', 'Drive', 'Road', 'Way', 'Lane', 'St', 'Ave'])}${random() < 0.3 ? `, Suite ${100 + Math.floor(random() * 900)}` : ''}`,
    town: (random) => {
      const [city, state] = oneOf(random, [['New York', 'NY'], ['San Francisco', 'CA'], ['Los Angeles', 'CA'], ['Seattle', 'WA'], ['Austin', 'TX'], ['Chicago', 'IL'], ['Boston', 'MA'], ['Denver', 'CO'], ['Atlanta', 'GA'], ['Miami', 'FL'], ['Wilmington', 'DE'], ['Portland', 'OR']] as const)
      return { line: `${city}, ${state} ${digits(random, 5)}`, region: state }
    },
    tld: 'com',
    mailboxes: ['privacy', 'privacy', 'legal', 'dataprivacy', 'support'],
    phone: '+1',
  },
  {
    code: 'GB',
    numberFirst: true,
    weight: 12,
    legalForms: ['Ltd', 'Ltd', 'Limited', 'Limited', 'plc', 'LLP'],
    trades: ['Holdings', 'Retail', 'Insurance', 'Estates', 'Travel', 'Recruitment', 'Publishing', 'Energy', 'Telecom', 'Finance', 'Lettings', 'Brewery'],
    commonStreets: ['High Street', 'Station Road', 'Church Street', 'Victoria Road', 'Park Road', 'London Road', 'Queen Street', 'King Street'],
    street: (stem, n, random) => `${n} ${stem} ${oneOf(random, ['Road', 'Road', 'Street', 'Lane', 'Place', 'Square', 'Gardens', 'Court', 'Row', 'Way'])}`,
    town: (random) => ({ line: `${oneOf(random, ['London', 'London', 'Manchester', 'Birmingham', 'Leeds', 'Bristol', 'Edinburgh', 'Glasgow', 'Cardiff', 'Reading', 'Cambridge', 'Oxford', 'Brighton', 'Belfast'])} ${letters(random, 1 + Math.floor(random() * 2))}${1 + Math.floor(random() * 20)} ${digits(random, 1)}${letters(random, 2)}`, region: null }),
    tld: 'co.uk',
    mailboxes: ['privacy', 'dpo', 'dataprotection', 'gdpr', 'info'],
    phone: '+44',
  },
  {
    code: 'FR',
    numberFirst: true,
    weight: 8,
    legalForms: ['SAS', 'SAS', 'SARL', 'SA', 'SASU', 'EURL'],
    trades: ['Conseil', 'Immobilier', 'Assurances', 'Voyages', 'Informatique', 'Distribution', 'Transports', 'Éditions', 'Santé', 'Finance'],
    commonStreets: ['rue de la République', 'rue Victor Hugo', 'avenue Jean Jaurès', 'rue de la Gare', 'place de l’Église', 'rue Pasteur'],
    street: (stem, n, random) => `${n}${random() < 0.1 ? ' bis' : ''}, ${oneOf(random, ['rue', 'rue', 'avenue', 'boulevard', 'allée', 'place', 'chemin'])} ${oneOf(random, ['de ', 'du ', 'des ', ''])}${stem}`,
    town: (random) => ({ line: `${digits(random, 5)} ${oneOf(random, ['Paris', 'Paris', 'Lyon', 'Marseille', 'Toulouse', 'Lille', 'Bordeaux', 'Nantes', 'Strasbourg', 'Montpellier', 'Rennes', 'Nice'])}`, region: null }),
    tld: 'fr',
    mailboxes: ['dpo', 'rgpd', 'donneespersonnelles', 'privacy', 'contact'],
    phone: '+33',
  },
  {
    code: 'NL',
    numberFirst: false,
    weight: 6,
    legalForms: ['B.V.', 'B.V.', 'N.V.', 'V.O.F.'],
    trades: ['Groep', 'Techniek', 'Verzekeringen', 'Reizen', 'Media', 'Bouw', 'Zorg', 'Logistiek'],
    commonStreets: ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenweg', 'Schoolstraat', 'Marktplein'],
    street: (stem, n, random) => `${stem}${oneOf(random, ['straat', 'straat', 'weg', 'laan', 'plein', 'gracht', 'kade'])} ${n}`,
    town: (random) => ({ line: `${digits(random, 4)} ${letters(random, 2)} ${oneOf(random, ['Amsterdam', 'Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven', 'Groningen', 'Haarlem', 'Leiden'])}`, region: null }),
    tld: 'nl',
    mailboxes: ['privacy', 'privacy', 'avg', 'fg', 'info'],
    phone: '+31',
  },
  {
    code: 'AT',
    numberFirst: false,
    weight: 4,
    legalForms: ['GmbH', 'GmbH', 'AG', 'OG', 'KG', 'e.U.'],
    trades: ['Handel', 'Versicherung', 'Reisen', 'Bau', 'Medien', 'Technik', 'Gastronomie', 'Immobilien'],
    commonStreets: ['Hauptplatz', 'Hauptstraße', 'Bahnhofstraße', 'Kirchengasse', 'Mariahilfer Straße'],
    street: germanStreet(['gasse', 'gasse', 'straße', 'weg', 'platz', 'ring', 'zeile']),
    town: (random) => ({ line: `${digits(random, 4)} ${oneOf(random, ['Wien', 'Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck', 'Klagenfurt', 'Villach', 'Wels'])}`, region: null }),
    tld: 'at',
    mailboxes: ['datenschutz', 'datenschutz', 'office', 'privacy'],
    phone: '+43',
  },
  {
    code: 'CH',
    numberFirst: false,
    weight: 3,
    legalForms: ['AG', 'AG', 'GmbH', 'SA', 'Sàrl'],
    trades: ['Treuhand', 'Versicherungen', 'Informatik', 'Reisen', 'Handel', 'Bau'],
    commonStreets: ['Bahnhofstrasse', 'Hauptstrasse', 'Dorfstrasse', 'Kirchweg', 'Industriestrasse'],
    street: germanStreet(['strasse', 'strasse', 'weg', 'gasse', 'platz', 'rain']),
    town: (random) => ({ line: `${digits(random, 4)} ${oneOf(random, ['Zürich', 'Zürich', 'Basel', 'Bern', 'Genève', 'Lausanne', 'Luzern', 'St. Gallen', 'Zug', 'Winterthur'])}`, region: null }),
    tld: 'ch',
    mailboxes: ['datenschutz', 'privacy', 'info'],
    phone: '+41',
  },
  {
    code: 'IE',
    numberFirst: true,
    weight: 3,
    legalForms: ['Limited', 'Limited', 'DAC', 'Ltd', 'plc', 'Unlimited Company'],
    trades: ['Holdings', 'Technologies', 'Insurance', 'Pharma', 'Foods', 'Energy'],
    commonStreets: ['Main Street', 'Church Street', 'Bridge Street', 'Patrick Street', 'O’Connell Street'],
    street: (stem, n, random) => `${n} ${stem} ${oneOf(random, ['Street', 'Road', 'Quay', 'Square', 'Place', 'Avenue'])}`,
    town: (random) => ({ line: `${oneOf(random, ['Dublin 2', 'Dublin 4', 'Dublin 1', 'Cork', 'Galway', 'Limerick'])}, ${letters(random, 1)}${digits(random, 2)} ${letters(random, 1)}${digits(random, 3)}`, region: null }),
    tld: 'ie',
    mailboxes: ['privacy', 'dpo', 'dataprotection'],
    phone: '+353',
  },
  {
    code: 'ES',
    numberFirst: false,
    weight: 4,
    legalForms: ['S.L.', 'S.L.', 'S.A.', 'S.L.U.', 'S.A.U.'],
    trades: ['Seguros', 'Viajes', 'Inmobiliaria', 'Consultores', 'Distribuciones', 'Construcciones', 'Energía'],
    commonStreets: ['Calle Mayor', 'Calle Real', 'Plaza Mayor', 'Avenida de la Constitución', 'Calle de Alcalá'],
    street: (stem, n, random) => `${oneOf(random, ['Calle', 'Calle', 'Avenida', 'Paseo', 'Plaza', 'Camino'])} ${oneOf(random, ['de ', 'del ', ''])}${stem}, ${n}`,
    town: (random) => ({ line: `${digits(random, 5)} ${oneOf(random, ['Madrid', 'Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao', 'Málaga', 'Zaragoza'])}`, region: null }),
    tld: 'es',
    mailboxes: ['privacidad', 'dpo', 'lopd', 'protecciondedatos'],
    phone: '+34',
  },
  {
    code: 'IT',
    numberFirst: false,
    weight: 4,
    legalForms: ['S.r.l.', 'S.r.l.', 'S.p.A.', 'S.a.s.', 'S.n.c.'],
    trades: ['Assicurazioni', 'Viaggi', 'Immobiliare', 'Consulenze', 'Trasporti', 'Editrice', 'Costruzioni', 'Alimentari'],
    commonStreets: ['Via Roma', 'Via Garibaldi', 'Via Mazzini', 'Corso Italia', 'Piazza Duomo', 'Via Dante'],
    street: (stem, n, random) => `${oneOf(random, ['Via', 'Via', 'Viale', 'Corso', 'Piazza', 'Largo'])} ${stem} ${n}`,
    town: (random) => ({ line: `${digits(random, 5)} ${oneOf(random, ['Milano', 'Milano', 'Roma', 'Torino', 'Napoli', 'Bologna', 'Firenze', 'Genova', 'Verona', 'Padova'])}`, region: null }),
    tld: 'it',
    mailboxes: ['privacy', 'privacy', 'dpo', 'info'],
    phone: '+39',
  },
  {
    code: 'SE',
    numberFirst: false,
    weight: 3,
    legalForms: ['AB', 'AB', 'AB (publ)', 'HB'],
    trades: ['Bygg', 'Försäkring', 'Resor', 'Media', 'Teknik', 'Fastigheter', 'Handel'],
    commonStreets: ['Storgatan', 'Drottninggatan', 'Kungsgatan', 'Järnvägsgatan', 'Skolgatan'],
    street: (stem, n, random) => `${stem}${oneOf(random, ['gatan', 'gatan', 'vägen', 'torget', 'gränd', 'backen'])} ${n}`,
    town: (random) => ({ line: `${digits(random, 3)} ${digits(random, 2)} ${oneOf(random, ['Stockholm', 'Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Lund', 'Umeå', 'Västerås'])}`, region: null }),
    tld: 'se',
    mailboxes: ['dataskydd', 'gdpr', 'privacy', 'info'],
    phone: '+46',
  },
  {
    code: 'BE',
    numberFirst: false,
    weight: 3,
    legalForms: ['BV', 'NV', 'SRL', 'SA', 'BVBA'],
    trades: ['Groep', 'Assurances', 'Immo', 'Consult', 'Transport', 'Media'],
    commonStreets: ['Kerkstraat', 'Stationsstraat', 'Rue de la Station', 'Grand-Place', 'Rue de l’Église'],
    street: (stem, n, random) => (random() < 0.5 ? `${stem}${oneOf(random, ['straat', 'laan', 'steenweg'])} ${n}` : `${oneOf(random, ['Rue', 'Avenue', 'Chaussée', 'Boulevard'])} ${oneOf(random, ['de ', 'du ', ''])}${stem} ${n}`),
    town: (random) => ({ line: `${digits(random, 4)} ${oneOf(random, ['Bruxelles', 'Brussel', 'Antwerpen', 'Gent', 'Liège', 'Leuven', 'Namur', 'Brugge'])}`, region: null }),
    tld: 'be',
    mailboxes: ['privacy', 'dpo', 'gdpr', 'info'],
    phone: '+32',
  },
  {
    code: 'PL',
    numberFirst: false,
    weight: 3,
    legalForms: ['sp. z o.o.', 'sp. z o.o.', 'S.A.', 'sp.k.', 'sp.j.'],
    trades: ['Polska', 'Logistyka', 'Ubezpieczenia', 'Budownictwo', 'Media', 'Handel', 'Technologie'],
    commonStreets: ['ul. Polna', 'ul. Lipowa', 'ul. Ogrodowa', 'ul. Długa', 'ul. Kościuszki', 'ul. Mickiewicza'],
    street: (stem, n, random) => `${oneOf(random, ['ul.', 'ul.', 'al.', 'pl.'])} ${stem}${oneOf(random, ['ska', 'owa', 'na', 'ewska'])} ${n}${random() < 0.3 ? `/${1 + Math.floor(random() * 40)}` : ''}`,
    town: (random) => ({ line: `${digits(random, 2)}-${digits(random, 3)} ${oneOf(random, ['Warszawa', 'Warszawa', 'Kraków', 'Wrocław', 'Poznań', 'Gdańsk', 'Łódź', 'Katowice'])}`, region: null }),
    tld: 'pl',
    mailboxes: ['iod', 'iod', 'rodo', 'daneosobowe', 'kontakt'],
    phone: '+48',
  },
  {
    code: 'DK',
    numberFirst: false,
    weight: 2,
    legalForms: ['ApS', 'ApS', 'A/S', 'I/S'],
    trades: ['Gruppen', 'Forsikring', 'Rejser', 'Byg', 'Medier', 'Teknik'],
    commonStreets: ['Vestergade', 'Østergade', 'Nørregade', 'Søndergade', 'Strandvejen'],
    street: (stem, n, random) => `${stem}${oneOf(random, ['vej', 'vej', 'gade', 'allé', 'stræde', 'plads'])} ${n}`,
    town: (random) => ({ line: `${digits(random, 4)} ${oneOf(random, ['København K', 'København Ø', 'Aarhus C', 'Odense C', 'Aalborg', 'Esbjerg'])}`, region: null }),
    tld: 'dk',
    mailboxes: ['persondata', 'gdpr', 'privacy', 'info'],
    phone: '+45',
  },
  {
    code: 'FI',
    numberFirst: false,
    weight: 2,
    legalForms: ['Oy', 'Oy', 'Oyj', 'Ab'],
    trades: ['Rakennus', 'Vakuutus', 'Matkat', 'Media', 'Tekniikka', 'Kiinteistöt'],
    commonStreets: ['Mannerheimintie', 'Hämeenkatu', 'Aleksanterinkatu', 'Kauppakatu', 'Rautatienkatu'],
    street: (stem, n, random) => `${stem}${oneOf(random, ['inkatu', 'ntie', 'nkuja', 'polku', 'nranta'])} ${n}${random() < 0.2 ? ` ${oneOf(random, ['A', 'B', 'C'])}` : ''}`,
    town: (random) => ({ line: `${digits(random, 5)} ${oneOf(random, ['Helsinki', 'Helsinki', 'Espoo', 'Tampere', 'Turku', 'Oulu', 'Vantaa'])}`, region: null }),
    tld: 'fi',
    mailboxes: ['tietosuoja', 'privacy', 'gdpr'],
    phone: '+358',
  },
]

const onsets = ['b', 'br', 'bl', 'c', 'ch', 'cr', 'd', 'dr', 'f', 'fl', 'fr', 'g', 'gl', 'gr', 'h', 'j', 'k', 'kl', 'kr', 'l', 'm', 'n', 'p', 'pl', 'pr', 'qu', 'r', 's', 'sc', 'sh', 'sk', 'sl', 'sp', 'st', 't', 'th', 'tr', 'v', 'w', 'z', '', '']
const vowels = ['a', 'a', 'e', 'e', 'i', 'i', 'o', 'o', 'u', 'y', 'ai', 'ea', 'io', 'ou', 'au', 'ei']
const innerCodas = ['', '', '', '', '', 'n', 'r', 'l', 's', 'm']
const finalCodas = ['', '', 'n', 'n', 'r', 'r', 'l', 's', 'x', 'm', 'nt', 'rk', 'st', 'ck', 'nd', 'ss', 'ft', 'lt', 'ta', 'co', 'ix', 'on', 'ex', 'ia']

/** One invented word: two or (unless `most` is 2) three syllables (a consonant cluster only at its end), 4 to 11 letters, capitalised. */
function inventWord(random: () => number, most = 3): string {
  for (;;) {
    const syllables = most > 2 && random() >= 0.65 ? 3 : 2
    let word = ''
    for (let s = 0; s < syllables; s += 1) word += oneOf(random, onsets) + oneOf(random, vowels) + oneOf(random, s === syllables - 1 ? finalCodas : innerCodas)
    if (word.length >= 4 && word.length <= 11 && /^[a-z]+$/.test(word)) return word[0]!.toUpperCase() + word.slice(1)
  }
}

const totalWeight = styles.reduce((sum, style) => sum + style.weight, 0)
function countryOf(random: () => number): CountryStyle {
  let at = random() * totalWeight
  for (const style of styles) if ((at -= style.weight) < 0) return style
  return styles[styles.length - 1]!
}

/**
 * `total` built-in records: the real ones first, then invented companies (see the file's comment),
 * each with its own id, brand, domain and e-mail address.
 */
export function syntheticCompanies(real: ReadonlyArray<Company>, total: number, seed = 20261207): Company[] {
  const random = seeded(seed)
  const takenIds = new Set(real.map((c) => c.id))
  const takenDomains = new Set(real.flatMap((c) => c.domains.map((d) => d.toLowerCase())))
  // Every word of a real name: an invented brand is none of them.
  const takenWords = new Set(real.flatMap((c) => [c.name, ...c.legalNames, ...c.brands].flatMap((n) => normalizeForSearch(n).split(' '))))
  const brandWord = () => {
    for (;;) {
      const word = inventWord(random)
      const key = word.toLowerCase()
      if (!takenWords.has(key)) {
        takenWords.add(key)
        return word
      }
    }
  }
  // Invented street stems per country: about one street for every eight of its companies.
  const streets = new Map<string, string[]>()
  for (const style of styles) streets.set(style.code, Array.from({ length: Math.max(20, Math.ceil(((total - real.length) * style.weight) / totalWeight / 8)) }, () => inventWord(random, 2)))

  const fallbackProvenance = real.find((c) => c.identityProvenance !== null)?.identityProvenance
  if (!fallbackProvenance) throw new Error('No real record has a provenance to lend the synthetic ones.')
  const out: Company[] = [...real]
  for (let i = out.length; i < total; i += 1) {
    const base = pick(random, real)
    const provenance = base.identityProvenance ?? fallbackProvenance
    const style = countryOf(random)
    const brand = brandWord()
    const trade = oneOf(random, style.trades)
    const form = oneOf(random, style.legalForms)
    const shape = random()
    const [display, stem] =
      shape < 0.45 ? [brand, brand] : shape < 0.7 ? [`${brand} ${trade}`, `${brand} ${trade}`] : shape < 0.8 ? [`${brand} ${brandWord()}`, brand] : shape < 0.9 ? [brand, brand] : [`${trade} ${brand}`, brand]
    const legalName = `${display} ${form}`
    const name = shape >= 0.8 && shape < 0.9 ? display : legalName
    let id = slugOf(name)
    if (takenIds.has(id)) id = `${id}-${style.code.toLowerCase()}`
    for (let k = 2; takenIds.has(id); k += 1) id = `${slugOf(name)}-${k}`
    takenIds.add(id)
    const tld = random() < 0.7 ? style.tld : 'com'
    const label = normalizeForSearch(random() < 0.3 && stem !== display ? display : stem)
      .replace(/[^a-z0-9 ]/g, '')
      .split(' ')
      .filter((w) => w.length > 0)
      .join(random() < 0.5 ? '' : '-')
    let domain = `${label}.${tld}`
    if (takenDomains.has(domain)) domain = `${label}-${style.code.toLowerCase()}.${tld}`
    for (let k = 2; takenDomains.has(domain); k += 1) domain = `${label}${k}.${tld}`
    takenDomains.add(domain)
    const houseNumber = 1 + Math.floor(random() * 250)
    const streetStem = random() < 1 / 6 ? null : oneOf(random, streets.get(style.code)!)
    const common = oneOf(random, style.commonStreets)
    const streetLine = streetStem === null ? (style.numberFirst ? `${houseNumber}${style.code === 'FR' ? ',' : ''} ${common}` : `${common} ${houseNumber}`) : style.street(streetStem, houseNumber, random)
    const town = style.town(random)
    const address: PostalAddress = { recipient: legalName, lines: [streetLine, town.line], country: style.code, region: town.region, status: 'current', provenance }
    out.push({
      ...base,
      id,
      name,
      legalNames: [legalName],
      brands: random() < 0.1 ? [brandWord()] : [],
      domains: [domain],
      website: `https://www.${domain}/`,
      emails: random() < 0.92 ? [{ address: `${oneOf(random, style.mailboxes)}@${domain}`, purpose: 'privacy', status: 'current', provenance, problem: null }] : [],
      postalAddresses: random() < 0.85 ? [address] : [],
      phones: random() < 0.5 ? [{ number: `${style.phone} ${digits(random, 2 + Math.floor(random() * 2))} ${digits(random, 6 + Math.floor(random() * 2))}`, kind: 'phone', status: 'current', provenance }] : [],
      establishment: [style.code],
      aliases: [],
      history: [],
      notes: [],
    })
  }
  return out
}
