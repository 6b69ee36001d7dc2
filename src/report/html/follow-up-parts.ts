/**
 * The compare report's closing sections, taken from the follow-up audit
 * itself rather than from the comparison: its improvement plan (what is left
 * to do) and its interviewees' notes and evidence. Labelled as the
 * follow-up's, so nobody reads them as the baseline's, and built with the
 * score report's own parts (gap-lists.ts). Empty when the follow-up came from
 * a JSON report without them.
 */
import type { ComparableReport } from '../../compare/comparable.js';
import type { Comparison } from '../../compare/comparison.js';
import { evidenceList, planList } from './gap-lists.js';
import { html, type Markup } from './html.js';
import { sideText } from '../compare/words.js';

export function followUpSections(c: Comparison, followUp: ComparableReport | undefined): Markup | string {
  if (followUp === undefined) return '';
  const items = followUp.items.map((item) => ({ ...item, quotes: item.quotes ?? [] }));
  const from = html`<p class="note">From the follow-up audit: ${sideText(c.inputs.after, followUp)}.</p>`;
  const plan = followUp.plan === undefined ? '' : html`<section><h2>Improvement plan (follow-up audit)</h2>${from}${planList({ plan: followUp.plan, items })}</section>`;
  const quotes = evidenceList({ items });
  const evidence = quotes === null ? '' : html`<section><h2>Notes and evidence (follow-up audit)</h2>${from}${quotes}</section>`;
  return html`${plan}
${evidence}`;
}
