import { defineConfig, mergeConfig } from 'vite'
import { cliOutDir, copyResources, nodeBundle, pruneStaleChunks } from './vite.resources'

// The `rightful` command: CommonJS files in build/cli/ (outside .vite/, which `npm start` empties),
// with the resources beside them; bin/rightful.js loads cli.js. Chunks of earlier builds are removed.
export default defineConfig(() => mergeConfig(nodeBundle('electron/cli.ts', 'cli.js', cliOutDir), { plugins: [copyResources(cliOutDir), pruneStaleChunks()] }))
