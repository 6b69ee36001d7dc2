import { utf8Text } from '../../core/io/decode-text.js';

/**
 * Whether text on stdin is a CSV export rather than YAML: its first line is a comma-separated
 * header with no `key:`. YAML comments, blank lines and document markers are skipped first (a
 * `# Interview with Dana, customer` comment has a comma too), and a flow mapping
 * (`{svcaudit: 1, ...}`) is YAML.
 */
export function looksLikeCsv(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const firstLine = head.split(/\r?\n|\r/).find((line) => !/^\s*(#|%|---(\s|$)|$)/.test(line)) ?? '';
  return firstLine.includes(',') && !/^\s*[{[]/.test(firstLine) && !/^\s*[\w-]+:(\s|$)/.test(firstLine);
}

/** The start of some bytes as text, for `looksLikeCsv`. */
export function headText(bytes: Uint8Array): string {
  return utf8Text(bytes, 4096);
}
