/**
 * `svcaudit compare <before> <after>`: progress between two audits of the same rubric, item by
 * item (app/compare.ts), printed in the chosen format.
 */
import { compare } from '../../app/compare.js';
import type { Outcome } from '../../core/outcome.js';
import { readStream } from '../../core/io/read-input.js';
import { loadCompareFormat } from '../../report/compare/formats.js';
import type { Rubric } from '../../rubric/model.js';
import { loadCommandRubric } from '../command-rubric.js';
import { configFileOf, ignoreOf, organisationOf } from '../config.js';
import { emit, note, reportLayout, styleForOutput, writesToFile, type CliContext } from '../context.js';
import type { CompareFlags } from './compare-flags.js';

/**
 * A follow-up of at least this size is read in a worker thread beside the baseline
 * (app/side-in-worker.ts): about 25,000 CSV rows, which take longer to read than the thread to start.
 */
const PARALLEL_MIN_BYTES = 1 << 20;

export async function runCompare(before: string, after: string, options: CompareFlags, ctx: CliContext): Promise<Outcome> {
  // Loaded once, and only if a side is scored here rather than read from a JSON report.
  let loaded: Promise<Rubric> | undefined;
  const { comparison, baseline, followUp } = await compare(before, after, {
    rubric: () => (loaded ??= loadCommandRubric(options.rubric, ctx)),
    readStdin: () => readStream(ctx.stdin),
    onNote: (message) => note(ctx, message),
    map: options.map,
    mapBefore: options.mapBefore,
    mapAfter: options.mapAfter,
    by: options.by,
    manyGroups: options.manyGroups,
    minGroup: options.minGroup,
    ignore: ignoreOf(ctx),
    parallel: { minBytes: PARALLEL_MIN_BYTES },
  });
  const format = await loadCompareFormat(options.format ?? 'text');
  const style = await styleForOutput(ctx, options, options.output);
  const text = format(comparison, {
    style,
    ...reportLayout(ctx),
    organisation: organisationOf(ctx),
    baseline,
    followUp,
  });
  await emit(ctx, text, options.output, [before, after, options.rubric, configFileOf(ctx)]);
  if (writesToFile(options.output)) note(ctx, `Report written to ${options.output}`);
  return 'ok';
}
