/**
 * The running totals a report is built from. Answer sets are added one at a
 * time and then dropped, so scoring a million-row CSV keeps only counts per
 * item and scale level (plus the quotes, which the report shows in full) —
 * never a list of scores per respondent.
 */
import { respondentLabel } from '../core/answers.js';
import { type Answer, type AnswerSet, type ExclusionRule } from '../core/answers.js';
import { answerSetRow, NA_SCORE, NO_SCORE, type AnswerRow } from '../core/answer-row.js';
import { detached, detachedOrUndefined } from '../core/detached.js';
import type { Rubric } from '../rubric/model.js';
import { rubricItems } from '../rubric/model.js';
import { ChunkedFloat64, ChunkedList } from '../core/chunked-list.js';
import { QuoteList, QuoteOrigins } from './quotes.js';
import { isLevel } from '../rubric/scale.js';
import { levelCount } from './scale.js';
import { LazySequence } from '../core/sequence.js';
import type { SourceCompleteness } from './report.js';
import { sourceOrder } from './source-order.js';
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
  /**
   * Groups with fewer respondents are reported without figures (`--min-group`): until a group
   * reaches it, its respondents' scores are kept compactly instead of its counts, so that a
   * `--by` of a hundred thousand groups of one does not hold a hundred thousand count tables.
   * Default 1: every group counts from its first respondent. A report may not ask for less.
   */
  readonly minGroup?: number | undefined;
  /**
   * Groups kept at most: past it, further groups are only counted (`groupCount`), for a caller
   * that refuses so many anyway (`--by` without `--many-groups`) and need not hold their totals.
   */
  readonly maxGroups?: number | undefined;
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
  /**
   * Per item and level: `counts[slot * A + level - min]`. Empty while the group has fewer
   * respondents than the tally's `minGroup` (no report shows their figures); their scores wait
   * in `pending` until then.
   */
  counts: Float64Array;
  /** Where the scores of a group too small to count wait (an offset into the tally's pending rows), or -1. */
  pending: number;
  /** Undefined past MAX_GROUPS_WITH_INTERVALS groups. */
  readonly covariance: CovarianceAccumulator | undefined;
}

export interface ItemTally {
  /** Position of the item in rubric order; indexes the group sums. */
  readonly slot: number;
  /** Respondents per level: `counts[level - scale.min]`. Float64 holds exact integers up to 2^53. */
  readonly counts: Float64Array;
  na: number;
  /** Its quotes, with the keys that order them. */
  readonly quotes: QuoteList;
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
  readonly maxGroups: number;
  /** See TallyOptions.minGroup. */
  readonly minGroup: number;
  /** The scores of the groups not yet counted: minGroup - 1 rows of k per group, a level's offset from the minimum plus 1, or 0. */
  pendingRows: Uint8Array;
  pendingUsed: number;
  /** The keys of the groups past maxGroups, counted only. */
  readonly uncounted: Set<string>;
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

  /**
   * Completeness per input file, one entry per run of respondents from one file (a folder of a
   * hundred thousand files needs no map of them, nor an object each): `sourceFiles.at(i)`, and four
   * counts from `sourceCounts.at(4 * i)` (respondents, answered, na, unanswered). A file met again
   * later (stdin twice) has another entry; sourceTotals adds them up. Both grow by chunks, never
   * copied as they grow (core/chunked-list.ts).
   */
  readonly sourceFiles: ChunkedList<string>;
  readonly sourceCounts: ChunkedFloat64;
  /** General remarks (`comments:`, a survey's `item: general` evidence), with the keys that order them. */
  readonly comments: QuoteList;
  /** Who said each quote and where, once per respondent quoted (scoring/quotes.ts). */
  readonly quoteOrigins: QuoteOrigins;
  /** Rows of survey exports left out before scoring, per rule (docs/file-formats.md, "Layouts"). */
  readonly excluded: Map<ExclusionRule, number>;
}

