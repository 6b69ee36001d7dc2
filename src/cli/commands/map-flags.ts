import { Command } from '@commander-js/extra-typings';
import { DEFAULT_RUBRIC } from '../../rubric/default.js';
import { commonOptions, type CommandKit } from '../command-kit.js';

export function mapCommand({ ctx, done }: CommandKit) {
  return commonOptions(new Command('map'))
    .description('print a proposed mapping file for a survey export, to review and pass as --map')
    .argument('<export>', 'a survey export (.csv, .tsv, .txt, .xlsx); - reads stdin')
    .option('--rubric <R>', 'rubric file or built-in id', DEFAULT_RUBRIC)
    .option('--sheet <name>', '.xlsx only: the sheet to read (default: the first)')
    .option('-o, --output <file>', 'write the mapping to a file instead of stdout')
    .addHelpText('after', `
Lines svcaudit is unsure of are written commented out, with the reason: review them, then score.

Examples:
  $ svcaudit map responses.csv > mapping.yaml
  $ svcaudit score responses.csv --map mapping.yaml --by role
`)
    .action(async (file, options) => {
      const { runMap } = await import('./map.js');
      done(await runMap(file, options, ctx));
    });
}

export type MapFlags = ReturnType<ReturnType<typeof mapCommand>['opts']>;
