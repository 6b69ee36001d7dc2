/**
 * The fast path of read-survey-export.ts: a scanned row of a text export (table-scanner.ts)
 * handed on as an AnswerRow (core/answer-row.ts), read in place, when it is a plain respondent:
 * no evidence or comment to quote, every answer a level, a label or an na word the read plan
 * knows, no role outside an item's audience, a date that needs no waiting for the day/month
 * order. Any other row is left, untouched, to the general handling of read-survey-export.ts,
 * which reports what it finds; so the respondents, the findings and the report are the ones the
 * general path gives (tests/property/fast-paths.test.ts holds them to it).
 */
import { NA_SCORE, NO_SCORE, type AnswerRow } from '../../core/answer-row.js';
import { detached } from '../../core/detached.js';
import type { AnswerSet, ExclusionRule } from '../../core/answers.js';
import { inAudience, rubricItems, type Item, type Rubric } from '../../rubric/model.js';
import { isLevel } from '../../rubric/scale.js';
import { cellScore } from './cell-score.js';
import type { ExportColumn } from './columns.js';
import type { DateOrder } from './date-order.js';
import { dateKey, onDayOf, type DateReading } from './dates.js';
import { toExportRow } from './export-rows.js';
import { fold } from './fold.js';
import { respondentValue, type ReadPlan } from './read-plan.js';
import { rowAnswers } from './row-answers.js';
import { BLANK_DATE, UNNUMBERED, type NumberedColumn } from './scan-protocol.js';
import { NumberedRow } from './numbered-row.js';
import { CellMemo, trimmedValue, type ScannedRow } from './table-scanner.js';

/** What became of a row: read (`row`), blank, left out under a rule, or left to the general handling. */
type Taken = 'row' | 'blank' | 'general' | ExclusionRule;

/** An answer cell's reading, as the fast path uses it: a level, NA_SCORE, NO_SCORE, or undefined for a problem. */
type CellReading = number | undefined;

interface Context {
  readonly file: string;
  readonly rubric: Rubric;
  readonly plan: ReadPlan;
  /** Columns the header has: cells past them must be blank. */
  readonly width: number;
  readonly audienced: ReadonlyArray<{ readonly item: Item; readonly column: ExportColumn }>;
  readonly dates: DateOrder;
}

/** What each number of a numbered column gives, worked out once per number from its text (scan-in-worker.ts). */
interface ByNumber<T> {
  /** The column's place among the numbered. */
  readonly place: number;
  readonly results: T[];
}

/** The result of `number`, working out those of the numbers before it not yet worked out (numbers come in order). */
function byNumber<T>(numbers: ByNumber<T>, row: NumberedRow, number: number, compute: (text: string) => T): T {
  const texts = row.texts[numbers.place]!;
  const { results } = numbers;
  while (results.length <= number) results.push(compute(texts[results.length]!));
  return results[number]!;
}

export class SurveyAnswerRow implements AnswerRow {
  readonly scores: Float64Array;
  readonly file: string;
  line = 0;
  date: string | undefined;
  readonly #context: Context;
  #row: ScannedRow | undefined;
  readonly #items: ReadonlyArray<{ readonly slot: number; readonly column: number; readonly cells: CellMemo<CellReading> } & ByNumber<CellReading>>;
  /** Per respondent field: its column, its values, and the last row's (its number and value). */
  readonly #fields: ReadonlyMap<string, { readonly column: number; readonly values: CellMemo<string | undefined>; row: number; value: string | undefined } & ByNumber<string | undefined>>;
  /**
   * The columns whose cells a worker thread numbers by their text, when it reads the rows
   * (scan-in-worker.ts): the answers, the respondent fields, the date.
   */
  readonly numbered: readonly NumberedColumn[];
  /** The date column's place in `numbered`, and each number's reading and the order it was read in. */
  readonly #date: ByNumber<{ readonly order: string | undefined; readonly reading: DateReading }> | undefined;
  readonly #trimmed = new CellMemo(trimmedValue);
  readonly #folded = new CellMemo(fold);
  readonly #audience: ReadonlyArray<{ readonly slot: number; readonly item: Item }>;
  /** Role → whether it is outside each audienced item's audience. */
  readonly #outside = new Map<string | undefined, readonly boolean[]>();
  /** Date text (its dateKey) → its reading, and the order it was read in. */
  readonly #readings = new Map<string, { readonly order: string | undefined; readonly reading: DateReading }>();
  /** The last timestamp's date (its dateKey, cut from a date and a time), its reading and the order it was read in. */
  #lastDate: { readonly key: string; readonly order: string | undefined; readonly reading: DateReading } | undefined;

