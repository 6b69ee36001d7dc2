/**
 * The column catalogue: every figure the report tables can show, described once. The CSV, text,
 * Markdown and HTML item and section tables select from it (`columnsFor`), in catalogue order, so
 * a new statistic is one entry here (and the figure itself in scoring/), not an edit per format.
 * A format renders a column its own way only where it must (a coloured gap, an HTML pill); any
 * other column gets the default cell: a number as `fixed` shows it, text as it is.
 * A human table leaves out a column that says nothing in this report (`shown`): the n of a
 * self-audit is 1 on every row, an interval of one answer is never there, a Flags column with no
 * flag is blank; the CSV keeps every column, so scripts can rely on its header.
 * What each figure means: docs/formulas.md.
 */
import type { ItemResult, Report, SectionResult } from '../../scoring/report.js';
import { intervalText } from './intervals.js';
import { statusWord } from '../gap/status.js';
import { flagWords } from '../gap/labels.js';
import { fixed, indexText, NONE } from './numbers.js';
import { unscoredText } from './unscored.js';

/** The tables that select columns: each format's item table, and the section tables. */
type TableName = 'csv' | 'text' | 'markdown' | 'html';

export interface Column<Row> {
  readonly id: string;
  /** The heading people read (text, Markdown, HTML). */
  readonly head: string;
  /** The CSV header, stable for scripts: the JSON field name. */
  readonly field: string;
  readonly numeric: boolean;
  /** The raw value, unrounded (CSV); `null` where it does not exist. */
  readonly value: (row: Row) => number | string | null;
  /** The value as people read it, where it is not `fixed(value)` or the text itself. */
  readonly text?: (row: Row, report: ReportContext) => string;
  readonly tables: readonly TableName[];
  /** Whether a human table shows the column in this report; always, when absent. */
  readonly shown?: (report: ShownContext) => boolean;
}

/** What a cell may need of the report around it. */
type ReportContext = Pick<Report, 'scale'>;
/** What deciding whether a column says anything needs. */
type ShownContext = Pick<Report, 'respondents' | 'items' | 'sections'>;

/** More than one respondent: an n, a share at target, a spread of answers mean something. */
const MANY = (r: ShownContext): boolean => r.respondents > 1;

const ALL: readonly TableName[] = ['csv', 'text', 'markdown', 'html'];
const HUMAN: readonly TableName[] = ['text', 'markdown', 'html'];
/** The text table has no room at 80 columns: it says these under each section's table instead. */
const ALL_BUT_TEXT: readonly TableName[] = ['csv', 'markdown', 'html'];

function column<Row>(spec: Column<Row>): Column<Row> {
  return spec;
}

