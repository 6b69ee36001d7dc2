/** The rubric a command works with (`--rubric`, or the built-in default); its warnings go to stderr once. */
import type { Rubric } from '../rubric/model.js';
import { loadRubric } from '../rubric/load-rubric.js';
import { note, type CliContext } from './context.js';

export async function loadCommandRubric(ref: string | undefined, ctx: CliContext): Promise<Rubric> {
  const { rubric, warnings } = await loadRubric(ref);
  for (const w of warnings) note(ctx, `svcaudit: ${w.file}:${w.line}:${w.column}: warning: ${w.message}`);
  return rubric;
}
