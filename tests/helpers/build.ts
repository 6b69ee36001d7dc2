/**
 * Small builders for normalized Rubric models and AnswerSets, so scoring
 * tests state only the numbers that matter. Defaults follow docs/formulas.md:
 * scale 1..5, target = max - 1, weights 1, an action's `to` = the item's target.
 */
import type { Attribution } from '../../src/scoring/tally.js';
import type { Answer, AnswerSet, Score } from '../../src/core/answers.js';
import type { Action, Effort, Item, Rubric, Section } from '../../src/rubric/model.js';
import { RespondentTable } from '../../src/compare/respondent-table.js';
import type { SavedSide, ScoredSide } from '../../src/compare/side.js';
import { checkReport } from '../../src/inputs/saved-report/read-report.js';
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
  options: { readonly by?: string; readonly perceptionGap?: number; readonly capacity?: number; readonly minGroup?: number; readonly attribution?: Attribution } = {},
): Report {
  const tally = createTally(rubric, { by: options.by, attribution: options.attribution });
  for (const set of sets) addAnswerSet(tally, set);
  return buildReport(tally, { perceptionGap: options.perceptionGap, capacity: options.capacity, minGroup: options.minGroup });
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

/** One side of `compare` scored here: its report and its respondent table, as app/compare.ts builds them. */
export function scoredSide(rubric: Rubric, sets: readonly AnswerSet[], options: { readonly by?: string } = {}): ScoredSide {
  const table = new RespondentTable(rubric, { by: options.by });
  for (const set of sets) table.add(set);
  return { kind: 'scored', rubric, report: scoreSets(rubric, sets, options), table };
}

/** A report as svcaudit 1.x saved it: format 1, without the intervals, groups and agreement of format 2. */
export function asFormat1(report: Report): object {
  const { organisation: _o, fieldwork: _f, attribution: _a, minGroup: _m, groups: _g, agreement: _ag, ...rest } = report;
  const figures = <T extends object>(x: T) => {
    const { ci: _ci, se: _se, df: _df, limitedBy: _l, ...kept } = x as T & { ci?: unknown; se?: unknown; df?: unknown; limitedBy?: unknown };
    return kept;
  };
  return {
    ...rest,
    svcaudit: 1,
    overall: figures(report.overall),
    sections: report.sections.map(figures),
    items: report.items.map(({ ci: _ci, atTarget: _t, unanswered: _u, groups, spread, ...item }) => ({
      ...item,
      groups: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.score])),
      spread: spread?.value ?? null,
    })),
  };
}

/** One side of `compare` read back from a saved JSON report (of the format the object says). */
export function savedSide(report: object, file = 'saved.json'): SavedSide {
  return { kind: 'saved', report: checkReport(JSON.parse(JSON.stringify(report)), file) };
}

/** Respondents `r1`, `r2`, … answering one item each: `respondents('q', [1, 2, 3])`, with ids unless `ids` is false. */
export function respondents(itemId: string, scores: readonly Score[], options: { readonly ids?: boolean; readonly prefix?: string } = {}): AnswerSet[] {
  return scores.map((score, i) => buildAnswers(`${options.prefix ?? 'r'}${i + 1}.yaml`, { [itemId]: score }, options.ids === false ? {} : { id: `${options.prefix ?? 'r'}${i + 1}` }));
}
