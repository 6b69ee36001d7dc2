/**
 * Answers files (YAML, docs/file-formats.md), and in `validate` rubric files too: both are YAML
 * told apart by their `kind:`.
 */
import { compareFindings, finding, type Finding } from '../../core/finding.js';
import type { FileFindings } from '../../core/file-findings.js';
import { decodeText } from '../../core/io/decode-text.js';
import { locate, type YamlSource } from '../../core/source.js';
import { checkRubricSource } from '../../rubric/check-rubric.js';
import { detectKind } from '../../rubric/kind.js';
import { checkYamlText } from '../../rubric/quick-yaml.js';
import { answersSchema } from '../../rubric/schema.js';
import type { InputAdapter } from '../adapter.js';
import type { RubricCache } from '../rubric-cache.js';
import { answersShapeFindings, checkAnswersSource, parseRubricReference } from './check-answers.js';
import { checkAnswersText } from './check-answers-text.js';
import { excerpt } from '../../core/inert-text.js';

export const answersYaml: InputAdapter = {
  async readAnswers(input, rubric, sink, flags) {
    const decoded = decodeText(await input.bytes(), input.file);
    if ('finding' in decoded) {
      sink.finding(decoded.finding);
      return;
    }
    // A rubric to pass over is known as one on the fast reading; the full one would only find it wanting.
    const result = await checkAnswersText(decoded.text, input.file, rubric, flags.skipRubric);
    if (result.skipped) {
      sink.skipped(result.skipped);
      return;
    }
    result.findings.forEach(sink.finding);
    if (result.set) sink.answerSet(result.set);
  },

  async validate(input, rubrics) {
    const { file } = input;
    const decoded = decodeText(await input.bytes(), file);
    if ('finding' in decoded) return { file, kind: undefined, findings: [decoded.finding] };
    const result = await checkYamlText(decoded.text, file, (source) => checkSource(source, rubrics));
    return { file, kind: result.kind, findings: [...result.findings].sort(compareFindings) };
  },
};

async function checkSource(source: YamlSource, rubrics: RubricCache): Promise<Omit<FileFindings, 'file'>> {
  const kind = detectKind(source);
  if ('findings' in kind) return { kind: undefined, findings: kind.findings };
  if (kind.kind === 'answers') return { kind: kind.kind, findings: await checkAnswers(source, rubrics) };
  if (kind.kind === 'mapping') return { kind: kind.kind, findings: await checkMapping(source, rubrics) };
  const checked = checkRubricSource(source);
  if (checked.value) rubrics.addLocal(checked.value);
  return { kind: kind.kind, findings: checked.findings };
}

/** A mapping file against the rubric it names (or --rubric): the mapping check loads only for one. */
async function checkMapping(source: YamlSource, rubrics: RubricCache): Promise<readonly Finding[]> {
  const named = (source.value as { rubric?: unknown }).rubric;
  const rubric = await rubrics.forAnswers(typeof named === 'string' ? parseRubricReference(named).id : undefined);
  const { checkMappingSource, mappingShapeFindings } = await import('../survey/check-mapping.js');
  if (rubric.kind === 'found') return checkMappingSource(source, rubric.rubric).findings;
  const shape = [...source.findings, ...mappingShapeFindings(source)];
  const wellFormed = typeof named === 'string' && RUBRIC_REFERENCE.test(named);
  if (rubric.kind === 'unknown' && wellFormed) {
    const message = `\`${parseRubricReference(named).id}\` is not a built-in rubric (${rubric.builtins.join(', ')}); pass the rubric file with --rubric to check this mapping against it.`;
    return [...shape, finding('answers-unknown-rubric', message, source.file, locate(source, ['rubric']))];
  }
  return shape;
}

const RUBRIC_REFERENCE = new RegExp(answersSchema.properties.rubric.pattern);

async function checkAnswers(source: YamlSource, rubrics: RubricCache): Promise<readonly Finding[]> {
  const named = (source.value as { rubric?: unknown }).rubric;
  const rubric = await rubrics.forAnswers(typeof named === 'string' ? parseRubricReference(named).id : undefined);
  if (rubric.kind === 'found') return checkAnswersSource(source, rubric.rubric).findings;
  const shape = [...source.findings, ...answersShapeFindings(source)];
  // A malformed `rubric:` value has its own schema finding; only a well-formed id can be "not built in".
  const wellFormed = typeof named === 'string' && RUBRIC_REFERENCE.test(named);
  if (rubric.kind === 'unknown' && wellFormed) {
    const message = `\`${excerpt(parseRubricReference(named).id)}\` is not a built-in rubric (${rubric.builtins.join(', ')}); pass the rubric file with --rubric to check these answers against it.`;
    return [...shape, finding('answers-unknown-rubric', message, source.file, locate(source, ['rubric']))];
  }
  return shape;
}
