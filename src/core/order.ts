/**
 * The one order svcaudit sorts text in: by Unicode code point. Unlike `localeCompare` it is the
 * same on every machine and under every `LANG` (docs/architecture.md, "Ordering"), and unlike
 * JavaScript's default `<` (UTF-16 code units) it puts U+FFFD before an emoji, as code points do.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only a surrogate (U+D800-U+DFFF) against a unit above it orders differently from code units.
    if (isSurrogate(x) !== isSurrogate(y) && Math.max(x, y) >= 0xe000) return isSurrogate(x) ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff;
}

/** A sorted copy, in code-point order. */
export function sortedByCodePoint(values: Iterable<string>): string[] {
  return [...values].sort(compareCodePoints);
}
