/** One YAML answers text checked against a rubric: the reading `score` and `assess --resume` share. */
import type { AnswerSet } from '../../core/answers.js';
import { finding, type Finding } from '../../core/finding.js';
import { locate, type YamlSource } from '../../core/source.js';
import { detectKind } from '../../rubric/kind.js';
import type { Rubric } from '../../rubric/model.js';
import { checkYamlText } from '../../rubric/quick-yaml.js';
import { checkAnswersSource } from './check-answers.js';

/** `skipped`: a rubric or mapping file passed over (see checkAnswersText). */
type YamlAnswers = { set?: AnswerSet; findings: readonly Finding[]; skipped?: 'rubric' | 'mapping' };

/** `skipRubric`: a rubric file is passed over without findings rather than reported as not answers. */
export async function checkAnswersText(text: string, file: string, rubric: Rubric, skipRubric = false): Promise<YamlAnswers> {
  return checkYamlText(text, file, (source) => checkYamlAnswers(source, rubric, skipRubric));
}

function checkYamlAnswers(source: YamlSource, rubric: Rubric, skipRubric: boolean): YamlAnswers {
  const kind = detectKind(source);
  if ('findings' in kind) return { findings: kind.findings };
  if (kind.kind === 'rubric') {
    if (skipRubric) return { skipped: 'rubric', findings: [] };
    return { findings: [...source.findings, finding('unknown-kind', 'This is a rubric file (`kind: rubric`); `score` takes answers files. Pass a rubric with --rubric.', source.file, locate(source, ['kind']))] };
  }
  if (kind.kind === 'mapping') {
    if (skipRubric) return { skipped: 'mapping', findings: [] };
    return { findings: [...source.findings, finding('unknown-kind', 'This is a mapping file (`kind: mapping`), not answers. Pass it with --map, beside the survey export it reads.', source.file, locate(source, ['kind']))] };
  }
  const checked = checkAnswersSource(source, rubric);
  return checked.value ? { set: checked.value, findings: checked.findings } : { findings: checked.findings };
}
