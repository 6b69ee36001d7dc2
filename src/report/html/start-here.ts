/** "Start here" on the HTML page: the verdict, the first three actions with owner and effort, and what effort means. */
import type { Report } from '../../scoring/report.js';
import { ownerAndEffort } from '../gap/labels.js';
import { EFFORT_EXPLAINED, startHere } from '../gap/start-here.js';
import { html, type Markup } from './html.js';

export function startHereSection(report: Report): Markup {
  const start = startHere(report);
  const actions = start.actions.length === 0
    ? ''
    : html`<ol class="start-here">${start.actions.map((step) => html`<li><strong>${step.itemTitle}</strong>: ${step.text} <span class="note">(${ownerAndEffort(step)})</span></li>`)}</ol><p class="note">${EFFORT_EXPLAINED}</p>`;
  return html`<section class="start-here"><h2>Start here</h2><p class="verdict">${start.verdict}</p>${actions}</section>`;
}
