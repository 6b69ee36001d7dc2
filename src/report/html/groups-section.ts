/**
 * The gap report's "By role: perception gaps" section: a sentence on how many
 * items the groups disagree on, the groups chart with its colour key, and the
 * same figures as a table. Past MAX_CHART_GROUPS groups, the table alone.
 */
import { groupValues } from '../gap/group-values.js';
import type { Report } from '../../scoring/report.js';
import { groupsChart } from './chart-groups.js';
import { chartFigure, keepTogether } from './figure.js';
import { groupsTable } from './gap-tables.js';
import { html, type Markup } from './html.js';
import { legend } from './legend.js';
import { groupColors, MAX_CHART_GROUPS, NONE_COLOR } from './palette.js';
import { plural } from '../shared/plural.js';

/** Empty without `--by`. */
export function groupsSection(report: Report): Markup | string {
  const values = groupValues(report);
  if (values.length === 0) return '';
  const flagged = report.items.filter((item) => item.flags.includes('perception-gap')).length;
  const heading = html`<h2>By ${report.by ?? 'group'}: perception gaps</h2>`;
  const intro = html`<p>${flagged === 0 ? 'The groups broadly agree on every item.' : `${plural(flagged, 'item')} where the groups disagree enough to flag a perception gap (highlighted).`}</p>`;
  const chart = groupsChart(report);
  if (chart === null) {
    return html`<section>${heading}${intro}<p class="note">With ${values.length} groups (more than ${MAX_CHART_GROUPS}) a bar per group no longer reads, so there is no chart: the table gives every group's score.</p>
${groupsTable(report)}</section>`;
  }
  const colors = groupColors(values);
  const key = legend([...values.map((value) => ({ swatch: { color: colors.get(value) ?? NONE_COLOR }, label: value })), { swatch: { className: 'swatch-target' }, label: 'target' }]);
  const caption = html`In each item the bars run in the order of this key, top to bottom; the figures right of the plot are each group's score, then the spread between the highest and the lowest.${key}`;
  return html`<section>${keepTogether(heading, intro, chartFigure(chart, caption))}
${groupsTable(report)}</section>`;
}
