import type { Outcome } from '../../core/outcome.js';
import { formatRubricTable } from '../../report/rubric/rubric-table.js';
import { loadRubric } from '../../rubric/load-rubric.js';
import type { RubricShowFlags } from './rubric-show-flags.js';
import { styleForStdout, type CliContext } from '../context.js';

export async function runRubricShow(ref: string, options: RubricShowFlags, ctx: CliContext): Promise<Outcome> {
  const { rubric } = await loadRubric(ref);
  // Piped output has no width: use a wide one, since it is usually read in a file or pager.
  const width = ctx.stdout.columns ?? 140;
  ctx.stdout.write(formatRubricTable(rubric, { style: await styleForStdout(ctx, options), width: Math.max(60, width) }));
  return 'ok';
}
