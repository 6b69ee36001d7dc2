import type { Outcome } from '../../core/outcome.js';
import { formatTemplate } from '../../report/rubric/template.js';
import { loadRubric } from '../../rubric/load-rubric.js';
import { configFileOf } from '../config.js';
import { emit, type CliContext } from '../context.js';
import type { TemplateFlags } from './template-flags.js';

export async function runTemplate(options: TemplateFlags, ctx: CliContext): Promise<Outcome> {
  const { rubric } = await loadRubric(options.rubric);
  await emit(ctx, formatTemplate(rubric, options.format, options.for), options.output, [options.rubric, configFileOf(ctx)]);
  return 'ok';
}
