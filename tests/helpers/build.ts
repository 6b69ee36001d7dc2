/**
 * Small builders for normalized Rubric models and AnswerSets, so scoring
 * tests state only the numbers that matter. Defaults follow docs/formulas.md:
 * scale 1..5, target = max - 1, weights 1, an action's `to` = the item's target.
 */
import type { Answer, AnswerSet, Score } from '../../src/core/answers.js';
import type { Action, Effort, Item, Rubric, Section } from '../../src/rubric/model.js';
import { addAnswerSet, buildReport, createTally } from '../../src/scoring/index.js';
import type { ItemResult, Report, SectionResult } from '../../src/scoring/index.js';

export interface ActionSpec {
  readonly to?: number;
  readonly text?: string;
  readonly effort?: Effort;
  readonly owner?: string;
}

export interface ItemSpec {
  readonly id: string;
  readonly weight?: number;
  readonly target?: number;
  readonly audience?: readonly string[];
  readonly actions?: readonly ActionSpec[];
}

export interface SectionSpec {
  readonly id: string;
  readonly weight?: number;
  readonly target?: number;
  readonly items: readonly (ItemSpec | string)[];
}

export interface RubricSpec {
  readonly scale?: { readonly min: number; readonly max: number };
  readonly target?: number;
  readonly sections: readonly SectionSpec[];
}

export function buildRubric(spec: RubricSpec): Rubric {
  const scale = { min: spec.scale?.min ?? 1, max: spec.scale?.max ?? 5, labels: new Map<number, string>() };
  const rubricTarget = spec.target ?? scale.max - 1;
  const sections: Section[] = spec.sections.map((s) => {
    const sectionTarget = s.target ?? rubricTarget;
    const items: Item[] = s.items.map((raw) => {
      const i: ItemSpec = typeof raw === 'string' ? { id: raw } : raw;
      const target = i.target ?? sectionTarget;
      const actions: Action[] = (i.actions ?? []).map((a, k) => ({
        to: a.to ?? target,
        text: a.text ?? `${i.id} action ${k + 1}`,
        effort: a.effort ?? 'medium',
        owner: a.owner,
      }));
      return {
        id: i.id,
        section: s.id,
        title: i.id,
        prompt: `${i.id}?`,
        why: undefined,
        audience: i.audience,
        weight: i.weight ?? 1,
        target,
        levels: new Map(),
        lookFor: [],
        actions,
      };
    });
    return { id: s.id, title: s.id, weight: s.weight ?? 1, target: sectionTarget, items };
  });
  return {
    id: 'test-rubric',
    title: 'Test rubric',
    version: '1.0.0',
    description: undefined,
    scale,
    target: rubricTarget,
    sections,
    source: 'builtin:test-rubric',
  };
}

/** A score alone, or a full answer with a note and evidence. */
export type AnswerSpec = Score | { readonly score: Score; readonly note?: string; readonly evidence?: readonly string[] };

export function buildAnswers(
  source: string,
  answers: Readonly<Record<string, AnswerSpec>>,
  respondent: Readonly<Record<string, string>> = {},
): AnswerSet {
  const map = new Map<string, Answer>();
  for (const [id, spec] of Object.entries(answers)) {
    map.set(
      id,
      typeof spec === 'object' && spec !== null
        ? { score: spec.score, note: spec.note, evidence: spec.evidence ?? [] }
        : { score: spec, note: undefined, evidence: [] },
    );
  }
  return { source, rubric: 'test-rubric', rubricVersion: undefined, respondent, date: undefined, answers: map };
}

/** One answer set per row of scores for a single item: `column('q', [1, 2, 3])`. */
export function column(itemId: string, scores: readonly Score[], source = 'answers.csv'): AnswerSet[] {
  return scores.map((score, row) => buildAnswers(`${source}:${row + 2}`, { [itemId]: score }));
}

/** Tally the sets in order and build the report, as the `score` command does. */
export function scoreSets(
  rubric: Rubric,
  sets: readonly AnswerSet[],
  options: { readonly by?: string; readonly perceptionGap?: number; readonly capacity?: number } = {},
): Report {
  const tally = createTally(rubric, { by: options.by });
  for (const set of sets) addAnswerSet(tally, set);
  return buildReport(tally, { perceptionGap: options.perceptionGap, capacity: options.capacity });
}

/** The report line of one item; fails the test when it is missing. */
export function itemOf(report: Report, id: string): ItemResult {
  const item = report.items.find((i) => i.id === id);
  if (item === undefined) throw new Error(`no item ${id} in the report`);
  return item;
}

/** The report line of one section; fails the test when it is missing. */
export function sectionOf(report: Report, id: string): SectionResult {
  const section = report.sections.find((s) => s.id === id);
  if (section === undefined) throw new Error(`no section ${id} in the report`);
  return section;
}
