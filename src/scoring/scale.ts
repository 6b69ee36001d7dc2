/** Arithmetic on a rubric's scale, shared by items, sections and the overall score. */
import type { Scale } from '../rubric/model.js';

/** How many levels the scale has (`A = max - min + 1` of docs/formulas.md). */
export function levelCount(scale: Pick<Scale, 'min' | 'max'>): number {
  return scale.max - scale.min + 1;
}

/** `100 * (score - min) / (max - min)`: where a score sits on the scale, 0..100. */
export function scaleIndex(score: number | null, scale: Pick<Scale, 'min' | 'max'>): number | null {
  if (score === null) return null;
  return (100 * (score - scale.min)) / (scale.max - scale.min);
}
