import { Command, Option } from '@commander-js/extra-typings';
import { GAP_FORMAT_NAMES } from '../../report/gap/formats.js';
import { DEFAULT_RUBRIC } from '../../rubric/default.js';
import { capacityNumber, commonOptions, positiveInteger, indexNumber, nonNegativeNumber, type CommandKit } from '../command-kit.js';

export function scoreCommand({ ctx, done }: CommandKit) {
  return commonOptions(new Command('score').alias('report'))
    .description('score answers files and print the gap report and improvement plan')
    .argument('<inputs...>', 'answers files, folders, globs, survey exports (.csv, .tsv, .txt, .xlsx); - reads stdin')
    .option('--rubric <R>', 'rubric file or built-in id', DEFAULT_RUBRIC)
    .option('--map <file>', 'mapping file survey exports are read through (make one with `svcaudit map`)')
    .addOption(new Option('-f, --format <format>', 'report format (default: text)').choices(GAP_FORMAT_NAMES))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--by <key>', 'compare groups of respondents by this respondent field, such as role')
    .option('--min-group <k>', 'report groups with fewer respondents than this without scores (default 3)', positiveInteger)
    .addOption(new Option('--attribution <who>', 'quote respondents by role ("customer 2"), by name, or not at all').choices(['role', 'name', 'none'] as const))
    .option('--perception-gap <points>', 'flag items whose group scores differ by this much or more', nonNegativeNumber, 1)
    .option('--capacity <n>', 'effort points per 30-day phase of the plan (low 1, medium 2, high 3; default 6)', capacityNumber)
    .option('--fail-under <index>', 'exit 1 when the overall index (0-100) is below this', indexNumber)
    .option('--strict', 'exit 1 when any item is left unanswered')
    .addHelpText('after', `
Examples:
  $ svcaudit score examples/self-audit.yaml
  $ svcaudit score examples/interviews/ --by role --format markdown --output report.md
  $ svcaudit score survey-export.csv --format json > report.json
  $ svcaudit score google-forms.csv --map mapping.yaml --by role
  $ svcaudit score answers/*.yaml --fail-under 70 --strict
`)
    .action(async (inputs, options) => {
      const { runScore } = await import('./score.js');
      done(await runScore(inputs, options, ctx));
    });
}

export type ScoreFlags = ReturnType<ReturnType<typeof scoreCommand>['opts']>;
