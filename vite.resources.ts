/**
 * Build helpers shared by the Vite configs: copy the read-only resources (templates, fonts,
 * built-in catalog, supervisory authorities) beside the main-process and CLI bundles, in the same
 * layout as the repository, so that the packaged app (which keeps only .vite/) and the CLI find
 * them at `<build>/resources`.
 */
import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import type { Plugin } from 'vite'

const root = __dirname

/**
 * Where the `rightful` command's bundle goes (bin/rightful.js loads it from there). Not under
 * .vite/: Forge's `npm start` empties .vite/ before it builds the app, which would delete the CLI.
 */
export const cliOutDir = path.join(root, 'build', 'cli')

export const nodeExternals = ['electron', 'electron/main', 'electron/renderer', 'electron/common', ...builtinModules.flatMap((m) => [m, `node:${m}`])]

export function copyResources(outDir = path.join(root, '.vite', 'build')): Plugin {
  return {
    name: 'rightful:copy-resources',
    apply: 'build',
    closeBundle() {
      const target = path.join(outDir, 'resources')
      fs.rmSync(target, { recursive: true, force: true })
      fs.cpSync(path.join(root, 'templates'), path.join(target, 'templates'), { recursive: true })
      fs.cpSync(path.join(root, 'assets', 'catalog'), path.join(target, 'assets', 'catalog'), { recursive: true })
      fs.cpSync(path.join(root, 'assets', 'authorities'), path.join(target, 'assets', 'authorities'), { recursive: true })
      fs.mkdirSync(path.join(target, 'assets', 'fonts'), { recursive: true })
      for (const name of fs.readdirSync(path.join(root, 'assets', 'fonts'))) {
        if (/\.(ttf|txt)$/.test(name)) fs.copyFileSync(path.join(root, 'assets', 'fonts', name), path.join(target, 'assets', 'fonts', name))
      }
      // The run tables `npm run templates:compile` writes (core/letters/run-table.ts), when there are any.
      const runs = path.join(root, 'assets', 'fonts', 'runs')
      if (fs.existsSync(runs)) fs.cpSync(runs, path.join(target, 'assets', 'fonts', 'runs'), { recursive: true })
      // Chinese letters: the two Noto Sans SC weights (about 10 MB each) from their npm package, under
      // the names fontsFrom() looks for; the repository does not keep copies.
      // Japanese letters likewise: Noto Sans JP (about 5.5 MB a weight). Both are under the SIL Open
      // Font License 1.1, which allows bundling them with the app; the licence goes beside them.
      for (const [pkg, from, to] of [
        ['noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf', 'NotoSansSC-Regular.ttf'],
        ['noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf', 'NotoSansSC-Bold.ttf'],
        ['noto-sans-sc', 'LICENSE_FONT', 'NotoSansSC-OFL.txt'],
        ['noto-sans-jp', '400Regular/NotoSansJP_400Regular.ttf', 'NotoSansJP-Regular.ttf'],
        ['noto-sans-jp', '700Bold/NotoSansJP_700Bold.ttf', 'NotoSansJP-Bold.ttf'],
        ['noto-sans-jp', 'LICENSE_FONT', 'NotoSansJP-OFL.txt'],
      ] as const) {
        fs.copyFileSync(path.join(root, 'node_modules', '@expo-google-fonts', pkg, from), path.join(target, 'assets', 'fonts', to))
      }
    },
  }
}

/**
 * Removes, after a build, the scripts (and their source maps) in the output folder that this build
 * did not write: the hashed chunks of earlier builds, which nothing loads any more. Only for a folder
 * that holds one bundle alone (the CLI's); resources/ and other files are left as they are.
 */
export function pruneStaleChunks(): Plugin {
  return {
    name: 'rightful:prune-stale-chunks',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir
      if (!dir) return
      const written = new Set(Object.keys(bundle).map((name) => path.resolve(dir, name)))
      const walk = (folder: string): void => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
          const full = path.join(folder, entry.name)
          if (entry.isDirectory()) {
            if (full !== path.join(dir, 'resources')) walk(full)
          } else if (/\.(c?js|js\.map)$/.test(entry.name) && !written.has(full)) {
            fs.rmSync(full, { force: true })
          }
        }
      }
      walk(dir)
    },
  }
}

/** Bundle settings for code that runs in Node (main process, CLI), as Forge's Vite plugin uses. */
export function nodeBundle(entry: string, fileName: string, outDir = path.join(root, '.vite', 'build')) {
  return {
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      sourcemap: true,
      target: 'node20',
      lib: { entry: path.join(root, entry), formats: ['cjs' as const], fileName: () => fileName },
      rollupOptions: { external: nodeExternals },
    },
    resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
    // ES modules bundled into CommonJS lose import.meta; pdfkit and others build URLs from it.
    define: { 'import.meta.url': 'require("node:url").pathToFileURL(__filename).href' },
  }
}
