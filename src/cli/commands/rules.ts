/** `svcaudit rules [RULE]`: the text of docs/rules.md, from the same renderer (report/rules/rules-page.ts). */
import { ruleExample } from '../../app/rules.js';
import { SvcauditError } from '../../core/errors.js';
import type { Outcome } from '../../core/outcome.js';
import { RULE_IDS, type RuleId } from '../../core/rules.js';
import { didYouMean } from '../../core/suggest.js';
import { rulesList, ruleText } from '../../report/rules/rules-page.js';
import type { CliContext } from '../context.js';
import type { RulesFlags } from './rules-flags.js';

export async function runRules(rule: string | undefined, _options: RulesFlags, ctx: CliContext): Promise<Outcome> {
  if (rule === undefined) {
    ctx.stdout.write(rulesList());
    return 'ok';
  }
  if (!(RULE_IDS as readonly string[]).includes(rule)) {
    throw new SvcauditError('usage', `There is no rule \`${rule}\`.${didYouMean(rule, RULE_IDS) || ' `svcaudit rules` lists them all.'}`);
  }
  ctx.stdout.write(ruleText(await ruleExample(rule as RuleId)));
  return 'ok';
}
