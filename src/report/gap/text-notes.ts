/** "Notes and evidence": what respondents said, under the item they said it about. */
import type { Quote, Report } from '../../scoring/report.js';
import type { Style } from '../shared/style.js';
import { generalComments, quoteAuthor } from './labels.js';
import { oneLine } from '../shared/terminal-text.js';
import { wrap } from '../shared/wrap.js';
import { pushAll } from '../../core/max-of.js';

/** Quotes shown per item in a terminal; the Markdown document has room for all of them. */
const MAX_QUOTES = 5;

/** Empty when no one left a note, so the report carries no empty heading. */
export function notesBlock(report: Report, style: Style, width: number): string[] {
  const quoted = report.items.filter((item) => item.quotes.length > 0);
  if (quoted.length === 0) return [];
  const lines = [style.bold(style.underline('Notes and evidence'))];
  for (const item of quoted) {
    lines.push('', style.bold(oneLine(item.title)));
    for (const quote of item.quotes.slice(0, MAX_QUOTES)) pushAll(lines, quoteLines(quote, width));
    const more = item.quotes.length - MAX_QUOTES;
    if (more > 0) lines.push(style.dim(`  … ${more} more (every quote is in --format markdown or html)`));
  }
  return lines;
}

/** "General comments": remarks not about one item (`comments:`, a survey's `item: general` column). */
export function commentsBlock(report: Report, style: Style, width: number): string[] {
  const comments = generalComments(report);
  if (comments.length === 0) return [];
  const lines = [style.bold(style.underline('General comments')), ''];
  for (const comment of comments.slice(0, MAX_QUOTES)) lines.push(...quoteLines({ ...comment, kind: 'note' }, width));
  const more = comments.length - MAX_QUOTES;
  if (more > 0) lines.push(style.dim(`  … ${more} more (every comment is in --format markdown or html)`));
  return lines;
}

/** `“Calls after 6pm ring out” — Dana (customer)`; evidence is marked, a note is not. */
function quoteLines(quote: Quote, width: number): string[] {
  const marker = quote.kind === 'evidence' ? 'Evidence: ' : '';
  const by = quoteAuthor(quote);
  const text = `${marker}“${oneLine(quote.text)}”${by === undefined ? '' : ` — ${oneLine(by)}`}`;
  // Continuation lines hang two columns in, under the quote rather than the margin.
  return wrap(text, width - 4).map((line, i) => (i === 0 ? '  ' : '    ') + line);
}
