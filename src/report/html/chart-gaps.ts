/**
 * "Gaps in priority order": the items below target, ranked by priority (how
 * much closing the gap would lift the overall score), each bar as long as
 * the gap in points, so the reader sees both what matters most and how far
 * each item has to go.
 */
import { rankGaps } from '../../scoring/index.js';
import type { Report } from '../../scoring/report.js';
import { fixed } from '../shared/numbers.js';
import { CHART_WIDTH, LABEL_FONT, LABEL_WIDTH, LABEL_X, PAD, PLOT_X0, TOP } from './chart-layout.js';
import { html, type Markup } from './html.js';
import { statusClass } from './status.js';
import { chartSvg, levelGrid, linearScale, wholeSteps, type ChartRow } from './svg.js';
import { fitText } from './text-fit.js';
import { textWidth } from './text-measure.js';
import { EPSILON } from '../../scoring/tolerance.js';
import { maxOf } from '../../core/max-of.js';

const ROW = 26;
const BAR = 14;
/** The figures here are longer (`gap 1.60 · priority 0.25`), so the plot ends earlier than in the other charts. */
const PLOT_X1 = 570;
const VALUE_X = 582;
/** The ranks are right-aligned in a column of their own (room for `999.`), so titles get the same width as in the other charts and are cut the same. */
const RANK_END = PAD + Math.ceil(textWidth('999.', LABEL_FONT));
const TITLE_X = RANK_END + 4;
const BAR_X0 = PLOT_X0 + (TITLE_X - LABEL_X);

/** Null when no item has a gap: the page says so in words instead of drawing an empty chart. */
export function gapsChart(report: Report): Markup | null {
  const ranked = rankGaps(report);
  if (ranked.length === 0) return null;
  // Whole points, at least one, so a bar's length reads against the grid.
  const top = Math.max(1, Math.ceil(maxOf(ranked.map((item) => item.gap ?? 0)) - EPSILON));
  const x = linearScale([0, top], [BAR_X0, PLOT_X1]);
  const rows = ranked.map((item, i): ChartRow => {
    const y = TOP + i * ROW;
    const markup = html`<g><title>${i + 1}. ${item.title}: gap ${fixed(item.gap)} (score ${fixed(item.score)}, target ${fixed(item.target)}), priority ${fixed(item.priority)}</title>
<text class="rank" x="${RANK_END}" y="${y + 17}" text-anchor="end">${i + 1}.</text><text x="${TITLE_X}" y="${y + 17}">${fitText(item.title, LABEL_WIDTH)}</text>
<rect class="bar-${statusClass(item.gap)}" x="${x(0)}" y="${y + (ROW - BAR) / 2}" width="${Math.max(2, x(item.gap ?? 0) - x(0))}" height="${BAR}" rx="2"/>
<text class="value" x="${VALUE_X}" y="${y + 17}">gap ${fixed(item.gap)} · priority ${fixed(item.priority)}</text></g>
`;
    return { markup, top: y, height: ROW };
  });
  return chartSvg({
    id: 'chart-gaps',
    title: 'Gaps in priority order',
    description: `Bar chart of the ${ranked.length} items below target, highest priority first; each bar is the gap in points, from 0 to ${top}. First: ${ranked[0]!.title}, gap ${fixed(ranked[0]!.gap)}.`,
    rows,
    axis: (y0, y1) => html`${levelGrid(wholeSteps(0, top), x, y0, y1)}<text class="axis" x="${CHART_WIDTH - PAD}" y="${y0 - 6}" text-anchor="end">points short</text>`,
  });
}

