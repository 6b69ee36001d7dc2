/**
 * The commander wiring: the program, its help, and each command's definition from
 * `commands/<name>/command.ts` (its flags, typed from their definitions). Handlers load lazily,
 * so `svcaudit --help` loads none of them.
 */
import { Command } from '@commander-js/extra-typings';
import { didYouMean } from '../core/suggest.js';
import { VERSION } from '../core/version.js';
import type { CommandKit } from './command-kit.js';
import { applyConfig } from './config.js';
import type { CliContext } from './context.js';
import { inert } from '../core/inert-text.js';
import { assessCommand } from './commands/assess-flags.js';
import { compareCommand } from './commands/compare-flags.js';
import { initCommand } from './commands/init-flags.js';
import { mapCommand } from './commands/map-flags.js';
import { rubricCommand } from './commands/rubric-show-flags.js';
import { rubricsCommand } from './commands/rubrics-flags.js';
import { rulesCommand } from './commands/rules-flags.js';
import { scoreCommand } from './commands/score-flags.js';
import { templateCommand } from './commands/template-flags.js';
import { validateCommand } from './commands/validate-flags.js';

export function buildProgram(kit: CommandKit) {
  const program = new Command('svcaudit')
    .description('Audit customer-service quality: a rubric, answers, a scored gap report and an improvement plan.')
    .version(VERSION, '-V, --version')
    // The options every command has work before the command too (`svcaudit --no-color validate …`);
    // positional, so after the command they are the command's own, which win (globalOptions below).
    .option('--color', 'force colour on')
    .option('--no-color', 'turn colour off (also NO_COLOR=1)')
    .option('--debug', 'show stack traces of internal errors (also DEBUG=svcaudit)')
    .enablePositionalOptions()
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .addHelpText('after', `
Examples:
  $ svcaudit assess --name Dana --role manager      # a manager's self-audit
  $ svcaudit rubric show service-commitments
  $ svcaudit validate rubrics/ answers/*.yaml --format sarif --output findings.sarif
`);
  configure(program, kit.ctx);
  for (const command of [validateCommand(kit), scoreCommand(kit), assessCommand(kit), compareCommand(kit), mapCommand(kit), templateCommand(kit), initCommand(kit), rubricsCommand(kit), rubricCommand(kit), rulesCommand(kit), helpCommand(program)]) {
    adopt(program, command);
  }
  program.hook('preAction', async (_, actionCommand) => {
    globalOptions(program, actionCommand);
    await applyConfig(actionCommand, kit.ctx);
  });
  return program;
}

const GLOBAL_OPTIONS = ['color', 'debug'] as const;

/** Global options given before the command reach its handler, unless the command was given its own. */
function globalOptions(program: AnyCommand, command: AnyCommand): void {
  for (const key of GLOBAL_OPTIONS) {
    if (program.getOptionValueSource(key) !== 'cli' || command.getOptionValueSource(key) === 'cli') continue;
    if (command.options.some((o) => o.attributeName() === key)) command.setOptionValueWithSource(key, program.getOptionValue(key), 'cli');
  }
}

/**
 * `svcaudit help [command]` prints the help of the program or of a command and exits 0
 * (docs/exit-codes.md); an unknown command is an error (exit 2), not the program's help.
 * commander's own help command falls back to the program's help for a name it does not know.
 */
function helpCommand(program: AnyCommand): AnyCommand {
  return new Command('help')
    .description('display help for a command')
    .argument('[command...]', 'a command, such as validate, or rubric show')
    .action((names: string[]) => {
      let target: AnyCommand = program;
      for (const name of names) {
        const next = target.commands.find((c) => c.name() === name || c.aliases().includes(name)) as AnyCommand | undefined;
        if (next === undefined) {
          const known = target.commands.map((c) => c.name()).filter((n) => n !== 'help');
          const hint = didYouMean(name, known) || ` The commands are ${known.join(', ')}.`;
          target.error(`error: unknown command '${name}'.${hint}`, { code: 'commander.unknownCommand' });
        }
        target = next!;
      }
      target.outputHelp();
    });
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
      // commander quotes what was typed (`unknown option '...'`): inert like every message (core/inert-text.ts).
      writeErr: (s) => ctx.stderr.write(inert(s, true)),
    });
}
