/** HTML character references, decoded the way a browser shows them (no DOM needed). */

const named: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  shy: '', zwnj: '', zwj: '', lrm: '', rlm: '',
  copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', middot: '·', bull: '•', hellip: '…',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', deg: '°', times: '×', divide: '÷', plusmn: '±',
  euro: '€', pound: '£', yen: '¥', cent: '¢', curren: '¤', iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', euml: 'ë', iuml: 'ï', yuml: 'ÿ',
  aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', yacute: 'ý',
  Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú',
  agrave: 'à', egrave: 'è', igrave: 'ì', ograve: 'ò', ugrave: 'ù', Agrave: 'À', Egrave: 'È',
  acirc: 'â', ecirc: 'ê', icirc: 'î', ocirc: 'ô', ucirc: 'û', Acirc: 'Â', Ecirc: 'Ê',
  atilde: 'ã', otilde: 'õ', ntilde: 'ñ', Ntilde: 'Ñ', ccedil: 'ç', Ccedil: 'Ç', aring: 'å', Aring: 'Å',
  aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', oelig: 'œ', OElig: 'Œ',
}

const reference = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g

function decodeOne(body: string): string | null {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null
    // A no-break space is a space to a reader (and to the address finder).
    return code === 0xa0 ? ' ' : String.fromCodePoint(code)
  }
  return Object.hasOwn(named, body) ? named[body]! : null
}

/** A piece of decoded text and the source range it came from. */
export type DecodedPiece = { readonly text: string; readonly from: number; readonly to: number }

/**
 * Decodes character references in `source[from, to)`, returning pieces so that every character of
 * the result can be traced back to the source (a reference maps to the whole `&…;`).
 */
export function decodeEntities(source: string, from = 0, to = source.length): DecodedPiece[] {
  const pieces: DecodedPiece[] = []
  const slice = source.slice(from, to)
  let last = 0
  reference.lastIndex = 0
  for (let match = reference.exec(slice); match; match = reference.exec(slice)) {
    const decoded = decodeOne(match[1]!)
    if (decoded === null) continue
    if (match.index > last) pieces.push({ text: slice.slice(last, match.index), from: from + last, to: from + match.index })
    pieces.push({ text: decoded, from: from + match.index, to: from + match.index + match[0].length })
    last = match.index + match[0].length
  }
  if (last < slice.length) pieces.push({ text: slice.slice(last), from: from + last, to })
  return pieces
}

/** Decodes references in a short string (attribute values); positions are not kept. */
export function decodeEntitiesInString(value: string): string {
  return decodeEntities(value).map((p) => p.text).join('')
}
