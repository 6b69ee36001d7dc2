/**
 * The layout the item charts share: rows grouped under their section's
 * label, top to bottom. Each chart draws its own row; this places them.
 */
import { bySection } from '../by-section.js';
import { PAD, SECTION_COLUMNS, SECTION_ROW, TOP } from './chart-layout.js';
import { html, type Markup } from './html.js';
import { fitText } from './text-fit.js';

export interface PlacedRows {
  readonly rows: Markup[];
  /** The y just below the last row. */
  readonly bottom: number;
}

export function sectionRows<S extends { readonly id: string; readonly title: string }, I extends { readonly section: string }>(
  sections: readonly S[],
  items: readonly I[],
  drawRow: (item: I, y: number) => { readonly markup: Markup; readonly height: number },
): PlacedRows {
  const rows: Markup[] = [];
  let y = TOP;
  for (const { section, items: sectionItems } of bySection(sections, items)) {
    rows.push(html`<text class="section-label" x="${PAD}" y="${y + 18}">${fitText(section.title, SECTION_COLUMNS)}</text>`);
    y += SECTION_ROW;
    for (const item of sectionItems) {
      const { markup, height } = drawRow(item, y);
      rows.push(markup);
      y += height;
    }
  }
  return { rows, bottom: y };
}
