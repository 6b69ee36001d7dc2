/**
 * A list read an entry at a time: what a report holds where it may hold a hundred thousand
 * entries (an item's quotes), each made only when it is read (and left to the young collection
 * once written out) instead of all at once for the whole report. A readonly array is one too, so
 * a report read back from JSON, or made by hand, holds plain arrays.
 */
export interface Sequence<T> extends Iterable<T> {
  readonly length: number;
  at(index: number): T | undefined;
  slice(start?: number, end?: number): T[];
  map<U>(make: (value: T, index: number) => U): U[];
}

/** The entries `0 … length - 1`, each made by `entry` when it is read. JSON writes it as the array it stands for. */
export class LazySequence<T> implements Sequence<T> {
  readonly length: number;
  readonly #entry: (index: number) => T;

  constructor(length: number, entry: (index: number) => T) {
    this.length = length;
    this.#entry = entry;
  }

  at(index: number): T | undefined {
    const n = Math.trunc(index) || 0;
    const i = n < 0 ? n + this.length : n;
    return i >= 0 && i < this.length ? this.#entry(i) : undefined;
  }

  slice(start = 0, end = this.length): T[] {
    const from = clamp(start, this.length);
    const to = clamp(end, this.length);
    const out: T[] = [];
    for (let i = from; i < to; i++) out.push(this.#entry(i));
    return out;
  }

  map<U>(make: (value: T, index: number) => U): U[] {
    const out: U[] = [];
    for (let i = 0; i < this.length; i++) out.push(make(this.#entry(i), i));
    return out;
  }

  /** A sequence of `make` applied to each entry, itself made as it is read. */
  mapped<U>(make: (value: T, index: number) => U): LazySequence<U> {
    return new LazySequence(this.length, (i) => make(this.#entry(i), i));
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.#entry(i);
  }

  toJSON(): T[] {
    return this.slice();
  }
}

/** `sequence.map(make)`, made as it is read where the sequence is: a report's quotes stay lazy through `--attribution none`. */
export function mapSequence<T, U>(sequence: Sequence<T>, make: (value: T, index: number) => U): Sequence<U> {
  return sequence instanceof LazySequence ? (sequence as LazySequence<T>).mapped(make) : sequence.map(make);
}

/** Array.prototype.slice's reading of a bound: negative from the end, clamped to the list. */
function clamp(bound: number, length: number): number {
  const b = Math.trunc(bound) || 0;
  return b < 0 ? Math.max(0, length + b) : Math.min(b, length);
}
