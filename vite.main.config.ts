import { defineConfig, mergeConfig } from 'vite'
import { copyResources, nodeBundle } from './vite.resources'

// Forge's Vite plugin calls this with `forgeConfigSelf` and supplies entry, output and defines
// itself; `vite build -c vite.main.config.ts` gets the same build standalone.
export default defineConfig((env) => {
  // Forge merges its own entry and defines with these; the import.meta.url shim must reach both paths.
  const shared = { plugins: [copyResources()], define: nodeBundle('electron/main.ts', 'main.js').define }
  if ('forgeConfigSelf' in env) return shared
  return mergeConfig(
    {
      ...nodeBundle('electron/main.ts', 'main.js'),
      define: {
        MAIN_WINDOW_VITE_DEV_SERVER_URL: 'undefined',
        MAIN_WINDOW_VITE_NAME: JSON.stringify('main_window'),
      },
    },
    shared,
  )
})
