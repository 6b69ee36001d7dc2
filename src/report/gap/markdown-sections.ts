/**
 * The Markdown report's tables: the sections at a glance, then each section's items with their
 * status in words, and under each table what its flags mean where the report first shows them.
 */
import type { ItemResult, Report } from '../../scoring/report.js';
import { escapeMarkdown as esc } from '../shared/escape-markdown.js';
import { groupScore, groupValues, spreadValue } from './group-values.js';
import { markdownTable, type MarkdownColumn } from '../shared/markdown-table.js';
import { fixed } from '../shared/numbers.js';
import { cellText, columnsFor, ITEM_COLUMNS, SECTION_COLUMNS, type Column } from '../shared/columns.js';
import { flagNotes } from './labels.js';
import { pushAll } from '../../core/max-of.js';

export function sectionsTable(report: Report): string {
  const columns = columnsFor(SECTION_COLUMNS, 'markdown', report);
  return markdownTable(columns.map(markdownColumn), report.sections.map((s) => columns.map((c) => markdownCell(c, s, report))));
}

function markdownColumn<Row>(column: Column<Row>): MarkdownColumn {
  return { head: column.head, align: column.numeric ? 'right' : 'left' };
}

/** Text is escaped: a title or a group value may hold `|` or markup. A status is our own words and symbol. */
function markdownCell<Row>(column: Column<Row>, row: Row, report: Pick<Report, 'scale'>): string {
  const text = cellText(column, row, report);
  return column.numeric || column.id === 'status' ? text : esc(text);
}

/** `### Section title` and its items; a section without items gets its heading only. */
export function sectionItemTables(report: Report): string[] {
  const groups = groupValues(report);
  const columns = columnsFor(ITEM_COLUMNS, 'markdown', report);
  const shown: ItemResult[] = [];
  return report.sections.map((section) => {
    const items = report.items.filter((item) => item.section === section.id);
    const heading = `### ${esc(section.title)}`;
    if (items.length === 0) return heading;
    const notes = flagNotes(items, shown).map((note) => `_${esc(note)}_`);
    pushAll(shown, items);
    return [heading, itemsTable(items, columns, groups, report), ...notes].join('\n\n');
  });
}

function itemsTable(items: readonly ItemResult[], table: readonly Column<ItemResult>[], groups: readonly string[], scaleOf: Pick<Report, 'scale'>): string {
  const columns: MarkdownColumn[] = [
    ...table.map(markdownColumn),
    ...groups.map((value): MarkdownColumn => ({ head: esc(value), align: 'right' })),
    ...(groups.length > 0 ? [{ head: 'Spread', align: 'right' } as const] : []),
  ];
  const rows = items.map((item) => [
    ...table.map((c) => markdownCell(c, item, scaleOf)),
    ...groups.map((value) => fixed(groupScore(item, value))),
    ...(groups.length > 0 ? [fixed(spreadValue(item))] : []),
  ]);
  return markdownTable(columns, rows);
}
