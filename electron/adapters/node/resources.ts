/**
 * Read-only resources from disk: request templates, letter fonts and the built-in catalog. The
 * root is the repository in development and tests, and the build's resources folder when packaged
 * (the same layout: templates/, assets/fonts/, assets/catalog/).
 */
import fs from 'node:fs'
import path from 'node:path'
import { compactFileName, digestOf } from '../../core/catalog/compact'
import { compiledTemplatesFile, compiledTemplatesMaxBytes } from '../../core/templates/compiled'
import { withoutGlyphNames } from '../../core/letters/font-names'
import { runTableLanguage, runTableMaxBytes } from '../../core/letters/run-table'
import type { BuiltinAuthoritySource, BuiltinCatalogSource, FontFaceName, FontSource, TemplateSource } from '../../core/api/ports'

export function templatesFrom(root: string): TemplateSource {
  const dir = path.join(root, 'templates')
  /** The language folders, or only `lang`'s when given. */
  const languageDirs = (lang?: string) =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && (lang === undefined || entry.name === lang))
      .map((entry) => entry.name)
  return {
    compiled() {
      // A shortcut only (core/templates/compiled.ts): absent, too large or not JSON, it is not used.
      const file = path.join(dir, compiledTemplatesFile)
      try {
        if (fs.statSync(file).size > compiledTemplatesMaxBytes) return null
        return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
      } catch {
        return null
      }
    },
    strings(lang) {
      return languageDirs(lang)
        .filter((lang) => fs.existsSync(path.join(dir, lang, 'strings.yaml')))
        .map((lang) => {
          const file = path.join(dir, lang, 'strings.yaml')
          return { path: path.relative(root, file), lang, text: fs.readFileSync(file, 'utf8') }
        })
    },
    list(lang) {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && (lang === undefined || entry.name === lang))
        .flatMap((langDir) =>
          fs
            .readdirSync(path.join(dir, langDir.name))
            .filter((name) => name.endsWith('.md'))
            .sort()
            .map((name) => {
              const file = path.join(dir, langDir.name, name)
              return { path: path.relative(root, file), lang: langDir.name, name: name.slice(0, -3), text: fs.readFileSync(file, 'utf8') }
            }),
        )
    },
  }
}

/**
 * Where each face's file may be, first match wins: assets/fonts/ (the repository's own Noto Sans,
 * and in a build also the two weights each of Noto Sans SC and JP that vite.resources.ts copies
 * there), then the npm packages they come from, which is there in development and tests.
 */
const fontFiles: Record<FontFaceName, ReadonlyArray<ReadonlyArray<string>>> = {
  regular: [['assets', 'fonts', 'NotoSans-Regular.ttf']],
  bold: [['assets', 'fonts', 'NotoSans-Bold.ttf']],
  'cjk-regular': [
    ['assets', 'fonts', 'NotoSansSC-Regular.ttf'],
    ['node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf'],
  ],
  'cjk-bold': [
    ['assets', 'fonts', 'NotoSansSC-Bold.ttf'],
    ['node_modules', '@expo-google-fonts', 'noto-sans-sc', '700Bold', 'NotoSansSC_700Bold.ttf'],
  ],
  'ja-regular': [
    ['assets', 'fonts', 'NotoSansJP-Regular.ttf'],
    ['node_modules', '@expo-google-fonts', 'noto-sans-jp', '400Regular', 'NotoSansJP_400Regular.ttf'],
  ],
  'ja-bold': [
    ['assets', 'fonts', 'NotoSansJP-Bold.ttf'],
    ['node_modules', '@expo-google-fonts', 'noto-sans-jp', '700Bold', 'NotoSansJP_700Bold.ttf'],
  ],
}

/** Where the build writes each language's run table (core/letters/run-table.ts), under the root. */
export const runTablesFolder = ['assets', 'fonts', 'runs'] as const

