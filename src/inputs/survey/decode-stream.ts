/**
 * Bytes of a survey export → text, one chunk at a time (docs/file-formats.md, "Files": UTF-8 with or
 * without a byte-order mark, UTF-16 LE or BE with one; a file that is not valid UTF-8 is read as
 * Windows-1252 with a warning naming the file; no character is ever silently replaced).
 *
 * Without a byte-order mark the text is UTF-8 until a byte sequence says otherwise. When that
 * happens before any non-ASCII character was read, the whole file is Windows-1252 (ASCII reads
 * the same in both), so decoding goes on in that code page with one warning. After valid UTF-8
 * characters, the file mixes encodings: an error, and the rest is read as Windows-1252 so that no
 * text is lost.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { finding, type Finding } from '../../core/finding.js';
import { decodeWindows1252 } from './windows-1252.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Where the decoding stands: which encoding, and the line reached (for a finding's position). */
interface State {
  encoding: Encoding;
  /** Reading stopped at bytes that are no text in the file's declared encoding. */
  stopped: boolean;
  sawNonAscii: boolean;
  line: number;
}

export async function* decodeStream(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, file: string, report: (f: Finding) => void): AsyncGenerator<string> {
  let state: State | undefined;
  let carry: Uint8Array = new Uint8Array(0);
  for await (const piece of chunks) {
    let bytes = concat(carry, piece);
    carry = new Uint8Array(0);
    if (!state) {
      if (bytes.length < 3 && bytes.length > 0) {
        carry = bytes; // too short to see a byte-order mark yet
        continue;
      }
      const bom = byteOrderMark(bytes);
      state = { encoding: bom.encoding, stopped: false, sawNonAscii: false, line: 1 };
      bytes = bytes.subarray(bom.length);
      if (bom.length === 0 && bytes.subarray(0, 4096).includes(0)) {
        // NUL bytes: UTF-16 without its byte-order mark, or not text at all (an .xls, a .zip).
        report(finding('file-binary', 'This file holds binary data, not CSV text (UTF-16 needs its byte-order mark; an Excel file must be .xlsx).', file, { line: 1, column: 1 }));
        state.stopped = true;
      }
    }
    const { text, rest } = decodeSome(bytes, state, file, report, false);
    carry = rest;
    if (text) yield text;
  }
  if (!state) {
    const bom = byteOrderMark(carry);
    state = { encoding: bom.encoding, stopped: false, sawNonAscii: false, line: 1 };
    carry = carry.subarray(bom.length);
  }
  const { text } = decodeSome(carry, state, file, report, true);
  if (text) yield text;
}

function byteOrderMark(bytes: Uint8Array): { encoding: Encoding; length: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return { encoding: 'utf-8', length: 0 };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Decodes what can be decoded now; `rest` holds a character cut by the chunk's end. */
function decodeSome(bytes: Uint8Array, state: State, file: string, report: (f: Finding) => void, last: boolean): { text: string; rest: Uint8Array } {
  if (state.stopped) return { text: '', rest: new Uint8Array(0) };
  if (state.encoding === 'windows-1252') return counted(decodeWindows1252(bytes), state);
  if (state.encoding === 'utf-16le' || state.encoding === 'utf-16be') return decodeUtf16(bytes, state, file, report, last);
  const cut = last ? bytes.length : completeUtf8Length(bytes);
  const whole = bytes.subarray(0, cut);
  if (isUtf8(whole)) {
    const text = Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength).toString('utf8');
    // On the bytes, natively: a regular expression over a million rows of text costs a tenth of the read.
    if (!state.sawNonAscii && !isAscii(whole)) state.sawNonAscii = true;
    return { ...counted(text, state), rest: bytes.subarray(cut) };
  }
  const bad = firstInvalidUtf8(whole);
  const good = whole.subarray(0, bad);
  const before = Buffer.from(good.buffer, good.byteOffset, good.byteLength).toString('utf8');
  const sawNonAscii = state.sawNonAscii || /[^\x00-\x7f]/.test(before);
  const head = counted(before, state).text;
  if (sawNonAscii) {
    report(finding('file-encoding-invalid', `Line ${state.line} holds bytes that are not UTF-8, after text that is: the file mixes encodings. The rest is read as Windows-1252.`, file, { line: state.line, column: 1 }));
  } else {
    report(finding('file-encoding', 'The file is not UTF-8 text; it was read as Windows-1252. Check that accented names read right, or export the file again as UTF-8.', file, { line: 1, column: 1 }));
  }
  state.encoding = 'windows-1252';
  return { text: head + counted(decodeWindows1252(bytes.subarray(bad)), state).text, rest: new Uint8Array(0) };
}

function counted(text: string, state: State): { text: string; rest: Uint8Array } {
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) state.line++;
  return { text, rest: new Uint8Array(0) };
}

/** The length of the prefix that ends on a character boundary (a multi-byte character may be cut by the chunk). */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** The offset of the first byte that does not start a valid UTF-8 sequence (the bytes hold one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0 || i + need >= bytes.length) return i;
    if (!isUtf8(bytes.subarray(i, i + need + 1))) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** UTF-16 by code units; a lone surrogate is no character, so it is an error rather than a U+FFFD. */
function decodeUtf16(bytes: Uint8Array, state: State, file: string, report: (f: Finding) => void, last: boolean): { text: string; rest: Uint8Array } {
  let even = bytes.length - (bytes.length % 2);
  if (!last && even >= 2) {
    // Keep a high surrogate at the very end for the next chunk, where its pair is.
    const unit = state.encoding === 'utf-16le' ? bytes[even - 2]! | (bytes[even - 1]! << 8) : (bytes[even - 2]! << 8) | bytes[even - 1]!;
    if (unit >= 0xd800 && unit <= 0xdbff) even -= 2;
  }
  let body = bytes.subarray(0, even);
  if (state.encoding === 'utf-16be') body = Buffer.from(body).swap16();
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf16le');
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  const odd = last && bytes.length % 2 === 1;
  if (lone || odd) {
    const before = lone ? text.slice(0, lone.index) : text;
    const head = counted(before, state).text;
    report(finding('file-encoding-invalid', `The file starts with a UTF-16 byte-order mark, but line ${state.line} is not valid UTF-16; reading stopped there.`, file, { line: state.line, column: 1 }));
    state.stopped = true;
    return { text: head, rest: new Uint8Array(0) };
  }
  return { ...counted(text, state), rest: bytes.subarray(even) };
}
