/**
 * Reads an answers file the way `svcaudit score` does (same loader, same
 * checks against the built-in rubric), for tests that check what `assess` saved.
 */
import type { AnswerSet, Score } from '../../src/core/answers.js';
import { readAnswerSets } from '../../src/inputs/read-answer-sets.js';
import type { Finding } from '../../src/core/finding.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';

export const ITEM_IDS = [
  'be-nice', 'respond-quickly', 'benefit-of-the-doubt', 'keep-your-cool', 'be-generous', 'get-to-the-point', 'happiest-solution',
  'smile', 'listen', 'empathize', 'remove-hindrances', 'train-everyone', 'one-touch',
];

export async function readAnswersFile(path: string): Promise<{ set: AnswerSet | undefined; findings: readonly Finding[] }> {
  const { rubric } = await loadRubric('service-commitments');
  let set: AnswerSet | undefined;
  const result = await readAnswerSets([path], rubric, (s) => {
    set = s;
  });
  return { set, findings: result.findings };
}

/** Item id → score, for the items with one. */
export function scoresOf(set: AnswerSet): Record<string, Score> {
  return Object.fromEntries([...set.answers].filter(([, a]) => a.score !== null).map(([id, a]) => [id, a.score]));
}
