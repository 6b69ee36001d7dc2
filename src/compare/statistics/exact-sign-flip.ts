/**
 * The exact two-sided sign-flip test of paired integer differences
 * (docs/statistics.md, "Compare"): under no change each difference is as
 * likely to have either sign, so each of the 2^pairs sign patterns counts,
 * and one is at least as extreme as the data when `|sum of the signed
 * differences| >= |sum of the differences|`. A zero difference flips to
 * itself; its two patterns still count, so the total is 2^pairs as the
 * contract's smallest attainable p, 2 / 2^pairs, assumes.
 *
 * With A the sum of |d_i| and F the sum of the |d_i| given a minus sign, a
 * pattern's sum is A - 2F: patterns need only be counted by F.
 */
import { checkIntegers, ratio } from './exact-test.js';
import type { ExactTestResult } from './exact-test.js';

const MAX_CELLS = 50_000_000;

export function exactSignFlipTest(differences: ArrayLike<number>): ExactTestResult {
  checkIntegers(differences, 'differences');
  const pairs = differences.length;
  let absSum = 0;
  let sum = 0;
  for (let i = 0; i < pairs; i++) {
    absSum += Math.abs(differences[i]!);
    sum += differences[i]!;
  }
  if (absSum + 1 > MAX_CELLS) throw new RangeError('differences too large for the exact test');
  const observed = Math.abs(sum);

  // ways[f]: sign patterns of the differences so far whose negated ones sum (in absolute value) to f.
  const ways = new Array<bigint>(absSum + 1).fill(0n);
  ways[0] = 1n;
  let reach = 0;
  for (let i = 0; i < pairs; i++) {
    const a = Math.abs(differences[i]!);
    reach += a;
    // Downwards in f, so each difference is negated at most once; a = 0 doubles every count.
    for (let f = reach; f >= a; f--) {
      const w = ways[f - a]!;
      if (w !== 0n) ways[f]! += w;
    }
  }

  let count = 0n;
  for (let f = 0; f <= absSum; f++) {
    const w = ways[f]!;
    if (w !== 0n && Math.abs(absSum - 2 * f) >= observed) count += w;
  }
  const total = 1n << BigInt(pairs);
  return { count, total, p: ratio(count, total) };
}
