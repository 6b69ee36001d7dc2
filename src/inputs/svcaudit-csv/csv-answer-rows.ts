/**
 * The fast path of csv-answers.ts: a CSV in svcaudit's own layout read row by row in place
 * (survey/table-scanner.ts), each row handed on as an AnswerRow (core/answer-row.ts) when a
 * consumer takes rows. A row whose cells are levels, `na` or empty, with no more cells than the
 * header, is read from its characters; any other row (a score to trim or refuse, an `N/A`, a
 * row with extra cells) goes through csv-answers.ts's own rowToAnswerSet, and a file the
 * scanner hands over is read on by the reference tokenizer: so every finding and every AnswerSet
 * is the one readCsvAnswers gives (tests/property/fast-paths.test.ts holds them to it).
 */
import { NA_SCORE, NO_SCORE, type AnswerRow } from '../../core/answer-row.js';
import type { AnswerSet } from '../../core/answers.js';
import { rubricItems, type Item, type Rubric } from '../../rubric/model.js';
import { audienceFinding } from '../audience-finding.js';
import { CellMemo, scanText, TableScanner, trimmedValue, type ScannedRow } from '../survey/table-scanner.js';
import { CsvRowReader, rowToAnswerSet, type CsvAnswersSink, type CsvHeader } from './csv-answers.js';
import { csvRows } from './csv-rows.js';

/** Roles whose audience answers are remembered; a column of free text read as roles is not. */
const MAX_ROLES_KEPT = 256;

interface CsvRowsSink extends CsvAnswersSink {
  readonly row: (row: AnswerRow) => void;
}

/** Reads every row, as readCsvAnswers does; returns how many rows were read. */
export async function readCsvAnswerRows(chunks: AsyncIterable<string> | Iterable<string>, file: string, rubric: Rubric, sink: CsvRowsSink): Promise<number> {
  const general = new CsvRowReader(file, rubric, sink);
  let view: CsvAnswerRow | undefined;
  let fast = 0;
  const scanner = new TableScanner(',', (row) => {
    if (!general.header) {
      general.read(row.toRow());
      view = CsvAnswerRow.for(general.header!, file, rubric);
      return;
    }
    if (row.count === 1 && row.cell(0).trim() === '') return;
    if (view === undefined || !view.read(row)) {
      general.read(row.toRow());
      return;
    }
    fast++;
    view.warn(sink);
    sink.row(view);
  });
  try {
    const rest = await scanText(chunks, scanner);
    if (rest) for await (const row of csvRows(rest.text, ',', rest.line)) general.read(row);
  } catch (error) {
    general.stopped(error);
  }
  return general.end() + fast;
}

/** A CSV row seen as an AnswerRow: the scanned row's cells, read where they are. */
class CsvAnswerRow implements AnswerRow {
  readonly scores: Float64Array;
  line = 0;
  #row: ScannedRow | undefined;
  /** Per header column: the item's slot, or -1 for a respondent field. */
  readonly #slots: Int32Array;
  /** Each respondent field's column, by the field's name. */
  readonly #fields: ReadonlyMap<string, number>;
  readonly #dateColumn: number;
  /** The audienced item columns, and whether the last role seen is outside each item's audience. */
  readonly #audienced: ReadonlyArray<{ readonly column: number; readonly slot: number; readonly item: Item }>;
  /** By role: whether it is outside each audienced item's audience (a handful of roles over a million rows). */
  readonly #outside = new Map<string | undefined, readonly boolean[]>();
  readonly #values = new CellMemo(trimmedValue);
  /** The respondent fields of the current row already read: per column, the row's number and its value. */
  readonly #valueRow: Int32Array;
  readonly #value: (string | undefined)[] = [];

