/**
 * One export row → one respondent's answers, by the read plan: answer cells scored, respondent
 * fields folded, evidence under its item or as general comments. Cell problems are reported
 * through `problem`; a row with any is not an AnswerSet.
 */
import type { Answer, AnswerSet } from '../../core/answers.js';
import type { Rubric } from '../../rubric/model.js';
import { cellScore } from './cell-score.js';
import type { ExportColumn } from './columns.js';
import type { ExportRow } from './export-rows.js';
import { GENERAL } from './mapping.js';
import { respondentValue, type ReadPlan } from './read-plan.js';

export interface CellProblem {
  readonly column: ExportColumn;
  readonly value: string;
  readonly kind: 'not-integer' | 'out-of-scale' | 'unknown';
  readonly closest: string | undefined;
  readonly item: string;
}

export function rowAnswers(row: ExportRow, plan: ReadPlan, rubric: Rubric, source: string, problem: (p: CellProblem) => void): Omit<AnswerSet, 'date'> | undefined {
  const cell = (column: ExportColumn) => (row.cells[column.index] ?? '').trim();
  let ok = true;
  const scores = new Map<string, Answer['score']>();
  for (const { id, column } of plan.items) {
    const value = cell(column);
    const result = cellScore(value, plan.book);
    if ('problem' in result) {
      ok = false;
      problem({ column, value, kind: result.problem, closest: result.closest, item: id });
    } else if (result.score !== null) scores.set(id, result.score);
  }
  if (!ok) return undefined;
  const evidence = new Map<string, string[]>();
  const comments: string[] = [];
  for (const { item, column } of plan.evidence) {
    const text = cell(column);
    if (text === '') continue;
    if (item === GENERAL) comments.push(text);
    else evidence.set(item, [...(evidence.get(item) ?? []), text]);
  }
  const answers = new Map<string, Answer>();
  // In the mapping's order; an item with evidence but no score keeps its quote.
  for (const id of [...scores.keys(), ...[...evidence.keys()].filter((id) => !scores.has(id))]) {
    answers.set(id, { score: scores.get(id) ?? null, note: undefined, evidence: evidence.get(id) ?? [] });
  }
  const respondent: Record<string, string> = Object.create(null);
  for (const { field, column } of plan.respondent) {
    const value = cell(column);
    if (value !== '') respondent[field] = respondentValue(plan, field, value);
  }
  return {
    source,
    rubric: rubric.id,
    rubricVersion: undefined,
    respondent: { ...respondent },
    answers,
    ...(comments.length > 0 ? { comments } : {}),
  };
}
