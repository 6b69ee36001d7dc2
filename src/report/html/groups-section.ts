/**
 * The gap report's "By role: perception gaps" section: what a perception gap
 * is and how many items have one, the groups chart with its key, and the same
 * figures as a table. Past MAX_CHART_GROUPS groups, the table alone.
 */
import { groupValues } from '../gap/group-values.js';
import { FLAG_MEANING } from '../gap/labels.js';
import type { Report } from '../../scoring/report.js';
import { groupsChart, MAX_CHART_GROUPS } from './chart-groups.js';
import { chartFigure, keepTogether } from './figure.js';
import { groupsTable } from './gap-tables.js';
import { html, type Markup } from './html.js';
import { legend, STATUS_LEGEND } from './legend.js';
import { plural } from '../shared/plural.js';

/** Empty without `--by`. */
export function groupsSection(report: Report): Markup | string {
  const values = groupValues(report);
  if (values.length === 0) return '';
  const flagged = report.items.filter((item) => item.flags.includes('perception-gap')).length;
  const heading = html`<h2>By ${report.by ?? 'group'}: perception gaps</h2>`;
  // Said here, where the flag first meets the reader, not left to a key further down.
  const found = flagged === 0 ? 'No item has one: the groups broadly agree on every item.' : `${plural(flagged, 'item has', 'items have')} one, highlighted.`;
  const intro = html`<p>A perception gap means ${FLAG_MEANING['perception-gap']}. ${found}</p>`;
  const chart = groupsChart(report);
  if (chart === null) {
    return html`<section>${heading}${intro}<p class="note">With ${values.length} groups (more than ${MAX_CHART_GROUPS}) a bar per group no longer reads, so there is no chart: the table gives every group's score.</p>
${groupsTable(report)}</section>`;
  }
  const caption = html`Each item lists its groups in the same order, each named beside its bar; a bar is coloured by that group's status against the item's target, the thin line across it is its 95% interval, and the figure right of the plot is the group's score.${legend(STATUS_LEGEND)}`;
  return html`<section>${keepTogether(heading, intro, chartFigure(chart, caption))}
${groupsTable(report)}</section>`;
}
