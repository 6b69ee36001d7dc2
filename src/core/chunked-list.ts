/**
 * Lists that grow by whole chunks instead of by copying. An array pushed to a hundred thousand
 * times is copied at every growth, and each outgrown copy, long-lived enough to have left the
 * young generation (or past 128 kB made in the large-object space), stays in memory until a full
 * collection, which a run of that length may not reach before it ends: twice the list's size of
 * garbage, per list. A chunk here is made at its full size and never copied; only the first grows
 * as an array does, so a list of a few entries costs no more than an array of them.
 */

/** Entries per chunk: 8 kB of references or numbers, small beside the lists that need chunks. */
const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export class ChunkedList<T> {
  readonly #chunks: T[][] = [[]];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(value: T): void {
    const at = this.#length & MASK;
    if (at === 0 && this.#length > 0) this.#chunks.push(new Array<T>(CHUNK));
    this.#chunks[this.#chunks.length - 1]![at] = value;
    this.#length++;
  }

  /** The entry at `index`, which must be below `length`. */
  at(index: number): T {
    return this.#chunks[index >>> CHUNK_BITS]![index & MASK]!;
  }

  /** The last entry; undefined when there is none. */
  last(): T | undefined {
    return this.#length === 0 ? undefined : this.at(this.#length - 1);
  }
}

/** A growing run of numbers, in Float64Array chunks (no heap number per entry, nothing copied). */
export class ChunkedFloat64 {
  readonly #chunks: Float64Array[] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** Adds `count` zeros at the end. */
  extend(count: number): void {
    for (let i = 0; i < count; i++) {
      if ((this.#length & MASK) === 0) this.#chunks.push(new Float64Array(this.#chunks.length === 0 ? 64 : CHUNK));
      else if (this.#chunks.length === 1 && this.#length === this.#chunks[0]!.length) this.#growFirst();
      this.#length++;
    }
  }

  /** Adds `value` at the end. */
  push(value: number): void {
    this.extend(1);
    this.#chunks[(this.#length - 1) >>> CHUNK_BITS]![(this.#length - 1) & MASK] = value;
  }

  at(index: number): number {
    return this.#chunks[index >>> CHUNK_BITS]![index & MASK]!;
  }

  add(index: number, value: number): void {
    this.#chunks[index >>> CHUNK_BITS]![index & MASK]! += value;
  }

  /** The first chunk starts small (one file's counts need 4 numbers) and doubles up to a chunk. */
  #growFirst(): void {
    const first = this.#chunks[0]!;
    const grown = new Float64Array(Math.min(CHUNK, first.length * 2));
    grown.set(first);
    this.#chunks[0] = grown;
  }
}
