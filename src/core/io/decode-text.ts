import { finding, type Finding } from '../finding.js';
import { START } from '../source.js';

/**
 * Bytes as UTF-8 text, up to `end` (a head to sniff), without copying them first as
 * `Buffer.from(bytes)` would: a survey export can be large. Invalid sequences read as U+FFFD.
 */
export function utf8Text(bytes: Uint8Array, end = bytes.byteLength): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', 0, end);
}

/** Turns raw bytes into text, or a finding when they are not UTF-8 text. */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { finding: Finding } {
  if (bytes.includes(0)) return { finding: finding('file-binary', 'This file holds binary data, not YAML text.', file, START) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { finding: finding('file-binary', 'This file is not UTF-8 text.', file, START) };
  }
}
