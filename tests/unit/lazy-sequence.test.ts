/**
 * LazySequence (core/sequence.ts) reads as the array it stands for: `at` and `slice` take their
 * bounds as Array.prototype's do (negative from the end, fractions truncated, clamped), iteration,
 * `map`, `mapped` and JSON give its entries in order, and each entry is made only when read.
 */
import { describe, expect, it } from 'vitest';
import { LazySequence, mapSequence } from '../../src/core/sequence.js';

const ARRAY = ['a', 'b', 'c', 'd', 'e'];
const lazy = () => new LazySequence(ARRAY.length, (i) => ARRAY[i]!);

describe('LazySequence', () => {
  it.each([0, 2, 4, 5, -1, -5, -6, 1.7, -1.2, Number.NaN])('at(%s) is the array\'s', (i) => {
    expect(lazy().at(i)).toBe(ARRAY.at(i));
  });

  it.each([
    [undefined, undefined], [1, undefined], [1, 3], [-2, undefined], [-9, 2], [2, -1], [4, 1], [0, 99], [1.5, 3.9], [Number.NaN, 2],
  ])('slice(%s, %s) is the array\'s', (start, end) => {
    expect(lazy().slice(start, end)).toEqual(ARRAY.slice(start, end));
  });

  it('iterates, maps and writes JSON in order', () => {
    expect([...lazy()]).toEqual(ARRAY);
    expect(lazy().map((s, i) => `${s}${i}`)).toEqual(ARRAY.map((s, i) => `${s}${i}`));
    expect([...lazy().mapped((s) => s.toUpperCase())]).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(JSON.stringify({ list: lazy() })).toBe(JSON.stringify({ list: ARRAY }));
  });

  it('makes an entry only when it is read, each time anew', () => {
    const made: number[] = [];
    const seq = new LazySequence(1000, (i) => (made.push(i), { i }));
    expect(made).toEqual([]);
    expect(seq.slice(0, 2)).toEqual([{ i: 0 }, { i: 1 }]);
    expect(seq.at(-1)).toEqual({ i: 999 });
    expect(made).toEqual([0, 1, 999]);
    expect(seq.at(3)).not.toBe(seq.at(3));
  });

  it('mapSequence stays lazy on a LazySequence and maps an array as an array', () => {
    expect(mapSequence(lazy(), (s) => s + s)).toBeInstanceOf(LazySequence);
    expect(mapSequence(ARRAY, (s) => s + s)).toEqual(ARRAY.map((s) => s + s));
  });
});
