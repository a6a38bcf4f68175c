'use strict'
// Preloaded by the benches (`node -r bench/loaded-modules.cjs …`): when the process exits, it
// writes the files it loaded through require (Module._cache, which the CLI's code cache fills too)
// as a JSON array to the file RIGHTFUL_BENCH_LOADED_OUT names. Nothing else changes in the process.
const fs = require('node:fs')
const Module = require('node:module')

const out = process.env.RIGHTFUL_BENCH_LOADED_OUT
if (out) {
  process.on('exit', () => {
    fs.writeFileSync(out, JSON.stringify(Object.keys(Module._cache)))
  })
}
