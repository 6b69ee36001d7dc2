/**
 * The layout the item charts share: rows grouped under their section's
 * label, top to bottom. Each chart draws its own row; this places them.
 */
import { bySection } from '../shared/by-section.js';
import { PAD, SECTION_FONT, SECTION_ROW, TOP, type Layout } from './chart-layout.js';
import { html, type Markup } from './html.js';
import type { ChartRow } from './svg.js';
import { fitText } from './text-fit.js';

export function sectionRows<S extends { readonly id: string; readonly title: string }, I extends { readonly section: string }>(
  layout: Layout,
  sections: readonly S[],
  items: readonly I[],
  drawRow: (item: I, y: number) => { readonly markup: Markup; readonly height: number },
): ChartRow[] {
  const rows: ChartRow[] = [];
  let y = TOP;
  for (const { section, items: sectionItems } of bySection(sections, items)) {
    rows.push({ markup: html`<text class="section-label" x="${PAD}" y="${y + 18}">${fitText(section.title, layout.right - PAD, SECTION_FONT)}</text>`, top: y, height: SECTION_ROW, keepWithNext: true });
    y += SECTION_ROW;
    for (const item of sectionItems) {
      const { markup, height } = drawRow(item, y);
      rows.push({ markup, top: y, height });
      y += height;
    }
  }
  return rows;
}
