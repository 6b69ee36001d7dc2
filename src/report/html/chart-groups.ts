/**
 * "By group" (`--by role`): per item, one bar per group side by side, the
 * target marked across them, and the items whose groups disagree by the
 * perception-gap threshold or more highlighted with a band and a label. The
 * seeds' point: the customers' view is what counts, so a staff bar far above
 * the customers' is the finding to show.
 */
import { groupScore, groupValues } from '../gap/group-values.js';
import { fixed } from '../gap/numbers.js';
import type { ItemResult, Report } from '../../scoring/report.js';
import { sectionRows } from './section-rows.js';
import { LABEL_COLUMNS, PAD, PLOT_X0, PLOT_X1, TOP, BOTTOM, VALUE_X } from './chart-layout.js';
import { html, type Markup } from './html.js';
import { groupColors } from './palette.js';
import { chartSvg, CHART_WIDTH, levelGrid, linearScale, wholeSteps } from './svg.js';
import { fitText } from './text-fit.js';

const BAR = 10;
const BAR_STEP = 13;
/** Room for the title and the flag line under it, whatever the number of groups. */
const MIN_BLOCK = 40;
const BLOCK_PAD = 10;

/** Null without `--by`: there is nothing to put side by side. */
export function groupsChart(report: Report): Markup | null {
  const values = groupValues(report);
  if (values.length === 0) return null;
  const colors = groupColors(values);
  const { min, max } = report.scale;
  const x = linearScale([min, max], [PLOT_X0, PLOT_X1]);
  const height = Math.max(MIN_BLOCK, values.length * BAR_STEP + BLOCK_PAD);
  const { rows, bottom: y } = sectionRows(report.sections, report.items, (item, top) => ({
    markup: itemBlock(item, { values, colors, x, min, y: top, height }),
    height,
  }));
  const flagged = report.items.filter((item) => item.flags.includes('perception-gap'));
  const by = report.by ?? 'group';
  return chartSvg({
    id: 'chart-groups',
    title: `Scores by ${by}, side by side`,
    description:
      `Grouped bar chart: for each of ${report.items.length} items, the mean score of each ${by} (${values.join(', ')}) on the ${min} to ${max} scale, with the target marked. ` +
      (flagged.length === 0 ? 'No item has a perception gap.' : `Perception gaps, highlighted: ${flagged.map((item) => `${item.title} (spread ${fixed(item.spread)})`).join('; ')}.`),
    height: y + BOTTOM,
    body: html`${levelGrid(wholeSteps(min, max), x, TOP, y)}${rows}`,
  });
}

interface BlockContext {
  readonly values: readonly string[];
  readonly colors: ReadonlyMap<string, string>;
  readonly x: (value: number) => number;
  readonly min: number;
  readonly y: number;
  readonly height: number;
}

function itemBlock(item: ItemResult, ctx: BlockContext): Markup {
  const { values, colors, x, min, y, height } = ctx;
  const flagged = item.flags.includes('perception-gap');
  const barsTop = y + (height - values.length * BAR_STEP) / 2 + (BAR_STEP - BAR) / 2;
  const bars = values.map((value, i) => {
    const score = groupScore(item, value);
    const by = barsTop + i * BAR_STEP;
    if (score === null) return html`<text class="small axis" x="${x(min) + 4}" y="${by + BAR - 1}"><title>${value}: not scored</title>${fitText(value, 20)}: not scored</text>`;
    return html`<rect x="${x(min)}" y="${by}" width="${Math.max(2, x(score) - x(min))}" height="${BAR}" rx="1.5" fill="${colors.get(value) ?? '#9AA5B1'}"><title>${value}: ${fixed(score)}</title></rect><text class="small" x="${x(score) + 4}" y="${by + BAR - 1}">${fixed(score)}</text>`;
  });
  const band = flagged ? html`<rect class="band" x="0" y="${y + 1}" width="${CHART_WIDTH}" height="${height - 2}"/>` : '';
  const flag = flagged ? html`<text class="flag" x="${PAD + 10}" y="${y + height / 2 + 14}">perception gap</text>` : '';
  const labelY = flagged ? y + height / 2 : y + height / 2 + 5;
  return html`<g><title>${item.title}: ${values.map((value) => `${value} ${fixed(groupScore(item, value))}`).join(', ')}; target ${fixed(item.target)}${flagged ? `; perception gap, spread ${fixed(item.spread)}` : ''}</title>
${band}<text x="${PAD + 10}" y="${labelY}">${fitText(item.title, LABEL_COLUMNS)}</text>${flag}
${bars}<line class="target" x1="${x(item.target)}" x2="${x(item.target)}" y1="${y + 4}" y2="${y + height - 4}"/>
${item.spread === null ? '' : html`<text class="value" x="${VALUE_X}" y="${y + height / 2 + 5}">spread ${fixed(item.spread)}</text>`}</g>
`;
}
