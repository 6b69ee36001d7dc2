/**
 * `JSON.stringify(value, null, 2)`, written out a piece at a time: a report of a hundred thousand
 * groups, sources or quotes goes to its file as it is serialised instead of as one string built
 * whole first. An array or object holding more than a few hundred values is taken in runs of
 * entries, each run stringified at once and indented to its depth (an entry too large for a run
 * is taken apart the same way); smaller values in one piece. The pieces join to exactly the text
 * JSON.stringify gives (tests/property/json-pieces.test.ts).
 */

import { LazySequence } from '../../core/sequence.js';

/** Values (at any depth) stringified in one piece at most. */
const PIECE = 512;

/** `piece`: the values stringified in one piece at most (smaller in tests, to take more apart). */
export function* jsonPieces(value: unknown, indent = '', piece = PIECE): Generator<string> {
  const entries = splittable(value) ? entriesOf(value) : undefined;
  if (entries === undefined || !larger(value, piece)) {
    yield indented(JSON.stringify(value, null, 2) ?? 'null', indent);
    return;
  }
  const { keys, count } = entries;
  const isArray = keys === undefined;
  const at = (i: number): unknown => (isArray ? written(entryOf(value as ArrayLikeValue, i)) : (value as Record<string, unknown>)[keys[i]!]);
  const inner = `${indent}  `;
  yield isArray ? '[\n' : '{\n';
  for (let i = 0; i < count; ) {
    if (i > 0) yield ',\n';
    // A run of entries that together hold at most `piece` values; an entry larger than that alone.
    let j = i;
    let left = piece;
    while (j < count) {
      const size = sizeOf(at(j), left);
      if (size > left) break;
      left -= size;
      j++;
    }
    if (j === i) {
      yield isArray ? inner : `${inner}${JSON.stringify(keys[i])}: `;
      yield* jsonPieces(at(i), inner, piece);
      i++;
      continue;
    }
    // The run as a JSON array or object of its own, less its brackets: its lines are then one step in.
    // (An object without a prototype, so that a `__proto__` key is an entry like any other.)
    const run: unknown[] | Record<string, unknown> = isArray ? [] : (Object.create(null) as Record<string, unknown>);
    for (let e = i; e < j; e++) {
      if (isArray) (run as unknown[]).push(at(e));
      else (run as Record<string, unknown>)[keys[e]!] = at(e);
    }
    const text = JSON.stringify(run, null, 2);
    yield indent + indented(text.slice(2, -2), indent);
    i = j;
  }
  yield `\n${indent}${isArray ? ']' : '}'}`;
}

/** An array, or a list read an entry at a time (core/sequence.ts), which JSON writes as the array it stands for. */
type ArrayLikeValue = readonly unknown[] | LazySequence<unknown>;

function isArrayLike(value: unknown): value is ArrayLikeValue {
  return Array.isArray(value) || value instanceof LazySequence;
}

function entryOf(list: ArrayLikeValue, i: number): unknown {
  return list instanceof LazySequence ? list.at(i) : list[i];
}

/** An array or a plain object that JSON.stringify writes entry by entry (a value with toJSON decides itself). */
function splittable(value: unknown): value is object {
  if (value instanceof LazySequence) return true;
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** An array's element as JSON.stringify writes it: undefined, a function or a symbol as null. */
function written(entry: unknown): unknown {
  return entry === undefined || typeof entry === 'function' || typeof entry === 'symbol' ? null : entry;
}

/**
 * The entries as JSON.stringify writes them: an array's every element (`keys` undefined), an
 * object's own enumerable string keys whose value it writes, in its order. Undefined when there
 * are none: `[]` and `{}` are written whole.
 */
function entriesOf(value: object): { readonly keys: string[] | undefined; readonly count: number } | undefined {
  if (isArrayLike(value)) return value.length === 0 ? undefined : { keys: undefined, count: value.length };
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => {
    const entry = record[key];
    return entry !== undefined && typeof entry !== 'function' && typeof entry !== 'symbol';
  });
  return keys.length === 0 ? undefined : { keys, count: keys.length };
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
    for (const entry of isArrayLike(v) ? v : Object.values(v)) if (visit(entry)) return true;
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
