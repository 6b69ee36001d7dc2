import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { FINDINGS_FORMAT_NAMES, type FindingsFormatName } from '../../report/findings/formats.js';
import { commonOptions, nonNegativeInteger, type CommandKit } from '../command-kit.js';

/** `-f` may be given more than once; each names one format (a variadic option would swallow the files). */
function formatList(value: string, previous: FindingsFormatName[] | undefined): FindingsFormatName[] {
  if (!(FINDINGS_FORMAT_NAMES as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${FINDINGS_FORMAT_NAMES.join(', ')}.`);
  return [...(previous ?? []), value as FindingsFormatName];
}

function outputList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function validateCommand({ ctx, done }: CommandKit) {
  const format = new Option('-f, --format <format>', 'output format; repeat it for several in one run (default: stylish)').argParser(formatList);
  // Shown in the help as commander shows choices; the parser above checks them.
  format.argChoices = [...FINDINGS_FORMAT_NAMES];
  return commonOptions(new Command('validate'))
    .description('check rubric, answers and mapping files (told apart by their `kind:`) and survey exports, for editors and CI')
    .argument('<files...>', 'files, folders or globs of YAML files and survey exports; - reads stdin')
    .option('--rubric <R>', 'check answers files against this rubric (file or built-in id)')
    .option('--map <file>', 'check survey exports through this mapping file, as `score` reads them')
    .addOption(format)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegativeInteger)
    .option('--quiet', 'report errors only')
    .option('-o, --output <file>', 'write the report to a file instead of stdout; with several formats, FORMAT=FILE for each one not for stdout', outputList)
    .addHelpText('after', `
Several formats in one run: each --format goes to stdout unless an --output FORMAT=FILE sends it to
a file (a format named only there is added); at most one goes to stdout.

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 a file could not be read or a flag is wrong.

Examples:
  $ svcaudit validate my-rubric.yaml
  $ svcaudit validate interviews/ --rubric my-rubric.yaml --max-warnings 0
  $ svcaudit validate "audits/**/*.yaml" --format github
  $ svcaudit validate . -f stylish -f sarif -o sarif=findings.sarif
  $ svcaudit validate mapping.yaml
  $ svcaudit validate export.csv --map mapping.yaml
`)
    .action(async (files, options) => {
      const { runValidate } = await import('./validate.js');
      done(await runValidate(files, options, ctx));
    });
}

export type ValidateFlags = ReturnType<ReturnType<typeof validateCommand>['opts']>;
