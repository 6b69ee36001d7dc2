/**
 * "Gaps in priority order": the items below target, ranked by priority (how
 * much closing the gap would lift the overall score), each bar as long as
 * the gap in points, so the reader sees both what matters most and how far
 * each item has to go. Coloured by status, with its symbol in the figures.
 *
 * Wide, each row is rank, title, bar and figures; narrow, the rank and the
 * title have a line of their own and the bar and figures share the next, so
 * a phone shows the whole title.
 */
import { rankGaps } from '../../scoring/index.js';
import type { ItemResult, Report } from '../../scoring/report.js';
import { fixed } from '../shared/numbers.js';
import { GUTTER, LABEL_FONT, LABEL_WIDTH, PAD, TOP, type Layout } from './chart-layout.js';
import { html, type Markup } from './html.js';
import { statusClass } from './status.js';
import { chartSvg, levelGrid, linearScale, wholeSteps, type ChartRow } from './svg.js';
import { fitText } from './text-fit.js';
import { textWidth } from './text-measure.js';
import { EPSILON } from '../../scoring/tolerance.js';
import { gapStatus, STATUS_SYMBOL } from '../gap/status.js';
import { maxOf } from '../../core/max-of.js';

const ROW = 26;
const BAR = 14;
/** The narrow layout's row: the title's line, then the bar's. */
const NARROW_ROW = 38;
/** The figures here are longer (`✗ gap 1.60 · priority 0.25`), so the wide plot ends earlier than in the other charts. */
const WIDE_PLOT_END = 560;
const WIDE_VALUE_X = 572;
/** The ranks are right-aligned in a column of their own (room for `999.`), so titles get the same width as in the other charts and are cut the same. */
const RANK_WIDTH = Math.ceil(textWidth('999.', LABEL_FONT));

/** Null when no item has a gap: the page says so in words instead of drawing an empty chart. */
export function gapsChart(report: Report): ((layout: Layout) => Markup) | null {
  const ranked = rankGaps(report);
  if (ranked.length === 0) return null;
  // Whole points, at least one, so a bar's length reads against the grid.
  const top = Math.max(1, Math.ceil(maxOf(ranked.map((item) => item.gap ?? 0)) - EPSILON));
  return (layout) => {
    const geometry = layout.variant === 'wide' ? wideGeometry(layout) : narrowGeometry(layout, ranked);
    const x = linearScale([0, top], [geometry.barX0, geometry.plotEnd]);
    const rows = ranked.map((item, i): ChartRow => {
      const y = TOP + i * geometry.row;
      return { markup: gapRow(item, i, y, x, geometry), top: y, height: geometry.row };
    });
    return chartSvg({
      layout,
      id: 'chart-gaps',
      title: 'Gaps in priority order',
      description: `Bar chart of the ${ranked.length} items below target, highest priority first; each bar is the gap in points, from 0 to ${top}. First: ${ranked[0]!.title}, gap ${fixed(ranked[0]!.gap)}.`,
      rows,
      axis: (y0, y1) => html`${levelGrid(wholeSteps(0, top), x, y0, y1)}<text class="axis" x="${layout.right}" y="${y0 - 6}" text-anchor="end">points short</text>`,
    });
  };
}

interface Geometry {
  readonly row: number;
  readonly rankEnd: number;
  readonly titleX: number;
  readonly titleWidth: number;
  /** Baselines of the title and of the figures, and the bar's top, from the row's top. */
  readonly titleY: number;
  readonly figureY: number;
  readonly barY: number;
  readonly barX0: number;
  readonly plotEnd: number;
  readonly valueX: number;
}

function wideGeometry(layout: Layout): Geometry {
  const rankEnd = PAD + RANK_WIDTH;
  const titleX = rankEnd + 4;
  return { row: ROW, rankEnd, titleX, titleWidth: LABEL_WIDTH, titleY: 17, figureY: 17, barY: (ROW - BAR) / 2, barX0: layout.plotX0 + (titleX - layout.labelX), plotEnd: WIDE_PLOT_END, valueX: WIDE_VALUE_X };
}

/** The bar stops short of the widest figures, which follow it on its line. */
function narrowGeometry(layout: Layout, ranked: readonly ItemResult[]): Geometry {
  const rankEnd = PAD + RANK_WIDTH;
  const widest = maxOf(ranked.map((item) => textWidth(figures(item), LABEL_FONT)));
  const valueX = Math.floor(layout.right - widest);
  return { row: NARROW_ROW, rankEnd, titleX: rankEnd + 4, titleWidth: layout.right - rankEnd - 4, titleY: 13, figureY: 31, barY: 20, barX0: layout.plotX0, plotEnd: valueX - GUTTER, valueX };
}

/** `✗ gap 1.60 · priority 0.18` */
function figures(item: ItemResult): string {
  const status = gapStatus(item.gap);
  return `${status === null ? '' : `${STATUS_SYMBOL[status]} `}gap ${fixed(item.gap)} · priority ${fixed(item.priority)}`;
}

function gapRow(item: ItemResult, i: number, y: number, x: (v: number) => number, g: Geometry): Markup {
  return html`<g><title>${i + 1}. ${item.title}: gap ${fixed(item.gap)} (score ${fixed(item.score)}, target ${fixed(item.target)}), priority ${fixed(item.priority)}</title>
<text class="rank" x="${g.rankEnd}" y="${y + g.titleY}" text-anchor="end">${i + 1}.</text><text x="${g.titleX}" y="${y + g.titleY}">${fitText(item.title, g.titleWidth)}</text>
<rect class="bar-${statusClass(item.gap)}" x="${x(0)}" y="${y + g.barY}" width="${Math.max(2, x(item.gap ?? 0) - x(0))}" height="${BAR}" rx="2"/>
<text class="value" x="${g.valueX}" y="${y + g.figureY}">${figures(item)}</text></g>
`;
}
