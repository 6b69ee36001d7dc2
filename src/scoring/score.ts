/**
 * Turns a tally into the report (docs/formulas.md, "Scoring"). Pure: the same
 * tally always gives the same report, whatever order the
 * respondents were added in.
 */
import { EXCLUSION_RULES } from '../core/answers.js';
import { rubricItems } from '../rubric/model.js';
import { overallResult, sectionResult } from './aggregate.js';
import { sortedGroupValues } from './groups.js';
import { itemResult } from './item-result.js';
import { buildPlan } from './plan.js';
import { orderedQuotes } from './quotes.js';
import type { ItemResult, Report, SourceCompleteness } from './report.js';
import { compareCodePoints } from '../core/order.js';
import type { Tally } from './tally.js';
import { effectiveWeights } from './weights.js';

export interface BuildReportOptions {
  /** Group spread at or above which an item is flagged `perception-gap` (`--perception-gap`). Default 1.0. */
  readonly perceptionGap?: number | undefined;
  /** Effort points per 30-day phase of the plan (`--capacity`): a whole number, at least 3. Default 6. */
  readonly capacity?: number | undefined;
}

export const DEFAULT_PERCEPTION_GAP = 1.0;

export function buildReport(tally: Tally, options: BuildReportOptions = {}): Report {
  const { rubric } = tally;
  const { scale } = rubric;
  const isScored = (id: string): boolean => (tally.items.get(id)?.counts.some((c) => c > 0) ?? false);
  const weights = effectiveWeights(rubric, isScored);

  const rubricOrder = rubricItems(rubric);
  const items: ItemResult[] = [];
  const groupOrder = sortedGroupValues(tally);
  for (const item of rubricOrder) {
    items.push(
      itemResult(item, tally.items.get(item.id)!, {
        tally,
        scale,
        weight: weights.items.get(item.id),
        perceptionGap: options.perceptionGap ?? DEFAULT_PERCEPTION_GAP,
        groupOrder,
      }),
    );
  }
  const byId = new Map(items.map((r) => [r.id, r]));

  return {
    svcaudit: 1,
    rubric: { id: rubric.id, title: rubric.title, version: rubric.version ?? null },
    scale: {
      min: scale.min,
      max: scale.max,
      labels: Object.fromEntries([...scale.labels].map(([level, label]) => [String(level), label])),
    },
    respondents: tally.respondents,
    by: tally.by,
    overall: overallResult(items, weights, scale),
    sections: rubric.sections.map((section) => sectionResult(section, byId, weights, scale)),
    items,
    plan: buildPlan(rubricOrder, items, weights, options.capacity),
    comments: orderedQuotes(tally.comments).map(({ by, text, source }) => ({ by, text, source })),
    excluded: EXCLUSION_RULES.filter((rule) => tally.excluded.has(rule)).map((rule) => ({ rule, rows: tally.excluded.get(rule)! })),
    sources: sourceLines(tally),
  };
}

/** Completeness per input file, sorted by file name so input order never shows. */
function sourceLines(tally: Tally): SourceCompleteness[] {
  return [...tally.sources]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([source, s]) => ({ source, respondents: s.respondents, answered: s.answered, na: s.na, unanswered: s.unanswered }));
}
