/**
 * Item covariances as plain data: what an accumulator (covariance-accumulator.ts) says of each
 * item and pair, read out once, so that sums worked out in a worker thread (compare's follow-up
 * side, app/side-in-worker.ts) cross to the main thread and answer there exactly as they would
 * have in the worker: the figures are the accumulator's own, not worked out again.
 */
import { pairIndex } from './covariance-accumulator.js';
import type { ItemCovariances } from './weighted-variance.js';

export interface CovarianceSnapshot {
  readonly k: number;
  readonly n: readonly number[];
  readonly variance: readonly (number | null)[];
  /** Per pair, where pairIndex keeps it (i = 0..k-1, j = i+1..k-1, in that order). */
  readonly pairCount: readonly number[];
  readonly covariance: readonly (number | null)[];
}

export function covarianceSnapshot(sums: ItemCovariances): CovarianceSnapshot {
  const { k } = sums;
  const n: number[] = [];
  const variance: (number | null)[] = [];
  const pairCount: number[] = [];
  const covariance: (number | null)[] = [];
  for (let i = 0; i < k; i++) {
    n.push(sums.n(i));
    variance.push(sums.variance(i));
    for (let j = i + 1; j < k; j++) {
      pairCount.push(sums.pairCount(i, j));
      covariance.push(sums.covariance(i, j));
    }
  }
  return { k, n, variance, pairCount, covariance };
}

/** A snapshot answering as the accumulator it was read from. */
export class SnapshotCovariances implements ItemCovariances {
  readonly k: number;
  readonly #snapshot: CovarianceSnapshot;

  constructor(snapshot: CovarianceSnapshot) {
    this.k = snapshot.k;
    this.#snapshot = snapshot;
  }

  n(i: number): number {
    return this.#snapshot.n[this.#item(i)]!;
  }

  variance(i: number): number | null {
    return this.#snapshot.variance[this.#item(i)]!;
  }

  pairCount(i: number, j: number): number {
    return this.#item(i) === this.#item(j) ? this.n(i) : this.#snapshot.pairCount[this.#pair(i, j)]!;
  }

  covariance(i: number, j: number): number | null {
    return this.#item(i) === this.#item(j) ? this.variance(i) : this.#snapshot.covariance[this.#pair(i, j)]!;
  }

  #item(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.k) throw new RangeError(`no item ${i} among ${this.k}`);
    return i;
  }

  #pair(i: number, j: number): number {
    return pairIndex(this.k, i, j);
  }
}
