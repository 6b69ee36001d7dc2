/**
 * `compare --format text`: progress between two audits in a terminal: the
 * overall change, a table of sections, a table per section of items with
 * their status, and the lists of what reached its target, improved or
 * slipped. Colour through the injected Style: green is progress, red is
 * ground lost, whichever way the number moves (a gap going down is good).
 */
import type { Change, Comparison, ItemChange, ItemStatus } from '../../compare/comparison.js';
import type { Style } from '../shared/style.js';
import { bySection } from '../shared/by-section.js';
import { fixed, indexText } from '../shared/numbers.js';
import { renderTable, type Column } from '../shared/text-table.js';
import { oneLine, textDocument } from '../shared/terminal-text.js';
import { hangingWrap, wrap } from '../shared/wrap.js';
import type { CompareFormatter } from './types.js';
import { countsText, direction, fromTo, ITEM_LISTS, itemsIn, sideText, signed, signedIndex, STATUS_WORDS, ROUNDING_NOTE } from './words.js';

const MIN_WIDTH = 60;

export const text: CompareFormatter = (c, options) => {
  const width = Math.max(MIN_WIDTH, options.width);
  const { style } = options;
  const blocks: string[][] = [
    header(c, style, options.date),
    overall(c, style),
    [style.bold(style.underline('Sections')), sectionsTable(c, style, width)],
    ...bySection(c.sections, c.items).map(({ section, items }) => [style.bold(oneLine(section.title)), itemsTable(items, style, width)]),
    ...lists(c, style, width),
    wrap(ROUNDING_NOTE, width).map((line) => style.dim(line)),
  ];
  return textDocument(blocks);
};

function header(c: Comparison, style: Style, date: string | undefined): string[] {
  const about = [c.rubric.id, c.rubric.version ?? '', date ?? ''].filter((s) => s !== '').map(oneLine);
  return [
    style.bold(`${oneLine(c.rubric.title)}: progress`),
    style.dim(about.join(' · ')),
    `before  ${oneLine(sideText(c.inputs.before))}`,
    `after   ${oneLine(sideText(c.inputs.after))}`,
  ];
}

function overall(c: Comparison, style: Style): string[] {
  const { before, after, delta } = c.overall;
  const score = `score ${fromTo(before.score, after.score)} (${paintDelta(style, delta.score, signed(delta.score))})`;
  const index = `index ${indexText(before.index)} → ${indexText(after.index)} (${paintDelta(style, delta.index, signedIndex(delta.index))})`;
  // A smaller gap is progress: paint it as the score would be painted.
  const gap = `gap ${fromTo(before.gap, after.gap)} (${paintDelta(style, delta.gap === null ? null : -delta.gap, signed(delta.gap))})`;
  return [`${style.bold('Overall')}  ${score} · ${index} · ${gap}`, countsText(c)];
}

function paintDelta(style: Style, goodness: number | null, shown: string): string {
  const way = direction(goodness);
  return way === 'up' ? style.green(shown) : way === 'down' ? style.red(shown) : style.dim(shown);
}

function paintStatus(style: Style, status: ItemStatus): string {
  const word = STATUS_WORDS[status];
  switch (status) {
    case 'reached-target':
      return style.bold(style.green(word));
    case 'improved':
      return style.green(word);
    case 'slipped':
      return style.red(word);
    default:
      return style.dim(word);
  }
}

/** The columns a section row and an item row share: before, after, change, and the gap's move. */
function changeColumns(rows: readonly Change[], style: Style): Column[] {
  const num = (head: string, plain: string[], cells?: string[]): Column => ({ head, align: 'right', plain, cells });
  const changes = rows.map((r) => signed(r.delta.score));
  const gaps = rows.map((r) => fromTo(r.before.gap, r.after.gap));
  return [
    num('Before', rows.map((r) => fixed(r.before.score))),
    num('After', rows.map((r) => fixed(r.after.score))),
    num('Change', changes, rows.map((r, i) => paintDelta(style, r.delta.score, changes[i]!))),
    num('Gap', gaps, rows.map((r, i) => paintDelta(style, r.delta.gap === null ? null : -r.delta.gap, gaps[i]!))),
  ];
}

function sectionsTable(c: Comparison, style: Style, width: number): string {
  const indexes = c.sections.map((s) => signedIndex(s.delta.index));
  return renderTable(
    [
      { head: 'Section', align: 'left', plain: c.sections.map((s) => oneLine(s.title)), flexible: true },
      ...changeColumns(c.sections, style),
      { head: 'Index change', align: 'right', plain: indexes, cells: c.sections.map((s, i) => paintDelta(style, s.delta.index, indexes[i]!)) },
    ],
    width,
  );
}

function itemsTable(items: readonly ItemChange[], style: Style, width: number): string {
  return renderTable(
    [
      { head: 'Item', align: 'left', plain: items.map((item) => oneLine(item.title)), flexible: true },
      ...changeColumns(items, style),
      { head: 'Status', align: 'left', plain: items.map((item) => STATUS_WORDS[item.status]), cells: items.map((item) => paintStatus(style, item.status)) },
    ],
    width,
  );
}

function lists(c: Comparison, style: Style, width: number): string[][] {
  return ITEM_LISTS.flatMap(({ key, title }) => {
    const items = itemsIn(c, key);
    if (items.length === 0) return [];
    const lines = items.flatMap((item) =>
      hangingWrap(`${oneLine(item.title)} (${fromTo(item.before.score, item.after.score)}, ${signed(item.delta.score)})`, '  - ', 4, width),
    );
    return [[style.bold(`${title} (${items.length})`), ...lines]];
  });
}
