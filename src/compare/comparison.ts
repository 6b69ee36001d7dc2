/**
 * The comparison of two audits of one rubric (`svcaudit compare`). Field names
 * are the JSON output's (docs/json-report.md, "compare --format json"); the
 * JSON formatter writes exactly the fields of `schema.ts`, and `details` is
 * what only the human formats use. Numbers are unrounded; `null` marks a value
 * that does not exist (an item nobody scored on one side has no change).
 */
import type { Interval } from '../scoring/statistics/interval.js';

/** docs/statistics.md, "Verdicts for items" and "Sections and the overall score". */
export type Verdict = 'improved' | 'slipped' | 'no clear change' | 'too few answers';

export const VERDICTS: readonly Verdict[] = ['improved', 'slipped', 'no clear change', 'too few answers'];

/** One side's figures of an item, a section or the overall score. */
export interface SideFigures {
  readonly score: number | null;
  readonly index: number | null;
  /** A shortfall against the target (docs/formulas.md). */
  readonly gap: number | null;
  /**
   * Respondents behind the figure: an item's numbers; for a section or the overall score, the
   * respondents who gave at least one of the items counted in it a number.
   */
  readonly n: number;
}

export interface Change {
  readonly before: SideFigures;
  readonly after: SideFigures;
  /**
   * after − before; in a paired comparison an item's change is the mean of the pairs' differences.
   * Null when a side has no score (or, paired, no pair gave the item two numbers).
   */
  readonly change: number | null;
  /** The change's 95% interval; null when the item or score is not tested. */
  readonly ci: Interval | null;
  readonly verdict: Verdict;
}

export interface SectionChange extends Change {
  readonly id: string;
  readonly title: string;
}

export interface ItemChange extends Change {
  readonly id: string;
  readonly section: string;
  readonly title: string;
  /** The item's target in the follow-up (the baseline's when only the baseline has the item). */
  readonly target: number;
  /** The two-sided p-value of the change; null when the item is not tested. */
  readonly p: number | null;
  /** p after Holm's adjustment over the items tested (within the group, for a group's items). */
  readonly adjustedP: number | null;
  /** It had a gap before and has none after. */
  readonly reachedTarget: boolean;
  /** It met its target before and does not after. */
  readonly fellBelowTarget: boolean;
  /**
   * Not in the JSON: per side, the respondents who answered `na` and who left the item unanswered,
   * which the human formats keep apart (null where a saved report does not say).
   */
  readonly unscored: { readonly before: Unscored | null; readonly after: Unscored | null };
}

export interface Unscored {
  readonly na: number;
  readonly unanswered: number;
}

export interface GroupChange {
  /** The group's value as first met (the baseline's spelling when both sides have it). */
  readonly value: string;
  readonly before: { readonly n: number };
  readonly after: { readonly n: number };
  /** Null when the group has fewer than `--min-group` respondents on either side. */
  readonly overall: Change | null;
  /** Empty when `overall` is null. */
  readonly items: readonly ItemChange[];
}

type WarningCode = 'rubric-version' | 'respondent-mix' | 'repeated-key' | 'no-intervals' | 'no-groups';

export interface ComparisonWarning {
  readonly code: WarningCode;
  readonly message: string;
}

export type Design = 'paired' | 'independent';

/** What each side was made from. */
interface Side {
  /** The input as given on the command line (a folder, a file, a glob, a JSON report). */
  readonly input: string;
  readonly respondents: number;
  readonly rubricVersion: string | null;
}

/** What the human formats need besides the JSON's fields. */
interface ComparisonDetails {
  /** The respondent field pairs were matched on; null when a side is a saved report. */
  readonly pairedBy: 'id' | 'name' | null;
  /** `--by`, or null. */
  readonly by: string | null;
  /** `--min-group`. */
  readonly minGroup: number;
}

export interface Comparison {
  readonly svcaudit: 2;
  readonly kind: 'comparison';
  readonly rubric: { readonly id: string; readonly title: string; readonly version: string | null };
  readonly scale: { readonly min: number; readonly max: number };
  readonly design: Design;
  /** Respondents matched across the two sides (docs/statistics.md, "Paired or independent"). */
  readonly pairs: number;
  readonly inputs: { readonly before: Side; readonly after: Side };
  readonly overall: Change;
  readonly sections: readonly SectionChange[];
  readonly items: readonly ItemChange[];
  /** With `--by`: one entry per group value, in code-point order of the lower-cased value. */
  readonly groups: readonly GroupChange[];
  readonly warnings: readonly ComparisonWarning[];
  readonly details: ComparisonDetails;
}
