/**
 * Colours for groups (`--by role`): the Okabe–Ito palette, told apart by
 * readers with any common colour-vision deficiency, minus its yellow (too
 * pale on white paper). Past its seven colours every group gets a colour of
 * its own from an even spread of hues (color-spread.ts), so no two groups
 * share one. Colour is never the only key: the bars of an item run in the
 * legend's order, and each carries its group's name in a tooltip. The
 * `(none)` group is grey: it is not a point of view.
 */
import { NO_GROUP } from '../../scoring/index.js';
import { spreadColors } from './color-spread.js';

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#3D3D3D'] as const;
export const NONE_COLOR = '#9AA5B1';

/**
 * Past this many groups a bar per group per item no longer reads (nor do a
 * dozen colours): the report then gives the groups' table alone.
 */
export const MAX_CHART_GROUPS = 12;

export function groupColors(values: readonly string[]): Map<string, string> {
  const named = values.filter((value) => value !== NO_GROUP);
  const palette: readonly string[] = named.length <= PALETTE.length ? PALETTE : spreadColors(named.length);
  const colors = new Map<string, string>();
  let next = 0;
  for (const value of values) colors.set(value, value === NO_GROUP ? NONE_COLOR : palette[next++]!);
  return colors;
}