  constructor(context: Context) {
    this.#context = context;
    this.file = context.file;
    const slots = new Map(rubricItems(context.rubric).map((item, slot) => [item.id, slot]));
    this.scores = new Float64Array(slots.size);
    const { plan } = context;
    const reading = this.#reading;
    const numbered: NumberedColumn[] = [];
    const place = (index: number, date: boolean): number => {
      const at = numbered.findIndex((c) => c.index === index && c.date === date);
      return at >= 0 ? at : numbered.push({ index, date }) - 1;
    };
    // An item the rubric lacks is the mapping check's finding; its answers count nowhere.
    this.#items = plan.items.flatMap(({ id, column }) => (slots.has(id) ? [{ slot: slots.get(id)!, column: column.index, cells: new CellMemo(reading), place: place(column.index, false), results: [] }] : []));
    this.#fields = new Map(plan.respondent.map(({ field, column }) => [field, { column: column.index, row: -1, value: undefined, place: place(column.index, false), results: [], values: new CellMemo((text) => {
      const value = trimmedValue(text);
      return value === undefined ? undefined : respondentValue(plan, field, value);
    }) }]));
    this.#date = plan.date === undefined ? undefined : { place: place(plan.date.index, true), results: [] };
    this.numbered = numbered;
    this.#audience = context.audienced.map(({ item }) => ({ slot: slots.get(item.id) ?? -1, item }));
  }

  /** An answer cell's reading from its text. */
  readonly #reading = (text: string): CellReading => {
    const result = cellScore(text.trim(), this.#context.plan.book);
    if ('problem' in result) return undefined;
    if (result.score === null) return NO_SCORE;
    if (result.score === 'na') return NA_SCORE;
    // A label's level off the scale is the mapping check's finding; such a score counts nowhere.
    return isLevel(result.score, this.#context.rubric.scale) ? result.score : undefined;
  };

  /** Reads a row: `row` when it is this object's now; otherwise nothing of it was read or counted. */
  take(row: ScannedRow): Taken {
    const { plan, width, dates } = this.#context;
    if (this.#blank(row)) return 'blank';
    for (let i = width; i < row.count; i++) if (this.#trimmed.get(row, i) !== undefined) return 'general'; // extra cells
    for (const e of plan.exclusions) if (e.leavesOut(this.#folded.get(row, e.column))) return e.rule;
    for (const c of plan.include) if (!c.values.has(this.#folded.get(row, c.column.index))) return 'filter';
    for (const e of plan.evidence) if (this.#trimmed.get(row, e.column.index) !== undefined) return 'general'; // a quote
    const scores = this.scores;
    scores.fill(NO_SCORE);
    const numbered = row instanceof NumberedRow && row.numbered > 0 ? row : undefined;
    for (const item of this.#items) {
      const number = numbered === undefined ? UNNUMBERED : numbered.numbers[numbered.base + item.place]!;
      const score = number >= 0 ? (number < item.results.length ? item.results[number] : byNumber(item, numbered!, number, this.#reading)) : item.cells.get(row, item.column);
      if (score === undefined) return 'general'; // a cell to report
      if (score !== NO_SCORE) scores[item.slot] = score;
    }
    this.#row = row;
    if (this.#audience.length > 0 && this.#outsideAudience()) return 'general';
    let date: string | undefined;
    if (plan.date !== undefined) {
      const reading = this.#dateReading(row, numbered, plan.date.index, dates);
      if (reading !== undefined) {
        if (reading.kind !== 'date') return 'general'; // invalid, or it bears on the day/month order
        date = reading.iso;
      }
    }
    if (dates.holding) return 'general';
    this.date = date;
    this.line = row.row;
    return 'row';
  }

  /** Whether every cell is blank: the first non-blank cell (usually the first) ends the look. */
  #blank(row: ScannedRow): boolean {
    const text = row.text;
    for (let i = 0; i < row.count; i++) {
      const start = row.starts[row.first + i]!;
      const end = row.ends[row.first + i]!;
      // An ASCII character above the space is never trimmed away.
      for (let j = start; j < end; j++) {
        const c = text.charCodeAt(j);
        if (c > 32 && c < 127) return false;
      }
      if (end > start && this.#trimmed.get(row, i) !== undefined) return false;
    }
    return true;
  }

  #outsideAudience(): boolean {
    const role = this.field('role');
    let outside = this.#outside.get(role);
    if (outside === undefined) {
      // As audienceFinding decides: a blank role says nothing, so it is outside no audience.
      outside = this.#audience.map(({ item }) => role !== undefined && role.trim() !== '' && item.audience !== undefined && !inAudience(item, role));
      if (this.#outside.size < 256) this.#outside.set(role, outside);
    }
    for (let i = 0; i < outside.length; i++) {
      const { slot } = this.#audience[i]!;
      if (outside[i] && slot >= 0 && Number.isFinite(this.scores[slot]!)) return true;
    }
    return false;
  }

  /** The date cell's reading, by its number where the worker numbered it; undefined when it is blank. */
  #dateReading(row: ScannedRow, numbered: NumberedRow | undefined, column: number, dates: DateOrder): DateReading | undefined {
    const numbers = this.#date!;
    const number = numbered === undefined ? UNNUMBERED : numbered.numbers[numbered.base + numbers.place]!;
    if (number === BLANK_DATE) return undefined;
    if (number < 0) return this.#sameDay(row, column, dates) ?? this.#dateOf(row, column, dates);
    // The number is that of the date dateKey cuts from the cell, as #dateOf reads it.
    const order = dates.readOrder;
    let known = number < numbers.results.length ? numbers.results[number]! : byNumber(numbers, numbered!, number, (key) => ({ order, reading: dates.read(key) }));
    if (known.order !== order) numbers.results[number] = known = { order, reading: dates.read(numbered!.texts[numbers.place]![number]!) };
    return known.reading;
  }

  /** The date cell's reading; undefined when it is blank. */
  #dateOf(row: ScannedRow, column: number, dates: DateOrder): DateReading | undefined {
    const raw = this.#trimmed.get(row, column);
    if (raw === undefined) return undefined;
    const order = dates.readOrder;
    // By the date alone where the rest is a valid time (dates.ts, dateKey): a day is read once.
    const key = dateKey(raw);
    let known = this.#readings.get(key);
    if (known === undefined || known.order !== order) {
      known = { order, reading: dates.read(key) };
      if (this.#readings.size < 1024) this.#readings.set(detached(key), known);
    }
    if (key !== raw) this.#lastDate = { key: detached(key), order, reading: known.reading };
    return known.reading;
  }

  /**
   * The reading of a timestamp on the day of the last one, found in place: the cell starts with
   * that date, then a space or `T` and a time to its end, which is exactly when dateKey would cut
   * it to that date (a date holds no space or `T`; the time ends the cell, as trimming would).
   * Rows of an export come in time order, so most share the last row's day. Undefined otherwise.
   */
  #sameDay(row: ScannedRow, column: number, dates: DateOrder): DateReading | undefined {
    const last = this.#lastDate;
    if (last === undefined || column >= row.count || !row.plain(column) || last.order !== dates.readOrder) return undefined;
    return onDayOf(last.key, row.text, row.starts[row.first + column]!, row.ends[row.first + column]!) ? last.reading : undefined;
  }

  field(name: string): string | undefined {
    const field = this.#fields.get(name);
    if (field === undefined) return undefined;
    // The tally, the checks and compare's table all ask for the role or the --by field: once per row.
    const row = this.#row!;
    if (field.row === row.row) return field.value;
    field.row = row.row;
    const number = row instanceof NumberedRow && row.numbered > 0 ? row.numbers[row.base + field.place]! : UNNUMBERED;
    field.value = number < 0 ? field.values.get(row, field.column) : number < field.results.length ? field.results[number] : byNumber(field, row as NumberedRow, number, field.values.compute);
    return field.value;
  }

  fieldNames(): string[] {
    return [...this.#fields.keys()].filter((name) => this.field(name) !== undefined);
  }

  source(): string {
    return `${this.file}:${this.line}`;
  }

  answerSet(): AnswerSet {
    const { plan, rubric } = this.#context;
    const set = rowAnswers(toExportRow(this.#row!), plan, rubric, this.source(), () => undefined)!;
    set.date = this.date;
    return set as AnswerSet;
  }
}
