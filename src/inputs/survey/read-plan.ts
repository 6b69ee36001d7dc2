/**
 * What to read from which column of an export: from a mapping (its references resolved against
 * the export's columns), or, for an export whose headers are item ids and no mapping, from the
 * headers themselves as svcaudit-csv/csv-answers.ts reads them.
 */
import { finding, type Finding } from '../../core/finding.js';
import { rubricItems, type Rubric } from '../../rubric/model.js';
import { labelBook, type LabelBook } from './cell-score.js';
import type { ExportColumn } from './columns.js';
import { layoutExclusions, type Exclusion } from './exclusions.js';
import { fold } from './fold.js';
import type { LayoutName } from './layouts.js';
import type { ColumnRef, Mapping } from './mapping.js';
import { ColumnIndex } from './resolve-columns.js';

export interface ReadPlan {
  readonly items: ReadonlyArray<{ readonly id: string; readonly column: ExportColumn }>;
  readonly respondent: ReadonlyArray<{ readonly field: string; readonly column: ExportColumn }>;
  readonly date: ExportColumn | undefined;
  readonly evidence: ReadonlyArray<{ readonly item: string; readonly column: ExportColumn }>;
  readonly include: ReadonlyArray<{ readonly column: ExportColumn; readonly values: ReadonlySet<string> }>;
  readonly exclusions: readonly Exclusion[];
  readonly book: LabelBook;
  readonly values: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Respondent columns that exports commonly carry; lower-cased like item ids (csv-answers.ts does the same). */
const KNOWN_RESPONDENT_COLUMNS = new Set(['name', 'role', 'team', 'site', 'email', 'date', 'id', 'respondent', 'group', 'location', 'department']);

export function mappingPlan(mapping: Mapping, layout: LayoutName | undefined, columns: readonly ExportColumn[], rubric: Rubric, file: string): { plan: ReadPlan; findings: Finding[] } {
  const index = new ColumnIndex(columns);
  const findings: Finding[] = [];
  const used = new Map<number, ColumnRef>();
  const resolve = (ref: ColumnRef, shared = false): ExportColumn | undefined => {
    const result = index.resolve(ref, mapping.file, file);
    if ('finding' in result) {
      findings.push(result.finding);
      return undefined;
    }
    if (!shared) {
      // Two references in different forms (a header and a letter) can name one column.
      const earlier = used.get(result.column.index);
      if (earlier) findings.push(finding('mapping-duplicate-column', `This names column ${result.column.letter} of ${file}, which line ${earlier.span.line} of the mapping names already.`, mapping.file, ref.span));
      else used.set(result.column.index, ref);
    }
    return result.column;
  };
  const pairs = <K extends string>(entries: Iterable<[string, ColumnRef]>, key: K) =>
    [...entries].flatMap(([name, ref]) => {
      const column = resolve(ref);
      return column ? [{ [key]: name, column } as { [P in K]: string } & { column: ExportColumn }] : [];
    });
  const items = pairs(mapping.columns, 'id');
  const respondent = pairs(mapping.respondent, 'field');
  const date = mapping.date ? resolve(mapping.date) : undefined;
  const evidence = mapping.evidence.flatMap((e) => {
    const column = resolve(e.ref);
    return column ? [{ item: e.item, column }] : [];
  });
  const include = mapping.include.flatMap((c) => {
    const column = resolve(c.ref, true);
    return column ? [{ column, values: c.values }] : [];
  });
  const shownLabels = mapping.labelTexts;
  return {
    plan: {
      items,
      respondent,
      date,
      evidence,
      include,
      exclusions: layoutExclusions(layout, columns),
      book: labelBook(rubric.scale, mapping.labels, mapping.na, shownLabels),
      values: mapping.values,
    },
    findings,
  };
}

/** No mapping: item-id headers are answers, every other column a respondent field, `date` the date. */
export function headerPlan(columns: readonly ExportColumn[], rubric: Rubric, file: string, span: (index: number) => { line: number; column: number }): { plan: ReadPlan; findings: Finding[] } {
  const ids = new Set(rubricItems(rubric).map((item) => item.id));
  const findings: Finding[] = [];
  const seen = new Map<string, ExportColumn>();
  const items: Array<{ id: string; column: ExportColumn }> = [];
  const respondent: Array<{ field: string; column: ExportColumn }> = [];
  let date: ExportColumn | undefined;
  for (const column of columns) {
    const lower = column.header.toLowerCase();
    const name = ids.has(lower) || KNOWN_RESPONDENT_COLUMNS.has(lower) ? lower : column.header;
    if (name === '') continue;
    const earlier = seen.get(name);
    if (earlier) {
      findings.push(finding('csv-duplicate-column', `Column \`${name}\` appears twice in the header (columns ${earlier.letter} and ${column.letter}).`, file, span(column.index)));
      continue;
    }
    seen.set(name, column);
    // Unlike svcaudit-csv, `date` is the fieldwork date only, as through a mapping, not also a respondent field.
    if (ids.has(name)) items.push({ id: name, column });
    else if (name === 'date') date = column;
    else respondent.push({ field: name, column });
  }
  return { plan: { items, respondent, date, evidence: [], include: [], exclusions: [], book: labelBook(rubric.scale, undefined, undefined), values: new Map() }, findings };
}

/** A respondent value after the mapping's `values` folding. */
export function respondentValue(plan: ReadPlan, field: string, raw: string): string {
  return plan.values.get(field)?.get(fold(raw)) ?? raw;
}
