import { Command } from '@commander-js/extra-typings';
import { commonOptions, type CommandKit } from '../command-kit.js';

/** `rubric show <R>`, under the `rubric` group. */
export function rubricCommand(kit: CommandKit) {
  return new Command('rubric')
    .description('work with one rubric')
    .addHelpText('after', '\nExample:\n  $ svcaudit rubric show service-commitments\n')
    .addCommand(rubricShowCommand(kit));
}

function rubricShowCommand({ ctx, done }: CommandKit) {
  return commonOptions(new Command('show'))
    .description('print a rubric as a readable table')
    .argument('<rubric>', 'a built-in rubric id or a rubric file')
    .addHelpText('after', '\nExamples:\n  $ svcaudit rubric show service-commitments\n  $ svcaudit rubric show ./my-rubric.yaml\n')
    .action(async (ref, options) => {
      const { runRubricShow } = await import('./rubric-show.js');
      done(await runRubricShow(ref, options, ctx));
    });
}

export type RubricShowFlags = ReturnType<ReturnType<typeof rubricShowCommand>['opts']>;
