/**
 * Turns the inputs users type (files, folders, globs, `-`) into a sorted,
 * de-duplicated list of files. Globs are expanded here too because CI
 * configurations often quote them, and Node 20 has no fs.glob.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SvcauditError } from '../core/errors.js';
import { fileError, STDIN } from '../core/io/read-input.js';
import { compareCodePoints } from '../core/order.js';
import { pushAll } from '../core/max-of.js';

const GLOB_CHARS = /[*?[{]/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export async function expandInputs(inputs: readonly string[], extensions: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === STDIN) {
      files.push(STDIN);
      continue;
    }
    // One look at the disk per input; a name with glob characters that exists is taken as it is.
    const found = stat(input);
    if (found === undefined && GLOB_CHARS.test(input)) pushAll(files, expandGlob(input, input));
    else if (found?.isDirectory()) pushAll(files, walk(input, extensions).sort(compareCodePoints));
    else if (found !== undefined) files.push(input);
    else throw new SvcauditError('file-not-found', 'No such file or folder.', { file: input });
  }
  return [...new Set(files)];
}

function expandGlob(pattern: string, input: string): string[] {
  const normalized = pattern.split(sep).join('/');
  const parts = normalized.split('/');
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = parts.slice(0, firstGlob).join('/') || '.';
  const regex = globToRegExp(parts.slice(firstGlob).join('/'));
  const candidates = stat(base)?.isDirectory() ? walk(base, []) : [];
  const matches = candidates.filter((file) => regex.test(relative(base, file).split(sep).join('/'))).sort(compareCodePoints);
  if (matches.length === 0) throw new SvcauditError('file-not-found', 'No file matches this pattern.', { file: input });
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

/** Files under a folder; with extensions, only those (case-insensitive). */
function walk(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw fileError(dir, error);
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) pushAll(out, walk(path, extensions));
    } else if (entry.isFile() && (extensions.length === 0 || extensions.some((ext) => entry.name.toLowerCase().endsWith(ext)))) {
      out.push(path);
    }
  }
  return out;
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
