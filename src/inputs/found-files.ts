/**
 * Which files met in a folder or a glob are svcaudit's (docs/file-formats.md, "Folders and
 * globs"): a `.yaml`/`.yml` file with a top-level `svcaudit:` key, a configuration file (for
 * `validate`), a `.csv` file whose header holds an item id of the rubric in use. Anything else in
 * a repository (a CI workflow, docker-compose.yml, a spreadsheet of something else) is passed over
 * and counted, never reported as a broken rubric. A file named outright is always read.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { isConfigFileName } from '../core/config-files.js';
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
  const text = read(path, undefined);
  // A file that cannot be read is left to the reader, which says why (exit 2).
  return text === undefined || TOP_LEVEL_KEY.test(text);
}

function csvHeaderNamesItem(path: string, itemIds: ReadonlySet<string>): boolean {
  const text = read(path, CSV_HEAD_BYTES);
  if (text === undefined) return true;
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0]!;
  // Matched as the reader matches them: in the file's delimiter, trimmed, unquoted, without regard to case.
  return header.split(sniffDelimiter(header)).some((cell) => itemIds.has(cell.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase()));
}

/** The file as text, or its first `limit` bytes; undefined when it cannot be read. */
function read(path: string, limit: number | undefined): string | undefined {
  try {
    if (limit === undefined) return readFileSync(path, 'utf8');
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(limit);
      const head = buffer.subarray(0, readSync(fd, buffer, 0, limit, 0));
      // A survey tool's "Unicode text" export is UTF-16 with its byte order mark.
      if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
      if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
      return head.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
