/**
 * Colours for groups (`--by role`): the Okabe–Ito palette, told apart by
 * readers with any common colour-vision deficiency, minus its yellow (too
 * pale on white paper). The `(none)` group is grey: it is not a point of view.
 * Past seven groups colours repeat; every bar also carries its group's name
 * in a tooltip, and the table next to the chart names every figure.
 */
import { NO_GROUP } from '../../scoring/index.js';

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#3D3D3D'] as const;
const NONE_COLOR = '#9AA5B1';

export function groupColors(values: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  let next = 0;
  for (const value of values) colors.set(value, value === NO_GROUP ? NONE_COLOR : PALETTE[next++ % PALETTE.length]!);
  return colors;
}