export function createTally(rubric: Rubric, options: TallyOptions = {}): Tally {
  const a = levelCount(rubric.scale);
  const items = new Map<string, ItemTally>();
  const sourceFiles = new ChunkedList<string>();
  const quoteOrigins = new QuoteOrigins(sourceFiles);
  rubricItems(rubric).forEach((item, slot) => {
    items.set(item.id, { slot, counts: new Float64Array(a), na: 0, quotes: new QuoteList(quoteOrigins) });
  });
  const { scale } = rubric;
  return {
    rubric,
    by: options.by ?? null,
    respondents: 0,
    items,
    groups: new Map(),
    maxGroups: options.maxGroups ?? Infinity,
    minGroup: Math.max(1, options.minGroup ?? 1),
    pendingRows: new Uint8Array(0),
    pendingUsed: 0,
    uncounted: new Set(),
    sourceFiles,
    sourceCounts: new ChunkedFloat64(),
    covariance: new CovarianceAccumulator(items.size),
    scoring: 0,
    fieldwork: null,
    attribution: options.attribution ?? 'role',
    roleCounts: new Map(),
    comments: new QuoteList(quoteOrigins),
    quoteOrigins,
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
  };
}

/**
 * Counts one respondent in. Answers for ids the rubric lacks, and scores that
 * are not a level of the scale, are the loader's findings; here they are
 * skipped (a bad score counts as unanswered) so the tally never throws.
 */
export function addAnswerSet(tally: Tally, set: AnswerSet, row: AnswerRow = rowOfSet(tally, set)): void {
  const place = addRow(tally, row);
  // Who said it: built into text at the first quote only (a million-row export has none), and kept
  // once for all the respondent's quotes. addRow has just counted the row in its file's entry, the last.
  let origin = -1;
  const originOf = (): number => {
    if (origin >= 0) return origin;
    const where = splitSource(set.source);
    return (origin = tally.quoteOrigins.add(attributedTo(tally, set, place), set.source, tally.sourceFiles.length - 1, where.row));
  };
  for (const [id, answer] of set.answers) {
    const item = tally.items.get(id);
    // A note on an `na` or blank answer still says something (why it does not apply).
    if (item !== undefined && (answer.note !== undefined || answer.evidence.length > 0)) collectQuotes(item.quotes, answer, originOf);
  }
  for (const [i, text] of (set.comments ?? []).entries()) {
    if (text.trim() === '') continue;
    tally.comments.push(originOf(), 'note', text, i);
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
  const place = countRole(tally, row.field('role'));
  const group = tally.by === null ? undefined : groupTally(tally, groupValueOf(row.field(tally.by)));
  const { scores } = row;
  const items = tally.slotted;
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
    }
  }
  if (group !== undefined) countInGroup(tally, group, scores);
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
    if (f === null) tally.fieldwork = { from: detached(date), to: detached(date) };
    else if (date < f.from) f.from = detached(date);
    else if (date > f.to) f.to = detached(date);
  }
  const at = 4 * sourceEntry(tally, row.file);
  const counts = tally.sourceCounts;
  counts.add(at, 1);
  counts.add(at + 1, answered);
  counts.add(at + 2, na);
  counts.add(at + 3, items.length - answered - na);
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
  if (parts.length === 1) return tally.covariance;
  return CovarianceAccumulator.sum(tally.items.size, parts, tally.firstValues);
}

/** A respondent's scores into its group's counts, or kept until the group is large enough to count. */
function countInGroup(tally: Tally, group: GroupTally, scores: Float64Array): void {
  const { min } = tally.rubric.scale;
  const a = tally.levels;
  const k = scores.length;
  if (group.counts.length === 0 && group.respondents + 1 < tally.minGroup) {
    if (group.pending < 0) group.pending = reservePending(tally);
    const at = group.pending + group.respondents * k;
    const rows = tally.pendingRows;
    for (let slot = 0; slot < k; slot++) {
      const score = scores[slot]!;
      rows[at + slot] = score === score && Number.isFinite(score) ? score - min + 1 : 0;
    }
    return;
  }
  if (group.counts.length === 0) {
    // The group is large enough now: count in the respondents kept so far.
    const counts = new Float64Array(k * a);
    const rows = tally.pendingRows;
    for (let r = 0; r < group.respondents; r++) {
      const at = group.pending + r * k;
      for (let slot = 0; slot < k; slot++) if (rows[at + slot] !== 0) counts[slot * a + rows[at + slot]! - 1]! += 1;
    }
    group.counts = counts;
    group.pending = -1;
  }
  const counts = group.counts;
  for (let slot = 0; slot < k; slot++) {
    const score = scores[slot]!;
    if (score === score && Number.isFinite(score)) counts[slot * a + score - min]! += 1;
  }
}

