import { Command, Option } from '@commander-js/extra-typings';
import { COMPARE_FORMAT_NAMES } from '../../report/compare/formats.js';
import { DEFAULT_RUBRIC } from '../../rubric/default.js';
import { commonOptions, positiveInteger, type CommandKit } from '../command-kit.js';

export function compareCommand({ ctx, done }: CommandKit) {
  return commonOptions(new Command('compare'))
    .description('progress between two audits, item by item')
    .argument('<before>', 'baseline: anything `score` accepts (file, folder, glob, survey export) or a JSON report')
    .argument('<after>', 'follow-up: the same kinds of input')
    .option('--rubric <R>', 'rubric file or built-in id', DEFAULT_RUBRIC)
    .addOption(new Option('-f, --format <format>', 'report format (default: text)').choices(COMPARE_FORMAT_NAMES))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--map <file>', 'mapping file both sides\' survey exports are read through').conflicts(['mapBefore', 'mapAfter']))
    .option('--map-before <file>', 'mapping file for the baseline\'s survey exports')
    .option('--map-after <file>', 'mapping file for the follow-up\'s survey exports')
    .option('--by <key>', 'compare each group of respondents too, by this respondent field, such as role')
    .option('--min-group <k>', 'compare only groups with at least this many respondents on each side (default 3)', positiveInteger)
    .addHelpText('after', `
Examples:
  $ svcaudit compare examples/interviews examples/follow-up
  $ svcaudit compare survey-2025.csv survey-2026.xlsx --map-before map-2025.yaml --map-after map-2026.yaml
  $ svcaudit compare baseline.json follow-up/ --format html --output progress.html
  $ svcaudit compare baseline/ follow-up/ --by role --format json
`)
    .action(async (before, after, options) => {
      const { runCompare } = await import('./compare.js');
      done(await runCompare(before, after, options, ctx));
    });
}

export type CompareFlags = ReturnType<ReturnType<typeof compareCommand>['opts']>;
