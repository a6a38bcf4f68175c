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
 *
 * V8 compiles most functions only when they first run, and an entry holds the code compiled by the
 * end of the run that saved it. So each entry also names the purposes (the CLI's commands) whose
 * runs have added their code: the first run of another command saves the entry again, with its own
 * code added to what it read (up to MAX_PURPOSES commands per entry), so that `rightful letter`
 * starts from cached code for the functions it runs even when `rightful deadline` ran first.
 *
 * Each entry starts with a header naming the bundle file it was made from, so that the folder does
 * not grow without bound: whenever a run saves new code (after a rebuild or a Node update), it also
 * removes the entries whose bundle file is gone (the hashed chunks of earlier builds) or has changed
 * since, and entries it cannot read.
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
function entryName(filename, stat = fs.statSync(filename)) {
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

/**
 * What every entry starts with: this magic, then JSON [bundle file, its size, its mtime, the
 * purposes whose code it holds] and a NUL (JSON never holds a raw NUL), then V8's code.
 */
const magic = Buffer.from('rightful-v8-cache\0')

/** At most this many purposes add their code to one entry; later ones use it as it is. */
const MAX_PURPOSES = 16

/** A purpose as an entry records it: a command's name (lower-case letters and hyphens), else ''. */
const PURPOSE = /^[a-z][a-z-]{0,39}$/

/** An entry's bytes: the header naming the bundle file `source` ({filename, size, mtimeMs}) and the purposes, then the code. */
function entryBytes(source, code, purposes = []) {
  return Buffer.concat([magic, Buffer.from(JSON.stringify([source.filename, source.size, source.mtimeMs, purposes]), 'utf8'), Buffer.from([0]), code])
}

/**
 * The bundle file an entry was made from, the purposes whose code it holds (none in an entry of
 * an older Rightful) and where its code starts, or null for a foreign or damaged entry.
 */
function readHeader(bytes) {
  if (bytes.length <= magic.length || !bytes.subarray(0, magic.length).equals(magic)) return null
  const end = bytes.indexOf(0, magic.length)
  if (end < 0) return null
  try {
    const [filename, size, mtimeMs, purposes = []] = JSON.parse(bytes.subarray(magic.length, end).toString('utf8'))
    if (typeof filename !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number') return null
    if (!Array.isArray(purposes) || purposes.length > MAX_PURPOSES || !purposes.every((purpose) => typeof purpose === 'string' && PURPOSE.test(purpose))) return null
    return { filename, size, mtimeMs, purposes, codeStart: end + 1 }
  } catch {
    return null
  }
}

/**
 * What a CLI run does, for the cache: its command, the first argument that is a command's name
 * (not an option, nor the value of --ui-lang); '' when there is none.
 */
function purposeOf(argv) {
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--') break
    if (argv[i] === '--ui-lang') i += 1
    else if (PURPOSE.test(argv[i])) return argv[i]
  }
  return ''
}

/** The first bytes of a file (enough for an entry's header), or null when it cannot be read. */
function firstBytes(file, length) {
  let fd
  try {
    fd = fs.openSync(file, 'r')
    const buffer = Buffer.alloc(length)
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, 0))
  } catch {
    return null
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/**
 * Removes the entries of `dir` that no run can use any more: those whose bundle file no longer
 * exists or has changed since (size or time), those without a readable header (damaged, or written
 * by an older Rightful), and temporary files left by a run that was killed mid-write. Entries of the
 * same bundle for another Node version stay (someone may run both).
 * Entries just written (`keep`) stay. Returns the names removed.
 */
function pruneCache(dir, keep = new Set(), now = Date.now()) {
  const removed = []
  let names
  try {
    names = fs.readdirSync(dir)
  } catch {
    return removed
  }
  for (const name of names) {
    const file = path.join(dir, name)
    if (keep.has(file)) continue
    let stale
    if (name.endsWith('.tmp')) {
      // Another run may be writing it right now: only leftovers older than a minute go.
      try {
        stale = now - fs.statSync(file).mtimeMs > 60_000
      } catch {
        stale = false
      }
    } else if (name.endsWith('.bin')) {
      const header = readHeader(firstBytes(file, 8192) ?? Buffer.alloc(0))
      try {
        const stat = header && fs.statSync(header.filename)
        stale = !stat || stat.size !== header.size || stat.mtimeMs !== header.mtimeMs
      } catch {
        stale = true // its bundle file is gone
      }
    } else {
      stale = false
    }
    if (!stale) continue
    try {
      fs.rmSync(file, { force: true })
      removed.push(name)
    } catch {
      // Another run removed it first, or the folder is read-only: nothing lost.
    }
  }
  return removed
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
 * Compiles the CommonJS files under `folder` with a V8 code cache from now on. `purpose` names
 * what this run does (purposeOf): an entry that does not hold its code yet is saved again at the
 * end of the run, with it. Returns false (and changes nothing) when it is turned off or no cache
 * folder can be made.
 */
function useCompileCache(folder, env = process.env, purpose = '') {
  if (env.RIGHTFUL_NO_COMPILE_CACHE === '1') return false
  const ownPurpose = PURPOSE.test(purpose) ? purpose : ''
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
    let source
    let cachedData
    let purposes = []
    try {
      const stat = fs.statSync(filename)
      source = { filename, size: stat.size, mtimeMs: stat.mtimeMs }
      file = path.join(dir, entryName(filename, stat))
      const bytes = fs.readFileSync(file)
      const header = readHeader(bytes)
      cachedData = header && header.filename === filename ? bytes.subarray(header.codeStart) : undefined
      if (cachedData) purposes = header.purposes
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
    if (file && (cachedData === undefined || script.cachedDataRejected)) {
      fresh.set(file, { source, script, purposes: ownPurpose ? [ownPurpose] : [] })
    } else if (file && ownPurpose && !purposes.includes(ownPurpose) && purposes.length < MAX_PURPOSES) {
      // The entry lacks this run's own functions: saved again at the end, with them added.
      fresh.set(file, { source, script, purposes: [...purposes, ownPurpose] })
    }
    const run = script.runInThisContext({ displayErrors: true })
    return run.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename))
  }
  process.once('exit', () => {
    if (fresh.size === 0) return
    for (const [file, { source, script, purposes }] of fresh) {
      try {
        writeWhole(file, entryBytes(source, script.createCachedData(), purposes))
      } catch {
        // The cache is only ever a shortcut.
      }
    }
    // New code was saved, so the bundle or Node changed: drop what no run can use any more.
    pruneCache(dir, new Set(fresh.keys()))
  })
  return true
}

module.exports = { useCompileCache, cacheFolder, pruneCache, purposeOf, readHeader }
