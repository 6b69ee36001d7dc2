/**
 * The 90-day improvement plan scheduler (docs/formulas.md, "The improvement
 * plan"). Pure: the same items and capacity always give the same plan,
 * whatever order the items and actions arrive in, because every tie is broken
 * on the rubric order carried in the input rather than on array positions.
 *
 * 1. Candidates: an item's actions with `score < to <= target`; those sharing
 *    a `to` form a step, and steps are ordered by `to`.
 * 2. Value: a step lifts the item from the level before it (the score for the
 *    first step, else the previous step's `to`) to its `to`, worth
 *    `e_i * (to - from)`, shared equally among the step's actions; so the
 *    values of an item's steps add up to its priority when the last reaches
 *    the target. Candidates worth 0 (items of weight 0) are left out.
 * 3. Cost: effort points, low 1, medium 2, high 3; a phase holds `capacity`.
 * 4. Order: value per point, highest first; ties (12 significant digits) by
 *    priority, highest first, then rubric order of the item, then `to`, then
 *    rubric order of the action.
 * 5. Schedule: phases 1-3 in turn take, in that order, each candidate that
 *    fits the points left and whose previous step lies wholly in an earlier
 *    phase. The rest is phase 4 in the same order, except that a step never
 *    comes before its previous step: it moves to just after that step's last
 *    action.
 */
import type { Effort } from '../rubric/model.js';

export const DEFAULT_CAPACITY = 6;
/** The largest effort costs 3 points: a smaller phase could never hold a high-effort action. */
export const MIN_CAPACITY = 3;

export const EFFORT_POINTS: Readonly<Record<Effort, number>> = { low: 1, medium: 2, high: 3 };

/** Two values agreeing to this many significant digits are tied (docs/formulas.md). */
const TIE_DIGITS = 12;

export type PlanPhase = 1 | 2 | 3 | 4;

export interface PlanActionInput {
  /** Position of the action among its item's actions in the rubric. */
  readonly order: number;
  /** The level the action lifts the item to; default the item's target. */
  readonly to?: number | undefined;
  readonly text: string;
  readonly effort: Effort;
  readonly owner?: string | undefined;
}

export interface PlanItemInput {
  readonly id: string;
  /** Position of the item in the rubric. */
  readonly order: number;
  /** The effective weight e_i. */
  readonly weight: number;
  readonly score: number;
  readonly target: number;
  /** `e_i * gap_i`. */
  readonly priority: number;
  readonly actions: readonly PlanActionInput[];
}

export interface PlanScheduleOptions {
  /** Effort points per 30-day phase; a whole number, at least 3. Default 6. */
  readonly capacity?: number | undefined;
}

export interface PlanEntry {
  readonly item: string;
  readonly to: number;
  readonly text: string;
  readonly effort: Effort;
  /** Who does it; null when the rubric names nobody. */
  readonly owner: string | null;
  /** 1, 2, 3: the first, second and third 30 days; 4: later. */
  readonly phase: PlanPhase;
  /** The action's share of its step's lift of the overall score. */
  readonly value: number;
}

/** One action that could close part of a gap, with what the scheduler needs to place it. */
interface Candidate {
  readonly item: PlanItemInput;
  readonly action: PlanActionInput;
  readonly to: number;
  readonly points: number;
  readonly value: number;
  /** value per point and priority, rounded to the tie precision once. */
  readonly rate: number;
  readonly rank: number;
  /** The step this action belongs to, and the one before it (null for an item's first step). */
  readonly step: Step;
}

interface Step {
  readonly previous: Step | null;
  readonly actions: Candidate[];
}

