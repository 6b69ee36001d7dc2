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
  // The baseline's rows in order, so the pairs come out in its row order with no sort, and nothing
  // downstream depends on the order keys were met in a map.
  const b = new Int32Array(Math.min(before.rows, after.rows));
  const a = new Int32Array(b.length);
  let pairs = 0;
  for (let r = 0; r < before.rows; r++) {
    const key = before.key(r, by);
    // A repeated key maps to a negative count (uniqueKeys): only a row that holds its key alone pairs.
    if (key === undefined || first.rows.get(key) !== r) continue;
    const other = second.rows.get(key);
    if (other === undefined || other < 0) continue;
    b[pairs] = r;
    a[pairs] = other;
    pairs++;
  }
  const paired = pairs >= MIN_PAIRS && 2 * pairs >= before.rows && 2 * pairs >= after.rows;
  return {
    design: paired ? 'paired' : 'independent',
    pairs,
    by,
    before: b.slice(0, pairs),
    after: a.slice(0, pairs),
    repeated: { before: first.repeated, after: second.repeated },
  };
}

/**
 * Key → row for the keys that occur once on the side, and how many rows hold a repeated key. A
 * repeated key maps to minus the times it was met, so one map does for both.
 */
function uniqueKeys(table: RespondentTable, by: 'id' | 'name'): { rows: ReadonlyMap<string, number>; repeated: number } {
  const rows = new Map<string, number>();
  let repeated = 0;
  for (let r = 0; r < table.rows; r++) {
    const key = table.key(r, by);
    if (key === undefined) continue;
    const seen = rows.get(key);
    if (seen === undefined) {
      rows.set(key, r);
      continue;
    }
    // The second time a key is met counts both its rows; every later time, one more.
    repeated += seen >= 0 ? 2 : 1;
    rows.set(key, seen >= 0 ? -2 : seen - 1);
  }
  return { rows, repeated };
}
