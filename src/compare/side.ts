/** The two kinds of side a comparison is made of. */
import type { Rubric } from '../rubric/model.js';
import type { ComparableReport, SavedReport } from './comparable.js';
import type { RespondentTable } from './respondent-table.js';
import type { ItemCovariances } from '../scoring/statistics/weighted-variance.js';

/** Answers scored here: the report `score` gives and each respondent's numbers. */
export interface ScoredSide {
  readonly kind: 'scored';
  readonly rubric: Rubric;
  readonly report: ComparableReport;
  readonly table: RespondentTable;
  /** Each group's covariance sums as `score` worked them out (group key → sums), where it kept them. */
  readonly groupCovariances?: ReadonlyMap<string, ItemCovariances> | undefined;
}

/** A report saved by `score --format json`. */
export interface SavedSide {
  readonly kind: 'saved';
  readonly report: SavedReport;
}

export type ComparisonSide = ScoredSide | SavedSide;
