/**
 * A survey tool's CSV export → one AnswerSet per row (docs/file-formats.md, "Answers
 * file"): columns named after rubric items hold answers, every other column
 * is a respondent field. Rows are yielded one at a time; problems become
 * findings with the row's line and the cell's column.
 */
import { finding, MAX_FINDINGS_PER_RULE, type Finding } from '../../core/finding.js';
import { rubricItems, type Item, type Rubric } from '../../rubric/model.js';
import { audienceFinding } from '../audience-finding.js';
import { isLevel } from '../../rubric/scale.js';
import { closest } from '../../core/suggest.js';
import { excerpt } from '../../core/inert-text.js';
import { csvRows, CsvSyntaxError, type CsvRow } from './csv-rows.js';
import type { Answer, AnswerSet, Score } from '../../core/answers.js';

/** Respondent columns that survey tools commonly add; never mistaken for a misspelt item id. */
const KNOWN_RESPONDENT_COLUMNS = new Set(['name', 'role', 'team', 'site', 'email', 'date', 'id', 'respondent', 'group', 'location', 'department']);
const NOT_APPLICABLE = new Set(['na', 'n/a', 'n.a.', 'not applicable']);

export interface CsvAnswersSink {
  readonly answerSet: (set: AnswerSet) => void;
  readonly finding: (finding: Finding) => void;
}

/** Reads every row; returns how many rows were read. Findings never stop the reading. */
export async function readCsvAnswers(chunks: AsyncIterable<string> | Iterable<string>, file: string, rubric: Rubric, sink: CsvAnswersSink): Promise<number> {
  const reader = new CsvRowReader(file, rubric, sink);
  try {
    for await (const row of csvRows(chunks)) reader.read(row);
  } catch (error) {
    reader.stopped(error);
  }
  return reader.end();
}

/**
 * The rows of one CSV as the tokenizer gives them, one at a time: the first is the header, a
 * blank line is passed over, any other row becomes an AnswerSet or findings. The fast path
 * (csv-answer-rows.ts) hands the rows it does not read in place to the same reader.
 */
export class CsvRowReader {
  header: CsvHeader | undefined;
  /** Rows read, blank lines and the header not counted. */
  rows = 0;
  readonly #items: ReadonlyMap<string, Item>;

  constructor(
    private readonly file: string,
    private readonly rubric: Rubric,
    private readonly sink: CsvAnswersSink,
  ) {
    this.#items = new Map(rubricItems(rubric).map((item) => [item.id, item]));
  }

