/**
 * Each respondent of a scored side, kept compactly for `compare`: pairing needs
 * who answered (their id and name), the paired tests need each person's
 * number per item, and `--by` needs each person's group. Scores sit in one
 * typed array (one byte per item: a usable scale has at most
 * MAX_LEVELS levels, rubric/scale.ts), so two
 * 100,000-row exports cost a few megabytes; notes and evidence are not kept
 * (the Report holds the quotes).
 */
import type { AnswerSet } from '../core/answers.js';
import { NA_SCORE, NO_SCORE, type AnswerRow } from '../core/answer-row.js';
import { detached } from '../core/detached.js';
import { rubricItems, type Rubric } from '../rubric/model.js';
import { isLevel } from '../rubric/scale.js';
import { groupValueOf } from '../scoring/tally.js';

const INITIAL_ROWS = 64;
/** Group values remembered as written (see #groupOf). */
const RECENT_GROUPS = 8;
/** A cell of `cells()`: unanswered. */
export const UNANSWERED = 0;
/** A cell of `cells()`: `na`; above every level's cell (MAX_LEVELS at most). */
export const NA = 0xff;

/** A RespondentTable as plain data (see RespondentTable.state). */
export interface RespondentTableState {
  readonly by: string | null;
  readonly rows: number;
  readonly scores: Uint8Array;
  readonly ids: readonly (string | undefined)[];
  readonly names: readonly (string | undefined)[];
  readonly groups: Uint32Array;
  readonly groupValues: readonly string[];
}

export class RespondentTable {
  /** Item ids in rubric order; column `i` of the table is `itemIds[i]`. */
  readonly itemIds: readonly string[];
  readonly k: number;
  readonly min: number;
  /** Levels of the scale: a cell that holds a number holds 1 to `levels`. */
  readonly levels: number;
  readonly by: string | null;
  readonly #column: ReadonlyMap<string, number>;
  readonly #scale: { readonly min: number; readonly max: number };
  /** Row-major, `k` per row: `0` is unanswered, NA is `na`, level L is stored as `L - min + 1`. */
  #scores: Uint8Array;
  #rows = 0;
  /** Trimmed `respondent.id` and `respondent.name` per row; undefined when blank or absent. */
  #ids: (string | undefined)[] = [];
  #names: (string | undefined)[] = [];
  /** Per row, the index of its group in `#groupValues` (with `--by`). */
  #groups: Uint32Array;
  readonly #groupValues: string[] = [];
  readonly #groupIndex = new Map<string, number>();
  /**
   * The last few group values met as written, with their group: a column of roles holds a handful
   * of values, met over and over, and comparing the text is cheaper than folding its case and
   * looking the key up for every row.
   */
  readonly #recentValues: string[] = [];
  readonly #recentGroups: number[] = [];
  #recentNext = 0;

  constructor(rubric: Rubric, options: { readonly by?: string | null | undefined } = {}) {
    this.itemIds = rubricItems(rubric).map((item) => item.id);
    this.k = this.itemIds.length;
    this.min = rubric.scale.min;
    this.levels = rubric.scale.max - rubric.scale.min + 1;
    this.#scale = { min: rubric.scale.min, max: rubric.scale.max };
    this.by = options.by ?? null;
    this.#column = new Map(this.itemIds.map((id, i) => [id, i]));
    this.#scores = new Uint8Array(INITIAL_ROWS * this.k);
    this.#groups = new Uint32Array(this.by === null ? 0 : INITIAL_ROWS);
  }

  get rows(): number {
    return this.#rows;
  }

