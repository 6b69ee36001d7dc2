/**
 * Turns a tally into the report (docs/formulas.md, "Scoring"; docs/statistics.md for the
 * intervals and agreement). Pure: the same tally always gives the same report, whatever order
 * the respondents were added in.
 */
import { mapSequence } from '../core/sequence.js';
import { EXCLUSION_RULES } from '../core/answers.js';
import { rubricItems, type Rubric } from '../rubric/model.js';
import { overallResult, sectionResult, type IntervalBasis } from './aggregate.js';
import { DEFAULT_MIN_GROUP, groupCounts, orderedGroups } from './groups.js';
import { itemResult } from './item-result.js';
import { buildPlan } from './plan.js';
import type { Agreement, GroupSummary, ItemResult, Report } from './report.js';
import { scaleIndex } from './scale.js';
import { levelStats } from './stats.js';
import { krippendorffAlphaFromCounts } from './statistics/krippendorff-alpha.js';
import { overallCovariance, sourceTotals, type GroupTally, type Tally } from './tally.js';
import { effectiveWeights } from './weights.js';

export interface BuildReportOptions {
  /** Group spread at or above which an item is flagged `perception-gap` (`--perception-gap`). Default 1.0. */
  readonly perceptionGap?: number | undefined;
  /** Effort points per 30-day phase of the plan (`--capacity`): a whole number, at least 3. Default 6. */
  readonly capacity?: number | undefined;
  /** Groups with fewer respondents are reported without scores (`--min-group`). Default 3. */
  readonly minGroup?: number | undefined;
  /** Shown in report headers (the configuration file's `organisation`). */
  readonly organisation?: string | undefined;
}

export const DEFAULT_PERCEPTION_GAP = 1.0;

export function buildReport(tally: Tally, options: BuildReportOptions = {}): Report {
  const { rubric } = tally;
  const { scale } = rubric;
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  if (minGroup < tally.minGroup) throw new RangeError(`the tally counts groups from ${tally.minGroup} respondents; a report cannot show groups of ${minGroup}`);
  const isScored = (id: string): boolean => (tally.items.get(id)?.counts.some((c) => c > 0) ?? false);
  const weights = effectiveWeights(rubric, isScored);

  const rubricOrder = rubricItems(rubric);
  const groupOrder = orderedGroups(tally);
  const items: ItemResult[] = rubricOrder.map((item) =>
    itemResult(item, tally.items.get(item.id)!, {
      tally,
      scale,
      weight: weights.items.get(item.id),
      perceptionGap: options.perceptionGap ?? DEFAULT_PERCEPTION_GAP,
      groupOrder,
      minGroup,
    }),
  );
  const byId = new Map(items.map((r) => [r.id, r]));
  const basis = intervalBasis(rubric, overallCovariance(tally));

  const report: Report = {
    svcaudit: 2,
    rubric: { id: rubric.id, title: rubric.title, version: rubric.version ?? null },
    scale: {
      min: scale.min,
      max: scale.max,
      labels: Object.fromEntries([...scale.labels].map(([level, label]) => [String(level), label])),
    },
    organisation: options.organisation ?? null,
    fieldwork: tally.fieldwork === null ? null : { ...tally.fieldwork },
    respondents: tally.respondents,
    attribution: tally.attribution,
    by: tally.by,
    minGroup,
    groups: tally.by === null ? [] : groupOrder.map((group) => groupSummary(group, rubric, minGroup)),
    agreement: agreement(tally),
    overall: overallResult(items, weights, scale, basis),
    sections: rubric.sections.map((section) => sectionResult(section, byId, weights, scale, basis)),
    items,
    plan: buildPlan(rubricOrder, items, weights, options.capacity),
    comments: tally.comments.orderedComments(),
    excluded: EXCLUSION_RULES.filter((rule) => tally.excluded.has(rule)).map((rule) => ({ rule, rows: tally.excluded.get(rule)! })),
    // Completeness per input file, sorted by file name so input order never shows.
    sources: sourceTotals(tally),
  };
  return tally.attribution === 'none' ? withoutPaths(report) : report;
}

