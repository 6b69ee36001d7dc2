import { finding, type Finding } from '../rubric/finding.js';
import { START } from '../rubric/source.js';

/** Turns raw bytes into text, or a finding when they are not UTF-8 text. */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { finding: Finding } {
  if (bytes.includes(0)) return { finding: finding('file-binary', 'This file holds binary data, not YAML text.', file, START) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { finding: finding('file-binary', 'This file is not UTF-8 text.', file, START) };
  }
}
