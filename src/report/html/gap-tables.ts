/** The gap report's tables: the sections at a glance, then each section's items with groups and flags. */
import type { ItemResult, Report } from '../../scoring/report.js';
import { groupScore, groupValues, spreadValue } from '../gap/group-values.js';
import { FLAG_LABEL, flagNotes } from '../gap/labels.js';
import { fixed } from '../shared/numbers.js';
import { cellText, columnsFor, ITEM_COLUMNS, SECTION_COLUMNS, type Column } from '../shared/columns.js';
import { bySection } from '../shared/by-section.js';
import { html, type Markup } from './html.js';
import { statusPill } from './status.js';
import { htmlTable, type TableColumn } from './table.js';
import { pushAll } from '../../core/max-of.js';

export function sectionsTable(report: Report): Markup {
  const columns = columnsFor(SECTION_COLUMNS, 'html', report);
  return htmlTable(columns.map(tableColumn), report.sections.map((s) => columns.map((c) => (c.id === 'status' ? statusPill(s.gap) : cellText(c, s, report)))));
}

/**
 * One `<h3>` and table per section. The group scores are not repeated here:
 * they have their own table next to the groups chart (`groupsTable`), which
 * keeps both narrow enough for an A4 page.
 */
export function itemTables(report: Report): Markup {
  const columns = columnsFor(ITEM_COLUMNS, 'html', report);
  const shown: ItemResult[] = [];
  return html`${bySection(report.sections, report.items).map(({ section, items }) => {
    const notes = flagNotes(items, shown);
    pushAll(shown, items);
    return html`<h3>${section.title}</h3>
${htmlTable(columns.map(tableColumn), items.map((item) => columns.map((c) => itemCell(c, item, report))))}${notes.map((note) => html`<p class="note">${note}</p>`)}
`;
  })}`;
}

/** The first column names the row; numbers align right. */
function tableColumn<Row>(column: Column<Row>, index: number): TableColumn {
  return index === 0 ? { head: column.head, className: 'item' } : column.numeric ? { head: column.head, numeric: true } : { head: column.head };
}

/** Status and flags are pills; every other figure is the catalogue's text. */
function itemCell(column: Column<ItemResult>, item: ItemResult, report: Pick<Report, 'scale'>): Markup | string {
  if (column.id === 'status') return statusPill(item.gap);
  if (column.id === 'flags') return flagPills(item);
  return cellText(column, item, report);
}

/** The groups chart's figures as a table (its text alternative); null without `--by`. */
export function groupsTable(report: Report): Markup | null {
  const groups = groupValues(report);
  if (groups.length === 0) return null;
  const columns: TableColumn[] = [
    { head: 'Item', className: 'item' },
    ...groups.map((value): TableColumn => ({ head: value, numeric: true })),
    { head: 'Spread', numeric: true },
    { head: 'Target', numeric: true },
    { head: 'Flags' },
  ];
  const rows = report.items.map((item) => [item.title, ...groups.map((value) => fixed(groupScore(item, value))), fixed(spreadValue(item)), fixed(item.target), flagPills(item)]);
  return htmlTable(columns, rows);
}

function flagPills(item: ItemResult): Markup {
  return html`${item.flags.map((flag) => html`<span class="pill pill-flag">${FLAG_LABEL[flag]}</span> `)}`;
}
