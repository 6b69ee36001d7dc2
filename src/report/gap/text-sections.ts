/** One block per section of the text report: a heading with the section's figures, then a table of its items. */
import type { ItemResult, Report, SectionResult } from '../../scoring/report.js';
import type { Style } from '../shared/style.js';
import { textBar } from './bar.js';
import { groupScore, groupValues, spreadValue } from './group-values.js';
import { flagWords, NOT_SCORED } from './labels.js';
import { fixed } from '../shared/numbers.js';
import { gapStatus, statusPaint } from './status.js';
import { figuresText } from './text-header.js';
import { renderTable, spareWidth, type Column } from '../shared/text-table.js';
import { oneLine } from '../shared/terminal-text.js';
import { wrap } from '../shared/wrap.js';
import { cellText, columnsFor, ITEM_COLUMNS, type Column as CatalogueColumn } from '../shared/columns.js';

const BAR_WIDTH = 10;
/** Group values are user text of any length; headings wrap at this many columns. */
const GROUP_HEAD_WIDTH = 12;
/** Title room below which the bar column is dropped to make space. */
const COMFORTABLE_TITLE = 18;

export function sectionBlocks(report: Report, style: Style, width: number): string[][] {
  const groups = groupValues(report);
  // One shape for every section's table: a Flags column only when some item anywhere needs it.
  const withFlags = report.items.some((item) => flagWords(item).length > 0);
  return report.sections.map((section) => {
    const items = report.items.filter((item) => item.section === section.id);
    const lines = [style.bold(oneLine(section.title)), sectionFigures(section, style)];
    if (items.length > 0) lines.push(itemsTable(items, { groups, by: oneLine(report.by ?? ''), withFlags, scale: report.scale, style, width }));
    return lines;
  });
}

function sectionFigures(section: SectionResult, style: Style): string {
  if (section.score === null) return style.dim(`not scored · 0 of ${section.total} items scored`);
  const coverage = section.answered < section.total ? ` · ${section.answered} of ${section.total} items scored` : '';
  return `${figuresText(section, style)}${coverage}`;
}

interface TableContext {
  readonly groups: readonly string[];
  /** The grouping field, for the heading of a separate groups table. */
  readonly by: string;
  readonly withFlags: boolean;
  readonly scale: Report['scale'];
  readonly style: Style;
  readonly width: number;
}

const TEXT_COLUMNS = columnsFor(ITEM_COLUMNS, 'text');

function itemsTable(items: readonly ItemResult[], ctx: TableContext): string {
  const { style, groups } = ctx;
  const paints = items.map((item) => statusPaint(style, gapStatus(item.gap)));
  const columns = TEXT_COLUMNS.map((c) => textColumn(c, items, ctx, paints));
  const bar = columns[TEXT_COLUMNS.findIndex((c) => c.id === 'index')];
  const flags = ctx.withFlags ? columns.filter((_, i) => TEXT_COLUMNS[i]!.id === 'flags') : [];
  const figures = columns.filter((_, i) => TEXT_COLUMNS[i]!.id !== 'flags');
  const withoutBar = figures.filter((c) => c !== bar);

  const byGroup: Column[] = groups.map((value) => ({
    head: wrap(oneLine(value), GROUP_HEAD_WIDTH).join('\n'),
    align: 'right',
    plain: items.map((item) => fixed(groupScore(item, value))),
    // A group's score is coloured against the item's target, so staff-green next to customers-red shows at a glance.
    cells: items.map((item) => {
      const score = groupScore(item, value);
      return statusPaint(style, gapStatus(score === null ? null : Math.max(0, item.target - score)))(fixed(score));
    }),
  }));
  const spread: Column[] = groups.length === 0 ? [] : [{ head: 'Spread', align: 'right', plain: items.map((item) => fixed(spreadValue(item))) }];
  const byGroups = [...byGroup, ...spread];
  const fits = (list: readonly Column[]): boolean => spareWidth(list, ctx.width) >= COMFORTABLE_TITLE;
  // Everything in one table, as on a wide terminal; the bar repeats the gap, so it is the first thing to give up.
  const inline = [[...figures, ...byGroups, ...flags], [...withoutBar, ...byGroups, ...flags]].find(fits);
  if (inline !== undefined) return renderTable(inline, ctx.width);
  // Too many groups for one table: their scores get a table of their own under the items'.
  // A table that still does not fit runs past the width rather than drop figures.
  const withBar = [...figures, ...flags];
  const tables = [fits(withBar) ? withBar : [...withoutBar, ...flags]];
  const title = columns[0]!;
  if (byGroups.length > 0) tables.push([{ ...title, head: `Item, by ${ctx.by}` }, ...byGroups]);
  return tables.map((list) => renderTable(list, ctx.width)).join('\n');
}

/** One catalogue column as the terminal table draws it: the title flexible, the gap coloured, the index a bar. */
function textColumn(column: CatalogueColumn<ItemResult>, items: readonly ItemResult[], ctx: TableContext, paints: readonly ((s: string) => string)[]): Column {
  const { style } = ctx;
  const plain = items.map((item) => oneLine(cellText(column, item, ctx)));
  switch (column.id) {
    case 'title':
      return { head: column.head, align: 'left', plain, flexible: true };
    case 'gap':
      return { head: column.head, align: 'right', plain, cells: plain.map((text, i) => paints[i]!(text)) };
    case 'index':
      return {
        head: column.head,
        align: 'left',
        // Measured as a full bar even where there is none, so every section's table has the same shape.
        plain: items.map(() => ' '.repeat(BAR_WIDTH)),
        cells: items.map((item, i) => textBar(item.index, BAR_WIDTH, paints[i]!, style)),
      };
    case 'flags':
      return {
        head: column.head,
        align: 'left',
        plain: items.map((item) => flagWords(item).join('\n')),
        cells: items.map((item) => flagWords(item).map((word) => (word === NOT_SCORED ? style.dim(word) : style.yellow(word))).join('\n')),
      };
    default:
      return { head: column.head, align: column.numeric ? 'right' : 'left', plain };
  }
}
