/** Reading survey exports and YAML answers into comparable values, for the survey tests. */
import type { AnswerSet } from '../../src/core/answers.js';
import type { Finding } from '../../src/core/finding.js';
import { checkAnswersSource } from '../../src/inputs/answers-yaml/check-answers.js';
import { checkMappingText } from '../../src/inputs/survey/check-mapping.js';
import type { ExportSource } from '../../src/inputs/survey/export-rows.js';
import { readSurveyExport, type SurveyReadResult } from '../../src/inputs/survey/read-survey-export.js';
import type { Rubric } from '../../src/rubric/model.js';
import { parseYaml } from '../../src/rubric/yaml-source.js';

export interface Read {
  readonly sets: AnswerSet[];
  readonly findings: Finding[];
  readonly result: SurveyReadResult;
}

export async function readExport(source: ExportSource, file: string, rubric: Rubric, mappingText?: string): Promise<Read> {
  const findings: Finding[] = [];
  let mapping;
  if (mappingText !== undefined) {
    const checked = await checkMappingText(mappingText, 'mapping.yaml', rubric);
    findings.push(...checked.findings.filter((f) => f.severity === 'error'));
    mapping = checked.value;
    if (!mapping) return { sets: [], findings, result: { layout: undefined, rows: 0, respondents: 0, excluded: [] } };
  }
  const sets: AnswerSet[] = [];
  const result = await readSurveyExport(source, file, rubric, mapping, { answerSet: (s) => sets.push(s), finding: (f) => findings.push(f) });
  return { sets, findings, result };
}

/** A YAML answers file as an AnswerSet, `comments:` included, as `score` reads it (warnings allowed). */
export function readYamlAnswers(text: string, file: string, rubric: Rubric): AnswerSet {
  const checked = checkAnswersSource(parseYaml(text, file), rubric);
  if (!checked.value) throw new Error(`${file}: ${checked.findings.map((f) => f.message).join('; ')}`);
  return checked.value;
}

/** What an export and an answers file must agree on: scores, respondent fields, date, and the quotes. */
export function comparable(set: AnswerSet, quotes = true): unknown {
  const answers = [...set.answers]
    .filter(([, a]) => a.score !== null || (quotes && a.evidence.length > 0))
    .map(([id, a]) => [id, a.score, ...(quotes ? [a.evidence] : [])] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  return { respondent: { ...set.respondent }, date: set.date, answers, ...(quotes ? { comments: set.comments ?? [] } : {}) };
}
