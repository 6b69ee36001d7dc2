/**
 * The scored gap report. Field names are the JSON output's (docs/json-report.md,
 * "Report outputs"), so `--format json` is this object as it is; every
 * number is unrounded. `null` marks a value that does not exist (an item
 * no one scored, a standard deviation of one answer).
 */
import type { ExclusionRule } from '../core/answers.js';
import type { PlanEntry } from './plan-schedule.js';

export type { PlanEntry, PlanPhase } from './plan-schedule.js';

export type ItemFlag = 'perception-gap' | 'low-agreement';

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
  /** Within-group agreement; null when n < 2. */
  readonly rwg: number | null;
  /** Respondents who answered `na`. */
  readonly na: number;
  readonly index: number | null;
  readonly flags: readonly ItemFlag[];
  /** Group value → the item's score in that group (null: nobody in it scored it). Empty without `--by`. */
  readonly groups: Readonly<Record<string, number | null>>;
  /** Largest minus smallest group score; null without groups or with fewer than two scored groups. */
  readonly spread: number | null;
  readonly quotes: readonly Quote[];
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
}

export interface Overall {
  readonly score: number | null;
  readonly target: number | null;
  readonly gap: number | null;
  readonly index: number | null;
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
  readonly svcaudit: 1;
  readonly rubric: { readonly id: string; readonly title: string; readonly version: string | null };
  readonly scale: { readonly min: number; readonly max: number; readonly labels: Readonly<Record<string, string>> };
  readonly respondents: number;
  /** The respondent field grouped on (`--by`), or null. */
  readonly by: string | null;
  readonly overall: Overall;
  readonly sections: readonly SectionResult[];
  readonly items: readonly ItemResult[];
  readonly plan: readonly PlanStep[];
  /** General comments, in reading order (by source, then row). */
  readonly comments: readonly Comment[];
  /** Rows of survey exports left out, per rule, in the order of EXCLUSION_RULES; empty for answers files. */
  readonly excluded: readonly ExcludedRows[];
  readonly sources: readonly SourceCompleteness[];
}
