/**
 * Libraries inside the PDF code that a letter never runs, whose module code still runs when the
 * bundle loads (a cold `rightful letter` pays for it): brotli's dictionary (fontkit reads WOFF2
 * fonts with it; the letter fonts are TTF), linebreak's Unicode table (pdfkit wraps text to a
 * width with it; the letters place every line themselves, see core/letters/pdf-letter.ts) and the
 * AES tables of @noble/ciphers (pdfkit encrypts documents with it; letters are not encrypted).
 *
 * Each is replaced, for the modules that import it, by a small CommonJS module with the same
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

/** The stand-ins of lazyStandIns, for a Node bundle (the CLI's). */
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
  }
}
