/**
 * `compare --format html`: progress between two audits as one self-contained
 * page for a client. Same shell, escaping and print rules as the gap
 * report's HTML, and the same shape: a summary that prints as page 1 (how
 * the audits were compared, the verdict and summary cards, a chart of every
 * item's change with its interval), then the detail from page 2 (a
 * before-and-after chart, the tables with verdicts, the groups with `--by`,
 * the lists of what moved, how to read it all, and the follow-up audit's plan
 * and its notes and evidence).
 */
import { beforeAfterChart } from '../html/chart-before-after.js';
import { changesChart } from '../html/chart-changes.js';
import { compareCards, compareGroups, compareHeader, compareItemTables, compareLists, compareSectionsTable, compareWarnings } from '../html/compare-parts.js';
import { htmlDocument, reportFooter } from '../html/document.js';
import { chartFigure, keepTogether } from '../html/figure.js';
import { followUpSections } from '../html/follow-up-parts.js';
import { html } from '../html/html.js';
import { legend } from '../html/legend.js';
import type { CompareFormatter } from './types.js';
import { READING_NOTES } from './words.js';

export const htmlReport: CompareFormatter = (c, options) => {
  const changesCaption = html`Each marker is an item's change from the baseline to the follow-up; the line through it is its 95% interval. An interval that crosses the dashed line at 0 cannot tell a rise from a fall.${legend([
    { swatch: 'fill-improved', label: '▲ improved' },
    { swatch: 'fill-improved-below', label: '△ improved, still below target' },
    { swatch: 'fill-slipped', label: '▼ slipped' },
    { swatch: 'fill-muted', label: '● no clear change' },
    { swatch: 'fill-few', label: '○ too few answers' },
  ])}`;
  const beforeAfterCaption = html`The grey bar is the baseline, the bar under it the follow-up, coloured by its verdict; the dark tick marks the target.${legend([
    { swatch: 'fill-before', label: 'before' },
    { swatch: 'fill-improved', label: 'after: improved' },
    { swatch: 'fill-improved-below', label: 'after: improved, still below target' },
    { swatch: 'fill-slipped', label: 'after: slipped' },
    { swatch: 'fill-muted', label: 'after: no clear change' },
    { swatch: 'fill-few', label: 'after: too few answers' },
    { swatch: 'swatch-target', label: 'target' },
  ])}`;
  const moved = compareLists(c);
  const body = html`${compareHeader(c, options)}
<div class="summary">
<section class="overall"><h2>Verdict</h2>${compareWarnings(c)}${compareCards(c)}</section>
<section>${keepTogether(html`<h2>How much each item changed</h2>`, chartFigure((layout) => changesChart(c, layout), changesCaption))}</section>
</div>
<div class="detail">
<section>${keepTogether(html`<h2>Every item before and after</h2>`, chartFigure((layout) => beforeAfterChart(c, layout), beforeAfterCaption))}</section>
<section><h2>Overall and sections</h2>${compareSectionsTable(c)}</section>
<section><h2>Items</h2>${compareItemTables(c)}</section>
${compareGroups(c)}
${moved.text.trim() === '' ? '' : html`<section><h2>What moved</h2>${moved}</section>`}
<section><h2>How to read this</h2><ul>${READING_NOTES.map((note) => html`<li>${note}</li>`)}</ul></section>
${followUpSections(c, options.followUp)}
</div>
${reportFooter(c.rubric, options.date)}`;
  return htmlDocument({ title: `${c.rubric.title}: progress`, body });
};
