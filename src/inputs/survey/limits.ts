/**
 * docs/file-formats.md, "Files": limits checked while reading a survey export. Text is measured in
 * characters after decoding (the same as bytes for the ASCII that exports mostly hold).
 */
export const MAX_CELL = 100_000;
export const MAX_ROW = 1_000_000;
export const MAX_XLSX_BYTES = 50_000_000;
export const MAX_XLSX_UNPACKED = 500_000_000;

/** Reading stops at the first limit passed: one finding names it. */
export class LimitError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}
