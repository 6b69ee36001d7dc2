/**
 * How far a score is from its target, in the three bands docs/formulas.md colours
 * by: met (no gap), within 1 point, 1 point or more short.
 */
import { EPSILON, isMet } from '../../scoring/tolerance.js';
import { NONE } from '../shared/numbers.js';
import type { Style } from '../shared/style.js';

export type GapStatus = 'met' | 'near' | 'short';


/** The band of a gap; null when there is no gap to judge (nothing scored). */
export function gapStatus(gap: number | null): GapStatus | null {
  if (gap === null) return null;
  if (isMet(gap)) return 'met';
  return gap < 1 - EPSILON ? 'near' : 'short';
}

export const STATUS_LABEL: Readonly<Record<GapStatus, string>> = {
  met: 'met',
  near: 'within 1 point',
  short: '1 point or more short',
};

/** A status in words, since a document has no colour to carry it. */
export function statusWord(gap: number | null): string {
  const status = gapStatus(gap);
  return status === null ? NONE : STATUS_LABEL[status];
}

/** Green, yellow, red; unscored values stay dim. */
export function statusPaint(style: Style, status: GapStatus | null): (s: string) => string {
  switch (status) {
    case 'met':
      return style.green;
    case 'near':
      return style.yellow;
    case 'short':
      return style.red;
    case null:
      return style.dim;
  }
}
