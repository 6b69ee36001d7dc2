/**
 * The examples of the validate rules (docs/rules.md), which the build collects from
 * tests/fixtures/rules/ into a module of their own (scripts/build.mjs), loaded only here: no other
 * command pays for them.
 */
import type { RuleId } from '../core/rules.js';
import type { RuleExample } from '../report/rules/rules-page.js';

export async function ruleExample(rule: RuleId): Promise<RuleExample> {
  const { RULE_EXAMPLES } = await import('../generated/rule-examples.js');
  const example = RULE_EXAMPLES.find((e) => e.rule === rule);
  if (example === undefined) throw new Error(`the build has no examples of ${rule}; run npm run build`);
  return example;
}
