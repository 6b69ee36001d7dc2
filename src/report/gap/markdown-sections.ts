/** The Markdown report's tables: the sections at a glance, then each section's items. */
import type { ItemResult, Report } from '../../scoring/report.js';
import { escapeMarkdown as esc } from '../shared/escape-markdown.js';
import { groupScore, groupValues, spreadValue } from './group-values.js';
import { markdownTable, type MarkdownColumn } from '../shared/markdown-table.js';
import { fixed } from '../shared/numbers.js';
import { cellText, columnsFor, ITEM_COLUMNS, SECTION_COLUMNS, type Column } from '../shared/columns.js';

export function sectionsTable(report: Report): string {
  return markdownTable(SECTION_TABLE.map(markdownColumn), report.sections.map((s) => SECTION_TABLE.map((c) => markdownCell(c, s, report))));
}

const SECTION_TABLE = columnsFor(SECTION_COLUMNS, 'markdown');
const ITEM_TABLE = columnsFor(ITEM_COLUMNS, 'markdown');

function markdownColumn<Row>(column: Column<Row>): MarkdownColumn {
  return { head: column.head, align: column.numeric ? 'right' : 'left' };
}

/** Text is escaped: a title or a group value may hold `|` or markup. */
function markdownCell<Row>(column: Column<Row>, row: Row, report: Pick<Report, 'scale'>): string {
  const text = cellText(column, row, report);
  return column.numeric ? text : esc(text);
}

/** `### Section title` and its items; a section without items gets its heading only. */
export function sectionItemTables(report: Report): string[] {
  const groups = groupValues(report);
  return report.sections.map((section) => {
    const items = report.items.filter((item) => item.section === section.id);
    const heading = `### ${esc(section.title)}`;
    return items.length === 0 ? heading : `${heading}\n\n${itemsTable(items, groups, report)}`;
  });
}

function itemsTable(items: readonly ItemResult[], groups: readonly string[], scaleOf: Pick<Report, 'scale'>): string {
  const columns: MarkdownColumn[] = [
    ...ITEM_TABLE.map(markdownColumn),
    ...groups.map((value): MarkdownColumn => ({ head: esc(value), align: 'right' })),
    ...(groups.length > 0 ? [{ head: 'Spread', align: 'right' } as const] : []),
  ];
  const rows = items.map((item) => [
    ...ITEM_TABLE.map((c) => markdownCell(c, item, scaleOf)),
    ...groups.map((value) => fixed(groupScore(item, value))),
    ...(groups.length > 0 ? [fixed(spreadValue(item))] : []),
  ]);
  return markdownTable(columns, rows);
}
