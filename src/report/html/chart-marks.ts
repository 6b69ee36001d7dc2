/** Marks more than one chart draws: a score's 95% interval, and a row's figures placed by its frame. */
import type { Interval } from '../../scoring/report.js';
import type { RowFrame } from './chart-layout.js';
import { html, type Markup } from './html.js';

/**
 * A 95% interval as a thin dark line with end caps across a bar, clipped to the scale (human
 * formats clip intervals; docs/statistics.md). Dark on every status colour and on white, with a
 * white casing (styles.ts) so it stays legible where it crosses a bar's end.
 */
export function ciPath(ci: Interval, x: (v: number) => number, mid: number, scale: { readonly min: number; readonly max: number }, cap = 4): Markup {
  const clip = (v: number): number => x(Math.min(scale.max, Math.max(scale.min, v)));
  const [lo, hi] = [clip(ci[0]), clip(ci[1])];
  const d = `M${lo} ${mid}H${hi}M${lo} ${mid - cap}V${mid + cap}M${hi} ${mid - cap}V${mid + cap}`;
  return html`<path class="ci-casing" d="${d}"/><path class="ci" d="${d}"/>`;
}

/** The row's figures where its frame puts them: after the plot, or right-aligned on the title's line. */
export function figureText(frame: RowFrame, text: string, className = 'value'): Markup {
  const anchor = frame.figure.anchor === 'end' ? html` text-anchor="end"` : '';
  return html`<text class="${className}" x="${frame.figure.x}" y="${frame.figure.y}"${anchor}>${text}</text>`;
}
