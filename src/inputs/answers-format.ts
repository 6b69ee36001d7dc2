/**
 * Whether an answers input is a survey CSV export or YAML: a `.csv` name says
 * CSV; stdin has no name, so its first line decides (a comma-separated header
 * with no `key:`). YAML comments, blank lines and document markers are skipped
 * first (a `# Interview with Dana, customer` comment has a comma too), and a
 * flow mapping (`{svcaudit: 1, ...}`) is YAML. `score` and `validate` both ask here.
 */
import { utf8Text } from '../core/io/decode-text.js';
import { STDIN } from '../core/io/read-input.js';

export type AnswersFormat = 'csv' | 'yaml';

function isCsvPath(path: string): boolean {
  return /\.csv$/i.test(path);
}

export function answersFormat(path: string, bytes?: Uint8Array): AnswersFormat {
  if (isCsvPath(path)) return 'csv';
  if (path !== STDIN || bytes === undefined) return 'yaml';
  const head = utf8Text(bytes, 4096).replace(/^\uFEFF/, '');
  const firstLine = head.split(/\r?\n|\r/).find((line) => !/^\s*(#|%|---(\s|$)|$)/.test(line)) ?? '';
  return firstLine.includes(',') && !/^\s*[{[]/.test(firstLine) && !/^\s*[\w-]+:(\s|$)/.test(firstLine) ? 'csv' : 'yaml';
}
