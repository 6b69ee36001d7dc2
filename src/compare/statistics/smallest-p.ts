/**
 * The smallest p-value an exact test can give at its sample sizes, and the
 * verdicts' "could never pass" rule (docs/statistics.md, "Verdicts"): with
 * m items tested, Holm multiplies the smallest p by at most m, so an item
 * whose `m * smallest p` is at least 0.05 could not be called improved or
 * slipped whatever its answers, and is reported as too few answers.
 */
import { binomial } from './binomial.js';

/** `2 / C(n1 + n2, n1)`: the two most extreme relabellings, one each way. */
export function smallestPermutationP(n1: number, n2: number): number {
  return Math.min(1, 2 / Number(binomial(n1 + n2, n1)));
}

/** `2 / 2^pairs`: all signs one way, or all the other. */
export function smallestSignFlipP(pairs: number): number {
  return Math.min(1, 2 / 2 ** pairs);
}

// m * 2 / D >= 0.05  <=>  40 * m >= D, decided in integers so that a
// boundary case is not left to rounding.

export function permutationCouldNeverPass(n1: number, n2: number, m: number): boolean {
  return 40n * BigInt(m) >= binomial(n1 + n2, n1);
}

export function signFlipCouldNeverPass(pairs: number, m: number): boolean {
  return 40n * BigInt(m) >= 1n << BigInt(pairs);
}
