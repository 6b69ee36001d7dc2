/** `validate` on a survey CSV export: the same reader and rules as `score`. */
import { readCsvAnswers } from '../../inputs/svcaudit-csv/csv-answers.js';
import { utf8Text } from '../../core/io/decode-text.js';
import { compareFindings, type Finding } from '../../core/finding.js';
import type { FileFindings } from '../../report/findings/types.js';
import type { RubricCache } from './rubric-cache.js';

export async function validateCsv(bytes: Uint8Array, file: string, rubrics: RubricCache): Promise<FileFindings> {
  const rubric = await rubrics.forCsv();
  if (rubric.kind !== 'found') return { file, kind: 'answers', findings: [] }; // a broken --rubric is reported on its own
  const findings: Finding[] = [];
  await readCsvAnswers([utf8Text(bytes)], file, rubric.rubric, { answerSet: () => undefined, finding: (f) => findings.push(f) });
  return { file, kind: 'answers', findings: findings.sort(compareFindings) };
}
