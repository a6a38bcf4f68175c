import { defineConfig, mergeConfig } from 'vite'
import { lazyModules } from './vite.lazy-modules'
import { cliOutDir, copyResources, nodeBundle, nodeExternals, pruneStaleChunks } from './vite.resources'

// The `rightful` command: CommonJS files in build/cli/ (outside .vite/, which `npm start` empties),
// with the resources beside them; bin/rightful.js loads cli.js. Chunks of earlier builds are removed.
// date-holidays (1.7 MB with moment and its astronomy) is left to Node's require from the package's
// node_modules: the core loads it only for a year outside the build-time holiday tables
// (core/deadlines/holidays.ts), and bundled it would sit in a chunk every deadline loads.
// Libraries in the PDF code that a letter never runs start only when first called (vite.lazy-modules.ts).
export default defineConfig(() =>
  mergeConfig(nodeBundle('electron/cli.ts', 'cli.js', cliOutDir), {
    plugins: [lazyModules(), copyResources(cliOutDir), pruneStaleChunks()],
    build: { rollupOptions: { external: [...nodeExternals, 'date-holidays'] } },
  }),
)
