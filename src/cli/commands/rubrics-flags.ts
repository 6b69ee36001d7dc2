import { Command } from '@commander-js/extra-typings';
import { commonOptions, type CommandKit } from '../command-kit.js';

export function rubricsCommand({ ctx, done }: CommandKit) {
  return commonOptions(new Command('rubrics'))
    .description('list the built-in rubrics')
    .addHelpText('after', '\nExample:\n  $ svcaudit rubrics\n')
    .action(async (options) => {
      const { runRubrics } = await import('./rubrics.js');
      done(await runRubrics(options, ctx));
    });
}

export type RubricsFlags = ReturnType<ReturnType<typeof rubricsCommand>['opts']>;
