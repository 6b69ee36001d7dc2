/**
 * `svcaudit rules [RULE]`: the same text as docs/rules.md (one renderer, src/report/rules/), and
 * its examples loaded only by this command (start-up is a feature).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunksHolding, listLoadedModules } from '../../bench/assess-startup.mjs';
import { RULE_IDS } from '../../src/core/rules.js';
import { REPO, requireBuild, svcaudit } from '../helpers/run-cli.js';

const PAGE = readFileSync(`${REPO}/docs/rules.md`, 'utf8');

beforeAll(() => requireBuild());

describe('svcaudit rules', () => {
  it('lists every rule with its severity, and exits 0', async () => {
    const r = await svcaudit(['rules']);
    expect(r.code).toBe(0);
    for (const rule of RULE_IDS) expect(r.stdout).toMatch(new RegExp(`^  ${rule} +(error|warning)  `, 'm'));
  });

  it.each([['yaml-syntax'], ['answers-unknown-rubric'], ['file-binary'], ['file-empty']])('`rules %s` prints its section of docs/rules.md, word for word', async (rule) => {
    const r = await svcaudit(['rules', rule]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`### ${rule}\n`)).toBe(true);
    expect(r.stdout).toContain('**Failing example');
    expect(r.stdout).toContain('**Passing example**');
    expect(PAGE).toContain(r.stdout);
  });

  it('an unknown rule is an error (exit 2) with the rule meant', async () => {
    const r = await svcaudit(['rules', 'yaml-syntx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('svcaudit: There is no rule `yaml-syntx`. Did you mean `yaml-syntax`?\n');
  });

  it('the examples are loaded by `rules RULE` alone', async () => {
    const examples = chunksHolding((input) => input.endsWith('src/generated/rule-examples.js'));
    expect(examples.size).toBe(1);
    for (const [args, loads] of [[['validate', 'rubrics/service-commitments.yaml'], false], [['rules'], false], [['rules', 'yaml-syntax'], true]] as const) {
      const loaded = await listLoadedModules([...args]);
      expect(loaded.urls.some((url) => examples.has(basename(new URL(url).pathname))), args.join(' ')).toBe(loads);
    }
  });
});
