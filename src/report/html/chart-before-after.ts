/**
 * "Before and after": per item, the baseline score as a grey bar and the
 * follow-up's right under it, coloured by its verdict (blue: improved,
 * vermillion: slipped, slate: no clear change, hollow: too few answers; the
 * word is in the tooltip and the tables), with the target marked, so a
 * client sees at a glance where each item stands and how far it still has to go.
 */
import type { Comparison, ItemChange, Verdict } from '../../compare/comparison.js';
import { fixed } from '../shared/numbers.js';
import { sectionRows } from './section-rows.js';
import { signed, targetNote, VERDICT_WORDS } from '../compare/words.js';
import { LABEL_WIDTH, LABEL_X, PLOT_X0 } from './chart-layout.js';
import { html, type Markup } from './html.js';
import { chartSvg, levelGrid, linearScale, wholeSteps } from './svg.js';
import { fitText } from './text-fit.js';

const ROW = 34;
const BAR = 11;
/** The figures (`2.40 → 3.10 +0.70`) need more room than one score. */
const PLOT_X1 = 580;
const VALUE_X = 592;

const AFTER_CLASS: Readonly<Record<Verdict, string>> = {
  improved: 'ch-improved',
  slipped: 'ch-slipped',
  'no clear change': 'bar-muted',
  'too few answers': 'bar-few',
};

export function beforeAfterChart(c: Comparison): Markup {
  const { min, max } = c.scale;
  const x = linearScale([min, max], [PLOT_X0, PLOT_X1]);
  const rows = sectionRows(c.sections, c.items, (item, top) => ({ markup: itemRow(item, x, top, min), height: ROW }));
  return chartSvg({
    id: 'chart-before-after',
    title: 'Every item before and after',
    description: `Paired bar chart of ${c.items.length} items on the ${min} to ${max} scale: the baseline score in grey, the follow-up score under it, and the target marked. ${c.items.filter((i) => i.reachedTarget).length} reached their target, ${c.items.filter((i) => i.fellBelowTarget).length} fell below it. The same figures are in the tables below.`,
    rows,
    axis: (top, bottom) => levelGrid(wholeSteps(min, max), x, top, bottom),
  });
}

function itemRow(item: ItemChange, x: (v: number) => number, y: number, min: number): Markup {
  const bar = (score: number | null, top: number, className: string, label: string): Markup =>
    score === null
      ? html`<text class="small axis" x="${x(min) + 4}" y="${top + BAR - 1}">${label}: not scored</text>`
      : html`<rect class="${className}" x="${x(min)}" y="${top}" width="${Math.max(2, x(score) - x(min))}" height="${BAR}" rx="2"/>`;
  const top = y + (ROW - 2 * BAR - 2) / 2;
  const note = targetNote(item);
  return html`<g><title>${item.title}: ${fixed(item.before.score)} before, ${fixed(item.after.score)} after (change ${signed(item.change)}), target ${fixed(item.target)}: ${VERDICT_WORDS[item.verdict]}${note === undefined ? '' : `, ${note}`}</title>
<text x="${LABEL_X}" y="${y + ROW / 2 + 5}">${fitText(item.title, LABEL_WIDTH)}</text>
${bar(item.before.score, top, 'bar-before', 'before')}${bar(item.after.score, top + BAR + 2, AFTER_CLASS[item.verdict], 'after')}
<line class="target" x1="${x(item.target)}" x2="${x(item.target)}" y1="${y + 3}" y2="${y + ROW - 3}"/>
<text class="value" x="${VALUE_X}" y="${y + ROW / 2 + 5}">${fixed(item.before.score)} → ${fixed(item.after.score)}</text></g>
`;
}
