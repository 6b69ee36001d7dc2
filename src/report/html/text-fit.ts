/**
 * SVG text does not wrap and a static page cannot measure it, so chart labels
 * are cut to a width in columns (CJK and emoji count two) with an ellipsis;
 * the full text stays in the row's `<title>` tooltip and in the tables.
 * Cut before escaping, so an entity is never cut in half.
 */
import { displayWidth } from '../findings/text-width.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function fitText(text: string, columns: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= columns) return flat;
  let out = '';
  for (const { segment } of graphemes.segment(flat)) {
    if (displayWidth(out + segment) > columns - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}
