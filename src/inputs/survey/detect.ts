/**
 * What the input registry asks of a table before any survey code loads: whether stdin holds a
 * table (a workbook, or a header line split by commas, semicolons or tabs), and whether a CSV's
 * head is svcaudit's own layout, which the svcaudit-csv reader reads as it always has.
 */
import { looksLikeCsv } from '../svcaudit-csv/detect.js';

/** A `.xlsx` is a zip archive (docs/file-formats.md, "Files"). */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Text on stdin that is a table rather than YAML: the CSV test, with `;` and tab counted too. */
export function looksLikeTable(text: string): boolean {
  if (text.startsWith('PK\u0003\u0004')) return true;
  return looksLikeCsv(text) || looksLikeCsv(text.replace(/[;\t]/g, ','));
}
