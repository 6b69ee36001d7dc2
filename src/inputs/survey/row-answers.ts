/**
 * One export row → one respondent's answers, by the read plan: answer cells scored, respondent
 * fields folded, evidence under its item or as general comments. Cell problems are reported
 * through `problem`; a row with any is not an AnswerSet.
 */
import type { Answer } from '../../core/answers.js';
import type { Rubric } from '../../rubric/model.js';
import { cellScore } from './cell-score.js';
import type { ExportColumn } from './columns.js';
import type { UndatedSet } from './date-order.js';
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

export function rowAnswers(row: ExportRow, plan: ReadPlan, rubric: Rubric, source: string, problem: (p: CellProblem) => void): UndatedSet | undefined {
  const cell = (column: ExportColumn) => (row.cells[column.index] ?? '').trim();
  // Called once per row of a million-row export: one pass per column list, no intermediate arrays.
  let evidence: Map<string, string[]> | undefined;
  let comments: string[] | undefined;
  for (const { item, column } of plan.evidence) {
    const text = cell(column);
    if (text === '') continue;
    if (item === GENERAL) (comments ??= []).push(text);
    else {
      evidence ??= new Map();
      const list = evidence.get(item);
      if (list) list.push(text);
      else evidence.set(item, [text]);
    }
  }
  let ok = true;
  const answers = new Map<string, Answer>();
  for (const { id, column } of plan.items) {
    const value = cell(column);
    const result = cellScore(value, plan.book);
    if ('problem' in result) {
      ok = false;
      problem({ column, value, kind: result.problem, closest: result.closest, item: id });
    } else if (result.score !== null) answers.set(id, { score: result.score, note: undefined, evidence: evidence?.get(id) ?? NO_EVIDENCE });
  }
  if (!ok) return undefined;
  // In the mapping's order; an item with evidence but no score keeps its quote.
  if (evidence) for (const [id, texts] of evidence) if (!answers.has(id)) answers.set(id, { score: null, note: undefined, evidence: texts });
  const respondent: Record<string, string> = {};
  for (const { field, column } of plan.respondent) {
    const value = cell(column);
    if (value === '') continue;
    // A `__proto__` field stays a plain field, never the object's prototype.
    if (field === '__proto__') Object.defineProperty(respondent, field, { value: respondentValue(plan, field, value), enumerable: true, writable: true, configurable: true });
    else respondent[field] = respondentValue(plan, field, value);
  }
  return {
    source,
    rubric: rubric.id,
    rubricVersion: undefined,
    date: undefined,
    respondent,
    answers,
    ...(comments ? { comments } : {}),
  };
}

const NO_EVIDENCE: readonly string[] = [];
