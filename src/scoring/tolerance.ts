/**
 * Section and overall scores and gaps are weighted means, so a value that is
 * 1 or 0 on paper can arrive as 0.9999999999999998 or 2e-17. A tolerance far
 * below anything a report shows keeps such a value where a reader expects it;
 * the gap bands, the comparison and the charts all use this one.
 */
export const EPSILON = 1e-9;

/** A gap at zero, up to that noise: the target is met. */
export function isMet(gap: number): boolean {
  return gap <= EPSILON;
}