/**
 * `--attribution none`: no file path either, in the sources or the quotes (docs/json-report.md),
 * since an interview file is usually named after the interviewee. Inputs are numbered instead.
 */
function withoutPaths(report: Report): Report {
  const names = new Map(report.sources.map((s, i) => [s.source, `input ${i + 1}`]));
  const order = new Map(report.sources.map((s, i) => [s.source, i]));
  // A quote's source is a file's, alone or with `:line`: the file is the text before one of its
  // colons (a path may hold colons too). Of the files it could be, the first in the sources wins,
  // as a look through the sources in order would find; a look up per colon keeps a hundred
  // thousand quotes of a hundred thousand files linear.
  const anonymous = (source: string): string => {
    let best = order.get(source);
    let cut = best === undefined ? -1 : source.length;
    for (let at = source.indexOf(':'); at >= 0; at = source.indexOf(':', at + 1)) {
      const index = order.get(source.slice(0, at));
      if (index !== undefined && (best === undefined || index < best)) {
        best = index;
        cut = at;
      }
    }
    if (best === undefined) return 'input';
    return names.get(source.slice(0, cut))! + source.slice(cut);
  };
  return {
    ...report,
    sources: report.sources.map((s) => ({ ...s, source: names.get(s.source)! })),
    items: report.items.map((item) => ({ ...item, quotes: mapSequence(item.quotes, (q) => ({ ...q, source: anonymous(q.source) })) })),
    comments: mapSequence(report.comments, (c) => ({ ...c, source: anonymous(c.source) })),
  };
}

function intervalBasis(rubric: Rubric, covariances: IntervalBasis['covariances']): IntervalBasis {
  const ids = rubricItems(rubric).map((item) => item.id);
  return { covariances, ids, slots: new Map(ids.map((id, slot) => [id, slot])) };
}

/**
 * A group's headline: its size, and when it has at least `--min-group` respondents the overall
 * score, index and interval that `score` gives for its respondents alone (their own weights: an
 * item nobody in the group scored does not count for it).
 */
function groupSummary(group: GroupTally, rubric: Rubric, minGroup: number): GroupSummary {
  const shown = group.respondents >= minGroup;
  if (!shown) return { value: group.value, n: group.respondents, shown, overall: null };
  const { scale } = rubric;
  const levels = scale.max - scale.min + 1;
  const rubricOrder = rubricItems(rubric);
  const stats = new Map(rubricOrder.map((item, slot) => [item.id, levelStats(groupCounts(group, slot, levels), scale)]));
  const weights = effectiveWeights(rubric, (id) => (stats.get(id)?.n ?? 0) > 0);
  const items = rubricOrder.map((item) => {
    const score = stats.get(item.id)!.mean;
    return { id: item.id, score, target: item.target, gap: score === null ? null : Math.max(0, item.target - score) };
  });
  const overall = overallResult(items, weights, scale, intervalBasis(rubric, group.covariance ?? noCovariances(rubricOrder.length)));
  return { value: group.value, n: group.respondents, shown, overall: { score: overall.score, index: scaleIndex(overall.score, scale), ci: overall.ci } };
}

/** Covariances of nobody, for a group past the number of groups with intervals: every interval is void. */
function noCovariances(k: number): IntervalBasis['covariances'] {
  return { k, n: () => 0, variance: () => null, pairCount: () => 0, covariance: () => null };
}

/**
 * Krippendorff's alpha, interval metric, over the whole audit (docs/statistics.md): units are the
 * items, coders the respondents; from each item's level counts, so nothing per respondent is kept.
 */
function agreement(tally: Tally): Agreement {
  const { scale } = tally.rubric;
  const values = Array.from({ length: scale.max - scale.min + 1 }, (_, k) => scale.min + k);
  const counts = [...tally.items.values()].map((item) => item.counts);
  const alpha = tally.scoring < 2 ? null : krippendorffAlphaFromCounts(values, counts, 'interval');
  return { alpha, n: tally.scoring };
}
