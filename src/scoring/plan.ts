/**
 * The report's improvement plan: the scored items and their rubric actions
 * handed to the scheduler (docs/formulas.md, "The improvement plan").
 */
import type { Item } from '../rubric/model.js';
import type { EffectiveWeights } from './weights.js';
import { schedulePlan, type PlanEntry, type PlanItemInput } from './plan-schedule.js';
import type { ItemResult } from './report.js';

/**
 * `rubricOrder` and `results` are both in rubric order; items nobody scored
 * have no gap and so no place in the plan.
 */
export function buildPlan(
  rubricOrder: readonly Item[],
  results: readonly Pick<ItemResult, 'id' | 'score' | 'target' | 'priority'>[],
  weights: EffectiveWeights,
  capacity?: number,
): PlanEntry[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  const inputs: PlanItemInput[] = [];
  rubricOrder.forEach((item, order) => {
    const result = byId.get(item.id);
    if (result === undefined || result.score === null || result.priority === null) return;
    inputs.push({
      id: item.id,
      order,
      weight: weights.items.get(item.id) ?? 0,
      score: result.score,
      target: result.target,
      priority: result.priority,
      actions: item.actions.map((action, k) => ({ order: k, to: action.to, text: action.text, effort: action.effort, owner: action.owner })),
    });
  });
  return schedulePlan(inputs, { capacity });
}
