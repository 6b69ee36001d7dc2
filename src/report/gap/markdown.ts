/**
 * `--format markdown`: the report as a client-ready document or a
 * pull-request comment. Every piece of user text goes through
 * `escapeMarkdown`, so a `|`, `<script>` or backtick in a rubric or a note
 * renders as typed and breaks nothing.
 */
import type { Report } from '../../scoring/report.js';
import { answersText, completeness, sourceTotal } from './completeness.js';
import { escapeMarkdown as esc } from '../shared/escape-markdown.js';
import { commentsSection, hasNotes, notesSections, planSections, startHereSection, topGapsList } from './markdown-lists.js';
import { excludedText } from './labels.js';
import { sectionItemTables, sectionsTable } from './markdown-sections.js';
import { statusWord } from './status.js';
import { agreementText, fieldworkText, groupHeadline, intervalText } from '../shared/intervals.js';
import { markdownFooter, markdownTable } from '../shared/markdown-table.js';
import { fixed, indexText } from '../shared/numbers.js';
import { plural } from '../shared/plural.js';
import type { GapPieces } from './types.js';

/** The document's parts in order, each made when the one before has been written, a blank line between. */
export const markdownPieces: GapPieces = function* (report, options) {
  let first = true;
  for (const part of markdownParts(report, options.date)) {
    if (!first) yield '\n\n';
    first = false;
    if (typeof part === 'string') yield part;
    else yield* part;
  }
  yield '\n';
};

/** The parts; a long one (the groups' headlines) in pieces of its own. */
function* markdownParts(report: Report, date: string | undefined): Generator<string | Iterable<string>> {
  yield `# ${esc(report.rubric.title)}`;
  yield aboutLine(report, date);
  yield '## Start here';
  yield startHereSection(report);
  yield summaryTable(report);
  yield summaryLine(report);
  yield '## Sections';
  yield sectionsTable(report);
  yield* sectionItemTables(report);
  yield '## Top gaps';
  yield topGapsList(report);
  yield '## Improvement plan';
  yield* planSections(report);
  if (hasNotes(report)) {
    yield '## Notes and evidence';
    yield* notesSections(report);
  }
  const comments = commentsSection(report);
  if (comments !== undefined) yield* ['## General comments', comments];
  if (report.sources.length > 1 && report.attribution === 'name') yield* ['## Sources', sourcesTable(report)];
  yield '---';
  yield markdownFooter(report.rubric, date);
}

function summaryTable(report: Report): string {
  const { overall } = report;
  return markdownTable(
    [
      { head: 'Overall score', align: 'right' },
      { head: 'Target', align: 'right' },
      { head: '95% CI', align: 'right' },
      { head: 'Gap', align: 'right' },
      { head: 'Index', align: 'right' },
      { head: 'Status', align: 'left' },
      { head: 'Respondents', align: 'right' },
    ],
    [[fixed(overall.score), fixed(overall.target), intervalText(overall.ci, report.scale), fixed(overall.gap), indexText(overall.index), statusWord(overall.gap), String(report.respondents)]],
  );
}

/**
 * Under the title, what a reader of a pasted or printed document needs first: whose audit, how
 * many respondents, when the answers were given and when the report was made.
 * `**Harbour Home** · 4 respondents · fieldwork 2026-10-05 to 2026-10-09 · report 2026-11-20 · rubric service-commitments 2.0.0`
 */
function aboutLine(report: Report, date: string | undefined): string {
  const { rubric } = report;
  const parts = [
    plural(report.respondents, 'respondent'),
    fieldworkText(report.fieldwork),
    date === undefined ? undefined : `report ${date}`,
    `rubric ${rubric.version === null ? rubric.id : `${rubric.id} ${rubric.version}`}`,
  ].filter((part): part is string => part !== undefined);
  const organisation = report.organisation === null ? [] : [`**${esc(report.organisation)}**`];
  return [...organisation, ...parts.map(esc)].join(' · ');
}

/** `37 of 39 answers scored · 2 n/a. Grouped by role: …`, then the agreement over the audit; a group at a time. */
function* summaryLine(report: Report): Generator<string> {
  const excluded = excludedText(report);
  yield `${esc(answersText(completeness(report)))}.${excluded === undefined ? '' : ` ${esc(excluded)}.`}`;
  if (report.by !== null) {
    yield ` Grouped by ${esc(report.by)}: `;
    let first = true;
    for (const group of report.groups) {
      yield `${first ? '' : ' · '}${esc(groupHeadline(group, report.minGroup))}`;
      first = false;
    }
    yield '.';
  }
  yield `\n\n${esc(agreementText(report.agreement))}`;
}

function sourcesTable(report: Report): string {
  return markdownTable(
    [
      { head: 'Source', align: 'left' },
      { head: 'Respondents', align: 'right' },
      { head: 'Scored', align: 'right' },
      { head: 'n/a', align: 'right' },
      { head: 'Not answered', align: 'right' },
      { head: 'Answers', align: 'right' },
    ],
    report.sources.map((s) => [esc(s.source), String(s.respondents), String(s.answered), String(s.na), String(s.unanswered), String(sourceTotal(s))]),
  );
}
