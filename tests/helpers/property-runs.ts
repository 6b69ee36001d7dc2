/**
 * fast-check parameters from the environment. Each property names its quick run count (and, where
 * it replays a known corpus, its seed); `FC_RUNS=N` runs every property N times instead,
 * `FC_SCALE=K` runs each K times its own count (CI runs more this way), and `FC_SEED=S`
 * replays a failure fast-check reported.
 */
import type { Parameters } from 'fast-check';

export function propertyRuns<T>(defaults: { readonly runs?: number; readonly seed?: number } = {}): Parameters<T> {
  const quick = defaults.runs ?? 100;
  const fixed = positive(process.env.FC_RUNS);
  const scale = positive(process.env.FC_SCALE) ?? 1;
  const numRuns = fixed ?? Math.max(1, Math.round(quick * scale));
  const seed = process.env.FC_SEED;
  const chosen = seed !== undefined && seed !== '' ? Number(seed) : defaults.seed;
  return { numRuns, ...(chosen === undefined ? {} : { seed: chosen }) };
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
}
