/**
 * Words and signed numbers the human compare formats share (text, markdown,
 * html), so a change reads the same in a terminal and in a client document.
 */
import { EPSILON } from '../../scoring/tolerance.js';
import type { Comparison, ItemChange, ItemStatus } from '../../compare/comparison.js';
import { fixed, NONE, round } from '../shared/numbers.js';
import { plural } from '../shared/plural.js';

export const STATUS_WORDS: Readonly<Record<ItemStatus, string>> = {
  'reached-target': 'reached target',
  improved: 'improved',
  slipped: 'slipped',
  unchanged: 'unchanged',
  'not-compared': 'not compared',
};

/** Which way a delta points, for colour: up is good for scores and indexes, down is good for gaps. */
type Direction = 'up' | 'down' | 'flat' | 'none';

export function direction(delta: number | null): Direction {
  if (delta === null) return 'none';
  return delta > EPSILON ? 'up' : delta < -EPSILON ? 'down' : 'flat';
}

/** `+0.45`, `-0.20`, `0.00`: a change always shows its sign, so it cannot be read as a level. */
export function signed(delta: number | null, digits = 2): string {
  if (delta === null) return NONE;
  const shown = round(delta, digits);
  if (shown === 0) return (0).toFixed(digits);
  return `${shown > 0 ? '+' : '-'}${Math.abs(shown).toFixed(digits)}`;
}

/** An index change in whole points: `+11`. */
export function signedIndex(delta: number | null): string {
  return signed(delta, 0);
}

/** `2.95 → 3.40` */
export function fromTo(before: number | null, after: number | null): string {
  return `${fixed(before)} → ${fixed(after)}`;
}

/** `4 improved`, `1 slipped`, `2 reached target`, `6 unchanged` (and not compared, when any). */
export function countParts(c: Comparison): string[] {
  const parts = [`${c.improved.length} improved`, `${c.slipped.length} slipped`, `${c.reachedTarget.length} reached target`, `${c.unchanged.length} unchanged`];
  if (c.notCompared.length > 0) parts.push(`${c.notCompared.length} not compared`);
  return parts;
}

/** `4 improved · 1 slipped · 2 reached target · 6 unchanged` */
export function countsText(c: Comparison): string {
  return countParts(c).join(' · ');
}

/** `examples/interviews (10 respondents)` */
export function sideText(side: Comparison['inputs']['before']): string {
  return `${side.input} (${plural(side.respondents, 'respondent')})`;
}

/** The item lists under the tables: what improved, slipped or reached its target. */
export const ITEM_LISTS: readonly { readonly key: 'reachedTarget' | 'improved' | 'slipped' | 'notCompared'; readonly title: string }[] = [
  { key: 'reachedTarget', title: 'Reached target' },
  { key: 'improved', title: 'Improved' },
  { key: 'slipped', title: 'Slipped' },
  { key: 'notCompared', title: 'Not compared (scored on one side only)' },
];

export function itemsIn(c: Comparison, key: (typeof ITEM_LISTS)[number]['key']): ItemChange[] {
  const ids = new Set(c[key]);
  return c.items.filter((item) => ids.has(item.id));
}

/** Shown once per report, since `2.55 → 3.43 (+0.89)` otherwise looks like a mistake. */
export const ROUNDING_NOTE = 'Changes are worked out from the unrounded scores, so a change can differ by 0.01 (an index change by 1) from the difference of the rounded figures shown.';
