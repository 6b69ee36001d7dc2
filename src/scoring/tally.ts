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
import { CovarianceAccumulator } from './statistics/covariance-accumulator.js';

/** The group of respondents who lack the `--by` field (or leave it blank). */
export const NO_GROUP = '(none)';

/** Who a quote is attributed to (`--attribution`, docs/formulas.md "Quotes"). */
export type Attribution = 'role' | 'name' | 'none';

export interface TallyOptions {
  /** The respondent field to group on (`--by`). */
  readonly by?: string | undefined;
  readonly attribution?: Attribution | undefined;
}

/**
 * Group covariances are kept for this many groups at most: each costs O(k^2) memory, and a
 * `--by` with more groups (only with `--many-groups`) reports its group intervals as unknown.
 */
const MAX_GROUPS_WITH_INTERVALS = 1000;

/** One group of respondents: the same totals as the whole audit, for its respondents alone. */
export interface GroupTally {
  /** The value as first met (`Customer`), shown for every spelling that folds to the same key. */
  readonly value: string;
  respondents: number;
  /** Per item and level: `counts[slot * A + level - min]`. */
  readonly counts: Float64Array;
  /** Undefined past MAX_GROUPS_WITH_INTERVALS groups. */
  readonly covariance: CovarianceAccumulator | undefined;
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
  /** Group key (the value trimmed and lower-cased) → its totals. */
  readonly groups: Map<string, GroupTally>;
  /** Covariances of the items' scores over the respondents, for the section and overall intervals. */
  readonly covariance: CovarianceAccumulator;
  /** Respondents who gave at least one number (Krippendorff's alpha's `n`). */
  scoring: number;
  /** The earliest and latest answer date (`YYYY-MM-DD`), or null. */
  fieldwork: { from: string; to: string } | null;
  readonly attribution: Attribution;
  /** Respondents met so far per role key, for quotes attributed as `customer 2`. */
  readonly roleCounts: Map<string, number>;
  /** Scratch: the current respondent's number per item slot, reused so adding allocates nothing. */
  readonly row: (number | undefined)[];
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
  return {
    rubric,
    by: options.by ?? null,
    respondents: 0,
    items,
    groups: new Map(),
    sources: new Map(),
    covariance: new CovarianceAccumulator(items.size),
    scoring: 0,
    fieldwork: null,
    attribution: options.attribution ?? 'role',
    roleCounts: new Map(),
    comments: [],
    excluded: new Map(),
    row: new Array<number | undefined>(items.size),
  };
}

/**
 * Counts one respondent in. Answers for ids the rubric lacks, and scores that
 * are not a level of the scale, are the loader's findings; here they are
 * skipped (a bad score counts as unanswered) so the tally never throws.
 */
export function addAnswerSet(tally: Tally, set: AnswerSet): void {
  const { scale } = tally.rubric;
  const { file, row: sourceRow } = splitSource(set.source);
  // Who said it: counted for every respondent (a role's place is in input order), built into text at the first quote.
  const by = attributedTo(tally, set);
  let origin: QuoteOrigin | undefined;
  const group = tally.by === null ? undefined : groupTally(tally, groupValue(set, tally.by));
  const a = tally.rubric.scale.max - tally.rubric.scale.min + 1;
  const { row } = tally;
  row.fill(undefined);

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
      row[item.slot] = score;
      if (group !== undefined) group.counts[item.slot * a + score - scale.min]! += 1;
    }
    // A note on an `na` or blank answer still says something (why it does not apply).
    if (answer.note !== undefined || answer.evidence.length > 0) {
      origin ??= { by, source: set.source, file, row: sourceRow };
      collectQuotes(item.quotes, answer, origin);
    }
  }

  for (const [i, text] of (set.comments ?? []).entries()) {
    if (text.trim() === '') continue;
    tally.comments.push({ quote: { by, kind: 'note', text, source: set.source }, file, row: sourceRow, seq: i });
  }

  tally.respondents++;
  if (answered > 0) {
    tally.scoring++;
    tally.covariance.add(row);
  }
  if (group !== undefined) {
    group.respondents++;
    if (answered > 0) group.covariance?.add(row);
  }
  if (set.date !== undefined) {
    const f = tally.fieldwork;
    if (f === null) tally.fieldwork = { from: set.date, to: set.date };
    else if (set.date < f.from) f.from = set.date;
    else if (set.date > f.to) f.to = set.date;
  }
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

/** Values that differ only in case or surrounding space are one group (docs/formulas.md, "Groups"). */
function groupKey(value: string): string {
  return value.trim().toLowerCase();
}

function groupTally(tally: Tally, value: string): GroupTally {
  const key = groupKey(value);
  let group = tally.groups.get(key);
  if (group === undefined) {
    const a = tally.rubric.scale.max - tally.rubric.scale.min + 1;
    const k = tally.items.size;
    const covariance = tally.groups.size < MAX_GROUPS_WITH_INTERVALS ? new CovarianceAccumulator(k) : undefined;
    group = { value, respondents: 0, counts: new Float64Array(k * a), covariance };
    tally.groups.set(key, group);
  }
  return group;
}

/** How a role is named in a quote's attribution: `staff member 3`, `customer 2`. */
const ROLE_NOUN: Readonly<Record<string, string>> = { staff: 'staff member' };

/**
 * Who a respondent's quotes are attributed to: by role and place among that role's respondents
 * (`customer 2`, the default), by name (`--attribution name`), or nobody (`none`).
 */
function attributedTo(tally: Tally, set: AnswerSet): string | undefined {
  const role = set.respondent.role?.trim() ?? '';
  const key = role === '' ? '' : role.toLowerCase();
  const place = (tally.roleCounts.get(key) ?? 0) + 1;
  tally.roleCounts.set(key, place);
  switch (tally.attribution) {
    case 'none':
      return undefined;
    case 'name':
      return respondentLabel(set);
    case 'role':
      return role === '' ? `respondent ${place}` : `${Object.hasOwn(ROLE_NOUN, key) ? ROLE_NOUN[key] : role} ${place}`;
  }
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
