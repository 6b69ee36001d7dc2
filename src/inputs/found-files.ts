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

function hasTopLevelKey(path: string): boolean {
  // One byte past the limit of a YAML file at most: a larger one is the reader's to refuse, in words.
  const head = read(path, MAX_TEXT_BYTES + 1);
  // A file that cannot be read, or is over the limit, is left to the reader, which says why (exit 2).
  return head === undefined || head.bytes > MAX_TEXT_BYTES || TOP_LEVEL_KEY.test(head.text);
}

function csvHeaderNamesItem(path: string, itemIds: ReadonlySet<string>): boolean {
  const text = read(path, CSV_HEAD_BYTES)?.text;
  if (text === undefined) return true;
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0]!;
  // Matched as the reader matches them: in the file's delimiter, trimmed, unquoted, without regard to case.
  return header.split(sniffDelimiter(header)).some((cell) => itemIds.has(cell.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase()));
}

/** The first `limit` bytes of the file as text (never more, whatever its size); undefined when it cannot be read. */
function read(path: string, limit: number): { text: string; bytes: number } | undefined {
  try {
    const fd = openSync(path, 'r');
    try {
      // As much as the file holds (a folder of small files allocates little), one byte more to see it grew.
      const size = Math.min(limit, fstatSync(fd).size + 1);
      const buffer = Buffer.allocUnsafe(size);
      let total = 0;
      // A read may return less than asked before the end of the file.
      for (let n = -1; n !== 0 && total < size; total += n) n = readSync(fd, buffer, total, size - total, total);
      const head = buffer.subarray(0, total);
      // A survey tool's "Unicode text" export is UTF-16 with its byte order mark.
      const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
      return { text: new TextDecoder(encoding).decode(head), bytes: total };
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