/** Room for one group's waiting rows (minGroup - 1 of them) in the tally's pending rows. */
function reservePending(tally: Tally): number {
  const size = (tally.minGroup - 1) * tally.items.size;
  if (tally.pendingUsed + size > tally.pendingRows.length) {
    const grown = new Uint8Array(Math.max(1024, 2 * (tally.pendingUsed + size)));
    grown.set(tally.pendingRows);
    tally.pendingRows = grown;
  }
  const at = tally.pendingUsed;
  tally.pendingUsed += size;
  return at;
}

/** How many groups the respondents fall in, those past maxGroups included. */
export function groupCount(tally: Tally): number {
  return tally.groups.size + tally.uncounted.size;
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

function groupTally(tally: Tally, value: string): GroupTally | undefined {
  const known = tally.groupOfValue.get(value);
  if (known !== undefined) return known;
  const key = groupKey(value);
  let group = tally.groups.get(key);
  if (group === undefined && tally.groups.size >= tally.maxGroups) {
    tally.uncounted.add(key);
    return undefined;
  }
  if (group === undefined) {
    const a = tally.rubric.scale.max - tally.rubric.scale.min + 1;
    const k = tally.items.size;
    const covariance = tally.groups.size < MAX_GROUPS_WITH_INTERVALS ? new CovarianceAccumulator(k) : undefined;
    group = { value: detached(value), respondents: 0, counts: tally.minGroup > 1 ? NOT_COUNTED : new Float64Array(k * a), pending: -1, covariance };
    tally.groups.set(detached(key), group);
  }
  if (tally.groupOfValue.size < VALUES_REMEMBERED) tally.groupOfValue.set(detached(value), group);
  return group;
}

/** The counts of a group not yet counted (see GroupTally.counts). */
const NOT_COUNTED = new Float64Array(0);

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
    if (tally.roleKeys.size < VALUES_REMEMBERED) tally.roleKeys.set(detachedOrUndefined(raw), (key = detached(key)));
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
      return `${role === '' ? 'respondent' : Object.hasOwn(ROLE_NOUN, key) ? ROLE_NOUN[key] : role} ${place}`;
  }
}

/** The entry of the file's current run of respondents: the last one, or a new one. */
function sourceEntry(tally: Tally, file: string): number {
  const files = tally.sourceFiles;
  if (files.length > 0 && files.last() === file) return files.length - 1;
  files.push(file);
  tally.sourceCounts.extend(4);
  return files.length - 1;
}

/**
 * Completeness per input file, in code-point order of the file names, runs of one file added up;
 * each made as it is read (core/sequence.ts): a folder of a hundred thousand files has as many.
 */
export function sourceTotals(tally: Tally): LazySequence<SourceCompleteness> {
  const files = tally.sourceFiles;
  const counts = tally.sourceCounts;
  const { order, starts } = sourceOrder(files);
  return new LazySequence(starts.length - 1, (run) => {
    let respondents = 0;
    let answered = 0;
    let na = 0;
    let unanswered = 0;
    for (let k = starts[run]!; k < starts[run + 1]!; k++) {
      const at = 4 * order[k]!;
      respondents += counts.at(at);
      answered += counts.at(at + 1);
      na += counts.at(at + 2);
      unanswered += counts.at(at + 3);
    }
    return { source: files.at(order[starts[run]!]!), respondents: small(respondents), answered: small(answered), na: small(na), unanswered: small(unanswered) };
  });
}

/**
 * A count read from a Float64Array as a small integer where it is one: a double kept in an
 * object is a heap number of its own, and a report lists a hundred thousand sources of four counts.
 */
function small(count: number): number {
  return count <= 0x3fffffff ? count | 0 : count;
}

/** An answer's note and evidence lines as quotes; `originOf` gives (and at its first call keeps) the respondent's origin. */
function collectQuotes(into: QuoteList, answer: Answer, originOf: () => number): void {
  // A blank note or evidence line has nothing to quote.
  if (answer.note !== undefined && answer.note.trim() !== '') into.push(originOf(), 'note', answer.note, 0);
  for (const [i, text] of answer.evidence.entries()) {
    if (text.trim() !== '') into.push(originOf(), 'evidence', text, i + 1);
  }
}
