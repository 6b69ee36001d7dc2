import { finding, type Finding } from '../finding.js';
import { START } from '../source.js';

/**
 * Bytes as UTF-8 text, up to `end` (a head to sniff), without copying them first as
 * `Buffer.from(bytes)` would: a survey export can be large. Invalid sequences read as U+FFFD.
 */
export function utf8Text(bytes: Uint8Array, end = bytes.byteLength): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', 0, end);
}

/**
 * The most a YAML or JSON file may hold (docs/file-formats.md, "Limits"): the built-in rubric is
 * 35 kB, and no rubric, answers or report file comes near this. Files are read no further than
 * one byte past it (read-input.ts), so a larger one is known without reading it whole.
 */
export const MAX_TEXT_BYTES = 2_000_000;

/** Turns raw bytes into text, or a finding when they are not UTF-8 text or are over MAX_TEXT_BYTES. */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { finding: Finding } {
  if (bytes.includes(0)) return { finding: finding('file-binary', 'This file holds binary data, not YAML text.', file, START) };
  if (bytes.byteLength > MAX_TEXT_BYTES) {
    const message = 'The file is larger than 2 MB, far larger than a rubric, answers or report file needs. For many respondents, use one file each or a CSV export.';
    return { finding: finding('yaml-too-complex', message, file, START) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { finding: finding('file-binary', 'This file is not UTF-8 text.', file, START) };
  }
}
