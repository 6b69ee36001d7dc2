/**
 * Turns the inputs users type (files, folders, globs, `-`) into a sorted,
 * de-duplicated list of files. Globs are expanded here too because CI
 * configurations often quote them, and Node 20 has no fs.glob.
 *
 * A file named outright is always read. Folders and globs yield only svcaudit's files
 * (found-files.ts), leave out what the configuration file's `ignore` patterns match, and count
 * what they pass over; when they yield nothing at all, that is an error that says what was looked
 * for (docs/file-formats.md, "Folders and globs"): a CI job pointed at the wrong folder must not pass.
 */
import { opendirSync, statSync, type Dir, type Stats } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { SvcauditError } from '../core/errors.js';
import { displayName, fileError, STDIN } from '../core/io/read-input.js';
import { pushAll } from '../core/max-of.js';
import { compareCodePoints } from '../core/order.js';
import { passedOverReason, type FoundFileRules, type PassedOverReason } from './found-files.js';

const GLOB_CHARS = /[*?[{]/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** The configuration file's `ignore`: glob patterns, relative to the folder of that file. */
export interface IgnorePatterns {
  readonly base: string;
  readonly patterns: readonly string[];
}

interface ExpandOptions {
  /** The item ids a CSV found in a folder must name in its header; undefined: every CSV is read. */
  readonly itemIds?: () => Promise<ReadonlySet<string> | undefined>;
  /** Whether folders yield configuration files (validate checks them). */
  readonly configFiles?: boolean;
  readonly ignore?: IgnorePatterns | undefined;
  /** One note counting the .yaml, .yml and .csv files that folders and globs passed over, when there are any. */
  readonly onPassedOver?: (note: string) => void;
}

type PassedOver = Readonly<Partial<Record<PassedOverReason | 'other', number>>>;

export async function expandInputs(inputs: readonly string[], extensions: readonly string[], options: ExpandOptions = {}): Promise<string[]> {
  const files: string[] = [];
  const found: string[] = [];
  const ignored = ignoreMatcher(options.ignore);
  const others: Others = { count: 0, example: undefined };
  /** The files with one of the endings; the others are counted. */
  const yielded = (candidates: readonly string[]) => {
    const kept = candidates.filter((file) => hasEnding(file, extensions));
    others.count += candidates.length - kept.length;
    others.example ??= candidates.find((file) => !hasEnding(file, extensions));
    return kept.sort(compareCodePoints);
  };
  for (const input of inputs) {
    if (input === STDIN) {
      files.push(STDIN);
      continue;
    }
    // One look at the disk per input; a name with glob characters that exists is taken as it is.
    const entry = stat(input);
    if (entry === undefined && GLOB_CHARS.test(input)) pushAll(found, yielded(expandGlob(input, ignored)));
    else if (entry?.isDirectory()) pushAll(found, yielded(walk(input, ignored)));
    else if (entry !== undefined) files.push(input);
    else throw new SvcauditError('file-not-found', 'No such file or folder.', { file: input });
  }
  const passed: Record<string, number> = {};
  if (found.length > 0) {
    const rules: FoundFileRules = { itemIds: found.some((f) => f.toLowerCase().endsWith('.csv')) ? await options.itemIds?.() : undefined, configFiles: options.configFiles === true };
    const named = new Set(files);
    for (const file of found) {
      const reason = named.has(file) ? undefined : passedOverReason(file, rules);
      if (reason === undefined) files.push(file);
      else passed[reason] = (passed[reason] ?? 0) + 1;
    }
  }
  if (others.count > 0) passed.other = others.count;
  const unique = [...new Set(files)];
  if (unique.length === 0) throw nothingToRead(inputs, passed, others.example, options.configFiles === true);
  const { other: _, ...counted } = passed;
  const exports = counted['csv-without-items'] ? ' (a survey export is read through --map)' : '';
  if (Object.keys(counted).length > 0) options.onPassedOver?.(`svcaudit: note: passed over ${passedOverText(counted)} found in folders and globs; name a file to read it anyway${exports}.`);
  return unique;
}

/** What folders and globs look for, in the words of docs/file-formats.md. */
function lookedFor(configFiles: boolean): string {
  const config = configFiles ? ', svcaudit.config.yaml and .svcauditrc.yaml' : '';
  return `.yaml/.yml files with a top-level \`svcaudit:\` key${config}, and .csv files whose header holds item ids`;
}

/** `2 .yaml/.yml files without a top-level \`svcaudit:\` key, 1 file of another type`, for a note or an error. */
function passedOverText(passed: PassedOver): string {
  const parts: string[] = [];
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (passed['yaml-without-key']) parts.push(count(passed['yaml-without-key'], '.yaml/.yml file without a top-level `svcaudit:` key', '.yaml/.yml files without a top-level `svcaudit:` key'));
  if (passed['csv-without-items']) parts.push(count(passed['csv-without-items'], '.csv/.tsv file whose header holds no item id', '.csv/.tsv files whose header holds no item id'));
  if (passed['config-file']) parts.push(count(passed['config-file'], 'configuration file', 'configuration files'));
  if (passed.other) parts.push(count(passed.other, 'file of another type', 'files of other types'));
  return parts.join(', ');
}

function nothingToRead(inputs: readonly string[], passed: PassedOver, example: string | undefined, configFiles: boolean): SvcauditError {
  const what = passedOverText(passed);
  const seen = what === '' ? 'found no file at all' : `passed over ${what}${passed.other && example ? ` (such as ${example})` : ''}`;
  const message = `No file to read: folders and globs yield ${lookedFor(configFiles)}; here they ${seen}. A file named outright is always read.`;
  return new SvcauditError('usage', message, { file: inputs.map(displayName).join(' ') });
}

interface Others {
  count: number;
  example: string | undefined;
}

/** Every file the pattern matches (of any ending: expandInputs counts those it does not read). */
function expandGlob(pattern: string, ignored: (path: string, folder: boolean) => boolean): string[] {
  const normalized = pattern.split(sep).join('/');
  const parts = normalized.split('/');
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = parts.slice(0, firstGlob).join('/') || '.';
  const regex = globToRegExp(parts.slice(firstGlob).join('/'));
  const candidates = stat(base)?.isDirectory() ? walk(base, ignored) : [];
  const matches = candidates.filter((file) => regex.test(relative(base, file).split(sep).join('/')));
  if (matches.length === 0) throw new SvcauditError('file-not-found', 'No file matches this pattern.', { file: pattern });
  return matches;
}

/** `*` within a name, `**` across folders, `?` one character, `{a,b}` alternatives, `[ab]` a class. */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${glob.slice(i + 1, end).split(',').map(escapeRegExp).join('|')})`;
        i = end;
      }
    } else if (c === '[') {
      const end = glob.indexOf(']', i);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function hasEnding(file: string, extensions: readonly string[]): boolean {
  const lower = file.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
}

/** Files under a folder, leaving out what `ignored` matches. */
function walk(dir: string, ignored: (path: string, folder: boolean) => boolean): string[] {
  const out: string[] = [];
  const { names, kinds } = folderEntries(dir);
  // join(dir, name) for every entry, at the cost of one join: an entry's name holds no separator
  // and is never `.` or `..`, so only the folder's part needs normalising. A hundred thousand
  // joins would each build its path from many pieces and keep them; an array join makes it one.
  const prefix = join(dir, '_').slice(0, -1);
  for (const i of Array.from(names.keys()).sort((a, b) => compareCodePoints(names[a]!, names[b]!))) {
    const name = names[i]!;
    const path = [prefix, name].join('');
    if (kinds[i] === FOLDER) {
      if (!SKIPPED_FOLDERS.has(name) && !ignored(path, true)) pushAll(out, walk(path, ignored));
    } else if (kinds[i] === FILE && !ignored(path, false)) {
      out.push(path);
    }
  }
  return out;
}

const FOLDER = 1;
const FILE = 2;

/**
 * A folder's entry names and kinds, in the order readdirSync gives them once sorted (by name, in
 * code-point order: libuv's scandir sorts with strcmp). Read through opendirSync a few entries at a
 * time: readdirSync's array of a hundred thousand Dirents would outlive many young-generation
 * collections and be copied into the old one, only to die there.
 */
function folderEntries(dir: string): { names: string[]; kinds: number[] } {
  const names: string[] = [];
  const kinds: number[] = [];
  let folder: Dir | undefined;
  try {
    folder = opendirSync(dir);
    for (let entry = folder.readSync(); entry !== null; entry = folder.readSync()) {
      names.push(entry.name);
      kinds.push(entry.isDirectory() ? FOLDER : entry.isFile() ? FILE : 0);
    }
  } catch (error) {
    throw fileError(dir, error);
  } finally {
    folder?.closeSync();
  }
  return { names, kinds };
}

/**
 * The configuration file's `ignore` (docs/configuration.md), as .gitignore reads its patterns: a
 * pattern with no `/` but a trailing one matches a file or folder name at any depth; any other is
 * matched against the path from the configuration file's folder; a trailing `/` matches folders
 * only; a folder that matches leaves out everything under it.
 */
function ignoreMatcher(ignore: IgnorePatterns | undefined): (path: string, folder: boolean) => boolean {
  if (ignore === undefined || ignore.patterns.length === 0) return () => false;
  const rules = ignore.patterns.map((raw) => {
    const folderOnly = raw.endsWith('/');
    const pattern = raw.replace(/\/+$/, '');
    const anchored = pattern.includes('/');
    return { folderOnly, anchored, regex: globToRegExp(pattern.replace(/^\//, '')) };
  });
  return (path, folder) => {
    const fromBase = relative(ignore.base, path).split(sep).join('/');
    const name = basename(path);
    return rules.some((rule) => (folder || !rule.folderOnly) && (rule.anchored ? !fromBase.startsWith('../') && rule.regex.test(fromBase) : rule.regex.test(name)));
  };
}

// Synchronous file-system calls: see read-input.ts.
function stat(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    // A link loop, a path through a file, a folder that cannot be entered: said in words.
    throw fileError(path, error);
  }
}
