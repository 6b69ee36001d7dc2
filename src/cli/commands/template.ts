import type { ExitCode } from '../../errors.js';
import { formatTemplate, type TemplateFormat } from '../../report/template.js';
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
