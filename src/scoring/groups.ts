/**
 * Groups (`--by`, docs/formulas.md "Groups"): each group's item figures, which are shown, and the
 * spread between the highest and lowest shown group, naming both.
 */
import { compareCodePoints } from '../core/order.js';
import type { Scale } from '../rubric/model.js';
import type { GroupFigure, Spread } from './report.js';
import { levelStats } from './stats.js';
import { meanInterval } from './statistics/mean-interval.js';
import type { GroupTally, Tally } from './tally.js';

/** Groups smaller than this are reported as "fewer than K respondents", without scores (`--min-group`). */
export const DEFAULT_MIN_GROUP = 3;

/** The groups in report order: code-point order of their key (the value trimmed and lower-cased). */
export function orderedGroups(tally: Tally): GroupTally[] {
  return [...tally.groups.entries()].sort(([a], [b]) => compareCodePoints(a, b)).map(([, group]) => group);
}

/** One item's level counts within a group. */
export function groupCounts(group: GroupTally, slot: number, levels: number): Float64Array {
  return group.counts.subarray(slot * levels, (slot + 1) * levels);
}

interface ItemGroups {
  /** Group value → the item's figure, for the shown groups whose figure has at least K numbers. */
  readonly groups: Record<string, GroupFigure>;
  readonly spread: Spread | null;
}

/** A group's mean as the exact fraction sum / n, for comparisons that one rounding cannot tip. */
interface Mean {
  readonly value: string;
  readonly n: number;
  readonly sum: number;
}

/**
 * The item's figure in each shown group, and the spread. On a tie, `high` is the first of the
 * tied highest in group order and `low` the last of the tied lowest, so with two or more groups
 * they differ. The spread is computed from the two fractions, not from two rounded means: 13/3 -
 * 10/3 in doubles is 0.9999999999999996, which would miss the `>= 1.0` flag for exactly one point.
 */
export function itemGroups(groups: readonly GroupTally[], slot: number, scale: Scale, minGroup: number): ItemGroups {
  const levels = scale.max - scale.min + 1;
  const figures: [string, GroupFigure][] = [];
  let hi: Mean | undefined;
  let lo: Mean | undefined;
  for (const group of groups) {
    if (group.respondents < minGroup) continue;
    const counts = groupCounts(group, slot, levels);
    const stats = levelStats(counts, scale);
    if (stats.n < minGroup || stats.mean === null) continue;
    figures.push([group.value, { score: stats.mean, n: stats.n, ci: meanInterval(stats.n, stats.mean, stats.sd) }]);
    let sum = 0;
    for (let k = 0; k < levels; k++) sum += (counts[k] ?? 0) * (scale.min + k);
    const mean: Mean = { value: group.value, n: stats.n, sum };
    if (hi === undefined || compareMeans(mean, hi) > 0) hi = mean;
    if (lo === undefined || compareMeans(mean, lo) <= 0) lo = mean;
  }
  // Object.fromEntries defines own properties, so a group called `__proto__` stays a group.
  const shown = Object.fromEntries(figures);
  if (hi === undefined || lo === undefined || figures.length < 2) return { groups: shown, spread: null };
  // hi - lo = (hi.sum*lo.n - lo.sum*hi.n) / (hi.n*lo.n): exact integers, one rounding.
  return { groups: shown, spread: { value: Number(crossDiff(hi, lo)) / (hi.n * lo.n), high: hi.value, low: lo.value } };
}

function compareMeans(a: Mean, b: Mean): number {
  const d = crossDiff(a, b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** a.sum*b.n - b.sum*a.n, in BigInt so large groups cannot round it. */
function crossDiff(a: Mean, b: Mean): bigint {
  return BigInt(a.sum) * BigInt(b.n) - BigInt(b.sum) * BigInt(a.n);
}
