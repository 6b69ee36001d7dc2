/** The gap report's lists: the plan by 30/60/90-day phase (and later), the interviewees' notes and evidence, and the sources. */
import type { Comment, ItemResult, Report, ShownPlanStep } from '../../scoring/report.js';
import { sourceTotal } from '../gap/completeness.js';
import { emptyPlanText, generalComments, ownerAndEffort, planPhases, quoteAuthor, titlesById } from '../gap/labels.js';
import { html, type Markup } from './html.js';
import { htmlTable } from './table.js';

/** What the plan needs of a report: a comparison's follow-up side has it too. */
interface PlanSource {
  readonly plan: readonly ShownPlanStep[];
  readonly items: readonly Pick<ItemResult, 'id' | 'title' | 'gap'>[];
}

export function planList(report: PlanSource): Markup {
  if (report.plan.length === 0) {
    return html`<p>${emptyPlanText(report.items)}</p>`;
  }
  const title = titlesById(report.items);
  return html`${planPhases(report.plan).map(({ title: horizon, steps }) => {
    return html`<h3>${horizon}</h3>
<ol class="plan">${steps.map((step) => html`<li><strong>${title(step.item)}</strong>: ${step.text} <span class="effort">(${ownerAndEffort(step)})</span></li>
`)}</ol>
`;
  })}`;
}

/** Null when nobody left a note or evidence, so the page has no empty heading. */
export function evidenceList(report: { readonly items: readonly Pick<ItemResult, 'title' | 'quotes'>[] }): Markup | null {
  const pieces = evidencePieces(report);
  return pieces === null ? null : html`${Array.from(pieces)}`;
}

/**
 * The same, a heading or a quote at a time, for a page written as it is made: a hundred thousand
 * quotes are never one string. Null when nobody left a note or evidence.
 */
export function evidencePieces(report: { readonly items: readonly Pick<ItemResult, 'title' | 'quotes'>[] }): Iterable<Markup> | null {
  if (!report.items.some((item) => item.quotes.length > 0)) return null;
  return (function* () {
    for (const item of report.items) {
      if (item.quotes.length === 0) continue;
      yield html`<h3>${item.title}</h3>
`;
      for (const quote of item.quotes) yield quoteBlock(quote, quote.kind === 'evidence');
    }
  })();
}

/** General comments, each a blockquote, one at a time; null when there are none. */
export function commentPieces(report: Pick<Report, 'comments'>): Iterable<Markup> | null {
  const comments = generalComments(report);
  if (comments.length === 0) return null;
  // A comment is a note, never evidence, whatever a report read back from JSON may carry.
  return (function* () {
    for (const comment of comments) yield quoteBlock(comment, false);
  })();
}

function quoteBlock(quote: Comment, evidence: boolean): Markup {
  const kind = evidence ? html`<span class="kind">Evidence</span>` : '';
  // Curly quotes as escapes: a bundle of ASCII text is held in half the memory (bin/code-cache.cjs).
  return html`<blockquote><p>${kind}\u201c${quote.text}\u201d</p>${quoteAuthor(quote) === undefined ? '' : html`<footer>${quoteAuthor(quote)}</footer>`}</blockquote>
`;
}

/** Null for a single input: its completeness is already in the summary. */
export function sourcesTable(report: Report): Markup | null {
  // File paths only when people are named anyway (docs/formulas.md, "Quotes").
  if (report.sources.length <= 1 || report.attribution !== 'name') return null;
  return htmlTable(
    [{ head: 'Source', className: 'item' }, { head: 'Respondents', numeric: true }, { head: 'Scored', numeric: true }, { head: 'n/a', numeric: true }, { head: 'Not answered', numeric: true }, { head: 'Answers', numeric: true }],
    report.sources.map((s) => [s.source, String(s.respondents), String(s.answered), String(s.na), String(s.unanswered), String(sourceTotal(s))]),
  );
}
