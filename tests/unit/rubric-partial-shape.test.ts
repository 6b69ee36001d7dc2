/**
 * docs/rules.md: a rubric whose shape is wrong in one place is still checked by every rule that can
 * run on the rest of it. The rubric below has seven problems the semantic rules find; a typo, a
 * value of the wrong type or a broken part added to it adds its own finding and hides none of them.
 */
import { describe, expect, it } from 'vitest';
import { checkRubricText } from '../../src/rubric/check-rubric.js';
import type { Finding } from '../../src/core/finding.js';

/** Seven semantic findings, each on its own line; no schema finding. */
const SEVEN = `svcaudit: 1
kind: rubric
id: seven-problems
title: Seven problems
scale: {min: 1, max: 5}
sections:
  - id: main
    title: Main
    items:
      - id: be-nice
        title: Be nice
        prompt: Are customers treated with courtesy?
        target: 1
        levels: {1: Curt, 5: Warm, 7: Beyond}
        actions: [{to: 9, text: Agree a courtesy standard.}]
      - id: be-nice
        title: Be nice again
        prompt: Twice?
        target: 6
        levels: {1: Curt, 5: Warm}
        actions: [{to: 4, text: Coach.}]
  - id: main
    title: Main again
    items:
      - id: listen
        title: Listen
        prompt: Do staff listen?
        actions: [{to: 4, text: Train.}]
`;

const rulesOf = (findings: readonly Finding[]) => findings.map((f) => `${f.line}:${f.column} ${f.rule}`).sort();

async function check(text: string): Promise<readonly Finding[]> {
  return (await checkRubricText(text, 'rubric.yaml')).findings;
}

/** The rubric with one line replaced (1-based), or a line inserted after it. */
function edit(lineNumber: number, replace: (line: string) => string): string {
  return SEVEN.split('\n').map((line, i) => (i === lineNumber - 1 ? replace(line) : line)).join('\n');
}

describe('a rubric whose shape is wrong in one place', () => {
  it('has seven findings as it is', async () => {
    expect(rulesOf(await check(SEVEN))).toEqual([
      '13:17 target-at-minimum',
      '14:36 level-out-of-scale',
      '15:24 action-out-of-scale',
      '16:13 duplicate-id',
      '19:17 target-out-of-scale',
      '22:9 duplicate-id',
      '25:13 item-without-levels',
    ]);
  });

  it('with the typo `weigth` has those seven and the typo, which names the key meant', async () => {
    const typo = edit(12, (line) => `${line}\n        weigth: 2`);
    const findings = await check(typo);
    expect(findings).toHaveLength(8);
    const unknown = findings.filter((f) => f.rule === 'schema-unknown-key');
    expect(unknown.map((f) => f.message)).toEqual(['Unknown key `weigth` in section `main`, item `be-nice`. Did you mean `weight`?']);
    const shifted = rulesOf(findings.filter((f) => f.rule !== 'schema-unknown-key'));
    expect(shifted).toEqual(['14:17 target-at-minimum', '15:36 level-out-of-scale', '16:24 action-out-of-scale', '17:13 duplicate-id', '20:17 target-out-of-scale', '23:9 duplicate-id', '26:13 item-without-levels']);
  });

  it('a target of the wrong type is one finding, and the other rules of its item still run', async () => {
    const findings = await check(edit(13, () => '        target: high'));
    const rules = findings.map((f) => f.rule).sort();
    // target-at-minimum went with the value it was about; nothing else is lost.
    expect(rules).toEqual(['action-out-of-scale', 'duplicate-id', 'duplicate-id', 'item-without-levels', 'level-out-of-scale', 'schema-type', 'target-out-of-scale']);
  });

  it('a broken scale keeps the range rules from guessing, and the others run', async () => {
    const findings = await check(edit(5, () => 'scale: {min: one, max: 5}'));
    expect(findings.map((f) => f.rule).sort()).toEqual(['duplicate-id', 'duplicate-id', 'item-without-levels', 'schema-type']);
  });

  it('a section whose items are not a list is one finding; the other section is checked in full', async () => {
    const broken = SEVEN.replace(/items:\n {6}- id: listen[^]*$/, 'items: listen\n');
    const findings = await check(broken);
    expect(findings.map((f) => f.rule).sort()).toEqual([
      'action-out-of-scale', 'duplicate-id', 'duplicate-id', 'level-out-of-scale', 'schema-type', 'target-at-minimum', 'target-out-of-scale',
    ]);
  });

  it('an item missing its title and prompt is still checked, and named by its id', async () => {
    const findings = await check(SEVEN.replace('        title: Listen\n        prompt: Do staff listen?\n', ''));
    expect(findings.filter((f) => f.rule === 'schema-missing-key')).toHaveLength(2);
    expect(findings.find((f) => f.rule === 'item-without-levels')?.message).toMatch(/^Item `listen` has no level descriptors/);
  });

  it('an item without an id is named by its place', async () => {
    const findings = await check(SEVEN.replace('      - id: listen\n        title: Listen', '      - title: Listen'));
    expect(findings.find((f) => f.rule === 'item-without-levels')?.message).toMatch(/^Item #1 of section `main` has no level descriptors/);
  });

  it('an empty list of items is one finding, not also "every item has weight 0"', async () => {
    const findings = await check(SEVEN.replace(/items:\n {6}- id: listen[^]*$/, 'items: []\n'));
    expect(findings.filter((f) => f.rule === 'section-without-weight')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'schema-value')).toHaveLength(1);
  });

  it('builds no rubric from it', async () => {
    expect((await checkRubricText(edit(12, (line) => `${line}\n        weigth: 2`), 'rubric.yaml')).value).toBeUndefined();
  });
});
