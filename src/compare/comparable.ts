/**
 * The part of a scored Report that a comparison reads. A Report satisfies it
 * as it is; so does a report read back from `score --format json`, which is
 * checked against exactly these fields and no more, so that a report made by
 * an older or newer svcaudit still compares.
 */
import type { Sequence } from '../core/sequence.js';
import type { Quote, Report, ShownPlanStep } from '../scoring/report.js';
import type { Interval } from '../scoring/statistics/interval.js';

/**
 * A section's or the overall score. `se` and `df` are those of its interval
 * (docs/statistics.md, "A section and the overall score"): a report of format 2
 * carries them, null when the score has no interval; format 1 has neither.
 */
export interface ComparableScore extends Pick<Report['overall'], 'score' | 'index' | 'gap'> {
  readonly se?: number | null;
  readonly df?: number | null;
}

export interface ComparableReport {
  readonly rubric: Pick<Report['rubric'], 'id' | 'title' | 'version'>;
  readonly scale: Pick<Report['scale'], 'min' | 'max'>;
  readonly respondents: number;
  readonly overall: ComparableScore;
  readonly sections: readonly (ComparableScore & Pick<Report['sections'][number], 'id' | 'title'>)[];
  readonly items: readonly ComparableItem[];
  /**
   * Not needed to compare: the follow-up's plan and (on its items) its notes
   * and evidence, which the HTML progress report shows. A scored Report has
   * them; a JSON report has them when they are well formed (read-report-extras.ts).
   */
  readonly plan?: readonly ShownPlanStep[];
  /** Not needed to compare either: whose audit it was and when its answers were given, for the human formats' headers. */
  readonly organisation?: Report['organisation'];
  readonly fieldwork?: Report['fieldwork'];
}

export interface ComparableItem extends Pick<Report['items'][number], 'id' | 'section' | 'title' | 'score' | 'target' | 'index' | 'gap' | 'n' | 'sd'> {
  /** Respondents who answered `na`: a saved report may lack it. */
  readonly na?: number;
  readonly quotes?: Sequence<Quote>;
}

/** One group's figure of an item in a saved report of format 2 (docs/json-report.md, `items[].groups`). */
export interface SavedGroupFigure {
  readonly score: number | null;
  readonly n: number;
  readonly ci: Interval | null;
}

/** A group of a saved report of format 2 (`groups[]`). */
export interface SavedGroup {
  readonly value: string;
  readonly n: number;
  readonly overall: { readonly score: number | null; readonly index: number | null } | null;
}

/** A report read back from `score --format json`: a comparable report and what compare can use besides. */
export interface SavedReport extends ComparableReport {
  readonly format: 1 | 2;
  /** The respondent field the report was grouped on (`--by`), or null. */
  readonly by: string | null;
  /** Format 2 with `--by`: the groups; null otherwise. */
  readonly groups: readonly SavedGroup[] | null;
  /** Item id → group value → figure (format 2 with `--by`; only the figures the report shows). */
  readonly groupFigures: ReadonlyMap<string, ReadonlyMap<string, SavedGroupFigure>>;
  /** Respondents who gave at least one number (`agreement.n`, format 2); null when the report lacks it. */
  readonly scoredRespondents: number | null;
}
