/**
 * A survey tool's export → one AnswerSet per respondent (docs/file-formats.md, "Survey
 * exports"), streamed: rows are read, checked and handed on one at a time (only rows whose date
 * order is still open wait; see date-order.ts). Findings name the row and the column's header;
 * rows the layout or the mapping's `include` leave out are counted per rule.
 */
import { EXCLUSION_RULES, type AnswerSet, type ExclusionRule } from '../../core/answers.js';
import { finding, type Finding } from '../../core/finding.js';
import { rubricItems, type Rubric } from '../../rubric/model.js';
import { buildColumns } from './columns.js';
import { DateOrder } from './date-order.js';
import { openExportRows, ReadStop, toExportRow, type ExportRow, type ExportRows, type ExportSource } from './export-rows.js';
import { fold, shown } from './fold.js';
import { DETECT_ROWS, detectLayout, HEADER_ROWS, type LayoutName } from './layouts.js';
import type { Mapping } from './mapping.js';
import { headerPlan, mappingPlan, type ReadPlan } from './read-plan.js';
import { rowAnswers, type CellProblem } from './row-answers.js';
import { audienceFinding } from '../audience-finding.js';
import type { AnswerRow } from '../../core/answer-row.js';
import type { ParallelReading } from '../parallel-reading.js';
import { SurveyAnswerRow } from './survey-answer-rows.js';
import { ScannedRow } from './table-scanner.js';

interface SurveySink {
  readonly answerSet: (set: AnswerSet) => void;
  readonly finding: (finding: Finding) => void;
  /** Offered by a consumer that takes rows: plain rows of a text export come here, read in place (survey-answer-rows.ts). */
  readonly row?: ((row: AnswerRow) => void) | undefined;
}

export interface SurveyReadResult {
  /** The layout read (named by the mapping or detected); undefined when none could be told. */
  readonly layout: LayoutName | undefined;
  /** Data rows read, blank rows not counted. */
  readonly rows: number;
  /** AnswerSets handed to the sink. */
  readonly respondents: number;
  /** Rows left out, per rule, for the rules that left any out. */
  readonly excluded: ReadonlyArray<{ readonly rule: ExclusionRule; readonly rows: number }>;
}

/** The same value in the same column is reported for its first few rows, then counted. */
const REPEATS_SHOWN = 3;
const MAX_REPEAT_KEYS = 10_000;
/** Layouts whose documented timestamps put the month first (SurveyMonkey's `MM/DD/YYYY`). */
const MONTH_FIRST: ReadonlySet<LayoutName> = new Set(['surveymonkey']);

interface SurveyReadOptions {
  /**
   * Called instead of reporting an export that needs a mapping (none given, headers not item ids):
   * a file found by expanding a folder is passed over rather than failed.
   */
  readonly passOver?: () => void;
  /** A text export of at least this many bytes is read in a worker thread beside the scoring (scan-in-worker.ts). */
  readonly inWorker?: ParallelReading | undefined;
}

