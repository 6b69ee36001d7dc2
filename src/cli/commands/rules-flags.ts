import { Command } from '@commander-js/extra-typings';
import { commonOptions, type CommandKit } from '../command-kit.js';

export function rulesCommand({ ctx, done }: CommandKit) {
  return commonOptions(new Command('rules'))
    .description('list every validate rule, or explain one with a failing and a passing example')
    .argument('[rule]', 'a rule id, such as yaml-syntax')
    .addHelpText('after', '\nExamples:\n  $ svcaudit rules\n  $ svcaudit rules schema-unknown-key\n')
    .action(async (rule, options) => {
      const { runRules } = await import('./rules.js');
      done(await runRules(rule, options, ctx));
    });
}

export type RulesFlags = ReturnType<ReturnType<typeof rulesCommand>['opts']>;
