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
/** Rows summed together (see #take): enough to make the column loops long, small enough to stay in the cache. */
const BLOCK_ROWS = 256;
/**
 * The first block's rows: the block doubles each time it fills, up to BLOCK_ROWS, so that the
 * thousand groups of a `--by name` (one respondent each) hold 16 rows of block each, not 256.
 */
const FIRST_BLOCK_ROWS = 16;
/**
 * The place value of an offset beside a presence in #addPairs: 2^18. A block's offsets are whole
 * numbers of at most 127 in size, so |sumI|, |sumJ| <= 256 * 127 = 32,512 < LANE / 8, sumIJ <=
 * 256 * 127^2 = 4,129,024, and every total stays below 2^40, far inside a double's exact integers.
 */
const LANE = 2 ** 18;
/**
 * The offsets of a block #addSmallPairs takes (a scale of up to 8 levels always fits), and its
 * place value, 2^12: n_ij <= 256, |sumI|, |sumJ| <= 256 * 7 = 1,792 < 2,048 = SMALL_LANE / 2, and
 * sumIJ <= 256 * 49 = 12,544, so the total stays below 12,545 * 2^36 < 2^50.
 */
const SMALL_OFFSET = 7;
const SMALL_LANE = 2 ** 12;
/**
 * Per item and row of the block being flushed: presence and offset as one number, for each side
 * of a pair (see #flush). Shared by every accumulator, since a flush uses it only while it runs: a
 * `--by` run keeps up to a thousand accumulators, and 53 kB each would be 53 MB.
 */
let packedScratch = new Float64Array(0);

