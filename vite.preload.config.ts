import path from 'node:path'
import { defineConfig } from 'vite'
import { nodeExternals } from './vite.resources'

// The preload runs sandboxed: one CommonJS file, no chunks, only `electron` external.
export default defineConfig((env) => {
  if ('forgeConfigSelf' in env) return {}
  return {
    build: {
      outDir: path.join(__dirname, '.vite', 'build'),
      emptyOutDir: false,
      copyPublicDir: false,
      minify: false,
      rollupOptions: {
        input: path.join(__dirname, 'electron', 'preload.ts'),
        external: nodeExternals,
        output: { format: 'cjs' as const, codeSplitting: false, entryFileNames: '[name].js' },
      },
    },
  }
})
