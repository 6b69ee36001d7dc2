/**
 * Which files met in a folder or a glob are svcaudit's (docs/file-formats.md, "Folders and
 * globs"): a `.yaml`/`.yml` file with a top-level `svcaudit:` key, a configuration file (for
 * `validate`), a `.csv` file whose header holds an item id of the rubric in use. Anything else in
 * a repository (a CI workflow, docker-compose.yml, a spreadsheet of something else) is passed over
 * and counted, never reported as a broken rubric. A file named outright is always read.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isConfigFileName } from '../core/config-files.js';
import { MAX_TEXT_BYTES } from '../core/io/decode-text.js';
import { sniffDelimiter } from './survey/sniff-delimiter.js';

/** Why a file was passed over; `undefined`: it is one to read. */
export type PassedOverReason = 'yaml-without-key' | 'csv-without-items' | 'config-file';

/** `svcaudit:` at the start of a line (top level), or as the first key of a flow mapping there. */
const TOP_LEVEL_KEY = /^(?:\uFEFF)?(?:---[ \t]+)?(?:\{[ \t]*)?(?:svcaudit|"svcaudit"|'svcaudit')[ \t]*:/m;

/** A header longer than this is not one a survey tool writes for a rubric; reading stops here. */
const CSV_HEAD_BYTES = 65_536;

export interface FoundFileRules {
  /** The item ids a CSV header must name one of; undefined: every CSV is read. */
  readonly itemIds?: ReadonlySet<string> | undefined;
  /** Whether configuration files are read (validate checks them; score has no use for them). */
  readonly configFiles: boolean;
}

export function passedOverReason(path: string, rules: FoundFileRules): PassedOverReason | undefined {
  const lower = path.toLowerCase();
  if (isConfigFileName(path)) return rules.configFiles ? undefined : 'config-file';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return rules.itemIds === undefined || csvHeaderNamesItem(path, rules.itemIds) ? undefined : 'csv-without-items';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return hasTopLevelKey(path) ? undefined : 'yaml-without-key';
  return undefined;
}

/**
 * Whether the file's text has a line TOP_LEVEL_KEY matches. In UTF-8 (nearly every answers file)
 * it is looked for in the bytes: only a line holding `svcaudit` can match, and only such a line
 * becomes text, so that checking a folder of a hundred thousand files makes no string of each
 * (the regular expression, anchored at a line's start, sees the same line either way: lines end
 * at LF, CR, U+2028 and U+2029, none of which is inside another character's bytes).
 */
function hasTopLevelKey(path: string): boolean {
  // One byte past the limit of a YAML file at most: a larger one is the reader's to refuse, in words.
  const bytes = readUpTo(path, MAX_TEXT_BYTES + 1);
  // A file that cannot be read, or is over the limit, is left to the reader, which says why (exit 2).
  if (bytes === undefined || bytes.length > MAX_TEXT_BYTES) return true;
  const utf16 = utf16Of(bytes);
  if (utf16 !== undefined) return TOP_LEVEL_KEY.test(new TextDecoder(utf16).decode(bytes));
  for (let at = bytes.indexOf(KEY); at >= 0; at = bytes.indexOf(KEY, at + KEY.length)) {
    const line = bytes.subarray(lineStart(bytes, at), lineEnd(bytes, at));
    if (TOP_LEVEL_KEY.test(new TextDecoder('utf-8').decode(line))) return true;
  }
  return false;
}

const KEY = Buffer.from('svcaudit');
const LF = 0x0a;
const CR = 0x0d;

/** Whether a line separator (U+2028, U+2029: E2 80 A8 or A9) ends at byte i. */
function separatorEndsAt(bytes: Uint8Array, i: number): boolean {
  return i >= 2 && (bytes[i] === 0xa8 || bytes[i] === 0xa9) && bytes[i - 1] === 0x80 && bytes[i - 2] === 0xe2;
}

function lineStart(bytes: Uint8Array, at: number): number {
  let i = at - 1;
  while (i >= 0 && bytes[i] !== LF && bytes[i] !== CR && !separatorEndsAt(bytes, i)) i--;
  return i + 1;
}

function lineEnd(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i < bytes.length && bytes[i] !== LF && bytes[i] !== CR && !(bytes[i] === 0xe2 && bytes[i + 1] === 0x80 && (bytes[i + 2] === 0xa8 || bytes[i + 2] === 0xa9))) i++;
  return i;
}

/** A survey tool's "Unicode text" export is UTF-16 with its byte order mark. */
function utf16Of(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  return head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
}

/** The first `limit` bytes of a file, in one buffer reused from file to file (valid until the next call); undefined when it cannot be read. */
function readUpTo(path: string, limit: number): Buffer | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      const size = Math.min(limit, fstatSync(fd).size + 1);
      if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, 2 * scratch.length));
      let total = 0;
      // A read may return less than asked before the end of the file.
      for (let n = -1; n !== 0 && total < size; total += n) n = readSync(fd, scratch, total, size - total, total);
      return scratch.subarray(0, total);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

let scratch = Buffer.allocUnsafe(1 << 16);

function csvHeaderNamesItem(path: string, itemIds: ReadonlySet<string>): boolean {
  const text = readText(path, CSV_HEAD_BYTES);
  if (text === undefined) return true;
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0]!;
  // Matched as the reader matches them: in the file's delimiter, trimmed, unquoted, without regard to case.
  return header.split(sniffDelimiter(header)).some((cell) => itemIds.has(cell.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase()));
}

/** The first `limit` bytes of the file as text (never more, whatever its size); undefined when it cannot be read. */
function readText(path: string, limit: number): string | undefined {
  const head = readUpTo(path, limit);
  return head === undefined ? undefined : new TextDecoder(utf16Of(head) ?? 'utf-8').decode(head);
}
