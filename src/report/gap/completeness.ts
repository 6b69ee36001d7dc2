/** How complete the answers were, summed over the inputs (docs/formulas.md: "the report shows how complete each file is"). */
import type { Report, SourceCompleteness } from '../../scoring/report.js';
import { plural } from '../shared/plural.js';

export interface Completeness {
  readonly respondents: number;
  readonly answered: number;
  readonly na: number;
  readonly unanswered: number;
  /** Every (respondent, item) pair: answered + na + unanswered. */
  readonly total: number;
}

export function sourceTotal(source: SourceCompleteness): number {
  return source.answered + source.na + source.unanswered;
}

export function completeness(report: Pick<Report, 'respondents' | 'sources'>): Completeness {
  let answered = 0;
  let na = 0;
  let unanswered = 0;
  for (const s of report.sources) {
    answered += s.answered;
    na += s.na;
    unanswered += s.unanswered;
  }
  return { respondents: report.respondents, answered, na, unanswered, total: answered + na + unanswered };
}

/**
 * `37 of 39 answers scored · 2 n/a`: scored answers against every answer that
 * could have been given; `n/a` and `not answered` (never one word for both)
 * only when there are some, since a complete audit needs no "0 not answered".
 */
export function answersText(c: Pick<Completeness, 'answered' | 'na' | 'unanswered' | 'total'>): string {
  const parts = [`${c.answered} of ${plural(c.total, 'answer')} scored`];
  if (c.na > 0) parts.push(`${c.na} n/a`);
  if (c.unanswered > 0) parts.push(`${c.unanswered} not answered`);
  return parts.join(' · ');
}

/** `3 respondents · 37 of 39 answers scored · 2 n/a` */
export function completenessText(c: Completeness): string {
  return `${plural(c.respondents, 'respondent')} · ${answersText(c)}`;
}