export async function readSurveyExport(source: ExportSource, file: string, rubric: Rubric, mapping: Mapping | undefined, sink: SurveySink, options: SurveyReadOptions = {}): Promise<SurveyReadResult> {
  const excluded = new Map<ExclusionRule, number>();
  let rows = 0;
  let respondents = 0;
  let layout: LayoutName | undefined = mapping?.layout;
  const result = (): SurveyReadResult => ({
    layout,
    rows,
    respondents,
    excluded: EXCLUSION_RULES.filter((rule) => excluded.has(rule)).map((rule) => ({ rule, rows: excluded.get(rule)! })),
  });
  let unreadable = false; // the bytes were refused as text: an empty result says nothing more
  const report = (f: Finding) => {
    if (f.rule === 'file-binary' || f.rule === 'file-encoding-invalid') unreadable = true;
    sink.finding(f);
  };
  let opened: ExportRows | undefined;
  try {
    opened = await openExportRows(source, file, { sheet: mapping?.sheet, inWorker: sink.row === undefined ? undefined : options.inWorker }, report);
    // Not a for-await with break: that would close the generator, and the rows after the head with it.
    const head: ExportRow[] = [];
    while (head.length < DETECT_ROWS) {
      const next = await opened.rows.next();
      if (next.done) break;
      head.push(next.value);
    }
    if (head.length === 0) {
      if (!unreadable) report(finding('file-empty', 'The export is empty: it needs a header row.', file, { line: 1, column: 1 }));
      return result();
    }
    const itemIds = rubricItems(rubric).map((item) => item.id);
    const detected = detectLayout(head.map((r) => r.cells), itemIds);
    if (mapping?.layout !== undefined && detected !== undefined && detected !== mapping.layout && detected !== 'svcaudit') {
      report(finding('export-unknown-layout', `The mapping says \`layout: ${mapping.layout}\`, but the first rows of this export are those of a ${detected} export. Is it the right mapping for this file?`, file, { line: 1, column: 1 }));
      return result();
    }
    layout = mapping?.layout ?? detected;
    if (!mapping && layout !== 'svcaudit' && options.passOver) {
      options.passOver();
      return result();
    }
    if (!mapping && layout !== 'svcaudit') {
      const what = layout ? `This is a ${layout} export, whose` : 'The';
      report(finding('export-needs-mapping', `${what} headers are not item ids of \`${rubric.id}\`, so it needs a mapping: run \`svcaudit map ${file} > mapping.yaml\`, review it, and pass it with --map.`, file, head[0]!.span(0)));
      return result();
    }
    const headerCount = Math.min(HEADER_ROWS[layout ?? 'svcaudit'], head.length);
    const columns = buildColumns(layout ?? 'svcaudit', head.slice(0, headerCount).map((r) => r.cells));
    const headerRow = head[0]!;
    const planned = mapping ? mappingPlan(mapping, layout, columns, rubric, file) : headerPlan(columns, rubric, file, headerRow.span);
    planned.findings.forEach(report);
    const plan = planned.plan;
    if (!mapping && plan.items.length === 0) {
      report(finding('answers-rubric-mismatch', `No column of this export is named after an item of \`${rubric.id}\`.`, file, headerRow.span(0)));
      return result();
    }

    const repeats = new Map<string, { count: number; first: Finding }>();
    const problems = (row: ExportRow) => (p: CellProblem) => reportCell(p, row, file, rubric, repeats, report);
    const byId = new Map(rubricItems(rubric).map((item) => [item.id, item]));
    // The columns of items with an audience: a score from a role outside it is a warning (docs/file-formats.md).
    const audienced = plan.items.flatMap(({ id, column }) => (byId.get(id)?.audience === undefined ? [] : [{ item: byId.get(id)!, column }]));
    const dates = new DateOrder(mapping?.dateFormat, layout && MONTH_FIRST.has(layout) ? 'MDY' : undefined, opened.date1904, (set) => {
      respondents++;
      sink.answerSet(set);
    }, (p) => {
      const column = plan.date!;
      const message = p.kind === 'mixed'
        ? `Row ${p.row}, \`${shown(column.header)}\` (column ${column.letter}): \`${shown(p.value)}\` puts the day and month the other way round from earlier rows. Say the order with \`date-format: DMY\` or \`MDY\` in the mapping.`
        : `The dates in \`${shown(column.header)}\` (column ${column.letter}), such as \`${shown(p.value)}\` in row ${p.row}, could be day/month or month/day, and no value settles which. Say the order with \`date-format: DMY\` or \`MDY\` in the mapping.`;
      report(finding('export-date-ambiguous', message, mapping?.file ?? file, mapping?.date?.span ?? { line: 1, column: 1 }));
    });

    const onRow = sink.row;
    const fast = onRow === undefined ? undefined : new SurveyAnswerRow({ file, rubric, plan, width: columns.length, audienced, dates });
    if (fast !== undefined) opened.number?.(fast.numbered);
    const handle = (input: ExportRow | ScannedRow) => {
      let row: ExportRow;
      if (input instanceof ScannedRow) {
        const taken = fast === undefined ? 'general' : fast.take(input);
        if (taken === 'blank') return;
        if (taken === 'row') {
          rows++;
          respondents++;
          onRow!(fast!);
          return;
        }
        if (taken !== 'general') {
          rows++;
          excluded.set(taken, (excluded.get(taken) ?? 0) + 1);
          return;
        }
        row = toExportRow(input);
      } else row = input;
      if (row.cells.every((c) => c.trim() === '')) return;
      rows++;
      if (row.cells.length > columns.length && row.cells.slice(columns.length).some((c) => c.trim() !== '')) {
        report(finding('csv-extra-cells', `Row ${row.row} has ${row.cells.length} cells but the header has ${columns.length}; quote cells that contain the delimiter.`, file, row.span(columns.length)));
        return;
      }
      const rule = exclusionOf(row, plan);
      if (rule) {
        excluded.set(rule, (excluded.get(rule) ?? 0) + 1);
        return;
      }
      const set = rowAnswers(row, plan, rubric, `${file}:${row.row}`, problems(row));
      if (!set) return;
      for (const { item, column } of audienced) {
        if (typeof set.answers.get(item.id)?.score !== 'number') continue;
        const outside = audienceFinding(item, set.respondent.role, file, row.span(column.index));
        if (outside) repeated(`${column.index}\u0000audience\u0000${set.respondent.role}`, outside, repeats, report);
      }
      const raw = plan.date ? (row.cells[plan.date.index] ?? '').trim() : '';
      const reading = raw === '' ? undefined : dates.read(raw);
      if (reading?.kind === 'invalid') {
        const column = plan.date!;
        report(finding('export-date-invalid', `Row ${row.row}, \`${shown(column.header)}\` (column ${column.letter}): \`${shown(raw)}\` is not a date (expected such as 2026-11-20, 20/11/2026 or a spreadsheet date).`, file, row.span(column.index)));
        return;
      }
      dates.add(set, reading, row.row, raw);
    };
    for (const row of head.slice(headerCount)) handle(row);
    await opened.each(handle);
    dates.finish();
    for (const { count, first } of repeats.values()) {
      if (count > REPEATS_SHOWN) report({ ...first, message: `${first.message.replace(/^Row \d+, /, '')} (also in ${count - REPEATS_SHOWN} more row${count - REPEATS_SHOWN === 1 ? '' : 's'} not listed)` });
    }
  } catch (error) {
    if (!(error instanceof ReadStop)) throw error;
    report(finding(error.rule, error.message, file, error.span));
  } finally {
    opened?.close?.();
  }
  return result();
}

