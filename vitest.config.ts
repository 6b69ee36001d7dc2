import { defineConfig } from 'vitest/config';

/**
 * Three projects, run apart or together: `unit` (the everyday loop, well under 30 s), `property`
 * (fast-check over generated inputs; run counts from FC_RUNS / FC_SCALE, see
 * tests/helpers/property-runs.ts) and `e2e` (the built binary, a real terminal and a real browser).
 */
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'property', include: ['tests/property/**/*.test.ts'], testTimeout: 120_000 } },
      {
        extends: true,
        // End-to-end tests start real processes, a terminal and a browser: give them room on a 2-core machine.
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
    ],
  },
});
