/** The summary cards across the top of a report: the few figures a client looks at first. */
import { html, type Interpolation, type Markup } from './html.js';
import type { StatusClass } from './status.js';

interface Card {
  readonly label: string;
  readonly value: string;
  /** Shown small after the value: `/ 5`, `/100`. */
  readonly unit?: string | undefined;
  readonly detail?: Interpolation;
  /** A 0..100 meter under the value, coloured by status. */
  readonly meter?: { readonly percent: number; readonly status: StatusClass } | undefined;
}

export function cards(list: readonly Card[]): Markup {
  // A block inside the section that heads it, not a section of its own without a heading.
  return html`<div class="cards">${list.map(card)}</div>`;
}

function card(c: Card): Markup {
  const meter = c.meter === undefined
    ? ''
    : html`<div class="meter" aria-hidden="true"><span class="fill-${c.meter.status}" style="width:${Math.round(Math.min(100, Math.max(0, c.meter.percent)))}%"></span></div>`;
  return html`<div class="card"><p class="label">${c.label}</p><p class="value">${c.value}${c.unit === undefined ? '' : html` <small>${c.unit}</small>`}</p>${meter}${c.detail === undefined ? '' : html`<p class="detail">${c.detail}</p>`}</div>`;
}
