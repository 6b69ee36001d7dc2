import { Command, Option } from '@commander-js/extra-typings';
import { DEFAULT_RUBRIC } from '../../rubric/default.js';
import { commonOptions, type CommandKit } from '../command-kit.js';

export function templateCommand({ ctx, done }: CommandKit) {
  return commonOptions(new Command('template'))
    .description('print a blank answers file for a rubric')
    .option('--rubric <R>', 'rubric file or built-in id', DEFAULT_RUBRIC)
    .addOption(new Option('-f, --format <format>', 'file format').choices(['yaml', 'csv'] as const).default('yaml' as const))
    .option('--for <role>', 'only the items whose audience includes this role (such as customer), with the role filled in')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .addHelpText('after', `
Examples:
  $ svcaudit template > my-answers.yaml
  $ svcaudit template --format csv > survey.csv
  $ svcaudit template --for customer > customer-interview.yaml
`)
    .action(async (options) => {
      const { runTemplate } = await import('./template.js');
      done(await runTemplate(options, ctx));
    });
}

export type TemplateFlags = ReturnType<ReturnType<typeof templateCommand>['opts']>;
