/**
 * The running totals a report is built from. Answer sets are added one at a
 * time and then dropped, so scoring a million-row CSV keeps only counts per
 * item and scale level (plus the quotes, which the report shows in full) —
 * never a list of scores per respondent.
 */
import { respondentLabel } from '../core/answers.js';
import { type Answer, type AnswerSet, type ExclusionRule } from '../core/answers.js';
import { answerSetRow, NA_SCORE, NO_SCORE, type AnswerRow } from '../core/answer-row.js';
import type { Rubric } from '../rubric/model.js';
import { rubricItems } from '../rubric/model.js';
import type { Quote } from './report.js';
import { isLevel } from '../rubric/scale.js';
import { levelCount } from './scale.js';
import { splitSource } from './source-key.js';
import { CovarianceAccumulator } from './statistics/covariance-accumulator.js';
import type { ItemCovariances } from './statistics/weighted-variance.js';

/** Distinct role texts and group values whose key is remembered (a column of names has more). */
const VALUES_REMEMBERED = 4096;

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

/** Mutated only by `addAnswerSet` and `addRow`. */
export interface Tally {
  readonly rubric: Rubric;
  readonly by: string | null;
  respondents: number;
  /** Item id → totals, in rubric order. */
  readonly items: ReadonlyMap<string, ItemTally>;
  /** Group key (the value trimmed and lower-cased) → its totals. */
  readonly groups: Map<string, GroupTally>;
  /**
   * Covariances of the items' scores over the respondents (with `--by`, only over those whose
   * group keeps no covariances of its own): see overallCovariance.
   */
  readonly covariance: CovarianceAccumulator;
  /** With `--by`, per slot, the first number met (NaN until one is), and how many are still NaN. */
  readonly firstValues: Float64Array;
  unshifted: number;
  /** Respondents who gave at least one number (Krippendorff's alpha's `n`). */
  scoring: number;
  /** The earliest and latest answer date (`YYYY-MM-DD`), or null. */
  fieldwork: { from: string; to: string } | null;
  readonly attribution: Attribution;
  /** Respondents met so far per role key, for quotes attributed as `customer 2`. */
  readonly roleCounts: Map<string, number>;
  /** Item id → its slot (rubric order): the index of its score in an AnswerRow. */
  readonly slots: ReadonlyMap<string, number>;
  /** The items' totals by slot. */
  readonly slotted: readonly ItemTally[];
  /** Levels of the scale (A). */
  readonly levels: number;
  /** Whether a number is a level of the scale. */
  readonly isLevel: (score: number) => boolean;
  /** Scratch: an AnswerSet's scores by slot, reused so adding allocates no array. */
  readonly scratch: Float64Array;
  /**
   * Role texts and group values met, with their key and group: a million rows hold a handful of
   * each, so each is folded once (up to VALUES_REMEMBERED of them). And the last file's totals.
   */
  readonly roleKeys: Map<string | undefined, string>;
  readonly groupOfValue: Map<string, GroupTally>;
  readonly lastSource: { file: string | undefined; tally: SourceTally | undefined };
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
  const { scale } = rubric;
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
    slots: new Map([...items].map(([id, item]) => [id, item.slot])),
    slotted: [...items.values()],
    levels: a,
    isLevel: (score) => isLevel(score, scale),
    scratch: new Float64Array(items.size),
    firstValues: new Float64Array(items.size).fill(Number.NaN),
    unshifted: items.size,
    roleKeys: new Map(),
    groupOfValue: new Map(),
    lastSource: { file: undefined, tally: undefined },
  };
}

/**
 * Counts one respondent in. Answers for ids the rubric lacks, and scores that
 * are not a level of the scale, are the loader's findings; here they are
 * skipped (a bad score counts as unanswered) so the tally never throws.
 */
export function addAnswerSet(tally: Tally, set: AnswerSet, row: AnswerRow = rowOfSet(tally, set)): void {
  const where = splitSource(set.source);
  const place = addRow(tally, row);
  // Who said it: built into text at the first quote only (a million-row export has none).
  let origin: QuoteOrigin | undefined;
  const originOf = (): QuoteOrigin => (origin ??= { by: attributedTo(tally, set, place), source: set.source, file: where.file, row: where.row });
  for (const [id, answer] of set.answers) {
    const item = tally.items.get(id);
    // A note on an `na` or blank answer still says something (why it does not apply).
    if (item !== undefined && (answer.note !== undefined || answer.evidence.length > 0)) collectQuotes(item.quotes, answer, originOf());
  }
  for (const [i, text] of (set.comments ?? []).entries()) {
    if (text.trim() === '') continue;
    const { by } = originOf();
    tally.comments.push({ quote: { by, kind: 'note', text, source: set.source }, file: where.file, row: where.row, seq: i });
  }
}

/**
 * An AnswerSet as the row addRow reads (its scores in the tally's scratch array, valid until the
 * next call), for a caller that also hands the row to others before adding the set.
 */
export function rowOfSet(tally: Tally, set: AnswerSet): AnswerRow {
  const where = splitSource(set.source);
  return answerSetRow(set, tally.slots, tally.scratch, tally.isLevel, { file: where.file, line: where.row });
}

/**
 * Counts one respondent's numbers in: every figure but the quotes, which only an AnswerSet
 * carries (addAnswerSet). The table readers call this for each row of an export, with the row
 * read in place. Returns the respondent's place among those of its role (for `customer 2`).
 */
