/**
 * Per-group item scores and their spread (docs/formulas.md, "Groups").
 */
import { NO_GROUP } from './tally.js';
import type { Tally } from './tally.js';
import { compareCodePoints } from '../core/order.js';

interface GroupScores {
  /** Group value → the item's mean in that group; null when nobody in it scored the item. */
  readonly groups: Record<string, number | null>;
  /** Largest minus smallest group score; null with fewer than two scored groups. */
  readonly spread: number | null;
}

/** A group's exact mean, kept as the fraction sum / n. */
interface Mean {
  readonly n: number;
  readonly sum: number;
}

/**
 * Every group value seen gets a key, so a reader sees which groups were
 * silent on an item. Keys are sorted (`(none)` last) so the JSON does not
 * depend on which respondent came first.
 *
 * The `(none)` group is shown but left out of the spread: it is not a point of
 * view, and a few respondents missing a `role` cell should not raise a
 * perception-gap flag between, say, staff and "unknown".
 *
 * The spread is computed from the two fractions, not from the two rounded
 * means: 13/3 - 10/3 in doubles is 0.9999999999999996, which would miss the
 * `>= 1.0` flag for a spread of exactly one point.
 */
export function groupScores(tally: Tally, slot: number, order: readonly string[]): GroupScores {
  // No prototype: a group named `__proto__` (a role cell, a --by value) is then an own key like any
  // other, where on a plain object the assignment would set the prototype and the group would vanish.
  const groups: Record<string, number | null> = Object.create(null) as Record<string, number | null>;
  let lo: Mean | undefined;
  let hi: Mean | undefined;
  let scored = 0;
  for (const value of order) {
    const sums = tally.groups.get(value);
    const mean: Mean = { n: sums?.[2 * slot] ?? 0, sum: sums?.[2 * slot + 1] ?? 0 };
    groups[value] = mean.n > 0 ? mean.sum / mean.n : null;
    if (mean.n === 0 || value === NO_GROUP) continue;
    scored++;
    if (lo === undefined || compareMeans(mean, lo) < 0) lo = mean;
    if (hi === undefined || compareMeans(mean, hi) > 0) hi = mean;
  }
  if (lo === undefined || hi === undefined || scored < 2) return { groups, spread: null };
  // hi - lo = (hi.sum*lo.n - lo.sum*hi.n) / (hi.n*lo.n): exact integers, one rounding.
  return { groups, spread: Number(crossDiff(hi, lo)) / (hi.n * lo.n) };
}

function compareMeans(a: Mean, b: Mean): number {
  const d = crossDiff(a, b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** a.sum*b.n - b.sum*a.n, in BigInt so large groups cannot round it. */
function crossDiff(a: Mean, b: Mean): bigint {
  return BigInt(a.sum) * BigInt(b.n) - BigInt(b.sum) * BigInt(a.n);
}

/** Group values in report order ((none) last); sort once per report and pass it to groupScores. */
export function sortedGroupValues(tally: Tally): string[] {
  return [...tally.groups.keys()].sort((a, b) => {
    if (a === NO_GROUP || b === NO_GROUP) return (a === NO_GROUP ? 1 : 0) - (b === NO_GROUP ? 1 : 0);
    return compareCodePoints(a, b);
  });
}
