/**
 * The statistics of a report, loaded as one lazily imported chunk by the
 * commands that need them (docs/statistics.md). Pure functions: no I/O,
 * nothing from the rest of svcaudit.
 */
export { CovarianceAccumulator } from './covariance-accumulator.js';
export type { Interval } from './interval.js';
export { krippendorffAlpha, krippendorffAlphaFromCounts } from './krippendorff-alpha.js';
export type { AlphaMetric } from './krippendorff-alpha.js';
export { meanInterval } from './mean-interval.js';
export { rwg } from './rwg.js';
export { tQuantile, tTwoSidedP } from './t-distribution.js';
export { weightedInterval, weightedVariance } from './weighted-variance.js';
export type { ItemCovariances, WeightedVariance } from './weighted-variance.js';
export { wilsonInterval, Z_975 } from './wilson-interval.js';
