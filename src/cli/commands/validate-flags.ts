import { Command, Option } from '@commander-js/extra-typings';
import { FINDINGS_FORMAT_NAMES } from '../../report/findings/formats.js';
import { commonOptions, nonNegativeInteger, type CommandKit } from '../command-kit.js';

export function validateCommand({ ctx, done }: CommandKit) {
  return commonOptions(new Command('validate'))
    .description('check rubric, answers and mapping files (told apart by their `kind:`) and survey exports, for editors and CI')
    .argument('<files...>', 'files, folders or globs of YAML files and survey exports; - reads stdin')
    .option('--rubric <R>', 'check answers files against this rubric (file or built-in id)')
    .option('--map <file>', 'check survey exports through this mapping file, as `score` reads them')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FINDINGS_FORMAT_NAMES).default('stylish' as const))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInteger)
    .option('--quiet', 'report errors only')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addHelpText('after', `
Exit codes: 0 no errors, 1 errors (or too many warnings), 2 a file could not be read or a flag is wrong.

Examples:
  $ svcaudit validate my-rubric.yaml
  $ svcaudit validate interviews/ --rubric my-rubric.yaml --max-warnings 0
  $ svcaudit validate "audits/**/*.yaml" --format github
  $ svcaudit validate mapping.yaml
  $ svcaudit validate export.csv --map mapping.yaml
`)
    .action(async (files, options) => {
      const { runValidate } = await import('./validate.js');
      done(await runValidate(files, options, ctx));
    });
}

export type ValidateFlags = ReturnType<ReturnType<typeof validateCommand>['opts']>;
