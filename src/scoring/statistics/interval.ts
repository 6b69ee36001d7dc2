/** A 95% confidence interval, `[lo, hi]`, never clipped to the scale (docs/statistics.md). */
export type Interval = readonly [lo: number, hi: number];