  read(row: CsvRow): void {
    if (!this.header) {
      this.header = readHeader(row.cells, row.columns, row.lines, this.file, this.#items, this.sink);
      return;
    }
    if (row.cells.length === 1 && row.cells[0]!.trim() === '') return; // a blank line
    this.rows++;
    const set = rowToAnswerSet(row, this.header, this.file, this.rubric, this.sink);
    if (set) this.sink.answerSet(set);
  }

  /** Reading stopped at malformed CSV: its finding (anything else is no finding of the file's). */
  stopped(error: unknown): void {
    if (!(error instanceof CsvSyntaxError)) throw error;
    this.sink.finding(finding(error.rule, error.message, this.file, { line: error.line, column: error.column }));
  }

  /** The end of the file: a file without even a header is named; returns the rows read. */
  end(): number {
    if (!this.header) this.sink.finding(finding('file-empty', 'The CSV file is empty: it needs a header row of item ids.', this.file, { line: 1, column: 1 }));
    return this.rows;
  }
}

export interface CsvHeader {
  readonly names: string[];
  readonly itemColumns: Set<number>;
  /** Column → its item, for the items with an audience: the columns whose scores are checked against the role. */
  readonly audienced: Map<number, Item>;
}

function readHeader(cells: string[], columns: number[], lines: number[], file: string, items: ReadonlyMap<string, Item>, sink: CsvAnswersSink): CsvHeader {
  const itemIds = new Set(items.keys());
  // Survey tools capitalise headers (`Role`, `Be-Nice`): item ids and the usual respondent
  // fields are matched without regard to case, so `--by role` finds a `Role` column.
  const names = cells.map((c) => {
    const name = c.trim();
    const lower = name.toLowerCase();
    return itemIds.has(lower) || KNOWN_RESPONDENT_COLUMNS.has(lower) ? lower : name;
  });
  const itemColumns = new Set<number>();
  const seen = new Map<string, number>();
  let suggested = 0;
  names.forEach((name, index) => {
    const where = { line: lines[index] ?? 1, column: columns[index] ?? 1 };
    if (name !== '' && seen.has(name)) {
      // Two columns with one name: one would silently overwrite the other's answers.
      sink.finding(finding('csv-duplicate-column', `Column \`${excerpt(name)}\` appears twice in the header (columns ${seen.get(name)! + 1} and ${index + 1}).`, file, where));
      return;
    }
    seen.set(name, index);
    if (itemIds.has(name)) {
      itemColumns.add(index);
      return;
    }
    // A column that is nearly an item id is a typo, which would silently drop that item's answers.
    // Only as many as are listed (capFindings): each costs a pass over the rubric's ids.
    const near = KNOWN_RESPONDENT_COLUMNS.has(name.toLowerCase()) || ++suggested > MAX_FINDINGS_PER_RULE ? undefined : closest(name, itemIds);
    if (near !== undefined) {
      sink.finding(finding('answers-unknown-item', `Column \`${excerpt(name)}\` is not an item of the rubric. Did you mean \`${near}\`? (Rename it, or it is read as a respondent field.)`, file, where));
    }
  });
  if (itemColumns.size === 0) {
    sink.finding(finding('answers-rubric-mismatch', 'No column of this CSV is named after an item of the rubric in use; the header row must hold item ids.', file, { line: lines[0] ?? 1, column: 1 }));
  }
  const audienced = new Map<number, Item>();
  for (const index of itemColumns) {
    const item = items.get(names[index]!)!;
    if (item.audience !== undefined) audienced.set(index, item);
  }
  return { names, itemColumns, audienced };
}

export function rowToAnswerSet(
  row: { line: number; cells: string[]; columns: number[]; lines: number[] },
  header: CsvHeader,
  file: string,
  rubric: Rubric,
  sink: CsvAnswersSink,
): AnswerSet | undefined {
  const answers = new Map<string, Answer>();
  const respondent: Record<string, string> = Object.create(null);
  let ok = true;
  if (row.cells.length > header.names.length) {
    // Usually an unquoted comma in a name, which shifts every later answer by one column.
    const extra = header.names.length;
    sink.finding(finding('csv-extra-cells', `This row has ${row.cells.length} cells but the header has ${header.names.length}; quote cells that contain commas.`, file, { line: row.lines[extra] ?? row.line, column: row.columns[extra] ?? 1 }));
    return undefined;
  }
  header.names.forEach((name, index) => {
    const raw = (row.cells[index] ?? '').trim();
    if (!header.itemColumns.has(index)) {
      if (raw !== '' && name !== '') respondent[name] = raw;
      return;
    }
    const score = parseCell(raw, rubric);
    if (score === undefined) {
      ok = false;
      // The cell's own line: a cell after a multi-line quoted cell is below the row's first line.
      const where = { line: row.lines[index] ?? row.line, column: row.columns[index] ?? 1 };
      const rule = /^[+-]?\d+(\.\d+)?$/.test(raw) && !Number.isInteger(Number(raw)) ? 'answers-score-not-integer' : 'answers-score-out-of-scale';
      sink.finding(finding(rule, `The answer for \`${excerpt(name)}\` must be a level from ${rubric.scale.min} to ${rubric.scale.max}, \`na\`, or empty; found \`${excerpt(raw)}\`.`, file, where));
      return;
    }
    if (score !== null) answers.set(name, { score, note: undefined, evidence: [] });
  });
  if (!ok) return undefined;
  // Warnings only: the row's scores all count.
  for (const [index, item] of header.audienced) {
    if (typeof answers.get(item.id)?.score !== 'number') continue;
    const outside = audienceFinding(item, respondent.role, file, { line: row.lines[index] ?? row.line, column: row.columns[index] ?? 1 });
    if (outside) sink.finding(outside);
  }
  return {
    source: `${file}:${row.line}`,
    rubric: rubric.id,
    rubricVersion: undefined,
    respondent: { ...respondent },
    date: respondent.date,
    answers,
  };
}

/** A cell → a score, `na`, null (empty: unanswered), or undefined when it is not valid. */
function parseCell(raw: string, rubric: Rubric): Score | undefined {
  if (raw === '') return null;
  if (NOT_APPLICABLE.has(raw.toLowerCase())) return 'na';
  // `3.0` is a whole number, as in a YAML answers file: spreadsheets and pandas write levels that way.
  if (!/^[+-]?\d+(\.0+)?$/.test(raw)) return undefined;
  const value = Number(raw);
  return isLevel(value, rubric.scale) ? value : undefined;
}
