/**
 * Read-only resources from disk: request templates, letter fonts and the built-in catalog. The
 * root is the repository in development and tests, and the build's resources folder when packaged
 * (the same layout: templates/, assets/fonts/, assets/catalog/).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BuiltinCatalogSource, FontSource, TemplateSource } from '../../core/ports'

export function templatesFrom(root: string): TemplateSource {
  const dir = path.join(root, 'templates')
  const languageDirs = () =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  return {
    strings() {
      return languageDirs()
        .filter((lang) => fs.existsSync(path.join(dir, lang, 'strings.yaml')))
        .map((lang) => {
          const file = path.join(dir, lang, 'strings.yaml')
          return { path: path.relative(root, file), lang, text: fs.readFileSync(file, 'utf8') }
        })
    },
    list() {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
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

const fontFiles = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const

export function fontsFrom(root: string): FontSource {
  const cache = new Map<keyof typeof fontFiles, Uint8Array>()
  return {
    load(face) {
      let bytes = cache.get(face)
      if (!bytes) {
        bytes = new Uint8Array(fs.readFileSync(path.join(root, 'assets', 'fonts', fontFiles[face])))
        cache.set(face, bytes)
      }
      return bytes
    },
  }
}

export function builtinCatalogFrom(root: string): BuiltinCatalogSource {
  const dir = path.join(root, 'assets', 'catalog')
  return {
    load() {
      return fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => ({ file: name, data: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown }))
    },
  }
}
