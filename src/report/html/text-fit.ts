/**
 * SVG text does not wrap, so a chart label longer than its room is cut with
 * an ellipsis; the full text stays in the row's `<title>` tooltip and in the
 * tables. The room is a width in viewBox units, measured with the estimate of
 * text-measure.ts, so every chart cuts the same title at the same place and a
 * title that fits is never cut. Cut between graphemes and before escaping,
 * so neither a character nor an entity is ever cut in half.
 */
import { emSize, graphemeEm, segments, textWidth, type Font } from './text-measure.js';

const ELLIPSIS = '…';

export function fitText(text: string, width: number, font: Font = { size: 12 }): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (textWidth(flat, font) <= width) return flat;
  const budget = width - textWidth(ELLIPSIS, font);
  const em = emSize(font);
  let used = 0;
  let out = '';
  for (const grapheme of segments(flat)) {
    used += graphemeEm(grapheme) * em;
    if (used > budget) break;
    out += grapheme;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}
