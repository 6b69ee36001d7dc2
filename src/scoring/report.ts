/**
 * The scored gap report. Field names are the JSON output's (docs/json-report.md,
 * "Report outputs"), so `--format json` is this object as it is; every
 * number is unrounded. `null` marks a value that does not exist (an item
 * no one scored, a standard deviation of one answer).
 */
import type { Sequence } from '../core/sequence.js';
import type { ExclusionRule } from '../core/answers.js';
import type { PlanEntry } from './plan-schedule.js';

export type { PlanEntry, PlanPhase } from './plan-schedule.js';

export type ItemFlag = 'perception-gap' | 'low-agreement';

/** A 95% confidence interval `[lo, hi]`, unclipped (docs/statistics.md). */
export type Interval = readonly [number, number];

/** One item's figure in one group: only for shown groups with at least `--min-group` numbers. */
export interface GroupFigure {
  readonly score: number;
  readonly n: number;
  readonly ci: Interval | null;
}

/** The largest minus the smallest shown group score of an item, naming both groups. */
export interface Spread {
  readonly value: number;
  readonly high: string;
  readonly low: string;
}

/** The share of an item's respondents at or above its target, with its Wilson interval. */
interface AtTarget {
  readonly share: number;
  readonly ci: Interval | null;
}

export interface Quote {
  /** Respondent name and/or role, when the answers file gives them. */
  readonly by: string | undefined;
  readonly kind: 'note' | 'evidence';
  readonly text: string;
  readonly source: string;
}

/** A general remark, not about one item: who made it, what they said, where it came from. */
export interface Comment {
  readonly by: string | undefined;
  readonly text: string;
  readonly source: string;
}

/** Rows of survey exports left out before scoring under one rule (docs/file-formats.md, "Layouts"). */
export interface ExcludedRows {
  readonly rule: ExclusionRule;
  readonly rows: number;
}

export interface ItemResult {
  readonly id: string;
  readonly section: string;
  readonly title: string;
  readonly score: number | null;
  readonly target: number;
  readonly gap: number | null;
  readonly priority: number | null;
  /** Respondents who gave a number. */
  readonly n: number;
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Sample standard deviation; null when n < 2. */
  readonly sd: number | null;
  /** The score's 95% t-interval; null below 3 numbers ("too few answers to judge"). */
  readonly ci: Interval | null;
  /** Null when nobody scored the item. */
  readonly atTarget: AtTarget | null;
  /** Within-group agreement; null when n < 3. */
  readonly rwg: number | null;
  /** Respondents who answered `na`. */
  readonly na: number;
  /** Respondents who left the item out or blank. */
  readonly unanswered: number;
  readonly index: number | null;
  readonly flags: readonly ItemFlag[];
  /** Group value → the item's figure in that group, for the figures shown. Empty without `--by`. */
  readonly groups: Readonly<Record<string, GroupFigure>>;
  /** Null without groups or with fewer than two shown figures. */
  readonly spread: Spread | null;
  /** Read a quote at a time (core/sequence.ts): a report may hold a hundred thousand. */
  readonly quotes: Sequence<Quote>;
}

export interface SectionResult {
  readonly id: string;
  readonly title: string;
  readonly score: number | null;
  readonly target: number | null;
  readonly gap: number | null;
  readonly index: number | null;
  /** Items with at least one number. */
  readonly answered: number;
  readonly total: number;
  /**
   * The section's share of the overall score (W_s / sum W over the sections
   * that count; the shares add up to 1); 0 when it does not count.
   */
  readonly weight: number;
  readonly ci: Interval | null;
  /** `sqrt(V)` and `df` of the interval (docs/statistics.md); null with it. */
  readonly se: number | null;
  readonly df: number | null;
  /** The item with the smallest n, which limits (or voids) the interval; null when nothing was scored. */
  readonly limitedBy: string | null;
}

export interface Overall {
  readonly score: number | null;
  readonly target: number | null;
  readonly gap: number | null;
  readonly index: number | null;
  readonly ci: Interval | null;
  readonly se: number | null;
  readonly df: number | null;
  readonly limitedBy: string | null;
}

/** One group's headline (`groups[]`): its size, and its overall figures when it is shown. */
export interface GroupSummary {
  readonly value: string;
  readonly n: number;
  /** False below `--min-group` respondents: "fewer than K respondents", no scores. */
  readonly shown: boolean;
  readonly overall: { readonly score: number | null; readonly index: number | null; readonly ci: Interval | null } | null;
}

/** Krippendorff's alpha (interval metric) over the whole audit, and the respondents it is over. */
export interface Agreement {
  readonly alpha: number | null;
  readonly n: number;
}

/** One action of the improvement plan, as the scheduler places it (plan-schedule.ts). */
export type PlanStep = PlanEntry;

/**
 * What the human formats show of a plan entry. A plan read back from a JSON
 * report has at least this (one from an older svcaudit has no value).
 */
export type ShownPlanStep = Pick<PlanEntry, 'item' | 'to' | 'text' | 'effort' | 'owner' | 'phase'>;

/** How complete one input was (a CSV counts as one source with many respondents). */
export interface SourceCompleteness {
  readonly source: string;
  readonly respondents: number;
  /** Answers, summed over the source's respondents. */
  readonly answered: number;
  readonly na: number;
  readonly unanswered: number;
}

export interface Report {
  readonly svcaudit: 2;
  readonly rubric: { readonly id: string; readonly title: string; readonly version: string | null };
  readonly scale: { readonly min: number; readonly max: number; readonly labels: Readonly<Record<string, string>> };
  /** From the configuration file; null when none is set. */
  readonly organisation: string | null;
  /** The earliest and latest answer date, or null when no answer has one. */
  readonly fieldwork: { readonly from: string; readonly to: string } | null;
  readonly respondents: number;
  /** Who quotes are attributed to (`--attribution`); human formats show file paths only under `name`. */
  readonly attribution: 'role' | 'name' | 'none';
  /** The respondent field grouped on (`--by`), or null. */
  readonly by: string | null;
  /** `--min-group`: groups with fewer respondents are not shown. */
  readonly minGroup: number;
  readonly groups: readonly GroupSummary[];
  readonly agreement: Agreement;
  readonly overall: Overall;
  readonly sections: readonly SectionResult[];
  readonly items: readonly ItemResult[];
  readonly plan: readonly PlanStep[];
  /** General comments, in reading order (by source, then row). */
  readonly comments: Sequence<Comment>;
  /** Rows of survey exports left out, per rule, in the order of EXCLUSION_RULES; empty for answers files. */
  readonly excluded: readonly ExcludedRows[];
  /** Read a source at a time (core/sequence.ts): a folder may hold a hundred thousand files. */
  readonly sources: Sequence<SourceCompleteness>;
}
