/**
 * One block per section of the text report: a heading with the section's figures, a table of its
 * items, then what the table cannot hold at 80 columns: the meaning of a flag where the report first
 * shows it, the groups behind each perception gap, and the answers left out of each score.
 */
import type { ItemResult, Report, SectionResult } from '../../scoring/report.js';
import type { Style } from '../shared/style.js';
import { textBar } from './bar.js';
import { groupScore, groupValues, spreadValue } from './group-values.js';
import { flagNotes, flagWords } from './labels.js';
import { fixed } from '../shared/numbers.js';
import { gapStatus, STATUS_LABEL, STATUS_SYMBOL, statusPaint } from './status.js';
import { figuresText } from './text-header.js';
import { renderTable, spareWidth, type Column } from '../shared/text-table.js';
import { oneLine } from '../shared/terminal-text.js';
import { wrap } from '../shared/wrap.js';
import { cellText, columnsFor, ITEM_COLUMNS, type Column as CatalogueColumn } from '../shared/columns.js';
import { leftOutText } from '../shared/unscored.js';
import { pushAll } from '../../core/max-of.js';

const BAR_WIDTH = 10;
/** Group values are user text of any length; headings wrap at this many columns. */
const GROUP_HEAD_WIDTH = 12;
/** Title room below which the bar column is dropped to make space. */
const COMFORTABLE_TITLE = 18;

export function sectionBlocks(report: Report, style: Style, width: number): string[][] {
  const groups = groupValues(report);
  // One shape for every section's table: the columns that say something anywhere in the report.
  const columns = columnsFor(ITEM_COLUMNS, 'text', report);
  const shown: ItemResult[] = [];
  return report.sections.map((section) => {
    const items = report.items.filter((item) => item.section === section.id);
    const lines = [style.bold(oneLine(section.title)), ...wrap(sectionFigures(section, style), width)];
    if (items.length > 0) {
      lines.push(itemsTable(items, { columns, groups, by: oneLine(report.by ?? ''), scale: report.scale, style, width }));
      const notes = [...flagNotes(items, shown), ...leftOutNotes(items)];
      lines.push(...notes.flatMap((note) => wrap(oneLine(note), width)).map((line) => style.dim(line)));
    }
    pushAll(shown, items);
    return lines;
  });
}

/** `score 3.20 · target 4.00 · gap 0.90 · index 55/100 · ! within 1 point` */
function sectionFigures(section: SectionResult, style: Style): string {
  if (section.score === null) return style.dim(`not scored · 0 of ${section.total} items scored`);
  const coverage = section.answered < section.total ? ` · ${section.answered} of ${section.total} items scored` : '';
  const status = gapStatus(section.gap);
  const word = status === null ? '' : ` · ${statusPaint(style, status)(`${STATUS_SYMBOL[status]} ${STATUS_LABEL[status]}`)}`;
  return `${figuresText(section, style)}${word}${coverage}`;
}

/** The answers each scored item's figure leaves out, n/a and not answered apart (an unscored item says so in its row). */
function leftOutNotes(items: readonly ItemResult[]): string[] {
  const parts = items.filter((item) => item.score !== null && item.na + item.unanswered > 0).map((item) => `${item.title} ${leftOutText(item)}`);
  return parts.length === 0 ? [] : [`Left out of the scores: ${parts.join('; ')}.`];
}

interface TableContext {
  /** The catalogue's text columns this report shows. */
  readonly columns: readonly CatalogueColumn<ItemResult>[];
  readonly groups: readonly string[];
  /** The grouping field, for the heading of a separate groups table. */
  readonly by: string;
  readonly scale: Report['scale'];
  readonly style: Style;
  readonly width: number;
}

function itemsTable(items: readonly ItemResult[], ctx: TableContext): string {
  const { style, groups } = ctx;
  const paints = items.map((item) => statusPaint(style, gapStatus(item.gap)));
  const columns = ctx.columns.map((c) => textColumn(c, items, ctx, paints));
  const bar = columns[ctx.columns.findIndex((c) => c.id === 'index')];
  const flags = columns.filter((_, i) => ctx.columns[i]!.id === 'flags');
  const figures = columns.filter((_, i) => ctx.columns[i]!.id !== 'flags');
  const withoutBar = figures.filter((c) => c !== bar);

  const byGroup: Column[] = groups.map((value) => ({
    head: wrap(oneLine(value), GROUP_HEAD_WIDTH).join('\n'),
    align: 'right',
    plain: groupCells(items, value),
    // A group's score is marked against the item's target, so staff meeting it next to customers far short shows at a glance.
    cells: groupCells(items, value).map((text, i) => statusPaint(style, groupStatus(items[i]!, value))(text)),
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

function groupStatus(item: ItemResult, value: string): ReturnType<typeof gapStatus> {
  const score = groupScore(item, value);
  return gapStatus(score === null ? null : Math.max(0, item.target - score));
}

/** `✗ 2.50`: a group's score with its band's symbol, or `–`. */
function groupCells(items: readonly ItemResult[], value: string): string[] {
  return items.map((item) => {
    const status = groupStatus(item, value);
    const score = fixed(groupScore(item, value));
    return status === null ? score : `${STATUS_SYMBOL[status]} ${score}`;
  });
}

/** One catalogue column as the terminal table draws it: the title flexible, the gap coloured, the index a bar. */
function textColumn(column: CatalogueColumn<ItemResult>, items: readonly ItemResult[], ctx: TableContext, paints: readonly ((s: string) => string)[]): Column {
  const { style } = ctx;
  const plain = items.map((item) => oneLine(cellText(column, item, ctx)));
  switch (column.id) {
    case 'title':
      return { head: column.head, align: 'left', plain, flexible: true };
    case 'gap': {
      // The band's symbol beside the figure, so a 2 and a 3 against a target of 4 differ without colour too.
      const marked = items.map((item, i) => {
        const status = gapStatus(item.gap);
        return status === null ? plain[i]! : `${STATUS_SYMBOL[status]} ${plain[i]!}`;
      });
      return { head: column.head, align: 'right', plain: marked, cells: marked.map((text, i) => paints[i]!(text)) };
    }
    case 'index':
      return {
        head: column.head,
        align: 'left',
        // Measured as a full bar even where there is none, so every section's table has the same shape.
        plain: items.map(() => ' '.repeat(BAR_WIDTH)),
        cells: items.map((item, i) => textBar(item.index, BAR_WIDTH, paints[i]!, style)),
      };
    case 'flags':
      // Words, not a colour: yellow is a status here.
      return { head: column.head, align: 'left', plain: items.map((item) => flagWords(item).join('\n')) };
    default:
      return { head: column.head, align: column.numeric ? 'right' : 'left', plain };
  }
}
