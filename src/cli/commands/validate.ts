import { expandInputs } from '../../inputs/expand-inputs.js';
import { FINDINGS_FORMATS, type FindingsFormatName } from '../../report/findings/index.js';
import { countFindings } from '../../report/findings/summary.js';
import type { FileFindings } from '../../report/findings/types.js';
import type { ExitCode } from '../../core/errors.js';
import { validateFiles } from '../../app/validate/validate-files.js';
import { VERSION } from '../../core/version.js';
import { emit, styleForOutput, type CliContext, type CommonOptions } from '../context.js';
import { readStream } from '../../core/io/read-input.js';

export interface ValidateOptions extends CommonOptions {
  rubric?: string;
  format: FindingsFormatName;
  maxWarnings?: number;
  quiet?: boolean;
  output?: string;
}

export async function runValidate(inputs: string[], options: ValidateOptions, ctx: CliContext): Promise<ExitCode> {
  const files = await expandInputs(inputs, ['.yaml', '.yml', '.csv']);
  const all = await validateFiles(files, { rubric: options.rubric, readStdin: () => readStream(ctx.stdin) });
  // --quiet reports errors only, and then warnings no longer count against --max-warnings.
  const results: FileFindings[] = options.quiet
    ? all.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }))
    : all;
  const text = FINDINGS_FORMATS[options.format](results, {
    style: await styleForOutput(ctx, options, options.output),
    toolVersion: VERSION,
    maxWarnings: options.maxWarnings,
  });
  await emit(ctx, text, options.output);
  const { errors, warnings } = countFindings(results);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1;
  return 0;
}
