/**
 * "How much each item changed": per item, the change as a marker on a line
 * through 0 with its 95% interval as a whisker, so a client sees which
 * changes clear 0 and by how much (docs/statistics.md, "Compare"). The
 * marker's shape carries the verdict (▲ improved, ▼ slipped, ● no clear
 * change, ○ too few answers) and so does the word beside it; an improvement
 * that leaves the item still below its target is drawn hollow (△) and says
 * so. Colour, from the Okabe–Ito palette, only repeats the shape.
 *
 * Wide, the figures and the verdict stand after the plot; narrow, the
 * figures share the title's line and the verdict the marker's.
 */
import type { Comparison, ItemChange, Verdict } from '../../compare/comparison.js';
import { intervalText, signed, stillBelowTarget, VERDICT_WORDS, verdictMark } from '../compare/words.js';
import { GUTTER, rowFrame, SMALL_FONT, type Layout } from './chart-layout.js';
import { figureText } from './chart-marks.js';
import { html, type Markup } from './html.js';
import { sectionRows } from './section-rows.js';
import { chartSvg, linearScale, round } from './svg.js';
import { fitText } from './text-fit.js';
import { textWidth } from './text-measure.js';
import { maxOf } from '../../core/max-of.js';

const ROW = 32;
/** The narrow layout's marker line. */
const BAND = 14;
const WIDE_PLOT_END = 540;
const VALUE_X = 552;
const MARK = 5;

const VERDICT_CLASS: Readonly<Record<Verdict, string>> = {
  improved: 'ch-improved',
  slipped: 'ch-slipped',
  'no clear change': 'ch-flat',
  'too few answers': 'ch-few',
};

/** The half-width of the axis: the widest change or interval end, rounded up to a half point, within what the scale allows. */
function reach(items: readonly ItemChange[], span: number): number {
  let most = 0.5;
  for (const item of items) {
    for (const v of [item.change, ...(item.ci ?? [])]) if (v !== null) most = Math.max(most, Math.abs(v));
  }
  return Math.min(span, Math.ceil(most * 2) / 2);
}

/** `improved`, `no clear change*`, `improved, still below target`. */
function verdictText(item: ItemChange): string {
  return `${VERDICT_WORDS[item.verdict]}${verdictMark(item)}${stillBelowTarget(item) ? ', still below target' : ''}`;
}

export function changesChart(c: Comparison, layout: Layout): Markup {
  const span = c.scale.max - c.scale.min;
  const d = reach(c.items, span);
  const verdictWidth = Math.ceil(maxOf(c.items.map((item) => textWidth(verdictText(item), SMALL_FONT)), 0));
  const end = layout.variant === 'wide' ? WIDE_PLOT_END : layout.right - verdictWidth - 2 * GUTTER;
  const x = linearScale([-d, d], [layout.plotX0 + (layout.variant === 'wide' ? 0 : 8), end]);
  // Five to seven labelled lines: more would crowd their labels.
  const step = d <= 0.5 ? 0.25 : d <= 1.5 ? 0.5 : 1;
  const ticks: number[] = [];
  for (let v = -d; v <= d + 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  // A narrow plot labels every other line, so the labels never meet.
  const zero = ticks.indexOf(0);
  const labelled = layout.variant === 'wide' || ticks.length <= 5 ? ticks : ticks.filter((_, i) => (i - zero) % 2 === 0);
  const rows = sectionRows(layout, c.sections, c.items, (item, top) => itemRow(item, c, x, top, layout));
  const count = (v: Verdict): number => c.items.filter((item) => item.verdict === v).length;
  return chartSvg({
    layout,
    id: 'chart-changes',
    title: 'How much each item changed, with its 95% interval',
    description: `Interval chart of ${c.items.length} items: each item's change from the baseline to the follow-up as a marker, its 95% interval as a line, against a line at no change. ${count('improved')} improved, ${count('slipped')} slipped, ${count('no clear change')} show no clear change, ${count('too few answers')} have too few answers. The same figures are in the tables below.`,
    rows,
    axis: (top, bottom) => html`<g aria-hidden="true">${ticks.map(
      (v) => html`<line class="${v === 0 ? 'zero' : 'grid'}" x1="${x(v)}" x2="${x(v)}" y1="${top}" y2="${bottom}"/>${labelled.includes(v) ? html`<text class="axis" x="${x(v)}" y="${top - 6}" text-anchor="middle">${v === 0 ? '0' : signed(v, step < 0.5 ? 2 : step < 1 ? 1 : 0)}</text>` : ''}`,
    )}</g>`,
  });
}

function itemRow(item: ItemChange, c: Comparison, x: (v: number) => number, y: number, layout: Layout): { markup: Markup; height: number } {
  const cls = VERDICT_CLASS[item.verdict];
  const verdict = verdictText(item);
  const figures = item.change === null ? 'no change to show' : `${signed(item.change)} ${intervalText(item.ci, c.scale)}`.trim();
  const frame = rowFrame(layout, y, { row: ROW, band: BAND, figures, valueX: VALUE_X });
  const mid = frame.mid;
  const whisker = item.ci === null ? '' : html`<line class="whisker ${cls}" x1="${x(item.ci[0])}" x2="${x(item.ci[1])}" y1="${mid}" y2="${mid}"/><line class="whisker ${cls}" x1="${x(item.ci[0])}" x2="${x(item.ci[0])}" y1="${mid - 4}" y2="${mid + 4}"/><line class="whisker ${cls}" x1="${x(item.ci[1])}" x2="${x(item.ci[1])}" y1="${mid - 4}" y2="${mid + 4}"/>`;
  // Wide: figures above the middle, the verdict under them; narrow: the verdict at the marker line's end.
  const wide = layout.variant === 'wide';
  const figure = wide ? html`<text class="value" x="${VALUE_X}" y="${mid - 1}">${figures}</text>` : figureText(frame, figures);
  const word = wide
    ? html`<text class="small ${cls}-text" x="${VALUE_X}" y="${mid + 11}">${verdict}</text>`
    : html`<text class="small ${cls}-text" x="${layout.right}" y="${mid + 4}" text-anchor="end">${verdict}</text>`;
  const markup = html`<g><title>${item.title}: change ${figures}, ${verdict}</title>
<text x="${frame.title.x}" y="${frame.title.y}">${fitText(item.title, frame.title.width)}</text>
${whisker}${item.change === null ? '' : marker(item, x(item.change), mid)}
${figure}${word}</g>
`;
  return { markup, height: frame.height };
}

/** ▲ ▼ ● ○, and △ for an improvement still below target: the verdict in the marker's shape, so the chart reads in greyscale. */
function marker(item: ItemChange, cx: number, cy: number): Markup {
  const cls = `mark ${VERDICT_CLASS[item.verdict]}${item.verdict === 'too few answers' || stillBelowTarget(item) ? ' hollow' : ''}`;
  if (item.verdict === 'improved') return html`<path class="${cls}" d="M${cx} ${round(cy - MARK - 1)}L${round(cx + MARK + 1)} ${round(cy + MARK)}L${round(cx - MARK - 1)} ${round(cy + MARK)}Z"/>`;
  if (item.verdict === 'slipped') return html`<path class="${cls}" d="M${cx} ${round(cy + MARK + 1)}L${round(cx + MARK + 1)} ${round(cy - MARK)}L${round(cx - MARK - 1)} ${round(cy - MARK)}Z"/>`;
  return html`<circle class="${cls}" cx="${cx}" cy="${cy}" r="${MARK}"/>`;
}
