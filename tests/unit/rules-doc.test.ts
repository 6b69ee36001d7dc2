/**
 * docs/rules.md is rendered from RULES and the examples in
 * tests/fixtures/rules/ (scripts/rules-doc.ts). The committed page must be
 * exactly what the renderer gives today, so a rule, a message or an example
 * cannot change without the page changing with it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/core/rules.js';
import { collectRuleExamples, renderRulesDoc, RULES_DOC } from '../../scripts/rules-doc.js';
import { ruleText } from '../../src/report/rules/rules-page.js';
import { REPO } from '../helpers/run-cli.js';

describe(RULES_DOC, () => {
  it('is what `npm run docs:rules` renders (run it and commit the page when this fails)', async () => {
    const committed = readFileSync(`${REPO}/${RULES_DOC}`, 'utf8');
    expect(committed).toBe(await renderRulesDoc(REPO));
  });

  it('gives every rule a heading whose anchor is the rule id, once', () => {
    const headings = readFileSync(`${REPO}/${RULES_DOC}`, 'utf8').split('\n').filter((line) => line.startsWith('### ')).map((line) => line.slice(4));
    expect([...headings].sort()).toEqual([...RULE_IDS].sort());
  });
});

describe('svcaudit rules', () => {
  it('has the examples the fixtures give today, as the build bundled them (run `npm run build` when this fails)', async () => {
    const { RULE_EXAMPLES } = await import('../../src/generated/rule-examples.js');
    expect(RULE_EXAMPLES).toEqual(JSON.parse(JSON.stringify(await collectRuleExamples(REPO))));
  });

  it('prints for each rule its section of the page, word for word', async () => {
    const page = readFileSync(`${REPO}/${RULES_DOC}`, 'utf8');
    for (const example of await collectRuleExamples(REPO)) {
      const text = ruleText(example);
      expect(page).toContain(`\n${text}`);
      expect(text.startsWith(`### ${example.rule}\n`)).toBe(true);
    }
  });
});
