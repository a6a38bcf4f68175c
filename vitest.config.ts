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
    // What makes a test slow, as a tag: `npm run test:fast` leaves these out (the inner loop),
    // `npm run test:slow` runs only them; `npm test` runs everything. A file is tagged with a
    // `// @module-tag <name>` line, a single test with `{ tags: ['<name>'] }`; test/lint/test-tags.test.ts
    // checks that every file that starts a server, spawns a process, reads a corpus or runs
    // property checks says so.
    tags: [
      { name: 'server', description: 'Starts a real server on loopback (dovecot, an SMTP or HTTP server).' },
      { name: 'process', description: 'Spawns processes (the CLI, kill loops, a second core).' },
      { name: 'corpus', description: 'Reads a real-world corpus (the datarequests.org and broker snapshots, held-out policy sets).' },
      { name: 'property', description: 'Property checks over many generated inputs (fast-check).' },
    ],
  },
})
