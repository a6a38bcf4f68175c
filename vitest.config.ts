import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Renderer modules under test import the core as the renderer build does.
  resolve: { alias: { '@core': path.join(__dirname, 'electron', 'core') } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    server: { deps: { inline: ['electron-store'] } },
  },
})
