/**
 * Verdicts (docs/statistics.md, "Verdicts for items" and "Sections and the
 * overall score").
 *
 * Items: Holm's adjustment at 0.05 over the m items tested; `improved` or
 * `slipped` by the sign of the change when the adjusted p is below 0.05, else
 * `no clear change`; `too few answers` for an item not tested, and for a
 * tested item whose exact test could not reach 0.05 even with the most
 * extreme result (`m * 2 / C(n1 + n2, n1)` or `m * 2 / 2^pairs` at least 0.05).
 *
 * Sections and the overall score: `change ± t(0.975, df) * sqrt(V_before +
 * V_after)`, df the smaller side's; `improved` or `slipped` when the interval
 * leaves out 0, `too few answers` when either side has no interval.
 */
import type { Interval } from '../scoring/statistics/interval.js';
import { tQuantile } from '../scoring/statistics/t-distribution.js';
import { EPSILON } from '../scoring/tolerance.js';
import type { Verdict } from './comparison.js';
import type { ItemTest } from './item-test.js';
import type { SampleScore } from './sample.js';
import { holmAdjust, permutationCouldNeverPass, signFlipCouldNeverPass } from './statistics/index.js';

const ALPHA = 0.05;

interface ItemVerdict {
  readonly adjustedP: number | null;
  readonly verdict: Verdict;
}

/** The verdicts of one family of items (every item, or one group's), in their order. */
export function itemVerdicts(tests: readonly ItemTest[]): ItemVerdict[] {
  const tested = tests.flatMap((t, i) => (t.p === null ? [] : [i]));
  const m = tested.length;
  const adjusted = holmAdjust(tested.map((i) => tests[i]!.p!));
  const byItem = new Map(tested.map((i, j) => [i, adjusted[j]!]));
  return tests.map((test, i) => {
    const adjustedP = byItem.get(i);
    if (adjustedP === undefined) return { adjustedP: null, verdict: 'too few answers' };
    if (couldNeverPass(test, m)) return { adjustedP, verdict: 'too few answers' };
    return { adjustedP, verdict: adjustedP < ALPHA ? bySign(test.change!) : 'no clear change' };
  });
}

function couldNeverPass(test: ItemTest, m: number): boolean {
  const exact = test.exact;
  if (exact === null) return false;
  return exact.test === 'permutation' ? permutationCouldNeverPass(exact.n1, exact.n2, m) : signFlipCouldNeverPass(exact.pairs, m);
}

function bySign(change: number): Verdict {
  return change > 0 ? 'improved' : change < 0 ? 'slipped' : 'no clear change';
}

interface ScoreChange {
  readonly change: number | null;
  readonly ci: Interval | null;
  readonly verdict: Verdict;
}

/** A section's or the overall score's change, interval and verdict from each side's V and df. */
export function scoreChange(before: SampleScore, after: SampleScore): ScoreChange {
  const change = before.score === null || after.score === null ? null : after.score - before.score;
  if (change === null || before.V === null || after.V === null || before.df === null || after.df === null) return { change, ci: null, verdict: 'too few answers' };
  const df = Math.min(before.df, after.df);
  const half = tQuantile(0.975, df) * Math.sqrt(before.V + after.V);
  const ci: Interval = [change - half, change + half];
  // Both sides without spread and the same scores: a change of rounding noise leaves out 0 by nothing a report can show.
  const verdict: Verdict = ci[0] > EPSILON ? 'improved' : ci[1] < -EPSILON ? 'slipped' : 'no clear change';
  return { change, ci, verdict };
}
