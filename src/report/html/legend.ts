/** HTML legends under the charts: the key in words and symbols, so the charts read without colour too. */
import { STATUS_LABEL, STATUS_SYMBOL, STATUSES } from '../gap/status.js';
import { html, type Markup } from './html.js';

interface LegendEntry {
  /** CSS class of the swatch (`fill-met`…). */
  readonly swatch: string;
  readonly label: string;
}

export function legend(entries: readonly LegendEntry[]): Markup {
  return html`<ul class="legend">${entries.map((entry) => html`<li><span class="swatch ${entry.swatch}" aria-hidden="true"></span>${entry.label}</li>`)}</ul>`;
}

/** The status bands with their symbols, the target tick and the interval line. */
export const STATUS_LEGEND: readonly LegendEntry[] = [
  ...STATUSES.map((status) => ({ swatch: `fill-${status}`, label: `${STATUS_SYMBOL[status]} ${STATUS_LABEL[status]}` })),
  { swatch: 'swatch-target', label: 'target' },
  { swatch: 'swatch-ci', label: '95% interval' },
];
