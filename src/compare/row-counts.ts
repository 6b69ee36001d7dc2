/**
 * What the figures of some rows of a respondent table are worked out from
 * (sample.ts): per item its level counts and its `na`s, and per row which
 * items it gave a number, for how many respondents a section rests on.
 *
 * `countGroups` counts every group of a side in one pass over its table, and
 * the whole side is its groups added up: `compare --by` reads a hundred
 * thousand rows once per side, not once per group and again for the side.
 * The counts are whole numbers, so adding them up gives the very counts a
 * pass over all the rows would, and the same figures to the last bit.
 */
import { NA, UNANSWERED, type RespondentTable } from './respondent-table.js';

/** Rows of the table to take: every row, or a list (one group's). */
export type Rows = Int32Array | null;

/** Per row of the table, one bit per column it gave a number: `words` 32-bit words a row. */
interface AnsweredColumns {
  readonly words: number;
  /** Int32, not Uint32: the bitwise operators give int32, so the bits never pass through a double. */
  readonly bits: Int32Array;
}

export class RowCounts {
  /** Per item, respondents per level: `counts[i][offset]`, the offset from the scale's minimum. */
  readonly counts: readonly Float64Array[];
  /** Per item, respondents who answered `na`. */
  readonly na: Float64Array;
  /** The rows counted: every row of the table when null. */
  readonly rows: Rows;
  readonly #table: RespondentTable;
  readonly #answered: AnsweredColumns;

  constructor(table: RespondentTable, rows: Rows, counts: readonly Float64Array[], na: Float64Array, answered: AnsweredColumns) {
    this.#table = table;
    this.rows = rows;
    this.counts = counts;
    this.na = na;
    this.#answered = answered;
  }

  get respondents(): number {
    return this.rows === null ? this.#table.rows : this.rows.length;
  }

  /** How many of the rows gave a number to at least one column of positive weight. */
  answering(weights: ArrayLike<number>): number {
    const { words, bits } = this.#answered;
    const wanted = new Int32Array(words);
    for (let i = 0; i < weights.length; i++) if (weights[i]! > 0) wanted[i >>> 5]! |= 1 << (i & 31);
    const rows = this.rows;
    const count = this.respondents;
    let n = 0;
    for (let r = 0; r < count; r++) {
      const base = (rows === null ? r : rows[r]!) * words;
      for (let w = 0; w < words; w++) {
        if ((bits[base + w]! & wanted[w]!) !== 0) {
          n++;
          break;
        }
      }
    }
    return n;
  }
}

/** The counts of the given rows (every row when null). */
export function countRows(table: RespondentTable, rows: Rows = null): RowCounts {
  const { counts, na, answered } = tally(table, rows, false, 1);
  return new RowCounts(table, rows, itemViews(counts, table, 0), na, answered);
}

/** A side's counts: the whole side, and with `--by` each group's (by the table's group index; empty without). */
export interface TableCounts {
  readonly all: RowCounts;
  readonly groups: readonly RowCounts[];
}

/** Every group of the table counted in one pass, and the whole side as their sum. */
export function countGroups(table: RespondentTable): TableCounts {
  if (table.by === null) return { all: countRows(table), groups: [] };
  const groupCount = table.groups().length;
  const { counts, na, answered, sizes } = tally(table, null, true, groupCount);
  // Each group's rows, in table order.
  const rowsOf = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(groupCount);
  for (let r = 0; r < table.rows; r++) {
    const g = table.group(r);
    rowsOf[g]![filled[g]!++] = r;
  }
  const k = table.k;
  const groups = rowsOf.map((rows, g) => new RowCounts(table, rows, itemViews(counts, table, g), na.subarray(g * k, (g + 1) * k), answered));
  // The side: the groups' counts added up (whole numbers, so exactly).
  const allCounts = new Float64Array(k * table.levels);
  const allNa = new Float64Array(k);
  for (let g = 0; g < groupCount; g++) {
    const from = g * allCounts.length;
    for (let c = 0; c < allCounts.length; c++) allCounts[c]! += counts[from + c]!;
    for (let i = 0; i < k; i++) allNa[i]! += na[g * k + i]!;
  }
  return { all: new RowCounts(table, null, itemViews(allCounts, table, 0), allNa, answered), groups };
}

/**
 * One pass over the rows (every row when null), each counted in its bucket: its group when
 * `grouped`, else bucket 0. Counts are `counts[(bucket * k + i) * levels + offset]`, `na[bucket * k + i]`.
 */
function tally(table: RespondentTable, rows: Rows, grouped: boolean, buckets: number): { counts: Float64Array; na: Float64Array; answered: AnsweredColumns; sizes: Int32Array } {
  const { k, levels } = table;
  const words = (k + 31) >>> 5;
  const bits = new Int32Array(table.rows * words);
  const counts = new Float64Array(buckets * k * levels);
  const na = new Float64Array(buckets * k);
  const sizes = new Int32Array(buckets);
  const cells = table.cells();
  const count = rows === null ? table.rows : rows.length;
  for (let r = 0; r < count; r++) {
    const row = rows === null ? r : rows[r]!;
    const bucket = grouped ? table.group(row) : 0;
    sizes[bucket]! += 1;
    const base = row * k;
    const itemBase = bucket * k;
    for (let i = 0; i < k; i++) {
      const cell = cells[base + i]!;
      if (cell === UNANSWERED) continue;
      if (cell === NA) {
        na[itemBase + i]! += 1;
        continue;
      }
      // Cells hold the level's offset from the scale's minimum, plus 1.
      counts[(itemBase + i) * levels + cell - 1]! += 1;
      bits[row * words + (i >>> 5)]! |= 1 << (i & 31);
    }
  }
  return { counts, na, answered: { words, bits }, sizes };
}

/** Bucket `bucket`'s level counts, one view per item. */
function itemViews(counts: Float64Array, table: RespondentTable, bucket: number): Float64Array[] {
  const { k, levels } = table;
  return Array.from({ length: k }, (_, i) => counts.subarray((bucket * k + i) * levels, (bucket * k + i + 1) * levels));
}
