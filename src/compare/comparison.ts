/**
 * The comparison of two audits of one rubric (`svcaudit compare`). Field names
 * are the JSON output's: `overall`, every section and every item
 * carry `before`, `after` and `delta`, each with `score`, `index` and `gap`.
 * Numbers are unrounded; `null` marks a value that does not exist (an item
 * nobody scored on one side has no delta).
 */

/** The three figures a comparison follows; a gap is a shortfall against the target (docs/json-report.md). */
export interface Figures {
  readonly score: number | null;
  readonly index: number | null;
  readonly gap: number | null;
}

export interface Change {
  readonly before: Figures;
  readonly after: Figures;
  /** after - before, per figure; null when either side is null. A negative gap delta is progress. */
  readonly delta: Figures;
}

/**
 * One status per item, the most telling first:
 * - `reached-target`: it had a gap before and has none after;
 * - `improved` / `slipped`: the score went up / down;
 * - `unchanged`: the score moved by less than the tolerance;
 * - `not-compared`: it was scored on one side only (or neither), so there is no delta.
 */
export type ItemStatus = 'reached-target' | 'improved' | 'slipped' | 'unchanged' | 'not-compared';

export interface SectionChange extends Change {
  readonly id: string;
  readonly title: string;
}

export interface ItemChange extends Change {
  readonly id: string;
  readonly section: string;
  readonly title: string;
  /** The item's target in the follow-up (the before side's when the item exists there only). */
  readonly target: number;
  readonly status: ItemStatus;
}

/** What each side was made from, for a reader who wants to know what was compared with what. */
interface Side {
  /** The input as given on the command line (a folder, a file, a glob, a JSON report). */
  readonly input: string;
  readonly respondents: number;
  readonly rubricVersion: string | null;
}

export interface Comparison {
  readonly svcaudit: 1;
  readonly kind: 'comparison';
  readonly rubric: { readonly id: string; readonly title: string; readonly version: string | null };
  readonly scale: { readonly min: number; readonly max: number };
  readonly inputs: { readonly before: Side; readonly after: Side };
  readonly overall: Change;
  readonly sections: readonly SectionChange[];
  readonly items: readonly ItemChange[];
  /** Item ids whose score went up (an item that reached its target is usually here too). */
  readonly improved: readonly string[];
  /** Item ids whose score went down. */
  readonly slipped: readonly string[];
  /** Item ids that had a gap before and none after. */
  readonly reachedTarget: readonly string[];
  readonly unchanged: readonly string[];
  readonly notCompared: readonly string[];
}
