/**
 * "Before and after": per item, the baseline score as a grey bar and the
 * follow-up's right under it, coloured by its verdict (blue: improved,
 * outlined blue: improved but still below target, vermillion: slipped, grey:
 * no clear change, hollow: too few answers; the word is in the tooltip and
 * the tables), with the target marked, so a client sees at a glance where
 * each item stands and how far it still has to go.
 */
import type { Comparison, ItemChange, Verdict } from '../../compare/comparison.js';
import { fixed, NONE } from '../shared/numbers.js';
import { sectionRows } from './section-rows.js';
import { scoreCell, signed, stillBelowTarget, targetNote, VERDICT_WORDS } from '../compare/words.js';
import { NARROW_PLOT_END, rowFrame, type Layout } from './chart-layout.js';
import { figureText } from './chart-marks.js';
import { html, type Markup } from './html.js';
import { chartSvg, levelGrid, linearScale, wholeSteps } from './svg.js';
import { fitText } from './text-fit.js';

const ROW = 34;
const BAR = 11;
/** The figures (`2.40 → 3.10`) need more room than one score. */
const WIDE_PLOT_END = 580;
const VALUE_X = 592;

const AFTER_CLASS: Readonly<Record<Verdict, string>> = {
  improved: 'ch-improved',
  slipped: 'ch-slipped',
  'no clear change': 'bar-muted',
  'too few answers': 'bar-few',
};

export function beforeAfterChart(c: Comparison, layout: Layout): Markup {
  const { min, max } = c.scale;
  const x = linearScale([min, max], [layout.plotX0, layout.variant === 'wide' ? WIDE_PLOT_END : NARROW_PLOT_END]);
  const rows = sectionRows(layout, c.sections, c.items, (item, top) => itemRow(item, x, top, min, layout));
  return chartSvg({
    layout,
    id: 'chart-before-after',
    title: 'Every item before and after',
    description: `Paired bar chart of ${c.items.length} items on the ${min} to ${max} scale: the baseline score in grey, the follow-up score under it, and the target marked. ${c.items.filter((i) => i.reachedTarget).length} reached their target, ${c.items.filter((i) => i.fellBelowTarget).length} fell below it. The same figures are in the tables below.`,
    rows,
    axis: (top, bottom) => levelGrid(wholeSteps(min, max), x, top, bottom),
  });
}

function itemRow(item: ItemChange, x: (v: number) => number, y: number, min: number, layout: Layout): { markup: Markup; height: number } {
  const figures = `${fixed(item.before.score)} → ${fixed(item.after.score)}`;
  const frame = rowFrame(layout, y, { row: ROW, band: 2 * BAR + 2, figures, valueX: VALUE_X });
  // A side nobody scored says why, n/a and not answered apart, where its bar would be.
  const bar = (side: 'before' | 'after', top: number, className: string): Markup => {
    const score = item[side].score;
    if (score !== null) return html`<rect class="${className}" x="${x(min)}" y="${top}" width="${Math.max(2, x(score) - x(min))}" height="${BAR}" rx="2"/>`;
    const why = scoreCell(null, item.unscored[side]);
    return html`<text class="small axis" x="${x(min) + 4}" y="${top + BAR - 1}">${side}: ${why === NONE ? 'not scored' : why}</text>`;
  };
  const top = frame.mid - BAR - 1;
  const after = `${AFTER_CLASS[item.verdict]}${stillBelowTarget(item) ? ' below-target' : ''}`;
  const note = targetNote(item);
  const markup = html`<g><title>${item.title}: ${fixed(item.before.score)} before, ${fixed(item.after.score)} after (change ${signed(item.change)}), target ${fixed(item.target)}: ${VERDICT_WORDS[item.verdict]}${note === undefined ? '' : `, ${note}`}</title>
<text x="${frame.title.x}" y="${frame.title.y}">${fitText(item.title, frame.title.width)}</text>
${bar('before', top, 'bar-before')}${bar('after', top + BAR + 2, after)}
<line class="target" x1="${x(item.target)}" x2="${x(item.target)}" y1="${top - 2}" y2="${top + 2 * BAR + 4}"/>
${figureText(frame, figures)}</g>
`;
  return { markup, height: frame.height };
}
