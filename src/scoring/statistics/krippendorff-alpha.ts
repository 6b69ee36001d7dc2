/**
 * Krippendorff's alpha, `1 - D_o / D_e`, from the coincidence matrix
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability";
 * docs/statistics.md, "Agreement"). Here the units are the items and the
 * coders the respondents: alpha says whether respondents agree on which
 * items are stronger and which weaker.
 */

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

/**
 * @param units per unit, the values its coders gave (missing ones left
 *   out). Units with fewer than two values cannot be paired and add nothing.
 * @returns alpha, or null when no unit has two values (fewer than two
 *   coders overlap) or every pairable value is the same (no variation:
 *   alpha is 0 / 0).
 */
export function krippendorffAlpha(units: ReadonlyArray<ReadonlyArray<number>>, metric: AlphaMetric): number | null {
  const distinct = [...new Set(units.flat())].sort((a, b) => a - b);
  const index = new Map(distinct.map((v, i) => [v, i]));
  const counts = units.map((unit) => {
    const c = new Float64Array(distinct.length);
    for (const v of unit) c[index.get(v)!]! += 1;
    return c;
  });
  return krippendorffAlphaFromCounts(distinct, counts, metric);
}

/**
 * The same from value counts, so a million respondents need no list of
 * answers: `counts[u][v]` is how many coders gave unit u the value
 * `values[v]`. `values` must be strictly ascending (the ordinal metric
 * depends on their order, the interval metric on their distances).
 */
export function krippendorffAlphaFromCounts(
  values: ReadonlyArray<number>,
  counts: ReadonlyArray<ArrayLike<number>>,
  metric: AlphaMetric,
): number | null {
  const q = values.length;
  for (let v = 1; v < q; v++) {
    if (!(values[v]! > values[v - 1]!)) throw new RangeError('values must be strictly ascending');
  }

  // Coincidences o_ck: each ordered pair of values within a unit of m
  // values, weighted 1 / (m - 1), so every pairable value counts once.
  const o = new Float64Array(q * q);
  for (const unit of counts) {
    if (unit.length !== q) throw new RangeError(`a unit has ${unit.length} counts for ${q} values`);
    let m = 0;
    for (let c = 0; c < q; c++) m += unit[c]!;
    if (m < 2) continue;
    for (let c = 0; c < q; c++) {
      const nc = unit[c]!;
      if (nc === 0) continue;
      for (let k = 0; k < q; k++) {
        const nk = unit[k]!;
        if (nk === 0) continue;
        o[c * q + k]! += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
      }
    }
  }
  const marginal = new Float64Array(q);
  let n = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) marginal[c]! += o[c * q + k]!;
    n += marginal[c]!;
  }
  if (n < 2) return null;

  const delta = distance(metric, values, marginal);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < q; c++) {
    for (let k = c + 1; k < q; k++) {
      const d = delta(c, k);
      // o and the marginal products are symmetric: count (c, k) and (k, c) once each, below.
      observed += o[c * q + k]! * d;
      expected += marginal[c]! * marginal[k]! * d;
    }
  }
  if (expected === 0) return null;
  // alpha = 1 - D_o / D_e with D_o = Σ o δ² / n and D_e = Σ n_c n_k δ² / (n (n - 1)).
  return 1 - ((n - 1) * observed) / expected;
}

/** The squared difference δ²(c, k) of the metric, on value indices c < k. */
function distance(metric: AlphaMetric, values: ReadonlyArray<number>, marginal: Float64Array): (c: number, k: number) => number {
  switch (metric) {
    case 'nominal':
      return () => 1;
    case 'interval':
      return (c, k) => (values[k]! - values[c]!) ** 2;
    case 'ordinal': {
      // (Σ_{g=c..k} n_g - (n_c + n_k) / 2)²: the ranks between the two
      // values, by how often each value was used, not by their distance.
      const cumulative = new Float64Array(marginal.length + 1);
      for (let g = 0; g < marginal.length; g++) cumulative[g + 1] = cumulative[g]! + marginal[g]!;
      return (c, k) => (cumulative[k + 1]! - cumulative[c]! - (marginal[c]! + marginal[k]!) / 2) ** 2;
    }
  }
}
