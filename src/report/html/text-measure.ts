/**
 * How wide a chart label will be drawn, estimated without a browser: a static
 * page cannot measure its text, and the charts must decide where labels go
 * (and whether a title needs cutting) when the file is written.
 *
 * Widths are in em per character class, taken from DejaVu Sans, the widest of
 * the sans-serif faces the style sheet's font stack resolves to (Linux's
 * default; Segoe UI, Roboto, Helvetica and Liberation Sans all set narrower),
 * and each class counts as its widest member. The estimate can only err on
 * the long side, so a label judged to fit does fit.
 */
import { graphemes, isNarrow } from '../shared/text-width.js';

/** Classes of printable ASCII, widest member's advance in em (DejaVu Sans Book). */
const CLASSES: readonly (readonly [RegExp, number])[] = [
  [/[ .,:;'|ijlIJ]/, 0.34],
  [/[!frt()[\]\-/\\]/, 0.42],
  [/["`*_]/, 0.52],
  [/[acekszvxy?]/, 0.62],
  [/[0-9bdghnopqu${}]/, 0.64],
  [/[ABCDEFGHKLNOPQRSTUVXYZ&]/, 0.79],
  [/[#+<=>^~]/, 0.84],
  [/[mwMW%@]/, 1.0],
];
/** DejaVu Sans Bold sets 5 to 24% wider than Book, the narrow letters most; 1.2 covers a text. */
const BOLD = 1.2;
/** Letters outside ASCII without an ASCII base (Greek, Cyrillic, Arabic…), at an upper-case width. */
const OTHER = 0.8;
/** CJK, Hangul, fullwidth forms and emoji: a square. */
const WIDE = 1.0;

const WIDE_CHAR = /^(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}|[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}])/u;
const ZERO_WIDTH = /^(?:\p{Mark}|\p{Default_Ignorable_Code_Point}|\p{Control})+$/u;

export interface Font {
  /** In the chart's viewBox units (the CSS font-size of the SVG text). */
  readonly size: number;
  readonly bold?: boolean;
}

export function segments(text: string): string[] {
  // A text of narrow characters (printable ASCII among them) is cut a character at a time, without the segmenter.
  return [...graphemes(text)];
}

/** The width of each printable ASCII character, worked out from CLASSES once: a chart measures every label character. */
const ASCII_EM = Float64Array.from({ length: 0x7f }, (_, code) => {
  const c = String.fromCharCode(code);
  if (code < 0x20) return -1;
  for (const [pattern, em] of CLASSES) if (pattern.test(c)) return em;
  return OTHER;
});

/** Width of one grapheme in em. */
export function graphemeEm(grapheme: string): number {
  if (grapheme.length === 1) {
    const code = grapheme.charCodeAt(0);
    if (code >= 0x20 && code < 0x7f) return ASCII_EM[code]!;
  }
  // The Unicode-property tests are compiled on first use; plain ASCII and the other narrow
  // characters (no mark, no invisible character, no pictograph: text-width.ts) never need them.
  const plain = grapheme.length === 1 && isNarrow(grapheme);
  if (!plain && ZERO_WIDTH.test(grapheme)) return 0;
  if (!plain && WIDE_CHAR.test(grapheme)) return WIDE;
  // An accented Latin letter is as wide as its base letter.
  const base = grapheme.normalize('NFD')[0] ?? '';
  if (base === '…') return 1.0;
  if (base.charCodeAt(0) >= 0x20 && base.charCodeAt(0) < 0x7f) {
    for (const [pattern, em] of CLASSES) if (pattern.test(base)) return em;
  }
  return OTHER;
}

/** Estimated width of a one-line label, in viewBox units. */
export function textWidth(text: string, font: Font): number {
  return segments(text).reduce((sum, g) => sum + graphemeEm(g), 0) * emSize(font);
}

/** One em of the font, in viewBox units. */
export function emSize(font: Font): number {
  return font.size * (font.bold === true ? BOLD : 1);
}
