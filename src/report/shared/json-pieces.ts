/**
 * `JSON.stringify(value, null, 2)`, written out a piece at a time: a report of a hundred thousand
 * groups, sources or quotes goes to its file as it is serialised instead of as one string built
 * whole first. An array or object holding more than a few hundred values is taken in runs of
 * entries, each run stringified at once and indented to its depth (an entry too large for a run
 * is taken apart the same way); smaller values in one piece. The pieces join to exactly the text
 * JSON.stringify gives (tests/property/json-pieces.test.ts).
 */

/** Values (at any depth) stringified in one piece at most. */
const PIECE = 512;

/** `piece`: the values stringified in one piece at most (smaller in tests, to take more apart). */
export function* jsonPieces(value: unknown, indent = '', piece = PIECE): Generator<string> {
  const entries = splittable(value) ? entriesOf(value) : undefined;
  if (entries === undefined || !larger(value, piece)) {
    yield indented(JSON.stringify(value, null, 2) ?? 'null', indent);
    return;
  }
  const isArray = Array.isArray(value);
  const inner = `${indent}  `;
  yield isArray ? '[\n' : '{\n';
  for (let i = 0; i < entries.length; ) {
    if (i > 0) yield ',\n';
    // A run of entries that together hold at most `piece` values; an entry larger than that alone.
    let j = i;
    let left = piece;
    while (j < entries.length) {
      const size = sizeOf(entries[j]![1], left);
      if (size > left) break;
      left -= size;
      j++;
    }
    if (j === i) {
      const [key, entry] = entries[i]!;
      yield isArray ? inner : `${inner}${JSON.stringify(key)}: `;
      yield* jsonPieces(entry, inner, piece);
      i++;
      continue;
    }
    const run = entries.slice(i, j);
    // The run as a JSON array or object of its own, less its brackets: its lines are then one step in.
    const text = JSON.stringify(isArray ? run.map(([, entry]) => entry) : Object.fromEntries(run), null, 2);
    yield indent + indented(text.slice(2, -2), indent);
    i = j;
  }
  yield `\n${indent}${isArray ? ']' : '}'}`;
}

/** An array or a plain object that JSON.stringify writes entry by entry (a value with toJSON decides itself). */
function splittable(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The entries as JSON.stringify writes them: an array's every element (undefined and functions
 * as null), an object's own enumerable string keys whose value it writes, in its order.
 * Undefined when there are none: `[]` and `{}` are written whole.
 */
function entriesOf(value: object): Array<[string, unknown]> | undefined {
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((entry, i) => [String(i), entry === undefined || typeof entry === 'function' || typeof entry === 'symbol' ? null : entry])
    : Object.entries(value).filter(([, entry]) => entry !== undefined && typeof entry !== 'function' && typeof entry !== 'symbol');
  return entries.length === 0 ? undefined : entries;
}

/** Whether a value holds more than `budget` values. */
function larger(value: unknown, budget: number): boolean {
  return sizeOf(value, budget) > budget;
}

/** How many values a value holds (itself included), counted up to one past `budget` at most. */
function sizeOf(value: unknown, budget: number): number {
  let count = 0;
  const visit = (v: unknown): boolean => {
    if (++count > budget) return true;
    if (typeof v !== 'object' || v === null) return false;
    for (const entry of Array.isArray(v) ? v : Object.values(v)) if (visit(entry)) return true;
    return false;
  };
  visit(value);
  return count;
}

/** JSON text of a value nested at `indent`: every line after the first moved right by it. */
function indented(text: string, indent: string): string {
  // A JSON string never holds a raw line break, so every one in the text is between two lines of structure.
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}
