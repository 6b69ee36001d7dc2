/**
 * "Every item against its target": one bar per item from the bottom of the
 * scale to its mean score, coloured by status, with its 95% interval as a
 * thin line with end caps and the target as a dark tick, grouped under the
 * section titles in rubric order. The figures carry the status symbol too
 * (`✗ 2.00 / 4.00`), so the chart reads without colour.
 */
import type { ItemResult, Report } from '../../scoring/report.js';
import { fixed } from '../shared/numbers.js';
import { gapStatus, STATUS_LABEL, STATUS_SYMBOL } from '../gap/status.js';
import { sectionRows } from './section-rows.js';
import { NARROW_PLOT_END, rowFrame, type Layout } from './chart-layout.js';
import { html, type Markup } from './html.js';
import { statusClass } from './status.js';
import { chartSvg, levelGrid, linearScale, wholeSteps } from './svg.js';
import { fitText } from './text-fit.js';
import { intervalText } from '../shared/intervals.js';
import { unscoredText } from '../shared/unscored.js';
import { ciPath, figureText } from './chart-marks.js';

const ROW = 26;
const BAR = 14;
/** A score at the very bottom of the scale still shows a sliver, so "scored 1" never looks like "not scored". */
const MIN_BAR = 2;
/** The wide layout's plot ends here; the figures start after it. */
const WIDE_PLOT_END = 610;
const VALUE_X = 622;

export function itemsVsTargetChart(report: Report, layout: Layout): Markup {
  const { min, max } = report.scale;
  const x = linearScale([min, max], [layout.plotX0, layout.variant === 'wide' ? WIDE_PLOT_END : NARROW_PLOT_END]);
  const rows = sectionRows(layout, report.sections, report.items, (item, top) => itemRow(item, x, top, report.scale, layout));
  return chartSvg({
    layout,
    id: 'chart-items',
    title: 'Every item against its target',
    description: describe(report),
    rows,
    axis: (top, bottom) => levelGrid(wholeSteps(min, max), x, top, bottom),
  });
}

function itemRow(item: ItemResult, x: (v: number) => number, y: number, scale: Report['scale'], layout: Layout): { markup: Markup; height: number } {
  const status = gapStatus(item.gap);
  const figures = status === null || item.score === null ? `– / ${fixed(item.target)}` : `${STATUS_SYMBOL[status]} ${fixed(item.score)} / ${fixed(item.target)}`;
  const frame = rowFrame(layout, y, { row: ROW, band: BAR, figures, valueX: VALUE_X });
  const top = frame.mid - BAR / 2;
  const tip = item.score === null
    ? `${item.title}: not scored (${unscoredText(item)}), target ${fixed(item.target)}`
    : `${item.title}: score ${fixed(item.score)} (95% CI ${intervalText(item.ci, scale)}), target ${fixed(item.target)}, ${STATUS_LABEL[status ?? 'met']}`;
  // An item nobody scored says why in the plot, where its bar would be.
  const bar = item.score === null
    ? html`<text class="axis" x="${x(scale.min) + 4}" y="${frame.mid + 4}">${unscoredText(item)}</text>`
    : html`<rect class="bar-${statusClass(item.gap)}" x="${x(scale.min)}" y="${top}" width="${Math.max(MIN_BAR, x(item.score) - x(scale.min))}" height="${BAR}" rx="2"/>`;
  const ci = item.ci === null ? '' : ciPath(item.ci, x, frame.mid, scale);
  const markup = html`<g><title>${tip}</title>
<text x="${frame.title.x}" y="${frame.title.y}">${fitText(item.title, frame.title.width)}</text>
${bar}${ci}<line class="target" x1="${x(item.target)}" x2="${x(item.target)}" y1="${top - 2}" y2="${top + BAR + 2}"/>
${figureText(frame, figures)}</g>
`;
  return { markup, height: frame.height };
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
