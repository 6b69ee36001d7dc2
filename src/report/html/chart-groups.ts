/**
 * "By group" (`--by role`): per item, one bar per group under the item's
 * title, each named beside it, with its 95% interval as a whisker, the target
 * marked across them, and the items whose groups disagree by the
 * perception-gap threshold or more highlighted with a band and a label. The
 * seeds' point: the customers' view is what counts, so a staff bar far above
 * the customers' is the finding to show.
 *
 * A bar is coloured by its group's status against the item's target, as in
 * every other chart of the page, and the group is told by its name, not by a
 * colour: a page where orange meant "manager" in one chart and "within 1
 * point" in the next would say two things with one colour.
 *
 * The figures stand in a column of their own right of the plot, so no label
 * can meet a bar, a whisker, the target tick or another label, whatever the scores.
 */
import { groupValues, spreadValue } from '../gap/group-values.js';
import { gapStatus, STATUS_LABEL, STATUS_SYMBOL } from '../gap/status.js';
import { fixed } from '../shared/numbers.js';
import type { GroupFigure, ItemResult, Report } from '../../scoring/report.js';
import { sectionRows } from './section-rows.js';
import { GUTTER, LABEL_FONT, LABEL_WIDTH, SMALL_FONT, type Layout } from './chart-layout.js';
import { ciPath } from './chart-marks.js';
import { html, type Markup } from './html.js';
import { statusClass } from './status.js';
import { chartSvg, levelGrid, linearScale, wholeSteps } from './svg.js';
import { fitText } from './text-fit.js';
import { textWidth } from './text-measure.js';
import { maxOf } from '../../core/max-of.js';

/** Past this many groups a bar per group per item no longer reads: the report then gives the groups' table alone. */
export const MAX_CHART_GROUPS = 12;
/** What a group's figure says when it has fewer than --min-group numbers for the item (too few answers to show). */
const TOO_FEW = 'too few';

/** The item's title line, then a row per group. */
const HEAD = 20;
const BAR = 10;
const STEP = 15;
const BLOCK_PAD = 7;
/** Group names are indented under the item's title (wide) or given a column of this width (narrow). */
const NAME_INDENT = 24;
const NARROW_NAME_WIDTH = 88;
const NAME_FONT = { size: 11 } as const;

/** Null without `--by` (nothing to put side by side) and past MAX_CHART_GROUPS groups. */
export function groupsChart(report: Report): ((layout: Layout) => Markup) | null {
  const values = groupValues(report);
  if (values.length === 0 || values.length > MAX_CHART_GROUPS) return null;
  const { min, max } = report.scale;
  const flagged = report.items.filter((item) => item.flags.includes('perception-gap'));
  const by = report.by ?? 'group';
  return (layout) => {
    const columns = figureColumns(layout, report, values);
    const x = linearScale([min, max], [columns.plotX0, columns.plotEnd]);
    const context: BlockContext = { values, x, scale: report.scale, layout, columns };
    const rows = sectionRows(layout, report.sections, report.items, (item, top) => itemBlock(item, top, context));
    return chartSvg({
      layout,
      id: 'chart-groups',
      title: `Scores by ${by}, side by side`,
      description:
        `Grouped bar chart: for each of ${report.items.length} items, the mean score of each ${by} (${values.join(', ')}, in that order, each named beside its bar) on the ${min} to ${max} scale, with its 95% interval and the target marked. ` +
        (flagged.length === 0 ? 'No item has a perception gap.' : `Perception gaps, highlighted: ${flagged.map((item) => `${item.title} (spread ${fixed(spreadValue(item))})`).join('; ')}.`),
      rows,
      axis: (top, bottom) => levelGrid(wholeSteps(min, max), x, top, bottom),
    });
  };
}

interface Columns {
  readonly nameX: number;
  readonly nameAnchor: 'start' | 'end';
  readonly nameWidth: number;
  readonly plotX0: number;
  readonly plotEnd: number;
  /** The figures are right-aligned here. */
  readonly figureEnd: number;
}

/**
 * Right to left: the groups' figures, right-aligned at the edge (sized by the widest the scale
 * allows, so a score of 100 fits as well as one of 5); the plot before them; the names before the
 * plot (wide) or in a column at the left (narrow). The spread and the flag share the title's line.
 */
