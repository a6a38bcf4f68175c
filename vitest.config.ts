import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Renderer modules under test import the core as the renderer build does.
  resolve: { alias: { '@core': path.join(__dirname, 'electron', 'core') } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Generous: the suite must pass on a slow, loaded 2-core machine. A test that hangs still ends;
    // no test is about speed (that is `npm run bench`).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    server: { deps: { inline: ['electron-store'] } },
  },
})
