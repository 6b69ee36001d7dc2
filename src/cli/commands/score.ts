import { score } from '../../app/score.js';
import type { Outcome } from '../../core/outcome.js';
import { readStream } from '../../core/io/read-input.js';
import { loadGapPieces } from '../../report/gap/formats.js';
import { loadCommandRubric } from '../command-rubric.js';
import { configFileOf, ignoreOf, organisationOf } from '../config.js';
import { emit, note, reportLayout, styleForOutput, writesToFile, type CliContext } from '../context.js';
import type { ScoreFlags } from './score-flags.js';

/**
 * A survey export of at least this size is read in a worker thread beside the scoring
 * (inputs/survey/scan-in-worker.ts): some 40,000 rows of a Google Forms export, which take
 * longer to read than the thread to start.
 */
const PARALLEL_MIN_BYTES = 8 << 20;

export async function runScore(inputs: string[], options: ScoreFlags, ctx: CliContext): Promise<Outcome> {
  const rubric = await loadCommandRubric(options.rubric, ctx);
  const result = await score(inputs, rubric, {
    by: options.by,
    manyGroups: options.manyGroups,
    map: options.map,
    perceptionGap: options.perceptionGap,
    capacity: options.capacity,
    minGroup: options.minGroup,
    attribution: options.attribution,
    failUnder: options.failUnder,
    strict: options.strict,
    readStdin: () => readStream(ctx.stdin),
    onNote: (message) => note(ctx, message),
    ignore: ignoreOf(ctx),
    organisation: organisationOf(ctx),
    parallel: { minBytes: PARALLEL_MIN_BYTES },
  });
  const format = await loadGapPieces(options.format ?? 'text');
  const style = await styleForOutput(ctx, options, options.output);
  const text = format(result.report, {
    style,
    ...reportLayout(ctx),
    terminal: !writesToFile(options.output) && ctx.stdout.isTTY === true,
  });
  await emit(ctx, text, options.output, [...inputs, options.rubric, configFileOf(ctx)]);
  if (writesToFile(options.output)) note(ctx, `Report written to ${options.output}`);
  // `--fail-under` and `--strict` say why on stderr, after the report.
  for (const reason of result.reasons) note(ctx, reason);
  return result.outcome;
}
