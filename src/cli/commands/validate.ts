import type { Outcome } from '../../core/outcome.js';
import { VERSION } from '../../core/version.js';
import { validate } from '../../app/validate.js';
import { loadFindingsFormat } from '../../report/findings/formats.js';
import { emit, styleForOutput, type CliContext } from '../context.js';
import { readStream } from '../../core/io/read-input.js';
import type { ValidateFlags } from './validate-flags.js';

export async function runValidate(inputs: string[], options: ValidateFlags, ctx: CliContext): Promise<Outcome> {
  const result = await validate(inputs, {
    rubric: options.rubric,
    readStdin: () => readStream(ctx.stdin),
    quiet: options.quiet,
    maxWarnings: options.maxWarnings,
  });
  const format = await loadFindingsFormat(options.format);
  const text = format(result.results, {
    style: await styleForOutput(ctx, options, options.output),
    toolVersion: VERSION,
    maxWarnings: options.maxWarnings,
  });
  await emit(ctx, text, options.output, [...inputs, options.rubric]);
  return result.outcome;
}