  /** One respondent. Answers for ids the rubric lacks, and scores off the scale, are the loader's findings; here they count as unanswered. */
  add(set: AnswerSet): void {
    const scores = new Float64Array(this.k).fill(NO_SCORE);
    for (const [id, answer] of set.answers) {
      const column = this.#column.get(id);
      if (column === undefined) continue;
      const score = answer.score;
      if (score === 'na') scores[column] = NA_SCORE;
      else if (isLevel(score, this.#scale)) scores[column] = score;
    }
    const field = (name: string): string | undefined => (Object.hasOwn(set.respondent, name) ? set.respondent[name] : undefined);
    this.#add(scores, field('id'), field('name'), this.by === null ? undefined : field(this.by));
  }

  /** One respondent as a row (core/answer-row.ts), its scores in rubric order as the table's columns are. */
  addRow(row: AnswerRow): void {
    // The fields read here, not through a function made for each of a hundred thousand rows.
    this.#add(row.scores, row.field('id'), row.field('name'), this.by === null ? undefined : row.field(this.by));
  }

  /** A row: its scores in column order, its id and name, and its `--by` field (undefined without --by). */
  #add(values: Float64Array, id: string | undefined, name: string | undefined, group: string | undefined): void {
    const row = this.#rows;
    if ((row + 1) * this.k > this.#scores.length) this.#grow();
    const base = row * this.k;
    const scores = this.#scores;
    const min = this.min;
    for (let column = 0; column < this.k; column++) {
      const score = values[column]!;
      if (score === NA_SCORE) scores[base + column] = NA;
      else if (Number.isFinite(score)) scores[base + column] = score - min + 1;
    }
    this.#ids.push(keyText(id));
    this.#names.push(keyText(name));
    if (this.by !== null) this.#groups[row] = this.#groupOf(groupValueOf(group));
    this.#rows++;
  }

  /**
   * Every cell, row-major with `k` per row (read-only; the array is replaced as the table grows):
   * UNANSWERED, NA, or the level's offset from the scale's minimum plus 1. The loops over a
   * hundred thousand rows read it directly.
   */
  cells(): Uint8Array {
    return this.#scores;
  }

  /** The pairing key of a row: its trimmed id or name, undefined when blank. */
  key(row: number, by: 'id' | 'name'): string | undefined {
    return (by === 'id' ? this.#ids : this.#names)[row];
  }

  /** Every row's pairing key, in row order (read-only). */
  keys(by: 'id' | 'name'): readonly (string | undefined)[] {
    return by === 'id' ? this.#ids : this.#names;
  }

  /** Whether any respondent has a non-blank `id`. */
  hasIds(): boolean {
    return this.#ids.some((id) => id !== undefined);
  }

  /** The group of a row (with `--by`): an index into `groups()`. */
  group(row: number): number {
    return this.#groups[row]!;
  }

  /** The groups met on this side (values as first met, one per group key), in the order met. */
  groups(): readonly string[] {
    return this.#groupValues;
  }

  /**
   * The table as plain data, for a side read in a worker thread (app/side-in-worker.ts): typed
   * arrays cut to the rows held, the keys and the groups as met.
   */
  state(): RespondentTableState {
    return {
      by: this.by,
      rows: this.#rows,
      scores: this.#scores.slice(0, this.#rows * this.k),
      ids: this.#ids,
      names: this.#names,
      groups: this.by === null ? new Uint32Array(0) : this.#groups.slice(0, this.#rows),
      groupValues: this.#groupValues,
    };
  }

  /** The table `state()` gave, for the same rubric. */
  static fromState(rubric: Rubric, state: RespondentTableState): RespondentTable {
    const table = new RespondentTable(rubric, { by: state.by });
    if (state.scores.length !== state.rows * table.k) throw new RangeError(`a table of ${state.rows} rows of ${table.k} items has ${state.scores.length} cells`);
    table.#scores = state.scores;
    table.#rows = state.rows;
    table.#ids = state.ids.slice();
    table.#names = state.names.slice();
    if (state.by !== null) table.#groups = state.groups;
    state.groupValues.forEach((value, index) => {
      table.#groupValues.push(value);
      table.#groupIndex.set(groupKeyOf(value), index);
    });
    return table;
  }

  #groupOf(value: string): number {
    const recent = this.#recentValues;
    for (let i = 0; i < recent.length; i++) if (recent[i] === value) return this.#recentGroups[i]!;
    const key = groupKeyOf(value);
    let index = this.#groupIndex.get(key);
    if (index === undefined) {
      index = this.#groupValues.length;
      this.#groupValues.push(detached(value));
      this.#groupIndex.set(detached(key), index);
    }
    // The oldest of the recent values makes room (detached: it outlives its row).
    const slot = this.#recentNext;
    recent[slot] = detached(value);
    this.#recentGroups[slot] = index;
    this.#recentNext = (slot + 1) % RECENT_GROUPS;
    return index;
  }

  #grow(): void {
    const scores = new Uint8Array(Math.max(this.#scores.length * 2, this.k));
    scores.set(this.#scores);
    this.#scores = scores;
    if (this.by !== null) {
      const groups = new Uint32Array(this.#groups.length * 2);
      groups.set(this.#groups);
      this.#groups = groups;
    }
  }
}

function keyText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  // Kept for every row: detached from the text it was read from (core/detached.ts).
  return trimmed === undefined || trimmed === '' ? undefined : detached(trimmed);
}

/**
 * Groups are compared with surrounding space trimmed and case ignored (docs/formulas.md, "Groups"):
 * `Customer` and `customer ` are one group, as in the score report.
 */
export function groupKeyOf(value: string): string {
  return value.trim().toLowerCase();
}
