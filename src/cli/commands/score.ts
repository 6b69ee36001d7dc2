import type { ExitCode } from '../../core/errors.js';
import { loadGapFormat } from '../../report/gap/load.js';
import type { GapFormatName } from '../../report/gap/names.js';
import type { Report } from '../../scoring/report.js';
import { loadCommandRubric } from '../command-rubric.js';
import { emit, note, reportLayout, styleForOutput, writesToFile, type CliContext } from '../context.js';
import { scoreInputs, type MissingAnswers, type ScoreInputsOptions } from '../../app/score-inputs.js';

export interface ScoreOptions extends ScoreInputsOptions {
  format?: GapFormatName;
  output?: string;
  failUnder?: number;
  strict?: boolean;
}

export async function runScore(inputs: string[], options: ScoreOptions, ctx: CliContext): Promise<ExitCode> {
  const rubric = await loadCommandRubric(options.rubric, ctx);
  const { report, missing } = await scoreInputs(inputs, rubric, options, ctx);
  const format = await loadGapFormat(options.format ?? 'text');
  const style = await styleForOutput(ctx, options, options.output);
  const text = format(report, {
    style,
    ...reportLayout(ctx),
  });
  await emit(ctx, text, options.output);
  if (writesToFile(options.output)) note(ctx, `Report written to ${options.output}`);
  return gate(report, missing, options, ctx);
}

/** `--fail-under` and `--strict`: the gates a CI job sets, each saying why on stderr. */
function gate(report: Report, missing: MissingAnswers, options: ScoreOptions, ctx: CliContext): ExitCode {
  let code: ExitCode = 0;
  if (options.strict && missing.total > 0) {
    const where = missing.examples.map((m) => `\n  ${m.source}: ${m.items.join(', ')}`).join('');
    const more = missing.total > missing.examples.reduce((n, m) => n + m.items.length, 0) ? '\n  …' : '';
    note(ctx, `svcaudit: --strict: ${missing.total} answer${missing.total === 1 ? ' is' : 's are'} missing (an item left out or blank; use \`na\` for items that do not apply):${where}${more}`);
    code = 1;
  }
  if (options.failUnder !== undefined) {
    const index = report.overall.index;
    if (index === null) {
      note(ctx, `svcaudit: --fail-under ${options.failUnder}: nothing was scored, so the index is unknown.`);
      code = 1;
    } else if (index < options.failUnder) {
      note(ctx, `svcaudit: --fail-under ${options.failUnder}: the overall index is ${index.toFixed(1)}, below the threshold.`);
      code = 1;
    }
  }
  return code;
}
