'use strict'
/**
 * A V8 code cache for the CLI bundle (Node 20 has no module.enableCompileCache): the first run
 * of each bundle file saves what V8 compiled, and later runs start from it instead of parsing
 * and compiling the megabytes again. Only the files of one folder (the built CLI) are cached.
 *
 * The cache sits in the OS cache folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches,
 * %LOCALAPPDATA%), else the temporary folder, under rightful/v8-cache. Any failure (no home,
 * a read-only disk, a damaged or foreign cache file) only means compiling as Node would:
 * the command's behaviour never depends on the cache. RIGHTFUL_NO_COMPILE_CACHE=1 turns it off.
 */
const { createHash } = require('node:crypto')
const fs = require('node:fs')
const Module = require('node:module')
const os = require('node:os')
const path = require('node:path')
const vm = require('node:vm')

/** Where cached code goes on this system, or null when no folder can be named. */
function cacheFolder(env) {
  try {
    const home = os.homedir()
    const base =
      process.platform === 'win32'
        ? env.LOCALAPPDATA || path.join(home, 'AppData', 'Local')
        : process.platform === 'darwin'
          ? path.join(home, 'Library', 'Caches')
          : env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)
            ? env.XDG_CACHE_HOME
            : path.join(home, '.cache')
    return path.join(base, 'rightful', 'v8-cache')
  } catch {
    return path.join(os.tmpdir(), `rightful-${process.getuid ? process.getuid() : 'user'}`, 'v8-cache')
  }
}

/** The file a bundle file's code goes to: named after Node's V8, the file, its size and its time. */
function entryName(filename) {
  const stat = fs.statSync(filename)
  const key = [process.version, process.arch, process.versions.v8, filename, stat.size, stat.mtimeMs].join('\0')
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.bin`
}

/** A require() for code that runs outside Module.prototype._compile, as Node gives each module. */
function requireFor(mod) {
  const require = (id) => mod.require(id)
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options)
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod)
  require.main = process.mainModule
  require.extensions = Module._extensions
  require.cache = Module._cache
  return require
}

/** Writes `bytes` to `file` through a temporary file, so that a reader never sees half of it. */
function writeWhole(file, bytes) {
  const temp = `${file}.${process.pid}.tmp`
  try {
    fs.writeFileSync(temp, bytes)
    fs.renameSync(temp, file)
  } catch {
    fs.rmSync(temp, { force: true })
  }
}

/**
 * Compiles the CommonJS files under `folder` with a V8 code cache from now on. Returns false
 * (and changes nothing) when it is turned off or no cache folder can be made.
 */
function useCompileCache(folder, env = process.env) {
  if (env.RIGHTFUL_NO_COMPILE_CACHE === '1') return false
  const dir = cacheFolder(env)
  try {
    fs.mkdirSync(dir, { recursive: true })
  } catch {
    return false
  }
  const inside = path.resolve(folder) + path.sep
  /** Scripts compiled without a usable cache: their code is saved when the process ends. */
  const fresh = new Map()
  const original = Module.prototype._compile
  Module.prototype._compile = function compileCached(content, filename) {
    if (typeof filename !== 'string' || !filename.startsWith(inside) || !filename.endsWith('.js')) return original.call(this, content, filename)
    let file
    let cachedData
    try {
      file = path.join(dir, entryName(filename))
      cachedData = fs.readFileSync(file)
    } catch {
      cachedData = undefined
    }
    let script
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData })
    } catch {
      // A syntax error and the like: Node's own compile reports it as it always does.
      return original.call(this, content, filename)
    }
    if (file && (cachedData === undefined || script.cachedDataRejected)) fresh.set(file, script)
    const run = script.runInThisContext({ displayErrors: true })
    return run.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename))
  }
  process.once('exit', () => {
    for (const [file, script] of fresh) {
      try {
        writeWhole(file, script.createCachedData())
      } catch {
        // The cache is only ever a shortcut.
      }
    }
  })
  return true
}

module.exports = { useCompileCache, cacheFolder }
