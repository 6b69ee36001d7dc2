/**
 * The items of one family (every respondent, or one group): each item's
 * figures and test, then the verdicts of all of them together, since Holm's
 * adjustment is over the family (docs/statistics.md, "Verdicts for items").
 */
import { isMet } from '../scoring/tolerance.js';
import type { ComparableItem } from './comparable.js';
import type { ItemChange, SideFigures, Unscored } from './comparison.js';
import { independentTest, pairedTest, type ItemTest } from './item-test.js';
import { NA, UNANSWERED, type RespondentTable } from './respondent-table.js';
import type { Sample, SampleItem } from './sample.js';
import type { ComparisonSide } from './side.js';
import { itemVerdicts } from './verdicts.js';

/** An item's place in the comparison: its id and the two sides' lines of it. */
export interface MatchedItem {
  readonly id: string;
  readonly before: ComparableItem | undefined;
  readonly after: ComparableItem | undefined;
}

/** What a family of items (all respondents, or one group) is compared from. */
interface ItemFamily {
  readonly before: Sample;
  readonly after: Sample;
  /** Paired: the matched rows of the two tables taken; null for an independent comparison. */
  readonly pairs: { readonly before: Int32Array; readonly after: Int32Array } | null;
  /** A side's item figure resting on fewer numbers than this is not shown (a group's `--min-group`). */
  readonly minNumbers: number;
}

const NO_NUMBERS: SampleItem = { score: null, index: null, gap: null, n: 0, sd: null, na: null, unanswered: null, counts: null };

/** Every item of a family, tested, then judged together (Holm's adjustment is over the family). */
export function compareItems(matched: readonly MatchedItem[], family: ItemFamily, before: ComparisonSide, after: ComparisonSide): ItemChange[] {
  const paired = family.pairs !== null && before.kind === 'scored' && after.kind === 'scored' ? pairDifferences(matched.map((m) => m.id), before.table, after.table, family.pairs) : null;
  const lines = matched.map((m, item) => {
    const b = shown(family.before.items.get(m.id), family.minNumbers);
    const a = shown(family.after.items.get(m.id), family.minNumbers);
    let test: ItemTest;
    if (paired !== null) {
      const differences = paired[item]!;
      test = differences.length < family.minNumbers || b.score === null || a.score === null ? { change: null, ci: null, p: null, exact: null } : pairedTest(differences);
    } else {
      test = independentTest(b, a);
    }
    return { m, b, a, test };
  });
  const verdicts = itemVerdicts(lines.map((l) => l.test));
  return lines.map(({ m, b, a, test }, i): ItemChange => {
    const either = (m.after ?? m.before)!;
    const met = (gap: number | null): boolean | null => (gap === null ? null : isMet(gap));
    const [wasMet, isNowMet] = [met(b.gap), met(a.gap)];
    return {
      id: either.id,
      section: either.section,
      title: either.title,
      target: either.target,
      before: figuresOf(b),
      after: figuresOf(a),
      change: test.change,
      ci: test.ci,
      p: test.p,
      adjustedP: verdicts[i]!.adjustedP,
      verdict: verdicts[i]!.verdict,
      reachedTarget: wasMet === false && isNowMet === true,
      fellBelowTarget: wasMet === true && isNowMet === false,
      unscored: { before: unscored(b), after: unscored(a) },
    };
  });
}

function unscored(item: SampleItem): Unscored | null {
  return item.na === null || item.unanswered === null ? null : { na: item.na, unanswered: item.unanswered };
}

/** A side's figure, or no figure when it rests on fewer numbers than a group may show. */
function shown(item: SampleItem | undefined, minNumbers: number): SampleItem {
  if (item === undefined) return NO_NUMBERS;
  // The counts of who gave no number say nothing about anyone's answer: they stay.
  return item.n < minNumbers ? { ...NO_NUMBERS, n: item.n, na: item.na, unanswered: item.unanswered } : item;
}

/**
 * Per item, after − before over the pairs where both gave it a number, in ascending order: the
 * t statistics sum in floating point, and sorted differences make the result independent, to the
 * last bit, of the order the respondents were read in. Put in order by counting: the
 * differences are whole numbers within the scale's span (a hundred thousand pairs, an item and a
 * group at a time, would otherwise each be sorted).
 */
function pairDifferences(ids: readonly string[], before: RespondentTable, after: RespondentTable, pairs: ItemFamily['pairs'] & object): Int32Array[] {
  const n = pairs.before.length;
  const m = ids.length;
  const colB = Int32Array.from(ids, (id) => before.itemIds.indexOf(id));
  const colA = Int32Array.from(ids, (id) => after.itemIds.indexOf(id));
  // All items' differences side by side, m per pair, then each item's gathered and put in order.
  const all = new Int32Array(n * m);
  const counts = new Int32Array(m);
  const [b, a] = [before.cells(), after.cells()];
  const shift = after.min - before.min;
  const [kb, ka] = [before.k, after.k];
  const [pairsB, pairsA] = [pairs.before, pairs.after];
  for (let item = 0; item < m; item++) {
    const i = colB[item]!;
    const j = colA[item]!;
    if (i < 0 || j < 0) continue;
    let count = 0;
    const base = item * n;
    for (let p = 0; p < n; p++) {
      const x = b[pairsB[p]! * kb + i]!;
      const y = a[pairsA[p]! * ka + j]!;
      if (x !== UNANSWERED && x !== NA && y !== UNANSWERED && y !== NA) all[base + count++] = y - x + shift;
    }
    counts[item] = count;
  }
  return Array.from({ length: m }, (_, item) => inOrder(all.subarray(item * n, item * n + counts[item]!)));
}

/** The same numbers in ascending order: counted when they span little (whole scale levels apart), sorted otherwise. */
function inOrder(values: Int32Array): Int32Array {
  if (values.length < 64) return values.sort();
  const n = values.length;
  let lo = values[0]!;
  let hi = lo;
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  if (hi - lo > 4096) return values.sort();
  const counts = new Int32Array(hi - lo + 1);
  for (let i = 0; i < n; i++) counts[values[i]! - lo]! += 1;
  let at = 0;
  for (let c = 0; c < counts.length; c++) {
    values.fill(lo + c, at, at + counts[c]!);
    at += counts[c]!;
  }
  return values;
}

export function figuresOf(s: { readonly score: number | null; readonly index: number | null; readonly gap: number | null; readonly n: number }): SideFigures {
  return { score: s.score, index: s.index, gap: s.gap, n: s.n };
}
