/**
 * A chart in the page: the drawing in both layouts of chart-layout.ts, of
 * which the style sheet shows one (the wide one on a desktop and on paper,
 * the narrow one on a phone), and the caption under them. Neither drawing
 * scrolls or widens the page: each is laid out for the width it is shown at.
 */
import { LAYOUTS, type Layout } from './chart-layout.js';
import { html, type Interpolation, type Markup } from './html.js';

export function chartFigure(draw: (layout: Layout) => Markup, caption: Interpolation): Markup {
  const drawings = LAYOUTS.map((layout) => html`<div class="chart-${layout.variant}">${draw(layout)}</div>`);
  return html`<figure>${drawings}<figcaption>${caption}</figcaption></figure>`;
}

/**
 * A heading, the sentence introducing its chart and the chart, kept on one
 * printed page: `break-after: avoid` on the heading alone does not hold once
 * a paragraph stands between it and the figure.
 */
export function keepTogether(...parts: readonly Interpolation[]): Markup {
  return html`<div class="keep">${parts}</div>`;
}
