/**
 * One item's change, its interval and its p-value (docs/statistics.md, "An
 * item, independent" and "An item, paired"). The verdict, which depends on
 * every item tested, is verdicts.ts's.
 */
import type { Interval } from '../scoring/statistics/interval.js';
import { differencesInOrder, type DifferenceCounts } from './pair-differences.js';
import { exactPermutationTest, exactSignFlipTest, pairedTTestOfCounts, welchTest } from './statistics/index.js';
import type { SampleItem } from './sample.js';

/** Each side (or the pairs) needs this many numbers to be tested. */
const MIN_TESTED = 3;
/** Up to this many answers in all (or pairs), the exact tests; above, the t-tests. */
const EXACT_LIMIT = 60;

/** Which exact test gave p, for the "could never pass" rule; null for a t-test. */
type ExactKind = { readonly test: 'permutation'; readonly n1: number; readonly n2: number } | { readonly test: 'sign-flip'; readonly pairs: number } | null;

export interface ItemTest {
  readonly change: number | null;
  readonly ci: Interval | null;
  /** Null when the item is not tested. */
  readonly p: number | null;
  readonly exact: ExactKind;
}

const UNTESTED = { ci: null, p: null, exact: null } as const;

/** Independent sides: Welch's interval; the exact permutation test from level counts, else Welch's test. */
export function independentTest(before: SampleItem, after: SampleItem): ItemTest {
  if (before.score === null || after.score === null) return { change: null, ...UNTESTED };
  const change = after.score - before.score;
  if (before.n < MIN_TESTED || after.n < MIN_TESTED) return { change, ...UNTESTED };
  const welch = welchTest({ n: before.n, mean: before.score, sd: before.sd }, { n: after.n, mean: after.score, sd: after.sd });
  // n >= 3 on both sides: both sds exist, so Welch's test always runs.
  const t = welch!;
  if (before.counts !== null && after.counts !== null && before.n + after.n <= EXACT_LIMIT) {
    const exact = exactPermutationTest(valuesOf(before.counts), valuesOf(after.counts));
    return { change, ci: t.ci, p: exact.p, exact: { test: 'permutation', n1: before.n, n2: after.n } };
  }
  return { change, ci: t.ci, p: t.p, exact: null };
}

/**
 * Paired: over the pairs where both gave a number, their differences (after − before, whole levels),
 * counted per value (pair-differences.ts). The interval is the paired t interval; p the exact
 * sign-flip test up to 60 pairs, else the paired t-test.
 */
export function pairedTest(differences: DifferenceCounts): ItemTest {
  const pairs = differences.n;
  if (pairs === 0) return { change: null, ...UNTESTED };
  // Whole numbers: the sum is exact, as it was over the list.
  let sum = 0;
  for (let bin = 0; bin < differences.counts.length; bin++) sum += (differences.lowest + bin) * differences.counts[bin]!;
  const change = sum / pairs;
  if (pairs < MIN_TESTED) return { change, ...UNTESTED };
  const t = pairedTTestOfCounts(differences.lowest, differences.counts)!;
  if (pairs <= EXACT_LIMIT) return { change: t.change, ci: t.ci, p: exactSignFlipTest(differencesInOrder(differences)).p, exact: { test: 'sign-flip', pairs } };
  return { change: t.change, ci: t.ci, p: t.p, exact: null };
}

/** The answers behind level counts, as offsets from the scale's minimum (the permutation test is unchanged by a shift). */
function valuesOf(counts: Float64Array): number[] {
  const values: number[] = [];
  counts.forEach((c, level) => {
    for (let j = 0; j < c; j++) values.push(level);
  });
  return values;
}
