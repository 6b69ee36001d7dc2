/**
 * The result of an exact test: `count` of the `total` equally likely
 * relabellings (or sign patterns) whose statistic is at least the observed
 * one, and `p = count / total`. The counts are exact integers; they pass
 * 2^53 from about 56 answers on, hence BigInt.
 */
export interface ExactTestResult {
  readonly count: bigint;
  readonly total: bigint;
  readonly p: number;
}

/**
 * count / total as a double. Both pass 2^53, so Number(count) / Number(total)
 * would round three times; instead the quotient is taken in integers with
 * 64 significant bits, whatever the size of p, and rounded once.
 */
export function ratio(count: bigint, total: bigint): number {
  if (total <= 0n) throw new RangeError('an exact test needs at least one relabelling');
  if (count === 0n) return 0;
  const shift = Math.max(0, 64 + bitLength(total) - bitLength(count));
  // 2 ** -shift is a power of two: the multiplication is exact.
  return Number((count << BigInt(shift)) / total) * 2 ** -shift;
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** The answers of an exact test must be safe integers: the statistic is compared in integer arithmetic. */
export function checkIntegers(values: ArrayLike<number>, what: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isSafeInteger(v)) throw new RangeError(`${what}[${i}] = ${v}: the exact tests take integers only`);
  }
}
