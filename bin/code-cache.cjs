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
 *
 * A short run the build packs (`score` in each human format, `validate`, `compare`: the runs
 * marked `pack` there) also has a pack: the files its run loads, cli.cjs among them, as one
 * script with one cache of the code that run compiled. Loading some fifty files one by one costs a
 * short run more than their code does (a module search, a file read, a cache read and a script
 * each), so the pack's files are compiled at once and each runs when it is first required,
 * provided the file on disk still holds the source the pack was made from; a file that differs is
 * loaded from itself.
 */
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, relative, sep } = require('node:path');
const { Script } = require('node:vm');

/**
 * Loads dist/ files from their caches when these were made from the same source, and the files of
 * the pack that fits the run's arguments (`args`: svcaudit's, from the command on) from the pack.
 */
function useCodeCache(dist, args) {
  const stats = { used: [], compiled: [], packed: [] };
  usePack(dist, packNames(args), stats.packed);
  compileDistWith(dist, (filename, source) => {
    // Without a cache of this source the file is compiled here all the same, so that what it
    // requires still comes by its path, from the pack when packed.
    const cachedData = readCache(cacheFile(dist, filename), source);
    const script = new Script(Module.wrap(source), { filename, cachedData });
    (cachedData === undefined || script.cachedDataRejected ? stats.compiled : stats.used).push(relative(dist, filename));
    return script;
  });
  return stats;
}

/**
 * Records the code of every dist/ file loaded in this process, adding to the caches already made,
 * and of the run's own pack (packName) when the build has made one. With `loadedLog`, also writes
 * there the dist/ files the run loaded (the build's choice of a pack's files).
 */
function makeCodeCache(dist, args, loadedLog) {
  const made = [];
  const pack = usePack(dist, [packName(args)], []);
  compileDistWith(dist, (filename, source) => {
    const file = cacheFile(dist, filename);
    const script = new Script(Module.wrap(source), { filename, cachedData: readCache(file, source) });
    made.push({ filename, file, source, script });
    return script;
  });
  // At exit every function that ran has been compiled, so the cache holds them all.
  process.on('exit', () => {
    for (const { file, source, script } of made) writeCache(file, source, script.createCachedData());
    if (pack !== undefined) writeCache(pack.file, pack.source, pack.script.createCachedData());
    if (loadedLog !== undefined) writeFileSync(loadedLog, JSON.stringify(made.map(({ filename }) => relative(dist, filename).split(sep).join('/'))));
  });
}

/**
 * Writes the pack `name` (see packName) of the dist/ files `files` (paths from dist/, with `/`), with no cache
 * yet: makeCodeCache adds it. Each file becomes a function of the pack's script, called with what
 * Node gives a module; a table at the end says where each file's source lies in the pack.
 */
function writePack(dist, name, files) {
  let source = '(function (define) {\n';
  const at = {};
  for (const name of files) {
    const text = readFileSync(join(dist, name), 'utf8');
    // One character past ASCII would make V8 hold the whole pack's source at two bytes a
    // character; such a chunk (esbuild leaves the odd one in a comment or a tagged template) is
    // loaded from its own file instead.
    if (!/^[\x00-\x7f]*$/.test(text)) continue;
    source += `define(${JSON.stringify(name)}, function (exports, require, module, __filename, __dirname) {`;
    at[name] = [source.length, source.length + text.length];
    source += `${text}\n});\n`;
  }
  source += `})\n//${JSON.stringify(at)}`;
  writeCache(packFile(dist, name), source, Buffer.alloc(0));
}

/**
 * The packs a run may use, the most fitting first: one for its command and `--format` (`score-html`:
 * an html report runs code a text one does not), then one for the command (`score`: its text report,
 * and every format the build made no pack of). None for a run that does not start with a command.
 */
function packNames(args) {
  const command = args[0];
  if (typeof command !== 'string' || !/^[a-z]+$/.test(command)) return [];
  let format;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg === '-f') format = args[i + 1];
    else if (typeof arg === 'string' && arg.startsWith('--format=')) format = arg.slice('--format='.length);
  }
  return typeof format === 'string' && /^[a-z]+$/.test(format) && format !== 'text' ? [`${command}-${format}`, command] : [command];
}

/** The pack a build run of these arguments makes and adds to (the first of packNames); undefined for none. */
function packName(args) {
  return packNames(args)[0];
}

/** The first of the named packs the build made: its source, cache and table of files. */
function readPack(dist, names) {
  for (const name of names) {
    const pack = readPackFile(packFile(dist, name));
    if (pack !== undefined) return pack;
  }
  return undefined;
}

function readPackFile(file) {
  const read = readCacheFile(file);
  if (read === undefined) return undefined;
  const { source, cachedData } = read;
  const table = source.lastIndexOf('\n//');
  if (table < 0) return undefined;
  return { file, source, at: JSON.parse(source.slice(table + 3)), cachedData: cachedData.length > 0 ? cachedData : undefined };
}

