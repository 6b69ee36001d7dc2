/**
 * "By group" (`--by role`): per item, one bar per group side by side, the
 * target marked across them, and the items whose groups disagree by the
 * perception-gap threshold or more highlighted with a band and a label. The
 * seeds' point: the customers' view is what counts, so a staff bar far above
 * the customers' is the finding to show.
 *
 * The figures stand in columns of their own right of the plot (each group's
 * score level with its bar, then the item's spread), so no label can meet a
 * bar, the target tick or another label, whatever the scores.
 */
import { groupScore, groupValues, spreadValue } from '../gap/group-values.js';
import { fixed } from '../shared/numbers.js';
import type { ItemResult, Report } from '../../scoring/report.js';
import { sectionRows } from './section-rows.js';
import { CHART_WIDTH, LABEL_FONT, LABEL_WIDTH, LABEL_X, PLOT_X0, RIGHT, SMALL_FONT } from './chart-layout.js';
import { html, type Markup } from './html.js';
import { groupColors, MAX_CHART_GROUPS, NONE_COLOR } from './palette.js';
import { chartSvg, levelGrid, linearScale, wholeSteps } from './svg.js';
import { fitText } from './text-fit.js';
import { textWidth } from './text-measure.js';
import { NOT_SCORED } from '../gap/labels.js';

const BAR = 10;
const BAR_STEP = 13;
/** Room for the title and the flag line under it, whatever the number of groups. */
const MIN_BLOCK = 40;
const BLOCK_PAD = 10;
const GAP = 8;

/** Null without `--by` (nothing to put side by side) and past MAX_CHART_GROUPS groups (see palette.ts). */
export function groupsChart(report: Report): Markup | null {
  const values = groupValues(report);
  if (values.length === 0 || values.length > MAX_CHART_GROUPS) return null;
  const { min, max } = report.scale;
  const unscored = report.items.some((item) => values.some((value) => groupScore(item, value) === null));
  const columns = figureColumns(min, max, unscored);
  const x = linearScale([min, max], [PLOT_X0, columns.plotEnd]);
  const height = Math.max(MIN_BLOCK, values.length * BAR_STEP + BLOCK_PAD);
  const context: BlockContext = { values, colors: groupColors(values), x, min, height, valueX: columns.valueX };
  const rows = sectionRows(report.sections, report.items, (item, top) => ({ markup: itemBlock(item, top, context), height }));
  const flagged = report.items.filter((item) => item.flags.includes('perception-gap'));
  const by = report.by ?? 'group';
  return chartSvg({
    id: 'chart-groups',
    title: `Scores by ${by}, side by side`,
    description:
      `Grouped bar chart: for each of ${report.items.length} items, the mean score of each ${by} (${values.join(', ')}, in that order) on the ${min} to ${max} scale, with the target marked. ` +
      (flagged.length === 0 ? 'No item has a perception gap.' : `Perception gaps, highlighted: ${flagged.map((item) => `${item.title} (spread ${fixed(spreadValue(item))})`).join('; ')}.`),
    rows,
    axis: (top, bottom) => levelGrid(wholeSteps(min, max), x, top, bottom),
  });
}

/**
 * Right to left: the spread, right-aligned at the edge; the groups' scores
 * (or "not scored", when some group did not score some item) before it; the
 * plot takes the rest. Sized by the widest figure the scale allows, so a
 * score of 100 fits as well as one of 5.
 */
function figureColumns(min: number, max: number, unscored: boolean): { plotEnd: number; valueX: number } {
  const spread = textWidth(`spread ${fixed(max - min)}`, LABEL_FONT);
  const value = Math.max(textWidth(fixed(max), SMALL_FONT), textWidth(fixed(min), SMALL_FONT), unscored ? textWidth(NOT_SCORED, SMALL_FONT) : 0);
  const valueX = Math.floor(RIGHT - spread - 2 * GAP - value);
  return { plotEnd: valueX - GAP, valueX };
}

interface BlockContext {
  readonly values: readonly string[];
  readonly colors: ReadonlyMap<string, string>;
  readonly x: (value: number) => number;
  readonly min: number;
  readonly height: number;
  readonly valueX: number;
}

function itemBlock(item: ItemResult, y: number, ctx: BlockContext): Markup {
  const { values, colors, x, min, height, valueX } = ctx;
  const flagged = item.flags.includes('perception-gap');
  const barsTop = y + (height - values.length * BAR_STEP) / 2 + (BAR_STEP - BAR) / 2;
  const bars = values.map((value, i) => {
    const score = groupScore(item, value);
    const top = barsTop + i * BAR_STEP;
    const figure = html`<text class="figure${score === null ? ' axis' : ''}" x="${valueX}" y="${top + BAR - 1}">${score === null ? NOT_SCORED : fixed(score)}</text>`;
    if (score === null) return html`<g><title>${value}: not scored</title>${figure}</g>`;
    return html`<g><title>${value}: ${fixed(score)}</title><rect x="${x(min)}" y="${top}" width="${Math.max(2, x(score) - x(min))}" height="${BAR}" rx="1.5" fill="${colors.get(value) ?? NONE_COLOR}"/>${figure}</g>`;
  });
  const band = flagged ? html`<rect class="band" x="0" y="${y + 1}" width="${CHART_WIDTH}" height="${height - 2}"/>` : '';
  const flag = flagged ? html`<text class="flag" x="${LABEL_X}" y="${y + height / 2 + 14}">perception gap</text>` : '';
  const labelY = flagged ? y + height / 2 : y + height / 2 + 5;
  return html`<g><title>${item.title}: ${values.map((value) => `${value} ${fixed(groupScore(item, value))}`).join(', ')}; target ${fixed(item.target)}${flagged ? `; perception gap, spread ${fixed(spreadValue(item))}` : ''}</title>
${band}<text x="${LABEL_X}" y="${labelY}">${fitText(item.title, LABEL_WIDTH)}</text>${flag}
${bars}<line class="target" x1="${x(item.target)}" x2="${x(item.target)}" y1="${y + 4}" y2="${y + height - 4}"/>
${item.spread === null ? '' : html`<text class="value" x="${RIGHT}" y="${y + height / 2 + 5}" text-anchor="end">spread ${fixed(spreadValue(item))}</text>`}</g>
`;
}
