/** HTML legends under the charts: the colour key in words, so the charts read without colour too. */
import { STATUS_LABEL } from '../gap/status.js';
import { html, type Markup } from './html.js';

interface LegendEntry {
  /** CSS class of the swatch (`fill-met`…) or an inline colour. */
  readonly swatch: { readonly className: string } | { readonly color: string };
  readonly label: string;
}

export function legend(entries: readonly LegendEntry[]): Markup {
  return html`<ul class="legend">${entries.map((entry) => {
    const swatch =
      'className' in entry.swatch
        ? html`<span class="swatch ${entry.swatch.className}" aria-hidden="true"></span>`
        : html`<span class="swatch" style="background:${safeColor(entry.swatch.color)}" aria-hidden="true"></span>`;
    return html`<li>${swatch}${entry.label}</li>`;
  })}</ul>`;
}

export const STATUS_LEGEND: readonly LegendEntry[] = [
  { swatch: { className: 'fill-met' }, label: STATUS_LABEL.met },
  { swatch: { className: 'fill-near' }, label: STATUS_LABEL.near },
  { swatch: { className: 'fill-short' }, label: STATUS_LABEL.short },
  { swatch: { className: 'swatch-target' }, label: 'target' },
];

/** Colours come from svcaudit's own palette; this keeps anything else out of a style attribute. */
function safeColor(color: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(color) ? color : 'transparent';
}