/** The first of the named packs, compiled from its cache, its files ready to run (definePacked); undefined for none. */
function usePack(dist, names, packedStats) {
  const pack = readPack(dist, names);
  if (pack === undefined) return undefined;
  const script = new Script(pack.source, { filename: pack.file, cachedData: pack.cachedData });
  definePacked(dist, pack, script, packedStats);
  return { ...pack, script };
}

/**
 * Runs the pack's script, which hands over each file's function: kept (PACKED) with the source it
 * was made from, to run when the file is first required and still holds that source.
 */
function definePacked(dist, pack, script, packedStats) {
  const run = script.runInThisContext({ displayErrors: true });
  // Only the source is kept (V8 keeps it for the script anyway), not the bytes it was read from.
  const { source, at } = pack;
  run((name, body) => {
    const [start, end] = at[name];
    PACKED.set(join(dist, name), { body, source: () => source.slice(start, end), stats: packedStats, name });
  });
}

/** Packed files by their full path (see definePacked). */
const PACKED = new Map();

/** `compile` returns a compiled script for a dist/ file, or undefined to leave it to Node. */
function compileDistWith(dist, compile) {
  const nodeCompile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(source, filename) {
    // A packed file Node itself loaded (cli.cjs, which bin/svcaudit.cjs requires): from the pack when it holds this source.
    if (runFromPack(this, filename, source)) return undefined;
    const script = filename.startsWith(dist + sep) ? compile(filename, source) : undefined;
    if (script === undefined) return nodeCompile.call(this, source, filename);
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };
}

/** The cache, if it was made from exactly this source. */
function readCache(file, source) {
  const read = readCacheFile(file);
  return read !== undefined && read.source === source ? read.cachedData : undefined;
}

/** A cache file as writeCache wrote it: the source it was made from and V8's cache; undefined when missing or cut short. */
function readCacheFile(file) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const length = bytes.length >= 4 ? bytes.readUInt32LE(0) : -1;
  if (length < 0 || 4 + length > bytes.length) return undefined;
  return { source: bytes.toString('utf8', 4, 4 + length), cachedData: bytes.subarray(4 + length) };
}

/** A cache file: the source's length in bytes, the source, V8's cache. */
function writeCache(file, source, cachedData) {
  const text = Buffer.from(source);
  const header = Buffer.alloc(4);
  header.writeUInt32LE(text.length);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat([header, text, cachedData]));
}

/** A file of the bundle named from its own folder. */
const CHUNK = /^\.\.?\/(chunks\/)?[\w.-]+\.cjs$/;

function cacheFile(dist, filename) {
  return join(dist, 'code-cache', `${relative(dist, filename)}.bin`);
}

function packFile(dist, name) {
  return join(dist, 'code-cache', 'packs', `${name}.bin`);
}

/** A chunk's full path by the folder requiring it and the request: a short run makes hundreds of the same requests. */
const RESOLVED = new Map();

/**
 * What Node gives a module as `require`, as far as the bundle uses it. A chunk of the bundle
 * requiring another (`./chunk-….cjs`, in its own folder) is loaded by its path, without Node's
 * search for the file: the build put it there, and a short run loads dozens of them. A packed
 * chunk runs from the pack (definePacked).
 */
function requireFor(module) {
  const folder = dirname(module.filename);
  const require = (id) => {
    const key = `${folder}\0${id}`;
    let filename = RESOLVED.get(key);
    if (filename === undefined) {
      if (!CHUNK.test(id)) return module.require(id);
      filename = join(folder, id);
      RESOLVED.set(key, filename);
    }
    const cached = Module._cache[filename];
    if (cached !== undefined) return cached.exports;
    const child = new Module(filename, module);
    Module._cache[filename] = child;
    let loaded = false;
    try {
      if (!runPacked(child, filename)) child.load(filename);
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

/** The folders Node searches for packages, by a module's folder: the same for every chunk. */
const PATHS = new Map();

/** Runs a packed chunk whose file holds the pack's source of it; false when it is not packed or differs. */
function runPacked(child, filename) {
  if (!PACKED.has(filename)) return false;
  let text;
  try {
    text = readFileSync(filename, 'utf8');
  } catch {
    return false;
  }
  const folder = dirname(filename);
  let paths = PATHS.get(folder);
  if (paths === undefined) PATHS.set(folder, (paths = Module._nodeModulePaths(folder)));
  child.paths = paths;
  if (!runFromPack(child, filename, text)) return false;
  child.loaded = true;
  return true;
}

/** Runs `module` from the pack when the pack holds exactly `text` for its file; false otherwise. */
function runFromPack(module, filename, text) {
  const packed = PACKED.get(filename);
  if (packed === undefined) return false;
  PACKED.delete(filename);
  if (text !== packed.source()) return false;
  module.filename = filename;
  packed.body.call(module.exports, module.exports, requireFor(module), module, filename, dirname(filename));
  packed.stats.push(packed.name);
  return true;
}

module.exports = { useCodeCache, makeCodeCache, writePack, packName };
