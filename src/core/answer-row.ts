/**
 * One respondent as the scoring pipeline consumes it: each rubric item's score in one typed
 * array, the respondent's fields on demand, and where the row came from. The table readers hand
 * rows of a survey export on in this form, read in place from the text, so that a million-row
 * export builds no Map, answer object or respondent copy per row; an AnswerSet (a YAML answers
 * file, a row with quotes) is seen through the same interface (answerSetRow), so both feed the
 * tally, the compare table and the checks of `score` through one code path.
 *
 * A row is valid only during the call it is handed to: a reader reuses it for the next row.
 */
import type { AnswerSet } from './answers.js';

/** `scores[slot]` of an item left out or blank (unanswered). */
export const NO_SCORE = -Infinity;
/** `scores[slot]` of an item answered `na`. */
export const NA_SCORE = Infinity;
/** `scores[slot]` of a score that is not a level of the scale: answered, but counted nowhere (the loader reports it). */
const OFF_SCALE = Number.NaN;

export interface AnswerRow {
  /** Per rubric item, in rubric order (rubricItems): a level, NO_SCORE, NA_SCORE or OFF_SCALE (NaN). */
  readonly scores: Float64Array;
  /** The input file, as findings name it. */
  readonly file: string;
  /** The row's line in a table, or -1 for a whole-file source (a YAML answers file). */
  readonly line: number;
  /** The fieldwork date as given, if any. */
  readonly date: string | undefined;
  /** The respondent field `name` as stored (a table's cell trimmed), undefined when absent. */
  field(name: string): string | undefined;
  /** The respondent fields present, in the order an AnswerSet's `respondent` would list them. */
  fieldNames(): string[];
  /** `file:line` for a table row, the file for a whole-file source: an AnswerSet's `source`. */
  source(): string;
  /** The same respondent as an AnswerSet (built on demand: for the public API's `onSet`). */
  answerSet(): AnswerSet;
}

/**
 * An AnswerSet seen as a row: `scores` is filled in rubric order from its answers. `slots` maps
 * item ids to their place; `isLevel` tells a counted score. `file` and `line` come from the set's
 * source as the report splits it (scoring/source-key.ts).
 */
export function answerSetRow(
  set: AnswerSet,
  slots: ReadonlyMap<string, number>,
  scores: Float64Array,
  isLevel: (score: number) => boolean,
  where: { readonly file: string; readonly line: number },
): AnswerRow {
  scores.fill(NO_SCORE);
  for (const [id, answer] of set.answers) {
    const slot = slots.get(id);
    if (slot === undefined) continue;
    const score = answer.score;
    scores[slot] = score === null ? NO_SCORE : score === 'na' ? NA_SCORE : isLevel(score) ? score : OFF_SCALE;
  }
  const respondent = set.respondent;
  return {
    scores,
    file: where.file,
    line: where.line,
    date: set.date,
    field: (name) => (Object.hasOwn(respondent, name) ? respondent[name] : undefined),
    fieldNames: () => Object.keys(respondent),
    source: () => set.source,
    answerSet: () => set,
  };
}
