/** The gap report's header and summary cards: what was audited, by whom, and the overall result. */
import type { Report } from '../../scoring/report.js';
import { completeness, answersText } from '../gap/completeness.js';
import { plural } from '../shared/plural.js';
import { fixed, indexPoints } from '../shared/numbers.js';
import { cards } from './cards.js';
import { agreementText, fieldworkText, groupHeadline, intervalText } from '../shared/intervals.js';
import { rubricRef } from './document.js';
import { html, type Markup } from './html.js';
import { statusClass, statusPill } from './status.js';
import { excludedText } from '../gap/labels.js';

/** The cover: what was audited, by whom, and (a group at a time: there may be a hundred thousand) the groups. */
export function* gapHeader(report: Report, date: string | undefined): Generator<string> {
  const { rubric } = report;
  const about = [`rubric ${rubricRef(rubric)}`, plural(report.respondents, 'respondent')];
  const excluded = excludedText(report);
  if (excluded !== undefined) about.push(excluded);
  if (report.by !== null) about.push(`grouped by ${report.by}`);
  const fieldwork = fieldworkText(report.fieldwork);
  if (fieldwork !== undefined) about.push(fieldwork);
  if (date !== undefined) about.push(`report ${date}`);
  const eyebrow = report.organisation === null ? 'Service quality audit' : `${report.organisation} · service quality audit`;
  yield html`<header class="cover"><p class="eyebrow">${eyebrow}</p><h1>${rubric.title}</h1><p class="meta">${about.join(' · ')}</p>`.text;
  if (report.by !== null) {
    yield '<p class="meta">';
    let first = true;
    for (const group of report.groups) {
      yield html`${first ? '' : ' · '}${groupHeadline(group, report.minGroup)}`.text;
      first = false;
    }
    yield '</p>';
  }
  yield html`<p class="meta">${agreementText(report.agreement)}</p></header>`.text;
}

export function gapCards(report: Report): Markup {
  const { overall, scale } = report;
  const c = completeness(report);
  return cards([
    { label: 'Overall score', value: fixed(overall.score), unit: `of ${scale.max}`, detail: `95% CI ${intervalText(overall.ci, report.scale)}; target ${fixed(overall.target)} on a ${scale.min} to ${scale.max} scale` },
    {
      label: 'Index',
      value: indexPoints(overall.index),
      unit: overall.index === null ? undefined : '/ 100',
      meter: overall.index === null ? undefined : { percent: overall.index, status: statusClass(overall.gap) },
      detail: `0 = every item at ${scale.min}, 100 = every item at ${scale.max}`,
    },
    { label: 'Gap to target', value: fixed(overall.gap), unit: 'points', detail: statusPill(overall.gap) },
    { label: 'Respondents', value: String(report.respondents), detail: answersText(c) },
  ]);
}
