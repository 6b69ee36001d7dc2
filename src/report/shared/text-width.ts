/**
 * Terminal columns taken by a string, so that stylish keeps its columns aligned when a message
 * contains CJK text or emoji (`padEnd` counts UTF-16 code units, which is wrong for both).
 * An approximation of Unicode's East Asian Width (UAX #11) that avoids a dependency.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Built on first use: a grapheme segmenter and Unicode property classes cost
 * milliseconds to create, which every start of the tool would otherwise pay.
 */
let unicode: { segmenter: Intl.Segmenter; zeroWidth: RegExp; wide: RegExp } | undefined;

function unicodeTables() {
  unicode ??= {
    segmenter: new Intl.Segmenter(undefined, { granularity: 'grapheme' }),
    zeroWidth: /^(?:\p{Mark}|\p{Default_Ignorable_Code_Point}|\p{Control})+$/u,
    // Emoji shown as pictures, and the wide East Asian blocks (Hangul Jamo, CJK, Hangul syllables,
    // compatibility ideographs, vertical and fullwidth forms, and the supplementary ideographs).
    wide: /^(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}])/u,
  };
  return unicode;
}

/**
 * The graphemes of a text, segmented a slice at a time: V8's Intl.Segmenter slows down more than
 * linearly on one long string (100,000 characters: seconds), and a slice of a few hundred
 * characters is fast. The last grapheme of a slice may go on past it, so it is segmented again
 * at the start of the next slice.
 */
const SLICE = 512;

export function* graphemes(text: string): Generator<string> {
  // A text of narrow characters (below) is a grapheme per character: no tables to build.
  if (isNarrow(text)) {
    for (let i = 0; i < text.length; i++) yield text[i]!;
    return;
  }
  const { segmenter } = unicodeTables();
  let start = 0;
  while (start < text.length) {
    const end = Math.min(text.length, start + SLICE);
    let last = '';
    let count = 0;
    for (const { segment } of segmenter.segment(text.slice(start, end))) {
      if (count > 0) yield last;
      last = segment;
      count++;
    }
    if (end === text.length || count === 1) {
      // The end of the text, or one grapheme longer than a slice (a pile of combining marks): it ends here.
      yield last;
      start = end;
    } else {
      start = end - last.length;
    }
  }
}

/**
 * Characters that are each one column and one grapheme, whatever is next to them, and none of
 * them a mark, an invisible character or a pictograph: printable ASCII, Latin-1 and Latin Extended
 * letters (not the soft hyphen; not © and ®, pictographs), general punctuation (dashes, quotes,
 * the ellipsis; not the invisible and bidirectional controls, nor ‼ and ⁉), box drawing, block
 * elements, the status marks ✓ and ✗, and the keys `svcaudit assess` names (← ↑ → ↓, ⏎, ❯). The reports' tables, bars and charts are drawn with
 * these, and a text of them alone is measured without building the Unicode tables above (a cost
 * every start of `score` would pay). tests/unit/text-width.test.ts holds each to the general measure.
 */
const NARROW = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u02ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u2190-\u2193\u23ce\u2500-\u259f\u2713\u2717\u276f]*$/;

/** Whether every character of the text is one of NARROW's: each a grapheme of one column. */
export function isNarrow(text: string): boolean {
  return NARROW.test(text);
}

export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text) || NARROW.test(text)) return text.length;
  const { zeroWidth, wide } = unicodeTables();
  let width = 0;
  for (const segment of graphemes(text)) {
    if (zeroWidth.test(segment)) continue;
    width += wide.test(segment) ? 2 : 1;
  }
  return width;
}

export function padDisplayEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
