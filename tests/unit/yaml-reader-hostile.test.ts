/**
 * The full YAML reader (yaml-source.ts) on input built to hurt it: duplicate keys found in linear
 * time and compared as the data holds them, tags outside YAML's core schema refused, keys that are
 * collections refused without a Node warning, and the empty key (`null:`) named and placed right.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseYaml } from '../../src/rubric/yaml-source.js';
import { checkAnswersSource } from '../../src/inputs/answers-yaml/check-answers.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';

const HEAD = 'svcaudit: 1\nkind: answers\nrubric: service-commitments\n';

describe('duplicate keys', () => {
  it('are found where yaml compares values, and where only the data would collide (1 and "1", null and ~)', () => {
    const source = parseYaml('a: 1\nb: 2\na: 3\n1: x\n"1": y\nnull: p\n~: q\n', 'd.yaml');
    const dups = source.findings.filter((f) => f.rule === 'yaml-duplicate-key');
    expect(dups.map((f) => [f.line, f.column])).toEqual([[3, 1], [5, 1], [7, 1]]);
    expect(dups[0]!.message).toBe('`a` appears twice in the same mapping; YAML would silently keep only one value.');
    expect(dups[2]!.message).toMatch(/^An empty key/);
    // The data stays readable: the later value wins, as before.
    expect(source.value).toMatchObject({ a: 3, 1: 'y', '': 'q' });
  });

  it('in a mapping of 40,000 keys are all found, the one duplicate at its line', () => {
    let text = '';
    for (let i = 0; i < 40_000; i++) text += `k${i}: &a${i} v\n`;
    text += 'k7: again\n';
    // How the time grows is measured in tests/property/linear-time.test.ts; here, that the result is right.
    const source = parseYaml(text, 'big.yaml');
    expect(source.findings.map((f) => [f.rule, f.line])).toEqual([['yaml-duplicate-key', 40_001]]);
  });
});

describe('values svcaudit files never hold', () => {
  it.each([
    ['!!binary', `${HEAD}answers: !!binary aGVsbG8gd29ybGQ=\n`],
    ['!!set', `${HEAD}answers: !!set {be-nice}\n`],
    ['!!omap', `${HEAD}answers: !!omap [{be-nice: 3}]\n`],
    ['!!timestamp', `${HEAD}date: !!timestamp 2001-12-14\nanswers: {be-nice: 3}\n`],
  ])('%s is one finding at its place, not a finding per method of a Buffer', async (tag, text) => {
    const source = parseYaml(text, 'tag.yaml');
    expect(source.value).toBeUndefined();
    expect(source.findings).toHaveLength(1);
    expect(source.findings[0]).toMatchObject({ rule: 'yaml-syntax', line: 4 });
    expect(source.findings[0]!.message).toContain(`\`${tag}\``);
    const { rubric } = await loadRubric();
    const checked = checkAnswersSource(source, rubric);
    expect(checked.findings.map((f) => f.message).join('\n')).not.toMatch(/readUInt|toJSON|swap16|Buffer/);
  });

  it('a list or mapping as a key is a finding, and yaml prints no Node warning', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const source = parseYaml(`${HEAD}answers:\n  ? [a, b]\n  : 3\n`, 'key.yaml');
    expect(source.value).toBeUndefined();
    expect(source.findings).toMatchObject([{ rule: 'yaml-syntax', line: 5, message: 'A key must be text or a number, not a list or a mapping.' }]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('the empty key', () => {
  it('`null:` among the answers is named as written and located at its own line', async () => {
    const { rubric } = await loadRubric();
    const source = parseYaml(`${HEAD}answers:\n  be-nice: 3\n  null: 4\n`, 'null.yaml');
    const checked = checkAnswersSource(source, rubric);
    const f = checked.findings.find((x) => x.rule === 'schema-value')!;
    expect(f).toMatchObject({ line: 6, column: 3 });
    expect(f.message).toContain('`null` (an empty key');
  });

  it('`null:` as an unknown top-level key is named and located', () => {
    const source = parseYaml(`${HEAD}answers: {be-nice: 3}\nnull: 1\n`, 'null.yaml');
    expect(source.locate([''], 'key')).toMatchObject({ line: 5, column: 1 });
  });
});
