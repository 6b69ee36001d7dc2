/**
 * Texts kept as bytes outside the JavaScript heap, read back as strings on demand: the quotes of
 * a folder of a hundred thousand answers files (docs/architecture.md, "Large inputs: rows read in
 * place, reports written in pieces").
 * A string kept for the report's end is an object of its own that lives through every young
 * collection until it is promoted, and the survivors are what makes V8 grow its young generation
 * (to 32 MB); its bytes here are one copy in a buffer that the collector never walks, at one byte
 * a character for ASCII and latin-1 text. Read back, each text is exactly the one pushed: latin-1
 * where every character fits a byte, UTF-16 code units otherwise (lone surrogates included), never
 * UTF-8, which would replace a lone surrogate. A kept text is thereby detached from the text it was
 * cut from (core/detached.ts), with no copy of its own.
 */

/** The first buffer is small (a report of a few quotes keeps a few hundred bytes) and each next one doubles, up to this. */
const FIRST_BYTES = 256;
const MAX_BYTES = 1 << 16;

/** Entries per metadata chunk (chunks, so nothing is copied as the column grows). */
const ENTRY_BITS = 10;
const ENTRIES = 1 << ENTRY_BITS;
const ENTRY_MASK = ENTRIES - 1;

/** An entry's byte length for an absent text (push(undefined)). */
const ABSENT = -1;

/** Any character past latin-1: such a text is kept as UTF-16. */
const WIDE = /[^\u0000-\u00ff]/;

export class TextColumn {
  readonly #buffers: Buffer[] = [];
  #used = 0;
  /** Per entry, three numbers: its buffer, its first byte there, and its length in bytes (negative: UTF-16, ABSENT: no text). */
  readonly #entries: Int32Array[] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** Keeps a text (or its absence) at the next index, which it returns. */
  push(text: string | undefined): number {
    const index = this.#length;
    const at = (index & ENTRY_MASK) * 3;
    if (at === 0) this.#entries.push(new Int32Array(index === 0 ? 12 : 3 * ENTRIES));
    else if (this.#entries.length === 1 && at === this.#entries[0]!.length) this.#growFirstEntries();
    const entries = this.#entries[this.#entries.length - 1]!;
    if (text === undefined) {
      entries[at + 2] = ABSENT;
    } else {
      // ASCII is the common case, told apart by a native count (its UTF-8 is a byte a character);
      // the rest of latin-1 by one regular expression.
      const wide = Buffer.byteLength(text, 'utf8') !== text.length && WIDE.test(text);
      const bytes = wide ? text.length * 2 : text.length;
      const buffer = this.#room(bytes);
      const start = this.#used;
      buffer.write(text, start, bytes, wide ? 'utf16le' : 'latin1');
      this.#used += bytes;
      entries[at] = this.#buffers.length - 1;
      entries[at + 1] = start;
      entries[at + 2] = wide ? -bytes : bytes;
    }
    this.#length++;
    return index;
  }

  /** The text at `index` (below `length`), as pushed. */
  at(index: number): string | undefined {
    const entries = this.#entries[index >>> ENTRY_BITS]!;
    const at = (index & ENTRY_MASK) * 3;
    const bytes = entries[at + 2]!;
    if (bytes === ABSENT) return undefined;
    const buffer = this.#buffers[entries[at]!]!;
    const start = entries[at + 1]!;
    return bytes >= 0 ? buffer.toString('latin1', start, start + bytes) : buffer.toString('utf16le', start, start - bytes);
  }

  /** A buffer with `bytes` free at its end: the current one, or a new one (a text larger than a buffer gets its own). */
  #room(bytes: number): Buffer {
    const last = this.#buffers[this.#buffers.length - 1];
    if (last !== undefined && last.length - this.#used >= bytes) return last;
    const next = Math.max(bytes, last === undefined ? FIRST_BYTES : Math.min(MAX_BYTES, last.length * 2));
    // Outside Buffer's shared pool: a pooled slice would keep its whole 8 kB pool alive.
    const buffer = Buffer.allocUnsafeSlow(next);
    this.#buffers.push(buffer);
    this.#used = 0;
    return buffer;
  }

  /** The first metadata chunk starts at four entries and doubles up to a chunk. */
  #growFirstEntries(): void {
    const first = this.#entries[0]!;
    const grown = new Int32Array(Math.min(3 * ENTRIES, first.length * 2));
    grown.set(first);
    this.#entries[0] = grown;
  }
}
