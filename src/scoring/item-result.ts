/**
 * One item's line of the report: statistics from its level counts, gap,
 * priority, groups and flags.
 */
import type { Item, Scale } from '../rubric/model.js';
import { groupScores } from './groups.js';
import { orderedQuotes } from './quotes.js';
import type { ItemFlag, ItemResult } from './report.js';
import { scaleIndex } from './scale.js';
import { levelStats } from './stats.js';
import type { ItemTally, Tally } from './tally.js';

/** docs/formulas.md: "below 0.7 the report flags low agreement". */
const LOW_AGREEMENT = 0.7;

interface ItemContext {
  readonly tally: Tally;
  readonly scale: Scale;
  /** The item's effective weight e_i; undefined when nobody scored it. */
  readonly weight: number | undefined;
  /** The spread at or above which groups disagree enough to flag (`--perception-gap`). */
  readonly perceptionGap: number;
  /** Group values in report order, sorted once for all items. */
  readonly groupOrder: readonly string[];
}

export function itemResult(item: Item, totals: ItemTally, ctx: ItemContext): ItemResult {
  const stats = levelStats(totals.counts, ctx.scale);
  const score = stats.mean;
  // A shortfall only: a surplus here must not hide another item's shortfall.
  const gap = score === null ? null : Math.max(0, item.target - score);
  const priority = gap === null ? null : (ctx.weight ?? 0) * gap;
  const grouped = ctx.tally.by !== null;
  const { groups, spread } = grouped ? groupScores(ctx.tally, totals.slot, ctx.groupOrder) : { groups: {}, spread: null };

  const flags: ItemFlag[] = [];
  if (grouped && spread !== null && spread >= ctx.perceptionGap) flags.push('perception-gap');
  if (stats.rwg !== null && stats.rwg < LOW_AGREEMENT) flags.push('low-agreement');

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
    rwg: stats.rwg,
    na: totals.na,
    index: scaleIndex(score, ctx.scale),
    flags,
    groups,
    spread,
    quotes: orderedQuotes(totals.quotes),
  };
}