export function addRow(tally: Tally, row: AnswerRow): number {
  const { min } = tally.rubric.scale;
  const a = tally.levels;
  const place = countRole(tally, row.field('role'));
  const group = tally.by === null ? undefined : groupTally(tally, groupValueOf(row.field(tally.by)));
  const { scores } = row;
  const items = tally.slotted;
  const groupCounts = group?.counts;
  let answered = 0;
  let na = 0;
  for (let slot = 0; slot < items.length; slot++) {
    const score = scores[slot]!;
    if (score === NA_SCORE) {
      items[slot]!.na++;
      na++;
    } else if (score === score && score !== NO_SCORE) {
      items[slot]!.counts[score - min]! += 1;
      answered++;
      if (groupCounts !== undefined) groupCounts[slot * a + score - min]! += 1;
    }
  }
  tally.respondents++;
  if (answered > 0) {
    tally.scoring++;
    // With groups, a respondent's covariance sums go to its group alone, and the whole audit's are
    // the groups' added up (overallCovariance): half the work of a --by run, the same figures.
    (group?.covariance ?? tally.covariance).addScores(scores);
    if (group !== undefined && tally.unshifted > 0) firstValues(tally, scores);
  }
  if (group !== undefined) group.respondents++;
  const date = row.date;
  if (date !== undefined) {
    const f = tally.fieldwork;
    if (f === null) tally.fieldwork = { from: date, to: date };
    else if (date < f.from) f.from = date;
    else if (date > f.to) f.to = date;
  }
  const source = sourceTally(tally, row.file);
  source.respondents++;
  source.answered += answered;
  source.na += na;
  source.unanswered += items.length - answered - na;
  return place;
}

/** Notes each item's first number in input order (with groups): where one accumulator of everyone would count from. */
function firstValues(tally: Tally, scores: Float64Array): void {
  const first = tally.firstValues;
  for (let slot = 0; slot < scores.length; slot++) {
    const score = scores[slot]!;
    if (first[slot] === first[slot] || !Number.isFinite(score)) continue;
    first[slot] = score;
    tally.unshifted--;
  }
}

/**
 * The covariances of the items over every respondent, for the section and overall intervals: with
 * groups, the sum of the groups' (and of the respondents of groups past the number kept).
 */
export function overallCovariance(tally: Tally): ItemCovariances {
  if (tally.by === null) return tally.covariance;
  const parts = [tally.covariance];
  for (const group of tally.groups.values()) if (group.covariance !== undefined) parts.push(group.covariance);
  return CovarianceAccumulator.sum(tally.items.size, parts, tally.firstValues);
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
  return groupValueOf(Object.hasOwn(set.respondent, by) ? set.respondent[by] : undefined);
}

/** The group of a respondent whose `--by` field holds `value` (undefined: no such field). */
export function groupValueOf(value: string | undefined): string {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? NO_GROUP : trimmed;
}

/** Values that differ only in case or surrounding space are one group (docs/formulas.md, "Groups"). */
function groupKey(value: string): string {
  return value.trim().toLowerCase();
}

function groupTally(tally: Tally, value: string): GroupTally {
  // Consecutive rows often share a group (an export sorted by role, or three roles in turn).
  const known = tally.groupOfValue.get(value);
  if (known !== undefined) return known;
  const key = groupKey(value);
  let group = tally.groups.get(key);
  if (group === undefined) {
    const a = tally.rubric.scale.max - tally.rubric.scale.min + 1;
    const k = tally.items.size;
    const covariance = tally.groups.size < MAX_GROUPS_WITH_INTERVALS ? new CovarianceAccumulator(k) : undefined;
    group = { value, respondents: 0, counts: new Float64Array(k * a), covariance };
    tally.groups.set(key, group);
  }
  if (tally.groupOfValue.size < VALUES_REMEMBERED) tally.groupOfValue.set(value, group);
  return group;
}

/** How a role is named in a quote's attribution: `staff member 3`, `customer 2`. */
const ROLE_NOUN: Readonly<Record<string, string>> = { staff: 'staff member' };

/**
 * Counts the respondent in among those of its role, in input order: the place that attributes
 * its quotes (`customer 2`) whatever `--attribution` shows.
 */
function countRole(tally: Tally, raw: string | undefined): number {
  const roles = tally.roleCounts;
  let key = tally.roleKeys.get(raw);
  if (key === undefined) {
    const role = raw?.trim() ?? '';
    key = role === '' ? '' : role.toLowerCase();
    if (tally.roleKeys.size < VALUES_REMEMBERED) tally.roleKeys.set(raw, key);
  }
  const place = (roles.get(key) ?? 0) + 1;
  roles.set(key, place);
  return place;
}

/**
 * Who a respondent's quotes are attributed to: by role and place among that role's respondents
 * (`customer 2`, the default), by name (`--attribution name`), or nobody (`none`).
 */
function attributedTo(tally: Tally, set: AnswerSet, place: number): string | undefined {
  const role = set.respondent.role?.trim() ?? '';
  const key = role === '' ? '' : role.toLowerCase();
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
  if (file === tally.lastSource.file) return tally.lastSource.tally!;
  let source = tally.sources.get(file);
  if (source === undefined) {
    source = { respondents: 0, answered: 0, na: 0, unanswered: 0 };
    tally.sources.set(file, source);
  }
  tally.lastSource.file = file;
  tally.lastSource.tally = source;
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
