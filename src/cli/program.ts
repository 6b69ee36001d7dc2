/**
 * The commander wiring: the program, its help, and each command's definition from
 * `commands/<name>/command.ts` (its flags, typed from their definitions). Handlers load lazily,
 * so `svcaudit --help` loads none of them.
 */
import { Command } from '@commander-js/extra-typings';
import { VERSION } from '../core/version.js';
import type { CommandKit } from './command-kit.js';
import type { CliContext } from './context.js';
import { assessCommand } from './commands/assess-flags.js';
import { compareCommand } from './commands/compare-flags.js';
import { mapCommand } from './commands/map-flags.js';
import { rubricCommand } from './commands/rubric-show-flags.js';
import { rubricsCommand } from './commands/rubrics-flags.js';
import { scoreCommand } from './commands/score-flags.js';
import { templateCommand } from './commands/template-flags.js';
import { validateCommand } from './commands/validate-flags.js';

export function buildProgram(kit: CommandKit) {
  const program = new Command('svcaudit')
    .description('Audit customer-service quality: a rubric, answers, a scored gap report and an improvement plan.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .addHelpText('after', `
Examples:
  $ svcaudit rubric show service-commitments
  $ svcaudit validate rubrics/ answers/*.yaml --format sarif --output findings.sarif
`);
  configure(program, kit.ctx);
  for (const command of [validateCommand(kit), scoreCommand(kit), assessCommand(kit), compareCommand(kit), mapCommand(kit), templateCommand(kit), rubricsCommand(kit), rubricCommand(kit)]) {
    adopt(program, command);
  }
  return program;
}

/** A command defined on its own gets the program's error and output handling, as `.command()` would give it. */
function adopt(parent: AnyCommand, command: AnyCommand): void {
  inherit(parent, command);
  parent.addCommand(command);
}

function inherit(parent: AnyCommand, command: AnyCommand): void {
  command.copyInheritedSettings(parent);
  for (const sub of command.commands) inherit(command, sub as AnyCommand);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commands of every argument and option type
type AnyCommand = Command<any, any, any>;

/** Errors become exit codes in main.ts, and output goes through the context. */
function configure(command: AnyCommand, ctx: CliContext): void {
  command
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
}
