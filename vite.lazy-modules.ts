/**
 * Libraries inside the PDF code that a letter never runs, whose module code still runs when the
 * bundle loads (a cold `rightful letter` pays for it): brotli's dictionary (fontkit reads WOFF2
 * fonts with it; the letter fonts are TTF), linebreak's Unicode table (pdfkit wraps text to a
 * width with it; the letters place every line themselves, see core/letters/pdf-letter.ts) and the
 * AES tables of @noble/ciphers (pdfkit encrypts documents with it; letters are not encrypted).
 *
 * And the Unicode tables that fontkit's Arabic, Indic and Universal shapers and unicode-properties
 * (character categories and scripts) decompress when their module loads: each is now built when
 * first looked up (deferTries). A Latin or Chinese letter never builds the shapers' tables; the
 * one of unicode-properties is still built once fontkit makes its first glyph (it asks whether the
 * character is a mark), only later.
 *
 * Each library is replaced, for the modules that import it, by a small CommonJS module with the same
 * exports that requires the library the first time one of them is called, so that the bundler
 * runs the library's module code only then. What each export does is unchanged (the library's own
 * function is called with the same arguments; a class is constructed as itself), and the library
 * is still in the bundle; test/build/lazy-modules.test.ts checks them against the libraries.
 */
import type { Plugin } from 'vite'

/** The id prefix of the stand-ins (a NUL first: no file has such a name). */
const prefix = '\0rightful-lazy:'

/** The stand-in's source for each library, by the specifier pdfkit and fontkit import it with. */
export const lazyStandIns: ReadonlyMap<string, string> = new Map([
  [
    'brotli/decompress.js',
    `'use strict'
module.exports = function decompress(buffer, outSize) {
  return require('brotli/decompress.js')(buffer, outSize)
}
`,
  ],
  [
    'linebreak',
    `'use strict'
module.exports = function LineBreaker(string) {
  const Real = require('linebreak')
  return new Real(string)
}
`,
  ],
  [
    '@noble/ciphers/aes',
    `'use strict'
exports.cbc = function cbc(...args) {
  return require('@noble/ciphers/aes').cbc(...args)
}
exports.ecb = function ecb(...args) {
  return require('@noble/ciphers/aes').ecb(...args)
}
`,
  ],
])

/** The modules whose Unicode tables are deferred (deferTries). */
const modulesWithTries = /[\\/]node_modules[\\/](?:fontkit|unicode-properties)[\\/]dist[\\/]module\.mjs$/

/**
 * A table built when the module loads, as their bundler wrote it: one line, `const <name> = new
 * (0, <UnicodeTrie>)(<base64 decoder>("<data>"));`.
 */
const trieLine = /^const ([\w$]+) = new \(0, ([\w$]+)\)\((\(0, [\w$]+\)(?:\.toByteArray)?\("[A-Za-z0-9+/=]*"\))\);$/gm

/**
 * `code` with each table of trieLine built on its first lookup instead, when the module only ever
 * calls `<name>.get(…)` on it (else that table is left as it is), on the same one line; and the
 * names of the tables deferred.
 */
export function deferTries(code: string): { code: string; deferred: string[] } {
  const deferred: string[] = []
  const out = code.replace(trieLine, (line, name: string, trie: string, data: string) => {
    const uses = code.split(name).length - 2
    const lookups = code.split(`${name}.get(`).length - 1
    if (uses < 1 || uses !== lookups) return line
    deferred.push(name)
    return `let ${name}$built = null; const ${name} = { get: (...args) => (${name}$built ??= new (0, ${trie})(${data})).get(...args) };`
  })
  return { code: out, deferred }
}

/** The stand-ins of lazyStandIns and the deferred tables of deferTries, for a Node bundle (the CLI's). */
export function lazyModules(): Plugin {
  return {
    name: 'rightful:lazy-modules',
    enforce: 'pre',
    resolveId(source, importer) {
      // The stand-in's own require reaches the library itself.
      if (!lazyStandIns.has(source) || importer?.startsWith(prefix)) return null
      return `${prefix}${source}`
    },
    load(id) {
      if (!id.startsWith(prefix)) return null
      return lazyStandIns.get(id.slice(prefix.length)) ?? null
    },
    transform(code, id) {
      if (!modulesWithTries.test(id)) return null
      const { code: deferredCode, deferred } = deferTries(code)
      // Each table's line is replaced by one line: the lines, and so the source map, stay as they were.
      return deferred.length > 0 ? { code: deferredCode, map: null } : null
    },
  }
}
