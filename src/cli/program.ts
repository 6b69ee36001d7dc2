/**
 * The commander wiring: flags, help texts with examples, and a lazy import of
 * each command's module, so `svcaudit --help` loads none of them.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ExitCode } from '../core/errors.js';
import { FINDINGS_FORMAT_NAMES } from '../report/findings/names.js';
import { COMPARE_FORMAT_NAMES } from '../report/compare/names.js';
import { GAP_FORMAT_NAMES } from '../report/gap/names.js';
import { DEFAULT_RUBRIC } from '../rubric/default.js';
import { VERSION } from '../core/version.js';
import { withCommonOptions, type CliContext } from './context.js';

export function buildProgram(ctx: CliContext, setExit: (code: ExitCode) => void): Command {
  const program = new Command('svcaudit')
    .description('Audit customer-service quality: a rubric, answers, a scored gap report and an improvement plan.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .addHelpText('after', `
Examples:
  $ svcaudit rubric show service-commitments
  $ svcaudit validate rubrics/ answers/*.yaml --format sarif --output findings.sarif
`);
  configure(program, ctx);

  withCommonOptions(program.command('validate'))
    .description('check rubric and answers files (told apart by their `kind:`), for editors and CI')
    .argument('<files...>', 'files, folders or globs of YAML files; - reads stdin')
    .option('--rubric <R>', 'check answers files against this rubric (file or built-in id)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FINDINGS_FORMAT_NAMES).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInteger)
    .option('--quiet', 'report errors only')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addHelpText('after', `
Exit codes: 0 no errors, 1 errors (or too many warnings), 2 a file could not be read or a flag is wrong.

Examples:
  $ svcaudit validate my-rubric.yaml
  $ svcaudit validate interviews/ --rubric my-rubric.yaml --max-warnings 0
  $ svcaudit validate "audits/**/*.yaml" --format github
`)
    .action(async (files: string[], options) => {
      const { runValidate } = await import('./commands/validate.js');
      setExit(await runValidate(files, options, ctx));
    });

  withCommonOptions(program.command('score').alias('report'))
    .description('score answers files and print the gap report and improvement plan')
    .argument('<inputs...>', 'answers files, folders, globs, .csv survey exports; - reads stdin')
    .option('--rubric <R>', 'rubric file or built-in id', DEFAULT_RUBRIC)
    .addOption(new Option('-f, --format <format>', 'report format (default: text)').choices(GAP_FORMAT_NAMES))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--by <key>', 'compare groups of respondents by this respondent field, such as role')
    .option('--perception-gap <points>', 'flag items whose group scores differ by this much or more', nonNegativeNumber, 1)
    .option('--capacity <n>', 'effort points per 30-day phase of the plan (low 1, medium 2, high 3; default 6)', capacityNumber)
    .option('--fail-under <index>', 'exit 1 when the overall index (0-100) is below this', indexNumber)
    .option('--strict', 'exit 1 when any item is left unanswered')
    .addHelpText('after', `
Examples:
  $ svcaudit score examples/self-audit.yaml
  $ svcaudit score examples/interviews/ --by role --format markdown --output report.md
  $ svcaudit score survey-export.csv --format json > report.json
  $ svcaudit score answers/*.yaml --fail-under 70 --strict
`)
    .action(async (inputs: string[], options) => {
      const { runScore } = await import('./commands/score.js');
      setExit(await runScore(inputs, options, ctx));
    });

  withCommonOptions(program.command('assess'))
    .description('answer a rubric interactively, one question at a time; saves after every answer')
    .option('--rubric <R>', 'rubric file or built-in id', DEFAULT_RUBRIC)
    .option('-o, --out <file>', 'answers file to write (default: svcaudit-answers-<date>.yaml in this folder)')
    .option('--resume', 'continue an answers file at its first unanswered item (a file not there yet is started)')
    .option('--force', 'overwrite an existing answers file and start again')
    .option('--name <name>', 'your name, saved as respondent.name')
    .option('--role <role>', 'your role, saved as respondent.role (such as manager, staff, customer)')
    .addHelpText('after', `
Stop at any time with Ctrl-C: every answer given so far is saved.

Examples:
  $ svcaudit assess --name Dana --role manager
  $ svcaudit assess --out my-audit.yaml --resume
`)
    .action(async (options) => {
      const { runAssess } = await import('./commands/assess.js');
      setExit(await runAssess(options, ctx));
    });

  withCommonOptions(program.command('compare'))
    .description('progress between two audits, item by item')
    .argument('<before>', 'baseline: anything `score` accepts (file, folder, glob, .csv) or a JSON report')
    .argument('<after>', 'follow-up: the same kinds of input')
    .option('--rubric <R>', 'rubric file or built-in id', DEFAULT_RUBRIC)
    .addOption(new Option('-f, --format <format>', 'report format (default: text)').choices(COMPARE_FORMAT_NAMES))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addHelpText('after', `
Examples:
  $ svcaudit compare examples/interviews examples/follow-up
  $ svcaudit compare baseline.json follow-up/ --format html --output progress.html
`)
    .action(async (before: string, after: string, options) => {
      const { runCompare } = await import('./commands/compare.js');
      setExit(await runCompare(before, after, options, ctx));
    });

  withCommonOptions(program.command('template'))
    .description('print a blank answers file for a rubric')
    .option('--rubric <R>', 'rubric file or built-in id', DEFAULT_RUBRIC)
    .addOption(new Option('-f, --format <format>', 'file format').choices(['yaml', 'csv']).default('yaml'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .addHelpText('after', `
Examples:
  $ svcaudit template > my-answers.yaml
  $ svcaudit template --format csv > survey.csv
`)
    .action(async (options) => {
      const { runTemplate } = await import('./commands/template.js');
      setExit(await runTemplate(options, ctx));
    });

  withCommonOptions(program.command('rubrics'))
    .description('list the built-in rubrics')
    .addHelpText('after', '\nExample:\n  $ svcaudit rubrics\n')
    .action(async (options) => {
      const { runRubrics } = await import('./commands/rubrics.js');
      setExit(await runRubrics(options, ctx));
    });

  const rubric = program
    .command('rubric')
    .description('work with one rubric')
    .addHelpText('after', '\nExample:\n  $ svcaudit rubric show service-commitments\n');
  withCommonOptions(rubric.command('show'))
    .description('print a rubric as a readable table')
    .argument('<rubric>', 'a built-in rubric id or a rubric file')
    .addHelpText('after', '\nExamples:\n  $ svcaudit rubric show service-commitments\n  $ svcaudit rubric show ./my-rubric.yaml\n')
    .action(async (ref: string, options) => {
      const { runRubricShow } = await import('./commands/rubric-show.js');
      setExit(await runRubricShow(ref, options, ctx));
    });

  return program;
}

/** Same error and output handling for every (sub)command. */
function configure(command: Command, ctx: CliContext): void {
  command
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
}

function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number, 0 or more.');
  return n;
}

function indexNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected an index from 0 to 100.');
  return n;
}

/**
 * The plan's phase capacity: a whole number of at least 3, so a phase can always hold a high-effort
 * action (docs/formulas.md, "The improvement plan"). The scheduler's MIN_CAPACITY, written out here so
 * that parsing flags loads no scoring code.
 */
const MIN_CAPACITY = 3;

function capacityNumber(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < MIN_CAPACITY) throw new InvalidArgumentError(`expected a whole number, ${MIN_CAPACITY} or more.`);
  return Number(value);
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return Number(value);
}
