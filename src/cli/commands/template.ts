import type { ExitCode } from '../../core/errors.js';
import { formatTemplate, type TemplateFormat } from '../../report/rubric/template.js';
import { loadRubric } from '../../rubric/load-rubric.js';
import { emit, type CliContext, type CommonOptions } from '../context.js';

export interface TemplateOptions extends CommonOptions {
  rubric?: string;
  format: TemplateFormat;
  output?: string;
}

export async function runTemplate(options: TemplateOptions, ctx: CliContext): Promise<ExitCode> {
  const { rubric } = await loadRubric(options.rubric);
  await emit(ctx, formatTemplate(rubric, options.format), options.output);
  return 0;
}