export function fontsFrom(root: string): FontSource {
  const cache = new Map<FontFaceName, Uint8Array>()
  return {
    load(face) {
      let bytes = cache.get(face)
      if (!bytes) {
        const candidates = fontFiles[face].map((parts) => path.join(root, ...parts))
        const file = candidates.find((candidate) => fs.existsSync(candidate))
        if (!file) throw new Error(`The letter font "${face}" is missing: looked for ${candidates.join(' and ')}.`)
        // Without the glyph names that nothing reads and fontkit would decode in full (core/letters/font-names.ts).
        bytes = withoutGlyphNames(new Uint8Array(fs.readFileSync(file)))
        cache.set(face, bytes)
      }
      return bytes
    },
    runs(lang) {
      // A shortcut only (core/letters/run-table.ts): absent, too large or not JSON, it is not used.
      if (!runTableLanguage.test(lang)) return null
      const file = path.join(root, ...runTablesFolder, `${lang}.json`)
      try {
        if (fs.statSync(file).size > runTableMaxBytes) return null
        return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
      } catch {
        return null
      }
    },
  }
}

/** Every .json file of a folder, parsed, in name order. */
function jsonFilesIn(dir: string): Array<{ file: string; data: unknown }> {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: name, data: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown }))
}

/** A file's bytes in chunks of 1 MB, so that hashing a large pack never holds it whole. */
function readInChunks(file: string, take: (chunk: Uint8Array) => void): void {
  const fd = fs.openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(1024 * 1024)
    for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) take(buffer.subarray(0, read))
  } finally {
    fs.closeSync(fd)
  }
}

export function builtinCatalogFrom(root: string): BuiltinCatalogSource {
  const dir = path.join(root, 'assets', 'catalog')
  const packDir = path.join(dir, 'packs')
  return {
    load() {
      return jsonFilesIn(dir)
    },
    packs() {
      if (!fs.existsSync(packDir)) return []
      return fs
        .readdirSync(packDir)
        .filter((name) => name.endsWith('.json.gz'))
        .sort()
        .map((name) => ({ file: name, bytes: new Uint8Array(fs.readFileSync(path.join(packDir, name))) }))
    },
    inputDigest() {
      const packs = fs.existsSync(packDir) ? fs.readdirSync(packDir).filter((name) => name.endsWith('.json.gz')).sort() : []
      return digestOf(
        jsonFilesIn(dir),
        packs.map((name) => {
          const file = path.join(packDir, name)
          return { file: name, length: fs.statSync(file).size, read: (take: (chunk: Uint8Array) => void) => readInChunks(file, take) }
        }),
      )
    },
    compact() {
      const file = path.join(dir, compactFileName)
      if (!fs.existsSync(file)) return null
      // Its parts are read when the catalog opens, each on its own; the file is never held whole.
      return {
        size: fs.statSync(file).size,
        read(offset: number, length: number) {
          const fd = fs.openSync(file, 'r')
          try {
            const bytes = Buffer.alloc(length)
            let done = 0
            while (done < length) {
              const got = fs.readSync(fd, bytes, done, length - done, offset + done)
              if (got === 0) break
              done += got
            }
            return new Uint8Array(bytes.buffer, bytes.byteOffset, done)
          } finally {
            fs.closeSync(fd)
          }
        },
      }
    },
  }
}

/** assets/authorities/*.json, each an array of authority records; read on each call (the core keeps them). */
export function builtinAuthoritiesFrom(root: string): BuiltinAuthoritySource {
  const dir = path.join(root, 'assets', 'authorities')
  return {
    load() {
      return jsonFilesIn(dir)
    },
  }
}

/**
 * The resource folders a host cannot work without, that are missing under `root` (a packaging
 * error). Checked at start, because the catalog, templates and fonts are read only when first used.
 */
export function missingResources(root: string): string[] {
  return [['templates'], ['assets', 'catalog'], ['assets', 'fonts'], ['assets', 'authorities']]
    .map((parts) => path.join(root, ...parts))
    .filter((dir) => !fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
}
