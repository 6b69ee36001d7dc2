/**
 * "Every item against its target": one bar per item from the bottom of the
 * scale to its mean score, coloured by status, with the target marked as a
 * dark tick, grouped under the section titles in rubric order.
 */
import type { ItemResult, Report } from '../../scoring/report.js';
import { fixed } from '../shared/numbers.js';
import { gapStatus, STATUS_LABEL } from '../gap/status.js';
import { sectionRows } from './section-rows.js';
import { LABEL_WIDTH, LABEL_X, PLOT_X0, PLOT_X1, VALUE_X } from './chart-layout.js';
import { html, type Markup } from './html.js';
import { statusClass } from './status.js';
import { chartSvg, levelGrid, linearScale, wholeSteps } from './svg.js';
import { fitText } from './text-fit.js';
import { intervalText } from '../shared/intervals.js';

const ROW = 26;
const BAR = 14;
/** A score at the very bottom of the scale still shows a sliver, so "scored 1" never looks like "not scored". */
const MIN_BAR = 2;

export function itemsVsTargetChart(report: Report): Markup {
  const { min, max } = report.scale;
  const x = linearScale([min, max], [PLOT_X0, PLOT_X1]);
  const rows = sectionRows(report.sections, report.items, (item, top) => ({ markup: itemRow(item, x, top, min, max), height: ROW }));
  return chartSvg({
    id: 'chart-items',
    title: 'Every item against its target',
    description: describe(report),
    rows,
    axis: (top, bottom) => levelGrid(wholeSteps(min, max), x, top, bottom),
  });
}

function itemRow(item: ItemResult, x: (v: number) => number, y: number, min: number, max: number): Markup {
  const status = gapStatus(item.gap);
  const tip = item.score === null
    ? `${item.title}: not scored, target ${fixed(item.target)}`
    : `${item.title}: score ${fixed(item.score)} (95% CI ${intervalText(item.ci, { min, max, labels: {} })}), target ${fixed(item.target)}, ${STATUS_LABEL[status ?? 'met']}`;
  const bar = item.score === null
    ? html`<text class="axis" x="${PLOT_X0 + 4}" y="${y + 17}">not scored</text>`
    : html`<rect class="bar-${statusClass(item.gap)}" x="${x(min)}" y="${y + (ROW - BAR) / 2}" width="${Math.max(MIN_BAR, x(item.score) - x(min))}" height="${BAR}" rx="2"/>`;
  return html`<g><title>${tip}</title>
<text x="${LABEL_X}" y="${y + 17}">${fitText(item.title, LABEL_WIDTH)}</text>
${bar}${errorBar(item, x, y, min, max)}<line class="target" x1="${x(item.target)}" x2="${x(item.target)}" y1="${y + 3}" y2="${y + ROW - 3}"/>
<text class="value" x="${VALUE_X}" y="${y + 17}">${fixed(item.score)} / ${fixed(item.target)}</text></g>
`;
}

/** The score's 95% interval as a thin line with end caps across the bar, clipped to the scale. */
function errorBar(item: ItemResult, x: (v: number) => number, y: number, min: number, max: number): Markup | string {
  if (item.ci === null) return '';
  const clip = (v: number) => x(Math.min(max, Math.max(min, v)));
  const [lo, hi] = [clip(item.ci[0]), clip(item.ci[1])];
  const mid = y + ROW / 2;
  return html`<path class="ci" d="M${lo} ${mid}H${hi}M${lo} ${mid - 4}V${mid + 4}M${hi} ${mid - 4}V${mid + 4}"/>`;
}

/** The chart in one sentence, for screen readers: what is drawn and how the items fall into the bands. */
function describe(report: Report): string {
  const count = (wanted: string | null): number => report.items.filter((item) => gapStatus(item.gap) === wanted).length;
  const unscored = count(null);
  const parts = [
    `${count('met')} ${STATUS_LABEL.met}`,
    `${count('near')} ${STATUS_LABEL.near}`,
    `${count('short')} ${STATUS_LABEL.short}`,
    ...(unscored > 0 ? [`${unscored} not scored`] : []),
  ];
  return `Bar chart of the mean score of ${report.items.length} items on the ${report.scale.min} to ${report.scale.max} scale, each with its 95% interval drawn as a line across the bar and its target marked: ${parts.join(', ')}. The same figures are in the tables below.`;
}
