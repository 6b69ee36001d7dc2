import { Command } from '@commander-js/extra-typings';
import { DEFAULT_RUBRIC } from '../../rubric/default.js';
import { commonOptions, type CommandKit } from '../command-kit.js';

export function assessCommand({ ctx, done }: CommandKit) {
  return commonOptions(new Command('assess'))
    .description('answer a rubric interactively, one question at a time; saves after every answer')
    .option('--rubric <R>', 'rubric file or built-in id', DEFAULT_RUBRIC)
    .option('-o, --out <file>', 'answers file to write (default: svcaudit-answers-<date>.yaml in this folder)')
    .option('--resume', 'continue an answers file at its first unanswered item (a file not there yet is started)')
    .option('--force', 'overwrite an existing answers file and start again')
    .option('--name <name>', 'your name, saved as respondent.name')
    .option('--role <role>', 'your role, saved as respondent.role (such as manager, staff, customer)')
    .addHelpText('after', `
Keys act at once: a digit answers with that level, n not applicable, s skip for now (an
answer given is kept), b back, w why it matters and what else to check (where the screen
has no room for them).
Stop at any time with Ctrl-C: every answer given so far is saved, and a note half typed.

Examples:
  $ svcaudit assess --name Dana --role manager
  $ svcaudit assess --out my-audit.yaml --resume
`)
    .action(async (options) => {
      const { runAssess } = await import('./assess.js');
      done(await runAssess(options, ctx));
    });
}

export type AssessFlags = ReturnType<ReturnType<typeof assessCommand>['opts']>;
