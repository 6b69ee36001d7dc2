/**
 * property: jsonPieces (report/shared/json-pieces.ts) joins to exactly what
 * `JSON.stringify(value, null, 2)` gives, for any JSON-like value and for the odd ones
 * JSON.stringify treats specially (undefined, functions, NaN, -0, toJSON, a `__proto__` key, a
 * LazySequence),
 * nested deep and wide enough that arrays and objects are written entry by entry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazySequence } from '../../src/core/sequence.js';
import { jsonPieces } from '../../src/report/shared/json-pieces.js';
import { propertyRuns } from '../helpers/property-runs.js';

const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(undefined, Number.NaN, -0, Infinity, () => 1, 'a\nb', '\u2028', { toJSON: () => 'x' }, new Date(0)),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('tree'), { maxLength: 40 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('tree'), { maxKeys: 40 }),
    // A report's quotes and sources, read an entry at a time (core/sequence.ts): JSON writes the array they stand for.
    fc.array(tie('tree'), { maxLength: 40 }).map((entries) => new LazySequence(entries.length, (i) => entries[i])),
  ),
}));

describe('property: jsonPieces is JSON.stringify in pieces', () => {
  it('for any value', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom(1, 2, 5, 40, 512), (value, piece) => {
        expect([...jsonPieces(value, '', piece)].join('')).toBe(JSON.stringify(value, null, 2) ?? 'null');
      }),
      propertyRuns({ runs: 500 }),
    );
  });

  it('for a wide object and array, with a __proto__ key among the entries', () => {
    const wide = Object.fromEntries([...Array.from({ length: 50 }, (_, i) => [`k${i}`, { n: i, list: Array.from({ length: 40 }, (_, j) => j) }]), ['__proto__', [1]], ['10', null]]);
    const value = { a: [wide, wide], b: undefined, c: Array.from({ length: 100 }, (_, i) => (i % 7 === 0 ? undefined : { i })) };
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2));
    expect([...jsonPieces(value)].length).toBeGreaterThan(10);
    expect([...jsonPieces(value, '', 3)].join('')).toBe(JSON.stringify(value, null, 2));
  });
});