function figureColumns(layout: Layout, report: Report, values: readonly string[]): Columns {
  const { min, max } = report.scale;
  const figures = [fixed(max), fixed(min)].map((f) => `${STATUS_SYMBOL.short} ${f}`);
  const missing = report.items.some((item) => values.some((value) => figureOf(item, value) === null));
  const figureWidth = Math.ceil(maxOf([...figures, ...(missing ? [TOO_FEW] : [])].map((f) => textWidth(f, SMALL_FONT)), 0));
  const plotEnd = layout.right - figureWidth - 2 * GUTTER;
  if (layout.variant === 'wide') {
    return { nameX: layout.plotX0 - GUTTER, nameAnchor: 'end', nameWidth: LABEL_WIDTH - NAME_INDENT, plotX0: layout.plotX0, plotEnd, figureEnd: layout.right };
  }
  const nameX = layout.labelX + 4;
  return { nameX, nameAnchor: 'start', nameWidth: NARROW_NAME_WIDTH, plotX0: nameX + NARROW_NAME_WIDTH + GUTTER, plotEnd, figureEnd: layout.right };
}

interface BlockContext {
  readonly values: readonly string[];
  readonly x: (value: number) => number;
  readonly scale: Report['scale'];
  readonly layout: Layout;
  readonly columns: Columns;
}

function figureOf(item: ItemResult, value: string): GroupFigure | null {
  return Object.hasOwn(item.groups, value) ? (item.groups[value] ?? null) : null;
}

function itemBlock(item: ItemResult, y: number, ctx: BlockContext): { markup: Markup; height: number } {
  const { values, x, layout } = ctx;
  const height = HEAD + values.length * STEP + BLOCK_PAD;
  const flagged = item.flags.includes('perception-gap');
  const barsTop = y + HEAD;
  const bars = values.map((value, i) => groupBar(item, value, barsTop + i * STEP, ctx));
  const band = flagged ? html`<rect class="band" x="0" y="${y + 1}" width="${layout.width}" height="${height - 2}"/>` : '';
  const spread = item.spread === null ? '' : `spread ${fixed(spreadValue(item))}`;
  const right = [flagged ? 'perception gap' : '', spread].filter((s) => s !== '').join(' · ');
  // The title has its label column (wide), or its line less the spread beside it (narrow).
  const titleWidth = layout.variant === 'wide' ? LABEL_WIDTH : layout.right - layout.labelX - Math.ceil(textWidth(right, SMALL_FONT)) - GUTTER;
  const tickTop = barsTop - 2;
  const tickBottom = barsTop + (values.length - 1) * STEP + BAR + 2;
  const summary = values.map((value) => `${value} ${fixed(figureOf(item, value)?.score ?? null)}`).join(', ');
  const markup = html`<g><title>${item.title}: ${summary}; target ${fixed(item.target)}${flagged ? `; perception gap, spread ${fixed(spreadValue(item))}` : ''}</title>
${band}<text x="${layout.labelX}" y="${y + 14}">${fitText(item.title, titleWidth, LABEL_FONT)}</text>${right === '' ? '' : html`<text class="${flagged ? 'flag' : 'axis'}" x="${layout.right}" y="${y + 14}" text-anchor="end">${right}</text>`}
${bars}<line class="target" x1="${x(item.target)}" x2="${x(item.target)}" y1="${tickTop}" y2="${tickBottom}"/></g>
`;
  return { markup, height };
}

/** One group's row: its name, its bar coloured by status with its interval, and its figure (`✗ 2.50`). */
function groupBar(item: ItemResult, value: string, top: number, ctx: BlockContext): Markup {
  const { x, scale, columns } = ctx;
  const figure = figureOf(item, value);
  const mid = top + BAR / 2;
  const name = html`<text class="group-name" x="${columns.nameX}" y="${mid + 4}"${columns.nameAnchor === 'end' ? html` text-anchor="end"` : ''}>${fitText(value, columns.nameWidth, NAME_FONT)}</text>`;
  if (figure === null) {
    return html`<g><title>${value}: ${TOO_FEW}</title>${name}<text class="figure axis" x="${columns.figureEnd}" y="${mid + 4}" text-anchor="end">${TOO_FEW}</text></g>`;
  }
  const gap = Math.max(0, item.target - figure.score);
  const status = gapStatus(gap) ?? 'met';
  const bar = html`<rect class="bar-${statusClass(gap)}" x="${x(scale.min)}" y="${top}" width="${Math.max(2, x(figure.score) - x(scale.min))}" height="${BAR}" rx="1.5"/>`;
  const ci = figure.ci === null ? '' : ciPath(figure.ci, x, mid, scale, 3);
  return html`<g><title>${value}: ${fixed(figure.score)} (n ${figure.n}), ${STATUS_LABEL[status]}</title>${name}${bar}${ci}<text class="figure" x="${columns.figureEnd}" y="${mid + 4}" text-anchor="end">${STATUS_SYMBOL[status]} ${fixed(figure.score)}</text></g>`;
}
