/**
 * The configuration file (docs/configuration.md) is checked like every other svcaudit file: the
 * JSON Schema written once in src/rubric/schema.ts (shipped as schemas/config.schema.json),
 * findings with line and column, and a "did you mean" for a misspelt key or value.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/app/validate.js';
import { COMPARE_FORMAT_NAMES } from '../../src/report/compare/formats.js';
import { FINDINGS_FORMAT_NAMES } from '../../src/report/findings/formats.js';
import { GAP_FORMAT_NAMES } from '../../src/report/gap/formats.js';
import { CONFIG_FORMATS } from '../../src/rubric/schema.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'svcaudit-config-'));
});

async function check(text: string, name = 'svcaudit.config.yaml') {
  const path = join(dir, name);
  writeFileSync(path, text);
  const [result] = await validateFiles([path]);
  return { ...result!, findings: result!.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`) };
}

const FULL = `# every key the configuration file has
svcaudit: 1
organisation: Harbour Street Surgery
rubric: rubrics/ours.yaml
map: survey-mapping.yaml
ignore: [drafts/, "archive/**"]
score:
  format: markdown
  by: role
  min-group: 5
  attribution: role
  capacity: 6
  fail-under: 60
  perception-gap: 1.5
validate:
  format: [stylish, sarif]
  max-warnings: 0
compare:
  format: html
  by: role
  min-group: 5
`;

describe('a configuration file', () => {
  it('with every key is clean, and of kind config', async () => {
    const r = await check(FULL);
    expect(r.kind).toBe('config');
    expect(r.findings).toEqual([]);
  });

  it.each([['.svcauditrc.yaml'], ['svcaudit.config.yaml']])('is told by its name, %s, with no kind: field', async (name) => {
    expect((await check('rubric: service-commitments\n', name)).findings).toEqual([]);
  });

  it('may be empty of keys ({})', async () => {
    expect((await check('{}\n')).findings).toEqual([]);
  });

  it('names a misspelt key, where it is, and the key meant', async () => {
    const r = await check('score:\n  fail_under: 60\n');
    expect(r.findings).toEqual(['2:3 schema-unknown-key Unknown key `fail_under` in `score`. Did you mean `fail-under`?']);
  });

  it('names a misspelt top-level key', async () => {
    expect((await check('rubirc: ours.yaml\n')).findings).toEqual(['1:1 schema-unknown-key Unknown key `rubirc`. Did you mean `rubric`?']);
  });

  it('names a misspelt format and the one meant', async () => {
    const r = await check('score:\n  format: markdwon\n');
    expect(r.findings).toEqual(['2:11 schema-value `format` in `score` must be one of text, json, markdown, csv, html; found `markdwon`. Did you mean `markdown`?']);
  });

  it('gives each problem its own finding', async () => {
    const r = await check('score:\n  fail-under: 120\n  capacity: 2\nvalidate:\n  max-warnings: -1\n');
    expect(r.findings.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['2:15 schema-value', '3:13 schema-value', '5:17 schema-value']);
  });

  it('that is not a mapping is one finding', async () => {
    const r = await check('- rubric\n');
    expect(r.findings).toEqual(['1:1 schema-type The configuration must be a mapping of `key: value` lines (such as `rubric: rubrics/ours.yaml`); found a list.']);
  });

  it('with a YAML error is one finding, as any YAML file', async () => {
    const r = await check('score: [\n');
    expect(r.findings[0]).toMatch(/^1:8 yaml-syntax This `\[` is never closed/);
  });
});

describe('the configuration schema', () => {
  it('names the formats of each command as its registry does', () => {
    expect(CONFIG_FORMATS.score).toEqual(GAP_FORMAT_NAMES);
    expect(CONFIG_FORMATS.validate).toEqual(FINDINGS_FORMAT_NAMES);
    expect(CONFIG_FORMATS.compare).toEqual(COMPARE_FORMAT_NAMES);
  });
});