export function schedulePlan(items: readonly PlanItemInput[], options: PlanScheduleOptions = {}): PlanEntry[] {
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  if (!Number.isInteger(capacity) || capacity < MIN_CAPACITY) {
    throw new RangeError(`capacity must be a whole number of at least ${MIN_CAPACITY}; got ${capacity}`);
  }
  const sorted = items.flatMap(candidatesOf).sort(byOrder);

  const phaseOf = new Map<Candidate, PlanPhase>();
  const placed: Candidate[] = [];
  for (const phase of [1, 2, 3] as const) {
    let left = capacity;
    for (const candidate of sorted) {
      if (phaseOf.has(candidate) || candidate.points > left || !readyIn(candidate.step.previous, phase, phaseOf)) continue;
      phaseOf.set(candidate, phase);
      placed.push(candidate);
      left -= candidate.points;
    }
  }

  const later = laterOrder(sorted.filter((c) => !phaseOf.has(c)));
  return [...placed.map((c) => entry(c, phaseOf.get(c)!)), ...later.map((c) => entry(c, 4))];
}

/** Every action of the previous step placed in a phase before `phase` (an item's first step is always ready). */
function readyIn(previous: Step | null, phase: PlanPhase, phaseOf: ReadonlyMap<Candidate, PlanPhase>): boolean {
  return previous === null || previous.actions.every((c) => (phaseOf.get(c) ?? 4) < phase);
}

/**
 * Phase 4 in sorted order, except that an action whose previous step still has an action to come
 * waits, and is listed just after that step's last action (waiting actions in sorted order).
 */
function laterOrder(rest: readonly Candidate[]): Candidate[] {
  const pending = new Map<Step, number>();
  for (const c of rest) pending.set(c.step, (pending.get(c.step) ?? 0) + 1);
  const waiting = new Map<Step, Candidate[]>();
  const out: Candidate[] = [];
  const emit = (c: Candidate): void => {
    out.push(c);
    const left = pending.get(c.step)! - 1;
    pending.set(c.step, left);
    if (left > 0) return;
    // The step is complete: the next step's actions that were waiting for it follow, in sorted order.
    for (const next of waiting.get(c.step) ?? []) emit(next);
    waiting.delete(c.step);
  };
  for (const c of rest) {
    const previous = c.step.previous;
    if (previous !== null && (pending.get(previous) ?? 0) > 0) {
      const queue = waiting.get(previous) ?? [];
      queue.push(c);
      waiting.set(previous, queue);
    } else {
      emit(c);
    }
  }
  return out;
}

/** An item's candidates, grouped into steps by `to`, each valued; none when the item weighs 0. */
function candidatesOf(item: PlanItemInput): Candidate[] {
  const byTo = new Map<number, PlanActionInput[]>();
  for (const action of item.actions) {
    const to = action.to ?? item.target;
    if (!(item.score < to && to <= item.target)) continue;
    byTo.set(to, [...(byTo.get(to) ?? []), action]);
  }
  const candidates: Candidate[] = [];
  let from = item.score;
  let previous: Step | null = null;
  for (const to of [...byTo.keys()].sort((a, b) => a - b)) {
    const actions = [...byTo.get(to)!].sort((a, b) => a.order - b.order);
    const value = (item.weight * (to - from)) / actions.length;
    from = to;
    if (!(value > 0)) continue;
    const step: Step = { previous, actions: [] };
    for (const action of actions) {
      const points = EFFORT_POINTS[action.effort];
      const candidate: Candidate = { item, action, to, points, value, rate: tied(value / points), rank: tied(item.priority), step };
      step.actions.push(candidate);
      candidates.push(candidate);
    }
    previous = step;
  }
  return candidates;
}

/** Value per point, then priority, highest first; then rubric order of the item, `to`, rubric order of the action. */
function byOrder(a: Candidate, b: Candidate): number {
  return b.rate - a.rate || b.rank - a.rank || a.item.order - b.item.order || a.to - b.to || a.action.order - b.action.order;
}

/** Rounded to the tie precision, so values equal on paper but not in floating point compare equal. */
function tied(x: number): number {
  return Number(x.toPrecision(TIE_DIGITS));
}

function entry(c: Candidate, phase: PlanPhase): PlanEntry {
  return { item: c.item.id, to: c.to, text: c.action.text, effort: c.action.effort, owner: c.action.owner ?? null, phase, value: c.value };
}
