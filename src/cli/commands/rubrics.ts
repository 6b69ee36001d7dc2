import type { Outcome } from '../../core/outcome.js';
import { builtinRubricIds, loadRubric } from '../../rubric/load-rubric.js';
import { rubricItems } from '../../rubric/model.js';
import type { RubricsFlags } from './rubrics-flags.js';
import { styleForStdout, type CliContext } from '../context.js';

export async function runRubrics(options: RubricsFlags, ctx: CliContext): Promise<Outcome> {
  const style = await styleForStdout(ctx, options);
  const lines: string[] = [];
  for (const id of await builtinRubricIds()) {
    const { rubric } = await loadRubric(id);
    const items = rubricItems(rubric).length;
    const version = rubric.version ? ` v${rubric.version}` : '';
    lines.push(`${style.bold(id)}${style.dim(version)}  ${rubric.title} (${rubric.sections.length} sections, ${items} items)`);
  }
  lines.push('', style.dim('Show one with: svcaudit rubric show <id>'));
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return 'ok';
}
