/**
 * Who answered both audits (docs/statistics.md, "Paired or independent"):
 * respondents are matched by `respondent.id`, or by `name` when no respondent
 * on either side has an id; keys are compared as trimmed text, and a key
 * missing or repeated on its side pairs nobody. The comparison is paired when
 * at least 3 pairs exist and they are at least half of each side.
 */
import type { Design } from './comparison.js';
import type { RespondentTable } from './respondent-table.js';

const MIN_PAIRS = 3;

export interface Pairing {
  readonly design: Design;
  /** Respondents matched across the sides (whether or not enough to pair the comparison). */
  readonly pairs: number;
  readonly by: 'id' | 'name';
  /** Matched rows, `before[i]` with `after[i]`, in the baseline's row order. */
  readonly before: Int32Array;
  readonly after: Int32Array;
  /** Respondents left unpaired because their key repeats on their side. */
  readonly repeated: { readonly before: number; readonly after: number };
}

export function pairRespondents(before: RespondentTable, after: RespondentTable): Pairing {
  const by = before.hasIds() || after.hasIds() ? 'id' : 'name';
  const first = uniqueKeys(before, by);
  const second = uniqueKeys(after, by);
  const b: number[] = [];
  const a: number[] = [];
  for (const [key, row] of first.rows) {
    const other = second.rows.get(key);
    if (other === undefined) continue;
    b.push(row);
    a.push(other);
  }
  // Rows in the baseline's order, so that nothing downstream depends on the order keys were met in a map.
  const order = b.map((_, i) => i).sort((x, y) => b[x]! - b[y]!);
  const pairs = b.length;
  const paired = pairs >= MIN_PAIRS && 2 * pairs >= before.rows && 2 * pairs >= after.rows;
  return {
    design: paired ? 'paired' : 'independent',
    pairs,
    by,
    before: Int32Array.from(order, (i) => b[i]!),
    after: Int32Array.from(order, (i) => a[i]!),
    repeated: { before: first.repeated, after: second.repeated },
  };
}

/** Key → row for the keys that occur once on the side; and how many rows hold a repeated key. */
function uniqueKeys(table: RespondentTable, by: 'id' | 'name'): { rows: Map<string, number>; repeated: number } {
  // A repeated key maps to minus the times it was met, so one map does for both.
  const rows = new Map<string, number>();
  for (let r = 0; r < table.rows; r++) {
    const key = table.key(r, by);
    if (key === undefined) continue;
    const seen = rows.get(key);
    rows.set(key, seen === undefined ? r : seen >= 0 ? -2 : seen - 1);
  }
  let repeated = 0;
  for (const [key, row] of rows) {
    if (row >= 0) continue;
    rows.delete(key);
    repeated -= row;
  }
  return { rows, repeated };
}
