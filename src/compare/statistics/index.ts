/**
 * The statistics of a comparison, loaded lazily by `compare`
 * (docs/statistics.md, "Compare"). Pure functions.
 */
export type { ExactTestResult } from './exact-test.js';
export { exactPermutationTest } from './exact-permutation.js';
export { exactSignFlipTest } from './exact-sign-flip.js';
export { holmAdjust } from './holm.js';
export { oneSampleTTest, pairedTTest, pairedTTestOfCounts } from './paired-t.js';
export { permutationCouldNeverPass, signFlipCouldNeverPass, smallestPermutationP, smallestSignFlipP } from './smallest-p.js';
export type { SampleSummary, TTestResult } from './t-test-result.js';
export { welchTest } from './welch.js';
