/**
 * Two audits of the same rubric, item by item. Pure: two reports in,
 * one Comparison out.
 *
 * Thresholds: an item improved when its mean score rose by more than
 * EPSILON, slipped when it fell by more, and is unchanged otherwise. The
 * scores are means of whole levels, so any real change is at least
 * 1/(respondents) of a point; EPSILON only absorbs floating-point noise
 * (a mean computed as 3.0000000000000004 on one side and 3 on the other).
 * The gap test is the report's own (isMet), so the two always agree.
 */
import { SvcauditError } from '../core/errors.js';
import { EPSILON, isMet } from '../scoring/tolerance.js';
import type { ComparableItem, ComparableReport } from './comparable.js';
import type { Change, Comparison, Figures, ItemChange, ItemStatus, SectionChange } from './comparison.js';

const NO_FIGURES: Figures = { score: null, index: null, gap: null };

export interface CompareOptions {
  /** The inputs as the user gave them, shown in every format. */
  readonly beforeInput?: string;
  readonly afterInput?: string;
}

export function compareReports(before: ComparableReport, after: ComparableReport, options: CompareOptions = {}): Comparison {
  // The command says which files disagree; this guard keeps the API honest on its own.
  if (before.rubric.id !== after.rubric.id) {
    throw new SvcauditError('usage', `The audits use different rubrics (${before.rubric.id} and ${after.rubric.id}); only audits of the same rubric can be compared.`);
  }
  const sections = matchById(before.sections, after.sections).map(([b, a]): SectionChange => {
    const either = (a ?? b)!;
    return { id: either.id, title: either.title, ...change(b ?? NO_FIGURES, a ?? NO_FIGURES) };
  });
  const items = matchById(before.items, after.items).map(([b, a]) => itemChange(b, a));
  const ids = (status: ItemStatus | ((item: ItemChange) => boolean)): string[] =>
    items.filter(typeof status === 'function' ? status : (item) => item.status === status).map((item) => item.id);

  return {
    svcaudit: 1,
    kind: 'comparison',
    // The follow-up's title and version: a rubric revised between audits is described as it is now.
    rubric: { id: after.rubric.id, title: after.rubric.title, version: after.rubric.version },
    scale: { min: after.scale.min, max: after.scale.max },
    inputs: {
      before: { input: options.beforeInput ?? 'before', respondents: before.respondents, rubricVersion: before.rubric.version },
      after: { input: options.afterInput ?? 'after', respondents: after.respondents, rubricVersion: after.rubric.version },
    },
    overall: change(before.overall, after.overall),
    sections,
    items,
    improved: ids((item) => rose(item.delta.score)),
    slipped: ids((item) => fell(item.delta.score)),
    reachedTarget: ids('reached-target'),
    unchanged: ids('unchanged'),
    notCompared: ids('not-compared'),
  };
}

function itemChange(b: ComparableItem | undefined, a: ComparableItem | undefined): ItemChange {
  const either = (a ?? b)!;
  const figures = change(b ?? NO_FIGURES, a ?? NO_FIGURES);
  return { id: either.id, section: either.section, title: either.title, target: either.target, status: itemStatus(figures), ...figures };
}

export function itemStatus({ before, after, delta }: Change): ItemStatus {
  if (delta.score === null) return 'not-compared';
  if (before.gap !== null && after.gap !== null && !isMet(before.gap) && isMet(after.gap)) return 'reached-target';
  if (rose(delta.score)) return 'improved';
  if (fell(delta.score)) return 'slipped';
  return 'unchanged';
}

function rose(delta: number | null): boolean {
  return delta !== null && delta > EPSILON;
}

function fell(delta: number | null): boolean {
  return delta !== null && delta < -EPSILON;
}

function change(before: Figures, after: Figures): Change {
  const pick = (f: Figures): Figures => ({ score: f.score, index: f.index, gap: f.gap });
  return {
    before: pick(before),
    after: pick(after),
    delta: { score: minus(after.score, before.score), index: minus(after.index, before.index), gap: minus(after.gap, before.gap) },
  };
}

function minus(after: number | null, before: number | null): number | null {
  return after === null || before === null ? null : after - before;
}

/**
 * Pairs entries by id: the follow-up's order first (the rubric as it is now),
 * then any the follow-up no longer has, in the baseline's order. A revised
 * rubric can add or drop an item; it is shown, with no delta.
 */
function matchById<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): [T | undefined, T | undefined][] {
  const byId = new Map(before.map((entry) => [entry.id, entry]));
  const pairs: [T | undefined, T | undefined][] = after.map((entry) => [byId.get(entry.id), entry]);
  const seen = new Set(after.map((entry) => entry.id));
  for (const entry of before) if (!seen.has(entry.id)) pairs.push([entry, undefined]);
  return pairs;
}