function exclusionOf(row: ExportRow, plan: ReadPlan): ExclusionRule | undefined {
  for (const e of plan.exclusions) if (e.leavesOut(fold(row.cells[e.column] ?? ''))) return e.rule;
  for (const c of plan.include) if (!c.values.has(fold(row.cells[c.column.index] ?? ''))) return 'filter';
  return undefined;
}

function reportCell(p: CellProblem, row: ExportRow, file: string, rubric: Rubric, repeats: Map<string, { count: number; first: Finding }>, report: (f: Finding) => void): void {
  const { min, max } = rubric.scale;
  const where = `Row ${row.row}, \`${shown(p.column.header)}\` (column ${p.column.letter}, item \`${p.item}\`)`;
  const hint = p.closest !== undefined ? ` The closest label: \`${shown(p.closest)}\`.` : '';
  const message = p.kind === 'unknown'
    ? `${where}: \`${shown(p.value)}\` is not a level from ${min} to ${max}, a label or an na word; add it to the mapping's \`labels\` or \`na\`.${hint}`
    : `${where}: the answer must be a level from ${min} to ${max}, a label, an na word or empty; found \`${shown(p.value)}\`.`;
  const rule = p.kind === 'unknown' ? 'export-answer-invalid' : p.kind === 'not-integer' ? 'answers-score-not-integer' : 'answers-score-out-of-scale';
  repeated(`${p.column.index}\u0000${fold(p.value)}`, finding(rule, message, file, row.span(p.column.index)), repeats, report);
}

/** The same finding in the same column is reported for its first few rows, then counted in one more. */
function repeated(key: string, f: Finding, repeats: Map<string, { count: number; first: Finding }>, report: (f: Finding) => void): void {
  const seen = repeats.get(key);
  if (seen) {
    seen.count++;
    if (seen.count <= REPEATS_SHOWN) report(f);
    return;
  }
  if (repeats.size < MAX_REPEAT_KEYS) repeats.set(key, { count: 1, first: f });
  report(f);
}

