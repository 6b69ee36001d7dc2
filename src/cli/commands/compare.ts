/**
 * `svcaudit compare <before> <after>`: progress between two audits of the
 * same rubric, item by item. Each side is scored as `score` would score it,
 * or read from a JSON report; the comparison itself is pure (src/compare/).
 */
import { compareReports } from '../../compare/compare.js';
import type { ComparableReport } from '../../compare/comparable.js';
import { SvcauditError, type ExitCode } from '../../core/errors.js';
import { STDIN } from '../../core/io/read-input.js';
import { loadCompareFormat } from '../../report/compare/load.js';
import type { CompareFormatName } from '../../report/compare/names.js';
import type { Rubric } from '../../rubric/model.js';
import { loadCommandRubric } from '../command-rubric.js';
import { emit, note, reportLayout, styleForOutput, writesToFile, type CliContext, type CommonOptions } from '../context.js';
import { loadSide } from '../../app/compare-side.js';

export interface CompareOptions extends CommonOptions {
  rubric?: string;
  format?: CompareFormatName;
  output?: string;
}

export async function runCompare(before: string, after: string, options: CompareOptions, ctx: CliContext): Promise<ExitCode> {
  if (before === STDIN && after === STDIN) throw new SvcauditError('usage', 'Only one side can be read from stdin (-).', { file: STDIN });
  const scoring = { rubric: options.rubric, color: options.color, debug: options.debug };
  // Loaded once, and only if a side is scored here rather than read from a JSON report.
  let loaded: Promise<Rubric> | undefined;
  const rubric = () => (loaded ??= loadCommandRubric(options.rubric, ctx));
  const baseline = await loadSide(before, rubric, scoring, ctx);
  const followUp = await loadSide(after, rubric, scoring, ctx);
  checkSameRubric(baseline, followUp, { before, after }, ctx);

  const comparison = compareReports(baseline, followUp, { beforeInput: before, afterInput: after });
  const format = await loadCompareFormat(options.format ?? 'text');
  const style = await styleForOutput(ctx, options, options.output);
  const text = format(comparison, {
    style,
    ...reportLayout(ctx),
    followUp,
  });
  await emit(ctx, text, options.output);
  if (writesToFile(options.output)) note(ctx, `Report written to ${options.output}`);
  return 0;
}

/**
 * Items of two different rubrics cannot be matched, so that is an error
 * naming the follow-up (the side usually made later, with the wrong rubric).
 * A revised version of the same rubric is compared item by item, with a note.
 */
function checkSameRubric(before: ComparableReport, after: ComparableReport, inputs: { before: string; after: string }, ctx: CliContext): void {
  if (before.rubric.id !== after.rubric.id) {
    throw new SvcauditError(
      'usage',
      `The two audits use different rubrics: ${before.rubric.id} in ${inputs.before}, ${after.rubric.id} here. Compare two audits of the same rubric (pass --rubric for answers files).`,
      { file: inputs.after },
    );
  }
  const [v1, v2] = [before.rubric.version, after.rubric.version];
  if (v1 !== v2) note(ctx, `svcaudit: note: the rubric's version changed (${v1 ?? 'none'} before, ${v2 ?? 'none'} after); items are matched by id.`);
}