  private constructor(
    readonly file: string,
    private readonly header: CsvHeader,
    private readonly rubric: Rubric,
    slotOf: ReadonlyMap<string, number>,
  ) {
    this.scores = new Float64Array(slotOf.size);
    this.#valueRow = new Int32Array(header.names.length).fill(-1);
    this.#slots = Int32Array.from(header.names, (name, index) => (header.itemColumns.has(index) ? slotOf.get(name)! : -1));
    const fields = new Map<string, number>();
    header.names.forEach((name, index) => {
      if (!header.itemColumns.has(index) && name !== '') fields.set(name, index);
    });
    this.#fields = fields;
    this.#dateColumn = fields.get('date') ?? -1;
    this.#audienced = [...header.audienced].map(([column, item]) => ({ column, slot: slotOf.get(item.id)!, item }));
  }

  /** The reader of rows under this header; undefined when its rows must all take the general path (a name used twice). */
  static for(header: CsvHeader, file: string, rubric: Rubric): CsvAnswerRow | undefined {
    const named = header.names.filter((name) => name !== '');
    if (new Set(named).size !== named.length) return undefined;
    return new CsvAnswerRow(file, header, rubric, new Map(rubricItems(rubric).map((item, slot) => [item.id, slot])));
  }

  /** Reads a row's scores; false (and nothing read) when the row needs the general path. */
  read(row: ScannedRow): boolean {
    const slots = this.#slots;
    if (row.count > slots.length) return false; // extra cells: csv-answers.ts reports them
    const { min, max } = this.rubric.scale;
    const scores = this.scores;
    const text = row.text;
    scores.fill(NO_SCORE);
    for (let column = 0; column < slots.length && column < row.count; column++) {
      const slot = slots[column]!;
      if (slot < 0) continue;
      if (!row.plain(column)) return false;
      const start = row.starts[row.first + column]!;
      const length = row.ends[row.first + column]! - start;
      if (length === 0) continue;
      if (length === 2 && (text.charCodeAt(start) | 32) === 110 && (text.charCodeAt(start + 1) | 32) === 97) {
        scores[slot] = NA_SCORE; // na, NA, Na, nA
        continue;
      }
      if (length > 6) return false;
      let value = 0;
      for (let i = start; i < start + length; i++) {
        const digit = text.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) return false; // a sign, a space, `3.0`, `N/A`: parseCell's own reading
        value = value * 10 + digit;
      }
      if (value < min || value > max) return false;
      scores[slot] = value;
    }
    this.#row = row;
    this.line = row.line;
    return true;
  }

  /** The audience warnings of the row just read, as rowToAnswerSet gives them. */
  warn(sink: CsvAnswersSink): void {
    if (this.#audienced.length === 0) return;
    const role = this.field('role');
    let outside = this.#outside.get(role);
    if (outside === undefined) {
      outside = this.#audienced.map(({ item }) => audienceFinding(item, role, this.file, { line: 1, column: 1 }) !== undefined);
      if (this.#outside.size < MAX_ROLES_KEPT) this.#outside.set(role, outside);
    }
    const row = this.#row!;
    for (let i = 0; i < outside.length; i++) {
      if (!outside[i]) continue;
      const { column, slot, item } = this.#audienced[i]!;
      if (!Number.isFinite(this.scores[slot]!)) continue;
      const found = audienceFinding(item, role, this.file, row.position(column));
      if (found) sink.finding(found);
    }
  }

  get date(): string | undefined {
    return this.#dateColumn < 0 ? undefined : this.field('date');
  }

  field(name: string): string | undefined {
    const column = this.#fields.get(name);
    if (column === undefined) return undefined;
    // The tally, the checks and compare's table all ask for the role or the --by field: once per row.
    const row = this.#row!;
    if (this.#valueRow[column] === row.row) return this.#value[column];
    const value = this.#values.get(row, column);
    this.#valueRow[column] = row.row;
    this.#value[column] = value;
    return value;
  }

  fieldNames(): string[] {
    return [...this.#fields.keys()].filter((name) => this.field(name) !== undefined);
  }

  source(): string {
    return `${this.file}:${this.line}`;
  }

  answerSet(): AnswerSet {
    return rowToAnswerSet(this.#row!.toRow(), this.header, this.file, this.rubric, { answerSet: () => undefined, finding: () => undefined })!;
  }
}
