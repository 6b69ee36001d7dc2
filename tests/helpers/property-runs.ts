/**
 * fast-check parameters from the environment: a quick default for the
 * everyday loop, `FC_RUNS=10000 FC_SEED=42` for a long or a replayed run.
 */
import type { Parameters } from 'fast-check';

export function propertyRuns<T>(): Parameters<T> {
  const runs = Number(process.env.FC_RUNS ?? '100');
  const seed = process.env.FC_SEED;
  return { numRuns: Number.isFinite(runs) && runs > 0 ? runs : 100, ...(seed === undefined || seed === '' ? {} : { seed: Number(seed) }) };
}
