/**
 * What every chart shares: the accessible frame and the number-to-x scale.
 *
 * Each chart is an inline `<svg role="img">` named by its `<title>` and
 * described by its `<desc>` (both referenced from `aria-labelledby`, which
 * screen readers honour on inline SVG more reliably than the elements alone),
 * and every chart sits next to a table with the same figures as the full
 * text alternative. Sizes are in viewBox units; the CSS scales the drawing
 * to the page width, on screen and on paper alike. Each chart is drawn in
 * both layouts of chart-layout.ts, and the page shows the one that fits.
 */
import { html, type Markup } from './html.js';
import { splitRows } from './chart-parts.js';
import { BOTTOM, TOP, type Layout } from './chart-layout.js';

/** One row of a chart (an item's bar, a section's title), placed by the chart at `top`. */
export interface ChartRow {
  readonly markup: Markup;
  readonly top: number;
  readonly height: number;
  /** A section's title: never the last row of a part (chart-parts.ts). */
  readonly keepWithNext?: boolean;
}

interface ChartFrame {
  readonly layout: Layout;
  /** Unique in the page (the narrow drawing adds `-narrow`): the title and desc ids derive from it. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly rows: readonly ChartRow[];
  /** The grid and axis labels behind the rows from `top` to `bottom`, drawn again in each part. */
  readonly axis: (top: number, bottom: number) => Markup;
}

/**
 * The chart as one `<svg>`, or, when the wide drawing is taller than a
 * printed page, as several stacked page-sized parts (chart-parts.ts), each
 * with its own axis, so that print can break between them (the narrow one is
 * for screens only, and stays whole). The first part is the accessible
 * image, named and described for the whole chart; the parts after it are
 * hidden from screen readers, which have heard the description already.
 */
export function chartSvg(frame: ChartFrame): Markup {
  const { width, variant } = frame.layout;
  const id = variant === 'wide' ? frame.id : `${frame.id}-narrow`;
  const parts = variant === 'wide' ? splitRows(frame.rows) : [frame.rows];
  return html`${parts.map((rows, i) => {
    const top = rows[0]?.top ?? TOP;
    const last = rows.at(-1);
    const bottom = last === undefined ? top : last.top + last.height;
    const y0 = top - TOP;
    const h = Math.ceil(bottom + BOTTOM - y0);
    const body = html`${frame.axis(top, bottom)}${rows.map((row) => row.markup)}`;
    return i === 0
      ? html`<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 ${y0} ${width} ${h}" width="${width}" height="${h}">
<title id="${id}-title">${frame.title}</title>
<desc id="${id}-desc">${frame.description}</desc>
${body}
</svg>`
      : html`<svg class="chart chart-part" aria-hidden="true" viewBox="0 ${y0} ${width} ${h}" width="${width}" height="${h}">
${body}
</svg>`;
  })}`;
}

/** A linear map from a value domain onto [x0, x1]; values outside are clamped so a bar never leaves the plot. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => {
    const t = Math.min(1, Math.max(0, (value - d0) / span));
    return round(r0 + t * (r1 - r0));
  };
}

/** Coordinates to 0.1 unit: enough for any screen or printer, and a smaller, stable file. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Vertical grid lines and their labels at every whole level of the scale. */
export function levelGrid(levels: readonly number[], x: (value: number) => number, top: number, bottom: number): Markup {
  return html`<g aria-hidden="true">${levels.map(
    (level) => html`<line class="grid" x1="${x(level)}" x2="${x(level)}" y1="${top}" y2="${bottom}"/><text class="axis" x="${x(level)}" y="${top - 6}" text-anchor="middle">${level}</text>`,
  )}</g>`;
}

/** Most grid lines a chart draws: every level of a 1..5 or 0..10 scale, a readable subset of a 0..100 one. */
const MAX_STEPS = 11;

/** Whole numbers from min to max (a scale is integers by docs/file-formats.md's rules), thinned to at most MAX_STEPS. */
export function wholeSteps(min: number, max: number): number[] {
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  const step = Math.max(1, Math.ceil((hi - lo) / (MAX_STEPS - 1)));
  const steps: number[] = [];
  for (let v = lo; v <= hi; v += step) steps.push(v);
  return steps;
}
