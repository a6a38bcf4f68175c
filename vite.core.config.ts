import { defineConfig, mergeConfig } from 'vite'
import { nodeBundle } from './vite.resources'

/**
 * The core's own process (electron/core-host/core.ts → core.js), which the main process forks as
 * a utility process and the browser harness runs in a worker thread; and, with `--mode compute`,
 * the worker that reads policies for it (compute-worker.ts → compute-worker.js). Both CommonJS beside
 * main.js, so the packaged app finds them in the same folder. They read the resources that the
 * main build copies to .vite/build/resources.
 */
export default defineConfig((env) => {
  const shared = { define: nodeBundle('electron/core-host/core.ts', 'core.js').define }
  // Forge's Vite plugin supplies entry and output itself (forge.config.ts lists both entries).
  if ('forgeConfigSelf' in env) return shared
  const [entry, fileName] = env.mode === 'compute' ? ['electron/core-host/compute-worker.ts', 'compute-worker.js'] : ['electron/core-host/core.ts', 'core.js']
  return mergeConfig(nodeBundle(entry, fileName), shared)
})