/** The item tables' columns, in the order every table shows them. */
export const ITEM_COLUMNS = [
  column<ItemResult>({ id: 'section', head: 'Section', field: 'section', numeric: false, value: (i) => i.section, tables: ['csv'] }),
  column<ItemResult>({ id: 'item', head: 'Id', field: 'item', numeric: false, value: (i) => i.id, tables: ['csv'] }),
  column<ItemResult>({ id: 'title', head: 'Item', field: 'title', numeric: false, value: (i) => i.title, tables: ALL }),
  // An item nobody scored says why: every answer n/a, none given, or some of each.
  column<ItemResult>({ id: 'score', head: 'Score', field: 'score', numeric: true, value: (i) => i.score, text: (i) => (i.score === null ? unscoredText(i) : fixed(i.score)), tables: ALL }),
  column<ItemResult>({ id: 'target', head: 'Target', field: 'target', numeric: true, value: (i) => i.target, tables: ALL }),
  column<ItemResult>({ id: 'ci', head: '95% CI', field: 'ci', numeric: true, value: () => null, text: (i, r) => intervalText(i.ci, r.scale, true), tables: HUMAN, shown: (r) => r.items.some((i) => i.ci !== null) }),
  column<ItemResult>({ id: 'ci_lo', head: '95% CI from', field: 'ci_lo', numeric: true, value: (i) => i.ci?.[0] ?? null, tables: ['csv'] }),
  column<ItemResult>({ id: 'ci_hi', head: '95% CI to', field: 'ci_hi', numeric: true, value: (i) => i.ci?.[1] ?? null, tables: ['csv'] }),
  column<ItemResult>({ id: 'gap', head: 'Gap', field: 'gap', numeric: true, value: (i) => i.gap, tables: ALL }),
  column<ItemResult>({ id: 'status', head: 'Status', field: 'status', numeric: false, value: (i) => statusWord(i.gap), tables: ['markdown', 'html'] }),
  column<ItemResult>({ id: 'priority', head: 'Priority', field: 'priority', numeric: true, value: (i) => i.priority, tables: ['csv'] }),
  // The text table draws the index as a bar; the other human tables leave it to the charts.
  column<ItemResult>({ id: 'index', head: 'Index', field: 'index', numeric: true, value: (i) => i.index, tables: ['csv', 'text'] }),
  column<ItemResult>({ id: 'n', head: 'n', field: 'n', numeric: true, value: (i) => i.n, text: (i) => String(i.n), tables: ALL, shown: MANY }),
  column<ItemResult>({ id: 'median', head: 'Median', field: 'median', numeric: true, value: (i) => i.median, tables: ['csv'] }),
  column<ItemResult>({ id: 'min', head: 'Min', field: 'min', numeric: true, value: (i) => i.min, tables: ['csv'] }),
  column<ItemResult>({ id: 'max', head: 'Max', field: 'max', numeric: true, value: (i) => i.max, tables: ['csv'] }),
  column<ItemResult>({ id: 'sd', head: 'SD', field: 'sd', numeric: true, value: (i) => i.sd, tables: ['csv'] }),
  column<ItemResult>({ id: 'rwg', head: 'rwg', field: 'rwg', numeric: true, value: (i) => i.rwg, tables: ['csv'] }),
  column<ItemResult>({ id: 'na', head: 'n/a', field: 'na', numeric: true, value: (i) => i.na, text: (i) => String(i.na), tables: ALL_BUT_TEXT, shown: (r) => r.items.some((i) => i.na > 0) }),
  column<ItemResult>({ id: 'unanswered', head: 'Not answered', field: 'unanswered', numeric: true, value: (i) => i.unanswered, text: (i) => String(i.unanswered), tables: ALL_BUT_TEXT, shown: (r) => r.items.some((i) => i.unanswered > 0) }),
  column<ItemResult>({ id: 'at_target', head: 'At target', field: 'at_target', numeric: true, value: (i) => i.atTarget?.share ?? null, text: (i) => (i.atTarget === null ? '–' : `${Math.round(i.atTarget.share * 100)}%`), tables: ALL_BUT_TEXT, shown: MANY }),
  column<ItemResult>({ id: 'at_target_lo', head: 'At target from', field: 'at_target_lo', numeric: true, value: (i) => i.atTarget?.ci?.[0] ?? null, tables: ['csv'] }),
  column<ItemResult>({ id: 'at_target_hi', head: 'At target to', field: 'at_target_hi', numeric: true, value: (i) => i.atTarget?.ci?.[1] ?? null, tables: ['csv'] }),
  column<ItemResult>({ id: 'flags', head: 'Flags', field: 'flags', numeric: false, value: (i) => i.flags.join(';'), text: (i) => flagWords(i).join(', '), tables: ALL, shown: (r) => r.items.some((i) => i.flags.length > 0) }),
];

/** The section tables' columns (Markdown and HTML; the text report gives each section a heading line instead). */
export const SECTION_COLUMNS = [
  column<SectionResult>({ id: 'title', head: 'Section', field: 'title', numeric: false, value: (s) => s.title, tables: HUMAN }),
  column<SectionResult>({ id: 'score', head: 'Score', field: 'score', numeric: true, value: (s) => s.score, tables: HUMAN }),
  column<SectionResult>({ id: 'target', head: 'Target', field: 'target', numeric: true, value: (s) => s.target, tables: HUMAN }),
  column<SectionResult>({ id: 'ci', head: '95% CI', field: 'ci', numeric: true, value: () => null, text: (s, r) => intervalText(s.ci, r.scale, true), tables: HUMAN, shown: (r) => r.sections.some((s) => s.ci !== null) }),
  column<SectionResult>({ id: 'gap', head: 'Gap', field: 'gap', numeric: true, value: (s) => s.gap, tables: HUMAN }),
  column<SectionResult>({ id: 'index', head: 'Index', field: 'index', numeric: true, value: (s) => s.index, text: (s) => indexText(s.index), tables: HUMAN }),
  column<SectionResult>({ id: 'scored', head: 'Items scored', field: 'answered', numeric: true, value: (s) => s.answered, text: (s) => `${s.answered} of ${s.total}`, tables: HUMAN }),
  column<SectionResult>({ id: 'status', head: 'Status', field: 'status', numeric: false, value: (s) => statusWord(s.gap), tables: HUMAN }),
];

/**
 * The columns one table shows, in catalogue order; given the report, a human table leaves out the
 * columns that say nothing in it (the CSV never does).
 */
export function columnsFor<Row>(catalogue: readonly Column<Row>[], table: TableName, report?: ShownContext): Column<Row>[] {
  return catalogue.filter((c) => c.tables.includes(table) && (report === undefined || table === 'csv' || c.shown === undefined || c.shown(report)));
}

/** The default cell people read: a number as the human formats round it, text as it is, `–` for none. */
export function cellText<Row>(column: Column<Row>, row: Row, report: ReportContext): string {
  if (column.text) return column.text(row, report);
  const value = column.value(row);
  return typeof value === 'number' ? fixed(value) : value ?? NONE;
}
