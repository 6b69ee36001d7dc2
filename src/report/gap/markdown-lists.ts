/** The Markdown report's lists: top gaps, the plan as a checklist, and the quotes. */
import { EFFORT_EXPLAINED, startHere } from './start-here.js';
import { rankGaps } from '../../scoring/index.js';
import type { Quote, Report } from '../../scoring/report.js';
import { escapeMarkdown as esc } from '../shared/escape-markdown.js';
import { plural } from '../shared/plural.js';
import { emptyPlanText, generalComments, noGapsText, ownerAndEffort, planPhases, quoteAuthor, titlesById, TOP_GAPS } from './labels.js';
import { fixed } from '../shared/numbers.js';

export function topGapsList(report: Report): string {
  const ranked = rankGaps(report);
  if (ranked.length === 0) return noGapsText(report);
  const lines = ranked
    .slice(0, TOP_GAPS)
    .map((item, i) => `${i + 1}. **${esc(item.title)}**: gap ${fixed(item.gap)} (score ${fixed(item.score)}, target ${fixed(item.target)}), priority ${fixed(item.priority)}`);
  const more = ranked.length - TOP_GAPS;
  if (more > 0) lines.push('', `… and ${plural(more, 'more item')} below target.`);
  lines.push('', '_Priority: how much closing the gap would lift the overall score._');
  return lines.join('\n');
}

/** `### First 30 days` and a task list a client can tick off: `- [ ] **Item** — action _(owner: team leaders; effort: low)_`. */
export function planSections(report: Report): string[] {
  if (report.plan.length === 0) {
    return [emptyPlanText(report.items)];
  }
  const title = titlesById(report.items);
  return planPhases(report.plan).map(({ title: horizon, steps }) => {
    const tasks = steps.map((step) => `- [ ] **${esc(title(step.item))}** — ${esc(step.text)} _(${esc(ownerAndEffort(step))})_`);
    return `### ${horizon}\n\n${tasks.join('\n')}`;
  });
}

/** `### Item title` and one blockquote per quote; empty when nobody left a note. */
export function notesSections(report: Report): string[] {
  return report.items
    .filter((item) => item.quotes.length > 0)
    .map((item) => `### ${esc(item.title)}\n\n${item.quotes.map(blockquote).join('\n\n')}`);
}

/** One blockquote per general comment; undefined when there are none. */
export function commentsSection(report: Report): string | undefined {
  const comments = generalComments(report);
  if (comments.length === 0) return undefined;
  return comments.map((comment) => blockquote({ ...comment, kind: 'note' })).join('\n\n');
}

/** A blank line between quotes keeps each its own blockquote instead of one merged paragraph. */
function blockquote(quote: Quote): string {
  const marker = quote.kind === 'evidence' ? '**Evidence:** ' : '';
  const by = quoteAuthor(quote);
  return `> ${marker}“${esc(quote.text)}”${by === undefined ? '' : ` — ${esc(by)}`}`;
}

/** "Start here": the verdict in bold, the first actions as a numbered list, and what effort means. */
export function startHereSection(report: Report): string {
  const start = startHere(report);
  const actions = start.actions.map((step, i) => `${i + 1}. **${esc(step.itemTitle)}** — ${esc(step.text)} _(${esc(ownerAndEffort(step))})_`);
  return [`**${esc(start.verdict)}**`, ...(actions.length > 0 ? [actions.join('\n'), `_${EFFORT_EXPLAINED}_`] : [])].join('\n\n');
}
