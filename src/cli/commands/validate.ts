import { resolve } from 'node:path';
import type { Outcome } from '../../core/outcome.js';
import { SvcauditError } from '../../core/errors.js';
import { didYouMean } from '../../core/suggest.js';
import { VERSION } from '../../core/version.js';
import { validate } from '../../app/validate.js';
import { FINDINGS_FORMAT_NAMES, loadFindingsFormat, type FindingsFormatName } from '../../report/findings/formats.js';
import { brokenConfig, configFileOf, ignoreOf } from '../config.js';
import type { FileFindings } from '../../core/file-findings.js';
import { appendTo, emit, note, styleForOutput, writesToFile, type CliContext } from '../context.js';
import { readStream } from '../../core/io/read-input.js';
import type { ValidateFlags } from './validate-flags.js';

export async function runValidate(inputs: string[], options: ValidateFlags, ctx: CliContext): Promise<Outcome> {
  // Decided before any file is read: a wrong combination of flags is a usage error, at once.
  const outputs = outputPlan(options.format ?? ['stylish'], options.output ?? []);
  const result = await validate(inputs, {
    rubric: options.rubric,
    map: options.map,
    readStdin: () => readStream(ctx.stdin),
    quiet: options.quiet,
    maxWarnings: options.maxWarnings,
    onNote: (message) => note(ctx, message),
    ignore: ignoreOf(ctx),
    also: [brokenConfig(ctx)].filter((r) => r !== undefined),
  });
  for (const { format, output } of outputs) {
    const formatter = await loadFindingsFormat(format);
    const text = formatter(result.results, {
      style: await styleForOutput(ctx, options, output),
      toolVersion: VERSION,
      maxWarnings: options.maxWarnings,
    });
    await emit(ctx, text, output, [...inputs, options.rubric, configFileOf(ctx)]);
  }
  if (outputs.some((o) => o.format === 'github')) await appendStepSummary(ctx, result.results);
  return result.outcome;
}

/** In a GitHub Actions job, `--format github` also leaves a summary on the job's page. */
async function appendStepSummary(ctx: CliContext, results: readonly FileFindings[]): Promise<void> {
  const path = ctx.env.GITHUB_STEP_SUMMARY;
  if (path === undefined || path === '') return;
  const { githubSummary } = await import('../../report/findings/github-summary.js');
  await appendTo(path, githubSummary(results));
}

interface Output {
  readonly format: FindingsFormatName;
  /** A file, or undefined for stdout. */
  readonly output: string | undefined;
}

/**
 * Where each format of one run goes (the README, "CI"): `-f` names formats, in order; `-o FILE`
 * sends the only format to FILE; `-o FORMAT=FILE` sends FORMAT there (and adds it when `-f` did not
 * name it); every other format goes to stdout, and at most one may, so machine output is never
 * mixed (docs/exit-codes.md: bad usage is exit 2).
 */
export function outputPlan(formats: readonly FindingsFormatName[], outputs: readonly string[]): Output[] {
  const named = new Map<FindingsFormatName, string>();
  const plain: string[] = [];
  for (const output of outputs) {
    const pair = /^([a-z]+)=(.+)$/.exec(output);
    if (pair === null) {
      plain.push(output);
      continue;
    }
    const [, name, file] = pair as unknown as [string, string, string];
    if (!(FINDINGS_FORMAT_NAMES as readonly string[]).includes(name)) {
      // A misspelt format is a mistake to point out; any other `word=…` is a file name.
      const meant = didYouMean(name, FINDINGS_FORMAT_NAMES);
      if (meant !== '') throw usage(`--output ${output}: there is no format \`${name}\`.${meant}`);
      plain.push(output);
      continue;
    }
    if (named.has(name as FindingsFormatName)) throw usage(`--output ${name}=…: given twice; each format goes to one place.`);
    named.set(name as FindingsFormatName, file);
  }
  const all = [...new Set([...formats, ...named.keys()])];
  if (plain.length > 1) throw usage(`--output ${plain[1]}: a second --output FILE; with several formats, say which goes where: --output ${all[1] ?? 'sarif'}=${plain[1]}.`);
  const rest = all.filter((format) => !named.has(format));
  if (plain.length === 1) {
    if (rest.length !== 1) throw usage(`--output ${plain[0]}: with ${rest.length === 0 ? 'every format already sent to a file' : `${rest.length} formats (${rest.join(', ')})`}, say which goes there: --output ${rest[0] ?? all[0]}=${plain[0]}.`);
    named.set(rest[0]!, plain[0]!);
  }
  const toStdout = all.filter((format) => !writesToFile(named.get(format)));
  if (toStdout.length > 1) {
    throw usage(`${toStdout.map((f) => `--format ${f}`).join(' and ')} would ${toStdout.length === 2 ? 'both' : 'all'} go to stdout; send all but one to a file with --output FORMAT=FILE (such as --output ${toStdout[1]}=FILE).`);
  }
  // Two formats into one file: the second would replace the first.
  const byFile = new Map<string, FindingsFormatName>();
  for (const [format, file] of named) {
    if (!writesToFile(file)) continue;
    const earlier = byFile.get(resolve(file));
    if (earlier !== undefined) throw usage(`--output ${format}=${file}: ${earlier} goes to that file already; each format needs a file of its own.`);
    byFile.set(resolve(file), format);
  }
  return all.map((format) => ({ format, output: named.get(format) }));
}

function usage(message: string): SvcauditError {
  return new SvcauditError('usage', message);
}
