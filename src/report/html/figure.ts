/**
 * A chart in the page: the drawing in a box of its own that scrolls sideways
 * on a phone (the drawing keeps a readable minimum width there, styles.ts)
 * rather than shrinking its text to nothing or widening the page, and the
 * caption under it, which does not scroll.
 */
import { html, type Interpolation, type Markup } from './html.js';

export function chartFigure(chart: Markup, caption: Interpolation): Markup {
  return html`<figure><div class="chart-scroll">${chart}</div><figcaption>${caption}</figcaption></figure>`;
}

/**
 * A heading, the sentence introducing its chart and the chart, kept on one
 * printed page: `break-after: avoid` on the heading alone does not hold once
 * a paragraph stands between it and the figure.
 */
export function keepTogether(...parts: readonly Interpolation[]): Markup {
  return html`<div class="keep">${parts}</div>`;
}
