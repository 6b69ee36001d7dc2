/** The Markdown report's lists: top gaps, the plan as a checklist, and the quotes. */
import type { Sequence } from '../../core/sequence.js';
import { EFFORT_EXPLAINED, startHere } from './start-here.js';
import { rankGaps } from '../../scoring/index.js';
import type { Comment, Report } from '../../scoring/report.js';
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

/**
 * `### Item title` and one blockquote per quote, an item at a time; none when nobody left a note.
 * Each item's section comes in pieces, a quote at a time, so a hundred thousand quotes are
 * written as they are made rather than joined into one string first.
 */
export function* notesSections(report: Report): Generator<Iterable<string>> {
  for (const item of report.items) {
    if (item.quotes.length > 0) yield quotesUnder(`### ${esc(item.title)}\n\n`, item.quotes, (quote) => quote.kind === 'evidence');
  }
}

/** Whether the report has notes or evidence to show: the heading is written before the first of them. */
export function hasNotes(report: Report): boolean {
  return report.items.some((item) => item.quotes.length > 0);
}

/** One blockquote per general comment, in pieces; undefined when there are none. */
export function commentsSection(report: Report): Iterable<string> | undefined {
  const comments = generalComments(report);
  if (comments.length === 0) return undefined;
  // A comment is a note, never evidence, whatever a report read back from JSON may carry.
  return quotesUnder('', comments, () => false);
}

/** A blank line between quotes keeps each its own blockquote instead of one merged paragraph. */
function* quotesUnder<Q extends Comment>(heading: string, quotes: Sequence<Q>, isEvidence: (quote: Q) => boolean): Generator<string> {
  yield heading;
  let first = true;
  for (const quote of quotes) {
    yield `${first ? '' : '\n\n'}${blockquote(quote, isEvidence(quote))}`;
    first = false;
  }
}

/** `> **Evidence:** “text” — by` */
function blockquote(quote: Comment, evidence: boolean): string {
  const marker = evidence ? '**Evidence:** ' : '';
  const by = quoteAuthor(quote);
  return `> ${marker}“${esc(quote.text)}”${by === undefined ? '' : ` — ${esc(by)}`}`;
}

/** "Start here": the verdict in bold, the first actions as a numbered list, and what effort means. */
export function startHereSection(report: Report): string {
  const start = startHere(report);
  const actions = start.actions.map((step, i) => `${i + 1}. **${esc(step.itemTitle)}** — ${esc(step.text)} _(${esc(ownerAndEffort(step))})_`);
  return [`**${esc(start.verdict)}**`, ...(actions.length > 0 ? [actions.join('\n'), `_${EFFORT_EXPLAINED}_`] : [])].join('\n\n');
}
