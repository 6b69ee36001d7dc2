/**
 * How far a score is from its target, in the three bands every human report shows
 * (docs/formulas.md, "Status"): met (no gap), within 1 point (0 < gap <= 1), more than 1 point
 * short (gap > 1). Each band has a word and a symbol as well as a colour, so a report printed in
 * black and white, read with a colour-vision deficiency or in a terminal without colour still
 * tells a 3 against a target of 4 (within 1 point) from a 2 (more than 1 point short).
 */
import { EPSILON, isMet } from '../../scoring/tolerance.js';
import { NONE } from '../shared/numbers.js';
import type { Style } from '../shared/style.js';

export type GapStatus = 'met' | 'near' | 'short';

/** The bands in the order a key lists them. */
export const STATUSES: readonly GapStatus[] = ['met', 'near', 'short'];

/** The band of a gap; null when there is no gap to judge (nothing scored). A gap of exactly 1 is within 1 point. */
export function gapStatus(gap: number | null): GapStatus | null {
  if (gap === null) return null;
  if (isMet(gap)) return 'met';
  return gap <= 1 + EPSILON ? 'near' : 'short';
}

export const STATUS_LABEL: Readonly<Record<GapStatus, string>> = {
  met: 'met',
  near: 'within 1 point',
  short: 'more than 1 point short',
};

/**
 * One character per band, of a single terminal column in every locale (East Asian Width
 * "neutral" or ASCII): a tick, an exclamation mark, a cross, as linters mark pass, warning, error.
 */
export const STATUS_SYMBOL: Readonly<Record<GapStatus, string>> = {
  met: '✓',
  near: '!',
  short: '✗',
};

/** `✗ more than 1 point short`, or `–` when nothing was scored. */
export function statusWord(gap: number | null): string {
  const status = gapStatus(gap);
  return status === null ? NONE : `${STATUS_SYMBOL[status]} ${STATUS_LABEL[status]}`;
}

/** The key to the symbols, said once where they first appear. */
export function statusKey(): string {
  return `Status: ${STATUSES.map((s) => `${STATUS_SYMBOL[s]} ${STATUS_LABEL[s]}`).join(' · ')}`;
}

/**
 * Cyan, yellow, red; unscored values stay dim. Cyan rather than green for met: terminal green and
 * red look alike to most readers with a red-green deficiency, cyan and red do not.
 */
export function statusPaint(style: Style, status: GapStatus | null): (s: string) => string {
  switch (status) {
    case 'met':
      return style.cyan;
    case 'near':
      return style.yellow;
    case 'short':
      return style.red;
    case null:
      return style.dim;
  }
}
