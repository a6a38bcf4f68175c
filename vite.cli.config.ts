import { defineConfig, mergeConfig } from 'vite'
import { copyResources, nodeBundle } from './vite.resources'

// The `rightful` command: one CommonJS file that bin/rightful.js loads.
export default defineConfig(() => mergeConfig(nodeBundle('electron/cli.ts', 'cli.js'), { plugins: [copyResources()] }))
