/**
 * One item's line of the report: statistics from its level counts, gap,
 * priority, groups and flags.
 */
import type { Item, Scale } from '../rubric/model.js';
import { itemGroups } from './groups.js';
import { meanInterval } from './statistics/mean-interval.js';
import { wilsonInterval } from './statistics/wilson-interval.js';
import type { ItemFlag, ItemResult } from './report.js';
import { scaleIndex } from './scale.js';
import { levelStats } from './stats.js';
import type { GroupTally, ItemTally, Tally } from './tally.js';

/** docs/statistics.md: "below 0.7 the report flags low agreement". */
const LOW_AGREEMENT = 0.7;

/** rwg means little with fewer answers: two random answerers reach 0.7 about half the time. */
const MIN_RWG_ANSWERS = 3;

interface ItemContext {
  readonly tally: Tally;
  readonly scale: Scale;
  /** The item's effective weight e_i; undefined when nobody scored it. */
  readonly weight: number | undefined;
  /** The spread at or above which groups disagree enough to flag (`--perception-gap`). */
  readonly perceptionGap: number;
  /** The groups in report order, sorted once for all items. */
  readonly groupOrder: readonly GroupTally[];
  /** `--min-group`. */
  readonly minGroup: number;
}

export function itemResult(item: Item, totals: ItemTally, ctx: ItemContext): ItemResult {
  const stats = levelStats(totals.counts, ctx.scale);
  const score = stats.mean;
  // A shortfall only: a surplus here must not hide another item's shortfall.
  const gap = score === null ? null : Math.max(0, item.target - score);
  const priority = gap === null ? null : (ctx.weight ?? 0) * gap;
  const grouped = ctx.tally.by !== null;
  const { groups, spread } = grouped ? itemGroups(ctx.groupOrder, totals.slot, ctx.scale, ctx.minGroup) : { groups: {}, spread: null };
  const rwg = stats.n >= MIN_RWG_ANSWERS ? stats.rwg : null;

  const flags: ItemFlag[] = [];
  if (grouped && spread !== null && spread.value >= ctx.perceptionGap) flags.push('perception-gap');
  if (rwg !== null && rwg < LOW_AGREEMENT) flags.push('low-agreement');

  return {
    id: item.id,
    section: item.section,
    title: item.title,
    score,
    target: item.target,
    gap,
    priority,
    n: stats.n,
    median: stats.median,
    min: stats.min,
    max: stats.max,
    sd: stats.sd,
    ci: score === null ? null : meanInterval(stats.n, score, stats.sd),
    atTarget: atTarget(totals.counts, item.target, ctx.scale, stats.n),
    rwg,
    na: totals.na,
    unanswered: ctx.tally.respondents - stats.n - totals.na,
    index: scaleIndex(score, ctx.scale),
    flags,
    groups,
    spread,
    quotes: totals.quotes.ordered(),
  };
}

/** The share of the item's numbers at or above its target, with its 95% Wilson interval. */
function atTarget(counts: ArrayLike<number>, target: number, scale: Scale, n: number): ItemResult['atTarget'] {
  if (n === 0) return null;
  let met = 0;
  for (let k = 0; k < counts.length; k++) if (scale.min + k >= target) met += counts[k] ?? 0;
  return { share: met / n, ci: wilsonInterval(met, n) };
}
