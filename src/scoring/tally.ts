/**
 * The running totals a report is built from. Answer sets are added one at a
 * time and then dropped, so scoring a million-row CSV keeps only counts per
 * item and scale level (plus the quotes, which the report shows in full) —
 * never a list of scores per respondent.
 */
import { respondentLabel } from '../core/answers.js';
import { type Answer, type AnswerSet, type ExclusionRule } from '../core/answers.js';
import type { Rubric } from '../rubric/model.js';
import { rubricItems } from '../rubric/model.js';
import type { Quote } from './report.js';
import { isLevel } from '../rubric/scale.js';
import { levelCount } from './scale.js';
import { splitSource } from './source-key.js';

/** The group of respondents who lack the `--by` field (or leave it blank). */
export const NO_GROUP = '(none)';

export interface TallyOptions {
  /** The respondent field to group on (`--by`). */
  readonly by?: string | undefined;
}

/** A quote with the keys that order it, so quote order never depends on input order. */
export interface TalliedQuote {
  readonly quote: Quote;
  readonly file: string;
  readonly row: number;
  /** Position within the respondent's answer: 0 for the note, 1.. for evidence. */
  readonly seq: number;
}

export interface ItemTally {
  /** Position of the item in rubric order; indexes the group sums. */
  readonly slot: number;
  /** Respondents per level: `counts[level - scale.min]`. Float64 holds exact integers up to 2^53. */
  readonly counts: Float64Array;
  na: number;
  readonly quotes: TalliedQuote[];
}

/** Completeness of one input file, summed over its respondents. */
interface SourceTally {
  respondents: number;
  answered: number;
  na: number;
  unanswered: number;
}

/** Mutated only by `addAnswerSet`. */
export interface Tally {
  readonly rubric: Rubric;
  readonly by: string | null;
  respondents: number;
  /** Item id → totals, in rubric order. */
  readonly items: ReadonlyMap<string, ItemTally>;
  /**
   * Group value → per item `[n, sum]` at `[2*slot, 2*slot + 1]`. Only the group
   * mean is reported, so two numbers per item suffice; level counts would cost
   * A times as much when grouping on a field with many values.
   */
  readonly groups: Map<string, Float64Array>;
  /** Input file → completeness. */
  readonly sources: Map<string, SourceTally>;
  /** General remarks (`comments:`, a survey's `item: general` evidence), with the keys that order them. */
  readonly comments: TalliedQuote[];
  /** Rows of survey exports left out before scoring, per rule (docs/file-formats.md, "Layouts"). */
  readonly excluded: Map<ExclusionRule, number>;
}

export function createTally(rubric: Rubric, options: TallyOptions = {}): Tally {
  const a = levelCount(rubric.scale);
  const items = new Map<string, ItemTally>();
  rubricItems(rubric).forEach((item, slot) => {
    items.set(item.id, { slot, counts: new Float64Array(a), na: 0, quotes: [] });
  });
  return { rubric, by: options.by ?? null, respondents: 0, items, groups: new Map(), sources: new Map(), comments: [], excluded: new Map() };
}

/**
 * Counts one respondent in. Answers for ids the rubric lacks, and scores that
 * are not a level of the scale, are the loader's findings; here they are
 * skipped (a bad score counts as unanswered) so the tally never throws.
 */
export function addAnswerSet(tally: Tally, set: AnswerSet): void {
  const { scale } = tally.rubric;
  const { file, row } = splitSource(set.source);
  // Who said it, built at the first quote: most answers (every CSV cell) quote nothing.
  let origin: QuoteOrigin | undefined;
  const group = tally.by === null ? undefined : groupSums(tally, groupValue(set, tally.by));

  let answered = 0;
  let na = 0;
  for (const [id, answer] of set.answers) {
    const item = tally.items.get(id);
    if (item === undefined) continue;
    const score = answer.score;
    if (score === 'na') {
      item.na++;
      na++;
    } else if (isLevel(score, scale)) {
      // The loader reports bad scores; this guard only keeps one that slips through from corrupting the counts.
      item.counts[score - scale.min]! += 1;
      answered++;
      if (group !== undefined) {
        group[2 * item.slot]! += 1;
        group[2 * item.slot + 1]! += score;
      }
    }
    // A note on an `na` or blank answer still says something (why it does not apply).
    if (answer.note !== undefined || answer.evidence.length > 0) {
      origin ??= { by: respondentLabel(set), source: set.source, file, row };
      collectQuotes(item.quotes, answer, origin);
    }
  }

  for (const [i, text] of (set.comments ?? []).entries()) {
    if (text.trim() === '') continue;
    origin ??= { by: respondentLabel(set), source: set.source, file, row };
    tally.comments.push({ quote: { by: origin.by, kind: 'note', text, source: origin.source }, file, row, seq: i });
  }

  tally.respondents++;
  const source = sourceTally(tally, file);
  source.respondents++;
  source.answered += answered;
  source.na += na;
  source.unanswered += tally.items.size - answered - na;
}

/** Rows an export reader left out under `rule`: counted, so the report can say how many and why. */
export function addExcluded(tally: Tally, rule: ExclusionRule, rows: number): void {
  tally.excluded.set(rule, (tally.excluded.get(rule) ?? 0) + rows);
}

/**
 * The respondent's group: the field's value, trimmed (CSV cells often carry
 * stray spaces). Respondents without the field, or with a blank one, form the
 * group `(none)` rather than vanishing from the grouped view.
 */
export function groupValue(set: Pick<AnswerSet, 'respondent'>, by: string): string {
  const value = Object.hasOwn(set.respondent, by) ? set.respondent[by]?.trim() : undefined;
  return value === undefined || value === '' ? NO_GROUP : value;
}

function groupSums(tally: Tally, value: string): Float64Array {
  let sums = tally.groups.get(value);
  if (sums === undefined) {
    sums = new Float64Array(2 * tally.items.size);
    tally.groups.set(value, sums);
  }
  return sums;
}

function sourceTally(tally: Tally, file: string): SourceTally {
  let source = tally.sources.get(file);
  if (source === undefined) {
    source = { respondents: 0, answered: 0, na: 0, unanswered: 0 };
    tally.sources.set(file, source);
  }
  return source;
}

interface QuoteOrigin {
  readonly by: string | undefined;
  readonly source: string;
  readonly file: string;
  readonly row: number;
}

function collectQuotes(into: TalliedQuote[], answer: Answer, origin: QuoteOrigin): void {
  const { by, source, file, row } = origin;
  // A blank note or evidence line has nothing to quote.
  if (answer.note !== undefined && answer.note.trim() !== '') {
    into.push({ quote: { by, kind: 'note', text: answer.note, source }, file, row, seq: 0 });
  }
  for (const [i, text] of answer.evidence.entries()) {
    if (text.trim() !== '') into.push({ quote: { by, kind: 'evidence', text, source }, file, row, seq: i + 1 });
  }
}
