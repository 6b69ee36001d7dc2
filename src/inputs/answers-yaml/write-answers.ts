/**
 * An AnswerSet as an answers YAML file (docs/file-formats.md, "Answers file"), written
 * atomically. A bare level or `na` stays on one line (`be-nice: 4`); an answer
 * with a note or evidence becomes a mapping. Items never answered are left
 * out, which is how the format says "unanswered".
 */
import { stringify } from 'yaml';
import { writeFileAtomic, type AtomicFs } from '../../core/io/atomic-write.js';
import type { Answer, AnswerSet } from '../../core/answers.js';
import { updateAnswersText } from './update-answers.js';

export interface WriteAnswersOptions {
  /** Item ids in rubric order, so the file reads like the rubric; ids not listed follow in map order. */
  readonly order?: readonly string[];
  /** The text of the file being resumed: its comments and `x-` keys are kept (see update-answers.ts). */
  readonly base?: string | undefined;
  /** For tests: the fs calls of the atomic write. */
  readonly fs?: AtomicFs;
}

const HEADER = '# svcaudit answers file: check it with `svcaudit validate`, score it with `svcaudit score`.\n';

export function formatAnswers(set: AnswerSet, order: readonly string[] = [], base?: string): string {
  const rubricRef = set.rubricVersion === undefined ? set.rubric : `${set.rubric}@${set.rubricVersion}`;
  const values = new Map(orderedIds(set.answers, order).map((id) => [id, answerValue(set.answers.get(id)!)]));
  if (base !== undefined) return updateAnswersText(base, set, rubricRef, values);
  const doc = new Map<string, unknown>([
    ['svcaudit', 1],
    ['kind', 'answers'],
    ['rubric', rubricRef],
  ]);
  // Maps rather than objects throughout: a respondent key such as `__proto__` stays a plain key.
  const respondent = new Map(Object.entries(set.respondent));
  if (respondent.size > 0) doc.set('respondent', respondent);
  if (set.date !== undefined) doc.set('date', set.date);
  doc.set('answers', new Map([...values].filter(([, value]) => value !== undefined)));
  // lineWidth 0: no folding, so a long note stays one line that diffs and greps well.
  return HEADER + stringify(doc, { lineWidth: 0, minContentWidth: 0 });
}

/** Serialises the set, then replaces `path` atomically: the file is always the old or the new version, whole. */
export async function writeAnswersFile(path: string, set: AnswerSet, options: WriteAnswersOptions = {}): Promise<void> {
  const text = formatAnswers(set, options.order, options.base);
  writeFileAtomic(path, text, options.fs);
}

function orderedIds(answers: ReadonlyMap<string, Answer>, order: readonly string[]): string[] {
  const listed = order.filter((id) => answers.has(id));
  const seen = new Set(listed);
  return [...listed, ...[...answers.keys()].filter((id) => !seen.has(id))];
}

function answerValue(answer: Answer): unknown {
  const note = answer.note !== undefined && answer.note !== '' ? answer.note : undefined;
  const evidence = answer.evidence.length > 0 ? [...answer.evidence] : undefined;
  if (note === undefined && evidence === undefined) return answer.score === null ? undefined : answer.score;
  // A skipped item keeps its note and evidence under `score: null`, which reads back as unanswered.
  const value = new Map<string, unknown>([['score', answer.score]]);
  if (note !== undefined) value.set('note', note);
  if (evidence !== undefined) value.set('evidence', evidence);
  return value;
}
