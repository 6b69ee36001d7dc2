/** The gap report's tables: the sections at a glance, then each section's items with groups and flags. */
import type { ItemResult, Report } from '../../scoring/report.js';
import { groupScore, groupValues } from '../gap/group-values.js';
import { FLAG_LABEL } from '../gap/labels.js';
import { fixed, indexText } from '../shared/numbers.js';
import { bySection } from '../shared/by-section.js';
import { html, type Markup } from './html.js';
import { statusPill } from './status.js';
import { htmlTable, type TableColumn } from './table.js';

export function sectionsTable(report: Report): Markup {
  return htmlTable(
    [{ head: 'Section', className: 'item' }, { head: 'Score', numeric: true }, { head: 'Target', numeric: true }, { head: 'Gap', numeric: true }, { head: 'Index', numeric: true }, { head: 'Items scored', numeric: true }, { head: 'Status' }],
    report.sections.map((s) => [s.title, fixed(s.score), fixed(s.target), fixed(s.gap), indexText(s.index), `${s.answered} of ${s.total}`, statusPill(s.gap)]),
  );
}

/**
 * One `<h3>` and table per section. The group scores are not repeated here:
 * they have their own table next to the groups chart (`groupsTable`), which
 * keeps both narrow enough for an A4 page.
 */
export function itemTables(report: Report): Markup {
  return html`${bySection(report.sections, report.items).map(
    ({ section, items }) => html`<h3>${section.title}</h3>
${htmlTable(ITEM_COLUMNS, items.map((item) => [item.title, fixed(item.score), fixed(item.target), fixed(item.gap), statusPill(item.gap), String(item.n), flagPills(item)]))}
`,
  )}`;
}

const ITEM_COLUMNS: readonly TableColumn[] = [
  { head: 'Item', className: 'item' },
  { head: 'Score', numeric: true },
  { head: 'Target', numeric: true },
  { head: 'Gap', numeric: true },
  { head: 'Status' },
  { head: 'n', numeric: true },
  { head: 'Flags' },
];

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
  const rows = report.items.map((item) => [item.title, ...groups.map((value) => fixed(groupScore(item, value))), fixed(item.spread), fixed(item.target), flagPills(item)]);
  return htmlTable(columns, rows);
}

function flagPills(item: ItemResult): Markup {
  return html`${item.flags.map((flag) => html`<span class="pill pill-flag">${FLAG_LABEL[flag]}</span> `)}`;
}
