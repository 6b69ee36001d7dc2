/**
 * Every output format is byte-stable (docs/architecture.md, "Ordering"): the same bytes from two
 * runs, and under two locales whose collation, casing and number formats differ from English
 * (Turkish sorts and cases `i` apart; German writes 1,5). The report date is fixed with
 * SOURCE_DATE_EPOCH; everything else must not depend on when or where svcaudit runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_FORMATS } from '../../src/rubric/schema.js';
import { runCli, requireBuild } from '../helpers/run-cli.js';

const RULES_DIR = 'tests/fixtures/rules';
// A rubric with errors, one with warnings, answers with errors, a CSV with errors.
const FINDINGS = [`${RULES_DIR}/duplicate-id/fail.yaml`, `${RULES_DIR}/item-without-levels/fail.yaml`, `${RULES_DIR}/answers-unknown-item/fail.yaml`, `${RULES_DIR}/csv-extra-cells/fail.csv`];

const BASE = { SOURCE_DATE_EPOCH: '1767225600', NO_COLOR: '1', COLUMNS: '100', LANGUAGE: undefined, TZ: 'UTC' };
const LOCALES: ReadonlyArray<readonly [string, Record<string, string | undefined>]> = [
  ['en_US.UTF-8', { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' }],
  ['tr_TR.UTF-8 with TZ=Pacific/Kiritimati', { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', TZ: 'Pacific/Kiritimati' }],
];

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = mkdtempSync(join(tmpdir(), 'svcaudit-stable-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Each command once per format; files written with --output are read back. */
const RUNS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ...CONFIG_FORMATS.validate.map((f) => [`validate --format ${f}`, ['validate', ...FINDINGS, '--format', f]] as const),
  ['validate, two formats', ['validate', ...FINDINGS, '-f', 'stylish', '-f', 'sarif', '-o', 'sarif=OUT']],
  // The hostile fixtures: text in many scripts, markup and control characters in every field.
  ...CONFIG_FORMATS.score.map((f) => [`score hostile --format ${f}`, ['score', 'tests/fixtures/hostile/answers', '--rubric', 'tests/fixtures/hostile/rubric.yaml', '--by', 'role', '--format', f]] as const),
  ...CONFIG_FORMATS.score.map((f) => [`score examples --format ${f}`, ['score', 'examples/interviews', '--by', 'role', '--format', f]] as const),
  ...CONFIG_FORMATS.compare.map((f) => [`compare --format ${f}`, ['compare', 'examples/interviews', 'examples/follow-up', '--format', f]] as const),
  ['template', ['template']],
  ['template --format csv', ['template', '--format', 'csv']],
  ['rubric show', ['rubric', 'show', 'service-commitments']],
  ['rules', ['rules']],
  ['rules RULE', ['rules', 'answers-unknown-item']],
];

async function output(args: readonly string[], env: Record<string, string | undefined>, tag: string): Promise<string> {
  const out = join(tmp, `${tag}.out`);
  const r = await runCli(args.map((a) => a.replace('OUT', out)), { env: { ...BASE, ...env } });
  const file = args.some((a) => a.includes('OUT')) ? readFileSync(out, 'utf8') : '';
  return `exit ${r.code}\n--- stdout\n${r.rawStdout}\n--- stderr\n${r.stderr}\n--- file\n${file}`;
}

describe('byte-stable output', () => {
  it.each(RUNS)('%s: the same bytes in two runs and under two locales', async (name, args) => {
    const tag = name.replace(/\W+/g, '-');
    const [a, b] = LOCALES;
    const first = await output(args, a![1], `${tag}-1`);
    const again = await output(args, a![1], `${tag}-2`);
    const elsewhere = await output(args, b![1], `${tag}-3`);
    expect(first).toMatch(/^exit [01]\n/);
    expect(again).toBe(first);
    expect(elsewhere).toBe(first);
  });
});
