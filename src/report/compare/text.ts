/**
 * `compare --format text`: progress between two audits in a terminal: how
 * they were compared, the overall change with its interval and verdict, a
 * table of sections, a table per section of items, the groups with `--by`,
 * the lists of what moved, and how to read it all. Laid out for the
 * terminal's width and readable at 80 columns. Colour through the injected
 * Style (cyan improved, red slipped), never alone: every verdict is a word, and
 * an improvement that leaves the item below its target says so beside it.
 */
import type { Change, Comparison, GroupChange, ItemChange, Verdict } from '../../compare/comparison.js';
import { bySection } from '../shared/by-section.js';
import { fixed, indexText } from '../shared/numbers.js';
import type { Style } from '../shared/style.js';
import { oneLine, textDocument } from '../shared/terminal-text.js';
import { renderTable, type Column } from '../shared/text-table.js';
import { displayWidth } from '../shared/text-width.js';
import { hangingWrap, wrap } from '../shared/wrap.js';
import type { CompareFormatter } from './types.js';
import {
  changeText,
  designText,
  fromTo,
  groupNotCompared,
  ITEM_LISTS,
  markNotes,
  organisationOf,
  READING_NOTES,
  scoreCell,
  sideText,
  stillBelowTarget,
  targetNote,
  VERDICT_WORDS,
  verdictCounts,
  verdictMark,
} from './words.js';

const MIN_WIDTH = 60;

export const text: CompareFormatter = (c, options) => {
  const width = Math.max(MIN_WIDTH, options.width);
  const { style } = options;
  const blocks: string[][] = [
    header(c, options, width),
    warnings(c, style, width),
    overall(c, style, width),
    [style.bold(style.underline('Sections')), scoresTable('Section', c.sections.map((s) => ({ title: s.title, change: s })), c, style, width)],
    ...bySection(c.sections, c.items).map(({ section, items }) => [style.bold(oneLine(section.title)), itemsTable(items, c, style, width)]),
    notes(markNotes(c.items), width),
    ...groups(c, style, width),
    ...lists(c, style, width),
    READING_NOTES.flatMap((note) => wrap(note, width)).map((line) => style.dim(line)),
  ];
  return textDocument(blocks);
};

/** Whose audits, which rubric, when each audit's answers were given and when the report was made. */
function header(c: Comparison, options: Parameters<CompareFormatter>[1], width: number): string[] {
  const { style, date, baseline, followUp } = options;
  const about = [organisationOf(options) ?? '', c.rubric.id, c.rubric.version ?? '', date === undefined ? '' : `report ${date}`].filter((s) => s !== '').map(oneLine);
  return [
    style.bold(`${oneLine(c.rubric.title)}: progress`),
    ...wrap(about.join(' · '), width).map((line) => style.dim(line)),
    ...hangingWrap(oneLine(sideText(c.inputs.before, baseline)), 'before  ', 8, width),
    ...hangingWrap(oneLine(sideText(c.inputs.after, followUp)), 'after   ', 8, width),
    ...wrap(designText(c), width),
  ];
}

function warnings(c: Comparison, style: Style, width: number): string[] {
  return c.warnings.flatMap((w) => hangingWrap(oneLine(w.message), `${style.yellow('warning')}  `, 9, width));
}

function overall(c: Comparison, style: Style, width: number): string[] {
  const o = c.overall;
  const scores = fromTo(o.before.score, o.after.score);
  const change = `change ${changeText(o, c.scale)}: `;
  const oneRow = displayWidth(`Overall  ${scores}, ${change}${VERDICT_WORDS[o.verdict]}${stillBelowTarget(o) ? ', still below target' : ''}`) <= width;
  // An overall improvement that leaves the score below target says so, as an item's does.
  const verdict = `${paintVerdict(style, o.verdict)}${stillBelowTarget(o) ? ', still below target' : ''}`;
  return [
    ...(oneRow ? [`${style.bold('Overall')}  ${scores}, ${change}${verdict}`] : [`${style.bold('Overall')}  ${scores}`, `${change}${verdict}`]),
    `index ${indexText(o.before.index)} → ${indexText(o.after.index)} · gap ${fromTo(o.before.gap, o.after.gap)}`,
    ...wrap(`Items: ${verdictCounts(c.items)}`, width),
  ];
}

/** Cyan, not green, for improved: green would read as "target met", which an improvement need not be. */
function paintVerdict(style: Style, verdict: Verdict): string {
  const word = VERDICT_WORDS[verdict];
  return verdict === 'improved' ? style.cyan(word) : verdict === 'slipped' ? style.red(word) : style.dim(word);
}

const CHANGE_HEAD = 'Change\n[95% interval]';

/** A section's improvement that leaves it below target, on a line of its own under the verdict. */
function belowNote(change: Change): string {
  return stillBelowTarget(change) ? '\nstill below target' : '';
}

