import { defineConfig } from 'vitest/config';

/**
 * Three projects, run apart or together: `unit` (the everyday loop, well under 30 s), `property`
 * (fast-check over generated inputs; run counts from FC_RUNS / FC_SCALE, see
 * tests/helpers/property-runs.ts) and `e2e` (the built binary, a real terminal and a real browser).
 */
export default defineConfig({
  test: {
    pool: 'forks',
    // Every project starts real files and processes; on a loaded 2-core machine the defaults are too tight.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'property', include: ['tests/property/**/*.test.ts'], testTimeout: 120_000 } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
