/**
 * Who answered both audits (docs/statistics.md, "Paired or independent"):
 * respondents are matched by `respondent.id`, or by `name` when no respondent
 * on either side has an id; keys are compared as trimmed text, and a key
 * missing or repeated on its side pairs nobody. The comparison is paired when
 * at least 3 pairs exist and they are at least half of each side.
 */
import type { Design } from './comparison.js';
import { KeyIndex } from './key-index.js';
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
  const first = new KeyIndex(before, by);
  const second = new KeyIndex(after, by);
  const keys = before.keys(by);
  const afterKeys = after.keys(by);
  // The baseline's rows in order, so the pairs come out in its row order with no sort, and nothing
  // downstream depends on the order keys were met in.
  const b = new Int32Array(Math.min(before.rows, after.rows));
  const a = new Int32Array(b.length);
  let pairs = 0;
  for (let r = 0; r < before.rows; r++) {
    if (!first.isUnique(r)) continue;
    const key = keys[r]!;
    // A follow-up in the baseline's order holds the key in the same row: no need to look it up.
    const other = afterKeys[r] === key ? (second.isUnique(r) ? r : -1) : second.uniqueRow(key);
    if (other < 0) continue;
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
    repeated: { before: first.repeatedRows, after: second.repeatedRows },
  };
}
