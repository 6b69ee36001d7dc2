/**
 * What every chart shares: the accessible frame and the number-to-x scale.
 *
 * Each chart is an inline `<svg role="img">` named by its `<title>` and
 * described by its `<desc>` (both referenced from `aria-labelledby`, which
 * screen readers honour on inline SVG more reliably than the elements alone),
 * and every chart sits next to a table with the same figures as the full
 * text alternative. Sizes are in viewBox units; the CSS scales the drawing
 * to the page width, on screen and on paper alike.
 */
import { html, type Markup } from './html.js';

/** The width every chart is drawn at; the page scales it. */
export const CHART_WIDTH = 760;

export interface ChartFrame {
  /** Unique in the page: the title and desc ids derive from it. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly height: number;
  readonly body: Markup;
}

export function chartSvg(frame: ChartFrame): Markup {
  const { id, height } = frame;
  const h = Math.ceil(height);
  return html`<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${CHART_WIDTH} ${h}" width="${CHART_WIDTH}" height="${h}">
<title id="${id}-title">${frame.title}</title>
<desc id="${id}-desc">${frame.description}</desc>
${frame.body}
</svg>`;
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

/** Whole numbers from min to max (a scale is integers by PRODUCT.md's rules), thinned to at most MAX_STEPS. */
export function wholeSteps(min: number, max: number): number[] {
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  const step = Math.max(1, Math.ceil((hi - lo) / (MAX_STEPS - 1)));
  const steps: number[] = [];
  for (let v = lo; v <= hi; v += step) steps.push(v);
  return steps;
}
