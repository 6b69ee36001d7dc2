/**
 * displayWidth measures a text of "narrow" characters (report/shared/text-width.ts: the ones the
 * reports' tables and bars are drawn with) by its length, without the Unicode tables: each of
 * them must then be one column and one grapheme by the general measure too, alone and beside any
 * other. A zero-width space after a text forces the general measure without changing the width.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth, graphemes } from '../../src/report/shared/text-width.js';

const RANGES: Array<[number, number]> = [[0x20, 0x7e], [0xa0, 0xa8], [0xaa, 0xac], [0xaf, 0x2ff], [0x2010, 0x2027], [0x2030, 0x203b], [0x203d, 0x2048], [0x204a, 0x205e], [0x2190, 0x2193], [0x23ce, 0x23ce], [0x2500, 0x259f], [0x2713, 0x2713], [0x2717, 0x2717], [0x276f, 0x276f]];
const NARROW = RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));
const GENERAL = '\u200b';

describe('displayWidth of narrow characters', () => {
  it('gives each one column by the general measure', () => {
    const wider = NARROW.filter((c) => displayWidth(c + GENERAL) !== 1);
    expect(wider).toEqual([]);
  });

  it('holds no mark, invisible character or pictograph (the HTML charts measure those apart)', () => {
    const odd = NARROW.filter((c) => /\p{Mark}|\p{Default_Ignorable_Code_Point}|\p{Control}|\p{Extended_Pictographic}|\p{Emoji_Presentation}/u.test(c));
    expect(odd).toEqual([]);
  });

  it('gives any two of them two columns (none joins the one before into one grapheme)', () => {
    const odd: string[] = [];
    for (let i = 0; i < NARROW.length; i += 7) for (let j = 0; j < NARROW.length; j += 5) if (displayWidth(NARROW[i]! + NARROW[j]! + GENERAL) !== 2) odd.push(NARROW[i]! + NARROW[j]!);
    expect(odd).toEqual([]);
  });

  it('measures a text of them by its length, and anything else as before', () => {
    expect(displayWidth('┌──┬──┐ █░ · “x” — …')).toBe(20);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('soft\u00adhyphen')).toBe(10);
    expect(displayWidth('✓ met · ✗ short')).toBe(15);
  });

  it('cuts a text of them into the graphemes the segmenter finds, a character each', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const text of [NARROW.join(''), '⏎ start · ↑↓ move · ❯ 4 Consistent …', 'Siân’s “café” — ✓']) {
      expect([...graphemes(text)]).toEqual([...segmenter.segment(text)].map((s) => s.segment));
    }
  });
});
