/**
 * The largest of many numbers, and arrays appended to arrays, in a loop. `Math.max(...list)` and
 * `push(...list)` pass every element as an argument on the stack, and a few tens of thousands
 * (findings of a flooded file, groups, wrapped lines) end in "Maximum call stack size exceeded".
 */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
