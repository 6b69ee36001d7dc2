/**
 * property: a TextColumn (core/text-column.ts) gives back every text exactly as it was pushed,
 * whatever its characters (ASCII, latin-1, astral, lone surrogates) and length, across its buffers
 * (the first small, a text larger than a buffer in one of its own) and its metadata chunks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextColumn } from '../../src/core/text-column.js';
import { propertyRuns } from '../helpers/property-runs.js';

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 300 }),
  fc.stringMatching(/^[\u0000-\u00ff]{0,20}$/),
  fc.constantFrom('\ud800', 'a\udfffb', '\udc00\ud800', 'Siân', '😀', ''),
);

describe('property: TextColumn keeps texts exactly', () => {
  it('for any texts, absent ones among them', () => {
    fc.assert(
      fc.property(fc.array(fc.option(text, { nil: undefined }), { maxLength: 2500 }), (texts) => {
        const column = new TextColumn();
        texts.forEach((t, i) => expect(column.push(t)).toBe(i));
        expect(column.length).toBe(texts.length);
        for (let i = 0; i < texts.length; i++) expect(column.at(i)).toBe(texts[i]);
      }),
      propertyRuns({ runs: 60 }),
    );
  });

  it('for texts larger than a buffer, between small ones', () => {
    const big = 'x'.repeat(70_000);
    const wide = '\u4e00'.repeat(40_000);
    const texts = ['a', big, 'b', wide, '\ud800'.repeat(3), big + wide, 'c'];
    const column = new TextColumn();
    for (const t of texts) column.push(t);
    expect(texts.map((_, i) => column.at(i))).toEqual(texts);
  });
});
