/**
 * The report's three status bands (met / within 1 point / more than 1 point
 * short, from gap/status.ts) as CSS classes and labelled pills: the colour
 * helps, the symbol and the word carry the meaning.
 */
import { gapStatus, STATUS_LABEL, STATUS_SYMBOL, type GapStatus } from '../gap/status.js';
import { html, type Markup } from './html.js';
import { NOT_SCORED } from '../gap/labels.js';

export type StatusClass = GapStatus | 'none';

export function statusClass(gap: number | null): StatusClass {
  return gapStatus(gap) ?? 'none';
}

export function statusPill(gap: number | null): Markup {
  const status = gapStatus(gap);
  return html`<span class="pill pill-${status ?? 'none'}">${status === null ? NOT_SCORED : `${STATUS_SYMBOL[status]} ${STATUS_LABEL[status]}`}</span>`;
}
