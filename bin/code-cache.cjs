'use strict';
/**
 * V8 code caches for the bundled CLI. Node 20 has no compile cache of its own,
 * and compiling the bundle's code is the largest single cost of a short run.
 * The build (scripts/build.mjs) runs a few representative commands through
 * makeCodeCache, which records, for each file of dist/ that was loaded, V8's
 * compiled code of every function that ran; every later run of
 * bin/svcaudit.cjs starts from those caches through useCodeCache.
 *
 * V8 itself checks a cache only against the length of the source, so each
 * cache file also holds the exact source it was made from, and is used for
 * that source alone: a dist/ rebuilt or edited without new caches simply
 * compiles as usual. A cache from another Node or V8 version is rejected by
 * V8 and the code compiles as usual too.
 */
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, relative, sep } = require('node:path');
const { Script } = require('node:vm');

/** Loads dist/ files from their caches when these were made from the same source. */
function useCodeCache(dist) {
  const stats = { used: [], compiled: [] };
  compileDistWith(dist, (filename, source) => {
    const cachedData = readCache(cacheFile(dist, filename), source);
    if (cachedData === undefined) {
      stats.compiled.push(relative(dist, filename));
      return undefined;
    }
    const script = new Script(Module.wrap(source), { filename, cachedData });
    (script.cachedDataRejected ? stats.compiled : stats.used).push(relative(dist, filename));
    return script;
  });
  return stats;
}

/** Records the code of every dist/ file loaded in this process, adding to the caches already made. */
function makeCodeCache(dist) {
  const made = [];
  compileDistWith(dist, (filename, source) => {
    const file = cacheFile(dist, filename);
    const script = new Script(Module.wrap(source), { filename, cachedData: readCache(file, source) });
    made.push({ file, source, script });
    return script;
  });
  // At exit every function that ran has been compiled, so the cache holds them all.
  process.on('exit', () => {
    for (const { file, source, script } of made) {
      const text = Buffer.from(source);
      const header = Buffer.alloc(4);
      header.writeUInt32LE(text.length);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, Buffer.concat([header, text, script.createCachedData()]));
    }
  });
}

/** `compile` returns a compiled script for a dist/ file, or undefined to leave it to Node. */
function compileDistWith(dist, compile) {
  const nodeCompile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(source, filename) {
    const script = filename.startsWith(dist + sep) ? compile(filename, source) : undefined;
    if (script === undefined) return nodeCompile.call(this, source, filename);
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };
}

/** The cache, if it was made from exactly this source. */
function readCache(file, source) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const length = bytes.length >= 4 ? bytes.readUInt32LE(0) : -1;
  if (length < 0 || 4 + length > bytes.length || bytes.toString('utf8', 4, 4 + length) !== source) return undefined;
  return bytes.subarray(4 + length);
}

/** A file of the bundle named from its own folder. */
const CHUNK = /^\.\.?\/(chunks\/)?[\w.-]+\.cjs$/;

function cacheFile(dist, filename) {
  return join(dist, 'code-cache', `${relative(dist, filename)}.bin`);
}

/**
 * What Node gives a module as `require`, as far as the bundle uses it. A chunk of the bundle
 * requiring another (`./chunk-….cjs`, in its own folder) is loaded by its path, without Node's
 * search for the file: the build put it there, and a short run loads dozens of them.
 */
function requireFor(module) {
  const folder = dirname(module.filename);
  const require = (id) => {
    if (!CHUNK.test(id)) return module.require(id);
    const filename = join(folder, id);
    const cached = Module._cache[filename];
    if (cached !== undefined) return cached.exports;
    const child = new Module(filename, module);
    Module._cache[filename] = child;
    let loaded = false;
    try {
      child.load(filename);
      loaded = true;
    } finally {
      if (!loaded) delete Module._cache[filename];
    }
    return child.exports;
  };
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require.cache = Module._cache;
  return require;
}

module.exports = { useCodeCache, makeCodeCache };
