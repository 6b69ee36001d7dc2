/** Code-point order (src/core/order.ts): the same under every locale, and by code point, not UTF-16 unit. */
import { describe, expect, it } from 'vitest';
import { compareCodePoints, sortedByCodePoint } from '../../src/core/order.js';
import { compareFindings, type Finding } from '../../src/core/finding.js';

const sign = (n: number) => Math.sign(n);

describe('compareCodePoints', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['a', 'ab', -1],
    // Upper case before lower case (U+005A < U+0061), where a locale collation would put `a` first.
    ['Z', 'a', -1],
    // U+00E9 after U+007A, where French or English collation would put é beside e.
    ['z', 'é', -1],
    // U+FFFD before U+1F600: code units would say the opposite (0xFFFD > the surrogate 0xD83D).
    ['\uFFFD', '😀', -1],
    ['😀', '\uFFFD', 1],
    ['\uE000', '𝒜', -1],
    // Two astral characters: U+1F600 before U+1F601.
    ['😀', '😁', -1],
  ])('%j against %j is %i', (a, b, expected) => {
    expect(sign(compareCodePoints(a, b))).toBe(expected);
    const byCodePoint = (x: string, y: string) => sign((x.codePointAt(0) ?? -1) - (y.codePointAt(0) ?? -1));
    if (a.length > 0 && b.length > 0 && a.codePointAt(0) !== b.codePointAt(0)) expect(byCodePoint(a, b)).toBe(expected);
  });

  it('sorts a list as code points do, unlike the default sort', () => {
    const list = ['😀', '\uFFFD', 'é', 'Z', 'a'];
    expect(sortedByCodePoint(list)).toEqual(['Z', 'a', 'é', '\uFFFD', '😀']);
    expect([...list].sort()).not.toEqual(sortedByCodePoint(list));
  });

  it('orders findings by file in code-point order, then position', () => {
    const at = (file: string, line: number): Finding => ({ rule: 'yaml-syntax', severity: 'error', message: '', file, line, column: 1 });
    const sorted = [at('b.yaml', 1), at('a.yaml', 9), at('B.yaml', 1), at('a.yaml', 2), at('é.yaml', 1)].sort(compareFindings);
    expect(sorted.map((f) => `${f.file}:${f.line}`)).toEqual(['B.yaml:1', 'a.yaml:2', 'a.yaml:9', 'b.yaml:1', 'é.yaml:1']);
  });
});
