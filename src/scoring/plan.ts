/**
 * The improvement plan (docs/formulas.md, "Improvement plan"): for each item with a
 * gap, in priority order, the actions with `score < to <= target`, by `to`
 * ascending; phase = `to - floor(score)` clipped to 1..3 (30/60/90 days).
 */
import type { Item } from '../rubric/model.js';
import { rankGaps } from './rank.js';
import type { PlanStep, Report } from './report.js';

export function buildPlan(items: ReadonlyMap<string, Item>, report: Pick<Report, 'items'>): PlanStep[] {
  const plan: PlanStep[] = [];
  for (const result of rankGaps(report)) {
    const item = items.get(result.id);
    const score = result.score;
    if (item === undefined || score === null) continue;
    const actions = item.actions
      .filter((action) => score < action.to && action.to <= result.target)
      // Array#sort is stable, so actions with the same `to` keep the rubric's order.
      .sort((a, b) => a.to - b.to);
    for (const action of actions) {
      plan.push({ item: item.id, to: action.to, text: action.text, effort: action.effort, phase: phase(action.to, score) });
    }
  }
  return plan;
}

/** How far the action reaches above the item's current whole level, as a horizon. */
export function phase(to: number, score: number): PlanStep['phase'] {
  const steps = to - Math.floor(score);
  return steps <= 1 ? 1 : steps >= 3 ? 3 : 2;
}