/** Before, after, change with its interval: the columns every table shares. */
function changeColumns(rows: readonly { readonly change: Change; readonly before?: string; readonly after?: string }[], c: Comparison): Column[] {
  const num = (head: string, plain: string[]): Column => ({ head, align: 'right', plain });
  return [
    num('Before', rows.map((r) => r.before ?? fixed(r.change.before.score))),
    num('After', rows.map((r) => r.after ?? fixed(r.change.after.score))),
    num(CHANGE_HEAD, rows.map((r) => changeText(r.change, c.scale))),
  ];
}

function scoresTable(head: string, rows: readonly { readonly title: string; readonly change: Change }[], c: Comparison, style: Style, width: number): string {
  return renderTable(
    [
      { head, align: 'left', plain: rows.map((r) => oneLine(r.title)), flexible: true },
      ...changeColumns(rows, c),
      {
        head: 'Verdict',
        align: 'left',
        plain: rows.map((r) => `${VERDICT_WORDS[r.change.verdict]}${belowNote(r.change)}`),
        cells: rows.map((r) => `${paintVerdict(style, r.change.verdict)}${belowNote(r.change)}`),
      },
    ],
    width,
  );
}

function itemsTable(items: readonly ItemChange[], c: Comparison, style: Style, width: number): string {
  const verdict = (item: ItemChange, paint: (v: Verdict) => string): string => {
    const note = targetNote(item);
    return `${paint(item.verdict)}${verdictMark(item)}${note === undefined ? '' : `\n${note}`}`;
  };
  const rows = items.map((item) => ({
    change: item,
    before: scoreCell(item.before.score, item.unscored.before, true),
    after: scoreCell(item.after.score, item.unscored.after, true),
  }));
  return renderTable(
    [
      { head: 'Item', align: 'left', plain: items.map((item) => oneLine(item.title)), flexible: true },
      ...changeColumns(rows, c),
      { head: 'Verdict', align: 'left', plain: items.map((item) => verdict(item, (v) => VERDICT_WORDS[v])), cells: items.map((item) => verdict(item, (v) => paintVerdict(style, v))) },
    ],
    width,
  );
}

function notes(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => hangingWrap(oneLine(line.slice(2)), line.slice(0, 2), 2, width));
}

function groups(c: Comparison, style: Style, width: number): string[][] {
  if (c.details.by === null) return [];
  const title = style.bold(style.underline(`Groups (by ${oneLine(c.details.by)})`));
  if (c.groups.length === 0) return [[title, 'No group is compared (see the warning above).']];
  const shown = c.groups.filter((g): g is GroupChange & { overall: Change } => g.overall !== null);
  const table = renderTable(
    [
      { head: 'Group', align: 'left', plain: c.groups.map((g) => oneLine(g.value)), flexible: true },
      { head: 'n', align: 'right', plain: c.groups.map((g) => `${g.before.n} → ${g.after.n}`) },
      ...changeColumns(c.groups.map((g) => ({ change: g.overall ?? NOT_COMPARED })), c),
      {
        head: 'Verdict',
        align: 'left',
        plain: c.groups.map((g) => (g.overall === null ? 'not compared' : VERDICT_WORDS[g.overall.verdict])),
        cells: c.groups.map((g) => (g.overall === null ? style.dim('not compared') : paintVerdict(style, g.overall.verdict))),
      },
    ],
    width,
  );
  const small = c.groups.filter((g) => g.overall === null);
  const lines = shown.flatMap((g) => hangingWrap(`${oneLine(g.value)}: ${groupItems(g.items)}`, '  - ', 4, width));
  return [
    [title, table, ...(small.length === 0 ? [] : wrap(`Not compared: ${small.map((g) => oneLine(g.value)).join(', ')} (${groupNotCompared(c.details.minGroup)}).`, width))],
    ...(lines.length === 0 ? [] : [[style.bold('Items by group'), ...lines]]),
  ];
}

const NOT_COMPARED: Change = {
  before: { score: null, index: null, gap: null, n: 0 },
  after: { score: null, index: null, gap: null, n: 0 },
  change: null,
  ci: null,
  verdict: 'too few answers',
};

/** `improved: Be nice (+0.50); slipped: Listen (-0.40); 9 no clear change, 2 too few answers` */
function groupItems(items: readonly ItemChange[]): string {
  const named = (verdict: Verdict): string[] => {
    const moved = items.filter((item) => item.verdict === verdict);
    return moved.length === 0 ? [] : [`${verdict}: ${moved.map((item) => oneLine(item.title)).join(', ')}`];
  };
  const rest = (['no clear change', 'too few answers'] as const).map((v) => [v, items.filter((item) => item.verdict === v).length] as const).filter(([, n]) => n > 0);
  return [...named('improved'), ...named('slipped'), ...(rest.length === 0 ? [] : [rest.map(([v, n]) => `${n} ${v}`).join(', ')])].join('; ');
}

function lists(c: Comparison, style: Style, width: number): string[][] {
  return ITEM_LISTS.flatMap(({ title, keep }) => {
    const items = c.items.filter(keep);
    if (items.length === 0) return [];
    const lines = items.flatMap((item) => hangingWrap(`${oneLine(item.title)} (${fromTo(item.before.score, item.after.score)}, ${changeText(item, c.scale)})`, '  - ', 4, width));
    return [[style.bold(`${title} (${items.length})`), ...lines]];
  });
}
