/** One YAML answers text checked against a rubric: the reading `score` and `assess --resume` share. */
import type { AnswerSet } from '../../core/answers.js';
import { SvcauditError } from '../../core/errors.js';
import { finding, type Finding } from '../../core/finding.js';
import { locate, type YamlSource } from '../../core/source.js';
import { detectKind } from '../../rubric/kind.js';
import type { Rubric } from '../../rubric/model.js';
import { checkYamlText } from '../../rubric/quick-yaml.js';
import { checkAnswersSource } from './check-answers.js';

/** `skipped`: a rubric or mapping file passed over (see checkAnswersText); `wrongKind`: a rubric or mapping where answers were wanted. */
type YamlAnswers = { set?: AnswerSet; findings: readonly Finding[]; skipped?: 'rubric' | 'mapping'; wrongKind?: Finding };

/**
 * `skipRubric`: a rubric or mapping file is passed over without findings rather than reported as not answers.
 * A rubric or mapping given as answers is not answers found wanting but a job that cannot be done: an error
 * of its own (exit 2, docs/exit-codes.md), said once, at the file's `kind:`.
 */
export async function checkAnswersText(text: string, file: string, rubric: Rubric, skipRubric = false): Promise<YamlAnswers> {
  const result = await checkYamlText(text, file, (source) => checkYamlAnswers(source, rubric, skipRubric));
  const wrong = result.wrongKind;
  if (wrong) throw new SvcauditError('wrong-kind', wrong.message, { file: wrong.file, line: wrong.line, column: wrong.column });
  return result;
}

function checkYamlAnswers(source: YamlSource, rubric: Rubric, skipRubric: boolean): YamlAnswers {
  const kind = detectKind(source);
  if ('findings' in kind) return { findings: kind.findings };
  if (kind.kind === 'rubric') {
    if (skipRubric) return { skipped: 'rubric', findings: [] };
    // A finding too, so that the fast reading hands the file to the full one, which knows the position.
    const wrongKind = finding('unknown-kind', 'This is a rubric file (`kind: rubric`), not answers; pass a rubric with --rubric.', source.file, locate(source, ['kind']));
    return { findings: [wrongKind], wrongKind };
  }
  if (kind.kind === 'mapping') {
    if (skipRubric) return { skipped: 'mapping', findings: [] };
    const wrongKind = finding('unknown-kind', 'This is a mapping file (`kind: mapping`), not answers; pass it with --map, beside the survey export it reads.', source.file, locate(source, ['kind']));
    return { findings: [wrongKind], wrongKind };
  }
  const checked = checkAnswersSource(source, rubric);
  return checked.value ? { set: checked.value, findings: checked.findings } : { findings: checked.findings };
}
