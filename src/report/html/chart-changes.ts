/**
 * "How much each item changed": per item, the change as a marker on a line
 * through 0 with its 95% interval as a whisker, so a client sees which
 * changes clear 0 and by how much (docs/statistics.md, "Compare"). The
 * marker's shape carries the verdict (▲ improved, ▼ slipped, ● no clear
 * change, ○ too few answers) and so does the word beside it; colour, from
 * the Okabe–Ito palette, only repeats it.
 */
import type { Comparison, ItemChange, Verdict } from '../../compare/comparison.js';
import { intervalText, signed, VERDICT_WORDS, verdictMark } from '../compare/words.js';
import { LABEL_WIDTH, LABEL_X, PLOT_X0 } from './chart-layout.js';
import { html, type Markup } from './html.js';
import { sectionRows } from './section-rows.js';
import { chartSvg, linearScale, round } from './svg.js';
import { fitText } from './text-fit.js';

const ROW = 32;
const PLOT_X1 = 540;
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

export function changesChart(c: Comparison): Markup {
  const span = c.scale.max - c.scale.min;
  const d = reach(c.items, span);
  const x = linearScale([-d, d], [PLOT_X0, PLOT_X1]);
  // Five to seven labelled lines: more would crowd their labels.
  const step = d <= 0.5 ? 0.25 : d <= 1.5 ? 0.5 : 1;
  const ticks: number[] = [];
  for (let v = -d; v <= d + 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  const rows = sectionRows(c.sections, c.items, (item, top) => ({ markup: itemRow(item, c, x, top), height: ROW }));
  const count = (v: Verdict): number => c.items.filter((item) => item.verdict === v).length;
  return chartSvg({
    id: 'chart-changes',
    title: 'How much each item changed, with its 95% interval',
    description: `Interval chart of ${c.items.length} items: each item's change from the baseline to the follow-up as a marker, its 95% interval as a line, against a line at no change. ${count('improved')} improved, ${count('slipped')} slipped, ${count('no clear change')} show no clear change, ${count('too few answers')} have too few answers. The same figures are in the tables below.`,
    rows,
    axis: (top, bottom) => html`<g aria-hidden="true">${ticks.map(
      (v) => html`<line class="${v === 0 ? 'zero' : 'grid'}" x1="${x(v)}" x2="${x(v)}" y1="${top}" y2="${bottom}"/><text class="axis" x="${x(v)}" y="${top - 6}" text-anchor="middle">${v === 0 ? '0' : signed(v, step < 0.5 ? 2 : step < 1 ? 1 : 0)}</text>`,
    )}</g>`,
  });
}

function itemRow(item: ItemChange, c: Comparison, x: (v: number) => number, y: number): Markup {
  const mid = y + ROW / 2;
  const cls = VERDICT_CLASS[item.verdict];
  const verdict = `${VERDICT_WORDS[item.verdict]}${verdictMark(item)}`;
  const figures = item.change === null ? 'no change to show' : `${signed(item.change)} ${intervalText(item.ci, c.scale)}`.trim();
  const whisker = item.ci === null ? '' : html`<line class="whisker ${cls}" x1="${x(item.ci[0])}" x2="${x(item.ci[1])}" y1="${mid}" y2="${mid}"/><line class="whisker ${cls}" x1="${x(item.ci[0])}" x2="${x(item.ci[0])}" y1="${mid - 4}" y2="${mid + 4}"/><line class="whisker ${cls}" x1="${x(item.ci[1])}" x2="${x(item.ci[1])}" y1="${mid - 4}" y2="${mid + 4}"/>`;
  return html`<g><title>${item.title}: change ${figures}, ${verdict}</title>
<text x="${LABEL_X}" y="${mid + 4}">${fitText(item.title, LABEL_WIDTH)}</text>
${whisker}${item.change === null ? '' : marker(item.verdict, x(item.change), mid)}
<text class="value" x="${VALUE_X}" y="${mid - 1}">${figures}</text><text class="small ${cls}-text" x="${VALUE_X}" y="${mid + 11}">${verdict}</text></g>
`;
}

/** ▲ ▼ ● ○: the verdict in the marker's shape, so the chart reads in greyscale. */
function marker(verdict: Verdict, cx: number, cy: number): Markup {
  const cls = VERDICT_CLASS[verdict];
  if (verdict === 'improved') return html`<path class="mark ${cls}" d="M${cx} ${round(cy - MARK - 1)}L${round(cx + MARK + 1)} ${round(cy + MARK)}L${round(cx - MARK - 1)} ${round(cy + MARK)}Z"/>`;
  if (verdict === 'slipped') return html`<path class="mark ${cls}" d="M${cx} ${round(cy + MARK + 1)}L${round(cx + MARK + 1)} ${round(cy - MARK)}L${round(cx - MARK - 1)} ${round(cy - MARK)}Z"/>`;
  return html`<circle class="mark ${cls}${verdict === 'too few answers' ? ' hollow' : ''}" cx="${cx}" cy="${cy}" r="${MARK}"/>`;
}
