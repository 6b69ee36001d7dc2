/**
 * The rows of one side by their pairing key (pairing.ts): which row holds a
 * key, and whether the key repeats on the side.
 *
 * An open-addressing table of row numbers in a typed array, sized once for
 * the side's rows, rather than a Map of a hundred thousand strings: filling
 * and asking the Map was the larger part of pairing two 100,000-row exports
 * (it grows, and rehashes, as it fills). The table only finds rows; equal
 * keys are still told apart by comparing the texts, so a hash collision
 * costs a probe, never a wrong pair. The hash is seeded per run, so no
 * list of names can be made to collide on purpose.
 */
import type { RespondentTable } from './respondent-table.js';

const EMPTY = -1;
const SEED = (Math.random() * 2 ** 32) | 0;

export class KeyIndex {
  readonly #keys: readonly (string | undefined)[];
  /** Row numbers, EMPTY where none; at most half full, so a probe sequence is short. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  /** Per row, 1 when its key is held by another row of the side too. */
  readonly #repeated: Uint8Array;
  /** Rows whose key repeats on the side. */
  readonly repeatedRows: number;

  constructor(table: RespondentTable, by: 'id' | 'name') {
    const rows = table.rows;
    const keys = table.keys(by);
    let size = 16;
    while (size < 2 * rows) size *= 2;
    this.#keys = keys;
    this.#slots = new Int32Array(size).fill(EMPTY);
    this.#mask = size - 1;
    this.#repeated = new Uint8Array(rows);
    let repeatedRows = 0;
    for (let r = 0; r < rows; r++) {
      const key = keys[r];
      if (key === undefined) continue;
      const slot = this.#slotOf(key);
      const first = this.#slots[slot]!;
      if (first === EMPTY) {
        this.#slots[slot] = r;
        continue;
      }
      // The second row of a key counts both; every later one, itself.
      if (this.#repeated[first] === 0) repeatedRows++;
      this.#repeated[first] = 1;
      this.#repeated[r] = 1;
      repeatedRows++;
    }
    this.repeatedRows = repeatedRows;
  }

  /** The row holding `key`, or -1 when no row does or when it repeats on the side. */
  uniqueRow(key: string): number {
    const row = this.#slots[this.#slotOf(key)]!;
    return row === EMPTY || this.#repeated[row] === 1 ? -1 : row;
  }

  /** Whether row `r`'s key is held by no other row of the side. */
  isUnique(r: number): boolean {
    return this.#keys[r] !== undefined && this.#repeated[r] === 0;
  }

  /** The slot of `key`: the one holding its first row, or the empty one where it would go. */
  #slotOf(key: string): number {
    const slots = this.#slots;
    const keys = this.#keys;
    const mask = this.#mask;
    let slot = hash(key) & mask;
    for (;;) {
      const row = slots[slot]!;
      if (row === EMPTY || keys[row] === key) return slot;
      slot = (slot + 1) & mask;
    }
  }
}

/** FNV-1a over the UTF-16 code units, from a per-run seed. */
function hash(key: string): number {
  let h = SEED ^ 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  // A final mix, so that the low bits the mask keeps depend on every character.
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}