/** The whole number r nearest to 0 with `total - r` a multiple of SMALL_LANE (|r| < SMALL_LANE / 2 here). */
function nearestRemainder(total: number): number {
  return total - Math.round(total / SMALL_LANE) * SMALL_LANE;
}

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
  /** Per item: whether its first value (the shift) is set, counting the rows still in the block. */
  readonly #seen: Uint8Array;
  /** Items whose first value is not set yet: once none is left, a row need not be looked at for them. */
  #unseen: number;
  /** Rows queued for summing, column by column: offset and presence per item and row. */
  #blockValues: Int8Array;
  #blockPresent: Uint8Array;
  /** Rows the block holds (its arrays are `k` columns of this many). */
  #capacity = FIRST_BLOCK_ROWS;
  #blockRows = 0;
  /** The largest offset, in size, queued in the block: #flush sums a block of small offsets faster. */
  #blockLargest = 0;

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
    this.#seen = new Uint8Array(k);
    this.#unseen = k;
    this.#blockValues = new Int8Array(k * FIRST_BLOCK_ROWS);
    this.#blockPresent = new Uint8Array(k * FIRST_BLOCK_ROWS);
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
    this.#take(row);
  }

  /**
   * One respondent from an AnswerRow's scores (core/answer-row.ts): a non-finite value (no score,
   * `na`, a score off the scale) means no number. Called once per row of an export, so it
   * allocates nothing and checks nothing more.
   */
  addScores(scores: Float64Array): void {
    if (scores.length !== this.k) throw new RangeError(`row has ${scores.length} values for ${this.k} items`);
    this.#take(scores);
  }

  /**
   * A row whose numbers are whole and near each item's first value (scale levels always are) is
   * queued in the block and summed with the block's other rows, column by column; any other row is
   * summed at once, after the block. Both give the very same sums: every term is a whole number,
   * so the order of the additions cannot change a bit.
   */
  #take(row: ArrayLike<number | null | undefined>): void {
    const k = this.k;
    const seen = this.#seen;
    const shift = this.#shift;
    const r = this.#blockRows;
    const values = this.#blockValues;
    const present = this.#blockPresent;
    const stride = this.#capacity;
    let largest = this.#blockLargest;
    for (let i = 0; i < k; i++) {
      const x = row[i];
      if (typeof x !== 'number' || !Number.isFinite(x)) continue;
      const d = seen[i] === 0 ? 0 : x - shift[i]!;
      if (!Number.isInteger(d) || d < -127 || d > 127) {
        // Undo this row's queued values (none was counted yet) and sum it at once.
        for (let j = 0; j < i; j++) {
          values[j * stride + r] = 0;
          present[j * stride + r] = 0;
        }
        this.#flush();
        this.#add(row);
        return;
      }
      values[i * stride + r] = d;
      present[i * stride + r] = 1;
      if (d > largest) largest = d;
      else if (-d > largest) largest = -d;
    }
    this.#blockLargest = largest;
    // Only now, so that a row summed at once above sets the first values itself.
    if (this.#unseen > 0) this.#setFirstValues(row);
    this.#blockRows = r + 1;
    if (this.#blockRows === stride) this.#flush();
  }

  /** The row's numbers for the items that have no first value yet. */
  #setFirstValues(row: ArrayLike<number | null | undefined>): void {
    for (let i = 0; i < this.k; i++) {
      const x = row[i];
      if (typeof x !== 'number' || !Number.isFinite(x) || this.#seen[i] !== 0) continue;
      this.#seen[i] = 1;
      this.#shift[i] = x;
      this.#unseen--;
    }
  }

  /** Adds the queued rows to the sums and empties the block. */
  #flush(): void {
    const rows = this.#blockRows;
    if (rows === 0) return;
    const k = this.k;
    const values = this.#blockValues;
    const present = this.#blockPresent;
    const stride = this.#capacity;
    if (packedScratch.length < 2 * k * stride) packedScratch = new Float64Array(2 * k * BLOCK_ROWS);
    const packed = packedScratch;
    const small = this.#blockLargest <= SMALL_OFFSET;
    // Per item and row, presence and offset as one number for each side of a pair's product:
    // `p + d * LANE` (the lower item), and for small offsets `p + d * LANE^2` (the higher).
    const other = k * stride;
    const lane = small ? SMALL_LANE : LANE;
    for (let i = 0; i < k; i++) {
      const col = i * stride;
      let n = 0;
      let sum = 0;
      let sumSq = 0;
      for (let r = 0; r < rows; r++) {
        const d = values[col + r]!;
        const p = present[col + r]!;
        n += p;
        sum += d;
        sumSq += d * d;
        packed[col + r] = p + d * lane;
        if (small) packed[other + col + r] = p + d * SMALL_LANE * SMALL_LANE;
      }
      this.#n[i]! += n;
      this.#sum[i]! += sum;
      this.#sumSq[i]! += sumSq;
    }
    if (small) this.#addSmallPairs(rows, stride, packed, other);
    else this.#addPairs(rows, stride, packed, present, values);
    if (rows === stride && stride < BLOCK_ROWS) {
      // A full block: the next holds twice the rows.
      this.#capacity = stride * 2;
      this.#blockValues = new Int8Array(k * this.#capacity);
      this.#blockPresent = new Uint8Array(k * this.#capacity);
    } else {
      values.fill(0, 0, k * stride);
      present.fill(0, 0, k * stride);
    }
    this.#blockRows = 0;
    this.#blockLargest = 0;
  }

  /**
   * A block's pair sums in one product a row: with `a = p_i + d_i L` and `b = p_j + d_j L^2`
   * (L = SMALL_LANE), a b = p_i p_j + d_i p_j L + p_i d_j L^2 + d_i d_j L^3, so the sum over the
   * block is n_ij + sumI L + sumJ L^2 + sumIJ L^3. With offsets of at most SMALL_OFFSET in size,
   * n_ij, |sumI| and |sumJ| stay under L / 2 and the total under 2^50: each is read back exactly,
   * the lowest first, as the remainder nearest to 0.
   */
  #addSmallPairs(rows: number, stride: number, packed: Float64Array, other: number): void {
    const k = this.k;
    for (let i = 0; i < k; i++) {
      const colI = i * stride;
      const base = pairBase(k, i);
      for (let j = i + 1; j < k; j++) {
        const colJ = other + j * stride;
        // Absent values are 0 with presence 0: each product counts only rows that scored both.
        // Four running sums, so that no addition waits for the one before (whole numbers: the
        // order of the additions changes nothing).
        let t0 = 0;
        let t1 = 0;
        let t2 = 0;
        let t3 = 0;
        let r = 0;
        for (; r + 3 < rows; r += 4) {
          t0 += packed[colI + r]! * packed[colJ + r]!;
          t1 += packed[colI + r + 1]! * packed[colJ + r + 1]!;
          t2 += packed[colI + r + 2]! * packed[colJ + r + 2]!;
          t3 += packed[colI + r + 3]! * packed[colJ + r + 3]!;
        }
        for (; r < rows; r++) t0 += packed[colI + r]! * packed[colJ + r]!;
        let total = t0 + t1 + (t2 + t3);
        const n = nearestRemainder(total);
        total = (total - n) / SMALL_LANE;
        const sumI = nearestRemainder(total);
        total = (total - sumI) / SMALL_LANE;
        const sumJ = nearestRemainder(total);
        const p = base + j;
        this.#pairN[p]! += n;
        this.#pairSumI[p]! += sumI;
        this.#pairSumJ[p]! += sumJ;
        this.#pairSumIJ[p]! += (total - sumJ) / SMALL_LANE;
      }
    }
  }

  /**
   * A block's pair sums in two products a row: with `a = p_i + d_i LANE`,
   *   sum of a p_j = n_ij + sumI LANE   and   sum of a d_j = sumJ + sumIJ LANE,
   * each split back exactly: every term is a whole number, n_ij is 0 to BLOCK_ROWS, |sumJ| stays
   * under LANE / 8 and every total under 2^40 (see LANE).
   */
  #addPairs(rows: number, stride: number, packed: Float64Array, present: Uint8Array, values: Int8Array): void {
    const k = this.k;
    for (let i = 0; i < k; i++) {
      const colI = i * stride;
      const base = pairBase(k, i);
      for (let j = i + 1; j < k; j++) {
        const colJ = j * stride;
        let withPresence = 0;
        let withOffset = 0;
        for (let r = 0; r < rows; r++) {
          const a = packed[colI + r]!;
          withPresence += a * present[colJ + r]!;
          withOffset += a * values[colJ + r]!;
        }
        const sumI = Math.floor(withPresence / LANE);
        const sumIJ = Math.round(withOffset / LANE);
        const p = base + j;
        this.#pairN[p]! += withPresence - sumI * LANE;
        this.#pairSumI[p]! += sumI;
        this.#pairSumJ[p]! += withOffset - sumIJ * LANE;
        this.#pairSumIJ[p]! += sumIJ;
      }
    }
  }

  /** The sums of one row at once; a value that is not a finite number is no number. */
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
      if (this.#seen[i] === 0) {
        this.#seen[i] = 1;
        this.#unseen--;
        shift[i] = x;
      }
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
      const base = pairBase(k, i);
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

  /**
   * The accumulator of all the parts' respondents together, as if each had been added to one:
   * each part's sums are moved from its own first values to `shifts` (the first value of each
   * item over all the parts, in the order the respondents came; NaN for an item nobody scored).
   * Exact for whole numbers, as scale levels are: the sums are then the very integers one
   * accumulator would hold, so every variance and covariance comes out the same to the bit.
   */
  static sum(k: number, parts: readonly CovarianceAccumulator[], shifts: Float64Array): CovarianceAccumulator {
    const total = new CovarianceAccumulator(k);
    for (let i = 0; i < k; i++) {
      if (shifts[i] !== shifts[i]) continue;
      total.#seen[i] = 1;
      total.#unseen--;
      total.#shift[i] = shifts[i]!;
    }
    for (const part of parts) {
      if (part.k !== k) throw new RangeError(`a part has ${part.k} items, not ${k}`);
      part.#flush();
      // c_i: how far the part's first value of item i is from the total's.
      const c = new Float64Array(k);
      for (let i = 0; i < k; i++) {
        const n = part.#n[i]!;
        if (n === 0) continue;
        const ci = part.#shift[i]! - total.#shift[i]!;
        c[i] = ci;
        const sum = part.#sum[i]!;
        total.#n[i]! += n;
        total.#sum[i]! += sum + n * ci;
        total.#sumSq[i]! += part.#sumSq[i]! + 2 * ci * sum + n * ci * ci;
      }
      for (let i = 0; i < k; i++) {
        const base = pairBase(k, i);
        for (let j = i + 1; j < k; j++) {
          const p = base + j;
          const n = part.#pairN[p]!;
          if (n === 0) continue;
          const sumI = part.#pairSumI[p]!;
          const sumJ = part.#pairSumJ[p]!;
          total.#pairN[p]! += n;
          total.#pairSumI[p]! += sumI + n * c[i]!;
          total.#pairSumJ[p]! += sumJ + n * c[j]!;
          total.#pairSumIJ[p]! += part.#pairSumIJ[p]! + c[j]! * sumI + c[i]! * sumJ + n * c[i]! * c[j]!;
        }
      }
    }
    return total;
  }

  /** Respondents who gave item i a number. */
  n(i: number): number {
    this.#flush();
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
    this.#flush();
    if (this.#item(i) === this.#item(j)) return this.n(i);
    return this.#pairN[this.#pairIndex(i, j)]!;
  }

  /**
   * Sample covariance of items i and j over the respondents who scored
   * both; null when fewer than two did. The variance when i === j.
   */
  covariance(i: number, j: number): number | null {
    this.#flush();
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

  #pairIndex(i: number, j: number): number {
    return pairIndex(this.k, this.#item(i), this.#item(j));
  }
}

/** Where pair (i, j), i !== j, of k items is kept: the upper triangle, laid out row by row (i < j). */
export function pairIndex(k: number, i: number, j: number): number {
  const a = Math.min(i, j);
  return pairBase(k, a) + Math.max(i, j);
}

/** pairIndex(k, i, j) is pairBase(k, i) + j for i < j. */
function pairBase(k: number, i: number): number {
  return i * k - (i * (i + 1)) / 2 - i - 1;
}
