#!/usr/bin/env node
'use strict'
// The `rightful` command. It runs the CLI bundle that `npm install` (the prepare script) or
// `npm run build` writes to build/cli/cli.js (outside .vite/, which `npm start` empties).
const path = require('node:path')
const fs = require('node:fs')

const bundle = path.join(__dirname, '..', 'build', 'cli', 'cli.js')
if (!fs.existsSync(bundle)) {
  process.stderr.write('rightful: the CLI has not been built yet. Run `npm run build:cli` (or `npm install`) in the Rightful folder.\n')
  process.exit(1)
}
// Later runs start from the code V8 compiled the first time (bin/compile-cache.js), each command's own included.
const compileCache = require('./compile-cache')
compileCache.useCompileCache(path.dirname(bundle), process.env, compileCache.purposeOf(process.argv.slice(2)))
require(bundle).main()
