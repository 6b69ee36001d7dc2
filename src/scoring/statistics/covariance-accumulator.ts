/**
 * Sums for the variances and covariances of k items over respondents who
 * skip some of them (docs/statistics.md, "How sure each number is").
 *
 * One pass, in fixed memory, so a million-row export streams through it:
 * per item n, sum and sum of squares; per pair i < j the count n_ij of
 * respondents who scored both and, over those respondents only, the sums
 * of x_i, x_j and x_i * x_j (a pair's covariance is over its own
 * respondents, whose means differ from the items' own means).
 *
 * Every value is stored as its offset from the first value the item
 * received. Covariances do not change under a shift, the offsets of scale
 * levels are small integers, so every sum stays an exact integer far past
 * a million rows, and with real-valued answers the shift keeps the sums of
 * squares from cancelling catastrophically.
 */
export class CovarianceAccumulator {
  /** Number of items. */
  readonly k: number;
  readonly #n: Float64Array;
  readonly #shift: Float64Array;
  readonly #sum: Float64Array;
  readonly #sumSq: Float64Array;
  readonly #pairN: Float64Array;
  readonly #pairSumI: Float64Array;
  readonly #pairSumJ: Float64Array;
  readonly #pairSumIJ: Float64Array;
  /** Per row: the items answered and their offsets (reused, so add() allocates nothing). */
  readonly #present: Int32Array;
  readonly #offset: Float64Array;

  constructor(k: number) {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`item count must be a non-negative integer, got ${k}`);
    this.k = k;
    const pairs = (k * (k - 1)) / 2;
    this.#n = new Float64Array(k);
    this.#shift = new Float64Array(k);
    this.#sum = new Float64Array(k);
    this.#sumSq = new Float64Array(k);
    this.#pairN = new Float64Array(pairs);
    this.#pairSumI = new Float64Array(pairs);
    this.#pairSumJ = new Float64Array(pairs);
    this.#pairSumIJ = new Float64Array(pairs);
    this.#present = new Int32Array(k);
    this.#offset = new Float64Array(k);
  }

  /**
   * One respondent: `row[i]` is the number given to item i, or undefined
   * (or null) when there is none. Non-finite numbers are a caller's bug and throw.
   */
  add(row: ArrayLike<number | null | undefined>): void {
    const k = this.k;
    if (row.length !== k) throw new RangeError(`row has ${row.length} values for ${k} items`);
    for (let i = 0; i < k; i++) {
      const x = row[i];
      if (x !== undefined && x !== null && !Number.isFinite(x)) throw new RangeError(`item ${i}: ${x} is not a finite number`);
    }
    this.#add(row);
  }

  /**
   * One respondent from an AnswerRow's scores (core/answer-row.ts): a non-finite value (no score,
   * `na`, a score off the scale) means no number. Called once per row of an export, so it
   * allocates nothing and checks nothing more.
   */
  addScores(scores: Float64Array): void {
    if (scores.length !== this.k) throw new RangeError(`row has ${scores.length} values for ${this.k} items`);
    this.#add(scores);
  }

  /** The sums of one row; a value that is not a finite number is no number. */
  #add(row: ArrayLike<number | null | undefined>): void {
    const k = this.k;
    const present = this.#present;
    const offset = this.#offset;
    const n = this.#n;
    const shift = this.#shift;
    const sum = this.#sum;
    const sumSq = this.#sumSq;
    let m = 0;
    for (let i = 0; i < k; i++) {
      const x = row[i];
      if (typeof x !== 'number' || !Number.isFinite(x)) continue;
      if (n[i] === 0) shift[i] = x;
      const d = x - shift[i]!;
      n[i]! += 1;
      sum[i]! += d;
      sumSq[i]! += d * d;
      present[m] = i;
      offset[i] = d;
      m++;
    }
    const pairN = this.#pairN;
    const pairSumI = this.#pairSumI;
    const pairSumJ = this.#pairSumJ;
    const pairSumIJ = this.#pairSumIJ;
    for (let a = 0; a < m; a++) {
      const i = present[a]!;
      const di = offset[i]!;
      const base = i * k - (i * (i + 1)) / 2 - i - 1;
      for (let b = a + 1; b < m; b++) {
        const j = present[b]!;
        const dj = offset[j]!;
        const p = base + j;
        pairN[p]! += 1;
        pairSumI[p]! += di;
        pairSumJ[p]! += dj;
        pairSumIJ[p]! += di * dj;
      }
    }
  }

  /** Respondents who gave item i a number. */
  n(i: number): number {
    return this.#n[this.#item(i)]!;
  }

  /** Mean of item i; null when no one scored it. */
  mean(i: number): number | null {
    const n = this.n(i);
    return n === 0 ? null : this.#shift[i]! + this.#sum[i]! / n;
  }

  /** Sample variance of item i; null below two numbers. */
  variance(i: number): number | null {
    const n = this.n(i);
    if (n < 2) return null;
    const s = this.#sum[i]!;
    // (n Σd² - (Σd)²) / (n(n-1)): the numerator is exact for integer offsets,
    // and matches the item statistics' own formula bit for bit.
    return Math.max(0, n * this.#sumSq[i]! - s * s) / (n * (n - 1));
  }

  /** Respondents who scored both i and j (i !== j); n(i) when i === j. */
  pairCount(i: number, j: number): number {
    if (this.#item(i) === this.#item(j)) return this.n(i);
    return this.#pairN[this.#pairIndex(i, j)]!;
  }

  /**
   * Sample covariance of items i and j over the respondents who scored
   * both; null when fewer than two did. The variance when i === j.
   */
  covariance(i: number, j: number): number | null {
    if (this.#item(i) === this.#item(j)) return this.variance(i);
    const p = this.#pairIndex(i, j);
    const n = this.#pairN[p]!;
    if (n < 2) return null;
    // Stored with i < j: the sums of the lower and the higher index.
    return (n * this.#pairSumIJ[p]! - this.#pairSumI[p]! * this.#pairSumJ[p]!) / (n * (n - 1));
  }

  #item(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.k) throw new RangeError(`no item ${i} among ${this.k}`);
    return i;
  }

  /** Index of pair (i, j) is #pairBase(i) + j for i < j: row i of the upper triangle, laid out row by row. */
  #pairBase(i: number): number {
    return i * this.k - (i * (i + 1)) / 2 - i - 1;
  }

  #pairIndex(i: number, j: number): number {
    const a = Math.min(this.#item(i), this.#item(j));
    const b = Math.max(i, j);
    return this.#pairBase(a) + b;
  }
}
