/**
 * Effective weights (docs/formulas.md, "Scoring"):
 * `e_i = (W_s / sum W) * (w_i / sum w in s)`, over scored items and the
 * sections with at least one scored item, so the e_i add up to 1.
 *
 * docs/formulas.md is silent on a section whose scored items all weigh 0 (only its
 * zero-weight items were answered): `w_i / sum w` would be 0/0. Such a section
 * is left out of `sum W` like an unanswered one — its items get e_i = 0 and
 * the other sections keep their full share, so the e_i still add up to 1.
 * When no section has a scored item of positive weight, nothing counts and
 * the overall score is null.
 */
import type { Rubric } from '../rubric/model.js';

export interface EffectiveWeights {
  /** Scored item id → e_i. Items nobody scored are absent. */
  readonly items: ReadonlyMap<string, number>;
  /** Section id → its share of the overall score (the sum of its e_i); 0 when it does not count. */
  readonly sections: ReadonlyMap<string, number>;
}

export function effectiveWeights(rubric: Rubric, isScored: (itemId: string) => boolean): EffectiveWeights {
  const itemWeightSums = new Map<string, number>();
  let sectionWeightSum = 0;
  for (const section of rubric.sections) {
    const sum = section.items.reduce((acc, item) => (isScored(item.id) ? acc + item.weight : acc), 0);
    itemWeightSums.set(section.id, sum);
    if (sum > 0) sectionWeightSum += section.weight;
  }

  const items = new Map<string, number>();
  const sections = new Map<string, number>();
  for (const section of rubric.sections) {
    const sum = itemWeightSums.get(section.id) ?? 0;
    const share = sum > 0 ? section.weight / sectionWeightSum : 0;
    sections.set(section.id, share);
    for (const item of section.items) {
      if (isScored(item.id)) items.set(item.id, sum > 0 ? share * (item.weight / sum) : 0);
    }
  }
  return { items, sections };
}
