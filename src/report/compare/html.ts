/**
 * `compare --format html`: progress between two audits as one self-contained
 * page for a client: summary cards, a before-and-after chart per
 * item, the tables and the lists of what moved, then the follow-up audit's
 * plan and its notes and evidence. Same shell, escaping and print rules as
 * the gap report's HTML.
 */
import { beforeAfterChart } from '../html/chart-before-after.js';
import { compareCards, compareHeader, compareItemTables, compareLists, compareSectionsTable } from '../html/compare-parts.js';
import { htmlDocument, reportFooter } from '../html/document.js';
import { chartFigure, keepTogether } from '../html/figure.js';
import { followUpSections } from '../html/follow-up-parts.js';
import { html } from '../html/html.js';
import { legend } from '../html/legend.js';
import type { CompareFormatter } from './types.js';
import { ROUNDING_NOTE } from './words.js';

export const htmlReport: CompareFormatter = (c, options) => {
  const caption = html`The grey bar is the baseline, the bar under it the follow-up; the dark tick marks the target.${legend([
    { swatch: { className: 'fill-before' }, label: 'before' },
    { swatch: { className: 'fill-met' }, label: 'after: improved or reached target' },
    { swatch: { className: 'fill-short' }, label: 'after: slipped' },
    { swatch: { className: 'fill-flat' }, label: 'after: unchanged' },
    { swatch: { className: 'swatch-target' }, label: 'target' },
  ])}`;
  const body = html`${compareHeader(c, options.date)}
${compareCards(c)}
<section>${keepTogether(html`<h2>Every item before and after</h2>`, chartFigure(beforeAfterChart(c), caption))}</section>
<section><h2>What moved</h2>${compareLists(c)}</section>
<section><h2>Sections</h2>${compareSectionsTable(c)}</section>
<section><h2>Items</h2>${compareItemTables(c)}<p class="note">${ROUNDING_NOTE}</p></section>
${followUpSections(c, options.followUp)}
${reportFooter(c.rubric, options.date)}`;
  return htmlDocument({ title: `${c.rubric.title}: progress`, body });
};
