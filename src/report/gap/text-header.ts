/** The top of the text report: what was audited, by how many, and the overall result with its bar. */
import type { Overall, Report } from '../../scoring/report.js';
import { displayWidth, padDisplayEnd } from '../shared/text-width.js';
import type { Style } from '../shared/style.js';
import { textBar } from './bar.js';
import { answersText, completeness, completenessText, sourceTotal } from './completeness.js';
import { plural } from '../shared/plural.js';
import { fixed, indexText } from '../shared/numbers.js';
import { gapStatus, STATUS_LABEL, STATUS_SYMBOL, statusKey, statusPaint } from './status.js';
import { oneLine } from '../shared/terminal-text.js';
import { excludedText } from './labels.js';
import { maxOf } from '../../core/max-of.js';
import { wrap, wrapWords } from '../shared/wrap.js';
import { agreementText, fieldworkText, groupHeadline, intervalText } from '../shared/intervals.js';

/** Sources listed one per line before "… and N more": enough to spot an incomplete file, short enough for a screen. */
const MAX_SOURCES = 10;

/**
 * The header's lines, one at a time: with `--by` of a hundred thousand groups they run to tens of
 * thousands, written out as they are wrapped rather than gathered first.
 */
export function* headerBlock(report: Report, style: Style, date: string | undefined, width: number): Generator<string> {
  const { rubric } = report;
  const about = [report.organisation === null ? '' : oneLine(report.organisation), oneLine(rubric.id), rubric.version === null ? '' : oneLine(rubric.version), fieldworkText(report.fieldwork) ?? '', date === undefined ? '' : `report ${date}`].filter((s) => s !== '');
  yield style.bold(oneLine(rubric.title));
  for (const line of wrap(about.join(' · '), width)) yield style.dim(line);
  yield completenessText(completeness(report));
  const excluded = excludedText(report);
  if (excluded !== undefined) yield excluded;
  if (report.by !== null) yield* wrapWords(groupedWords(report, report.by), width);
  // One input is already summed up above; a list pays off when there are several to compare.
  // File paths only when people are named anyway (docs/formulas.md, "Quotes").
  if (report.sources.length > 1 && report.attribution === 'name') yield* sourceLines(report, width);
}

/**
 * The words of `grouped by KEY: headline · headline · …`, a group at a time (a `--by` of a
 * hundred thousand groups makes no string of them all): the words wrap() would split it into.
 */
function* groupedWords(report: Report, by: string): Generator<string> {
  yield* `grouped by ${oneLine(by)}:`.split(/ +/);
  let first = true;
  for (const group of report.groups) {
    if (!first) yield '·';
    first = false;
    yield* oneLine(groupHeadline(group, report.minGroup)).split(/ +/);
  }
}

function sourceLines(report: Report, width: number): string[] {
  const shown = report.sources.slice(0, MAX_SOURCES);
  const names = shown.map((s) => oneLine(s.source));
  // Long paths are not padded past half the width, so the figures stay on the line.
  const column = Math.min(maxOf(names.map(displayWidth)), Math.floor(width / 2));
  const lines = shown.map((s, i) => {
    const who = s.respondents === 1 ? '' : `${plural(s.respondents, 'respondent')} · `;
    const counts = answersText({ answered: s.answered, na: s.na, unanswered: s.unanswered, total: sourceTotal(s) });
    const line = `  ${padDisplayEnd(names[i] ?? '', column)}  ${who}${counts}`;
    // Too wide for the terminal: the figures go on a line of their own under the name.
    return displayWidth(line) <= width ? line : `  ${names[i] ?? ''}\n      ${who}${counts}`;
  });
  const more = report.sources.length - shown.length;
  if (more > 0) lines.push(`  … and ${more} more`);
  return lines;
}

/**
 * `Overall  score 3.25 · target 4.00 · gap 0.75 · index 56/100`, then the bar and the status in
 * words, and the key to the status symbols the tables below use.
 */
export function overallBlock(report: Report, style: Style, width: number): string[] {
  const { overall } = report;
  const title = style.bold('Overall');
  if (overall.score === null) return [`${title}  ${style.dim('not scored: no item has a score yet')}`];
  const status = gapStatus(overall.gap);
  const paint = statusPaint(style, status);
  const barWidth = Math.min(30, width - 24);
  const label = status === null ? '' : ` ${paint(`${STATUS_SYMBOL[status]} ${STATUS_LABEL[status]}`)}`;
  return [
    `${title}  ${figuresText(overall, style)}`,
    `${textBar(overall.index, barWidth, paint, style)}${label}`,
    ...wrap(`95% CI ${intervalText(overall.ci, report.scale)}${overall.ci === null && overall.limitedBy !== null ? ` (${limitedByText(report, overall.limitedBy)})` : ''}`, width),
    ...wrap(agreementText(report.agreement), width),
    ...wrap(statusKey(), width).map((line) => style.dim(line)),
  ];
}

/** `score 3.10 · target 4.00 · gap 0.90 · index 52/100`, shared by the overall line and the section headings. */
export function figuresText(r: Overall, style: Style): string {
  const paint = statusPaint(style, gapStatus(r.gap));
  return `score ${fixed(r.score)} · target ${fixed(r.target)} · ${paint(`gap ${fixed(r.gap)}`)} · index ${indexText(r.index)}`;
}

/** Which item voids an interval: the one with the fewest answers. */
function limitedByText(report: Pick<Report, 'items'>, id: string): string {
  const item = report.items.find((i) => i.id === id);
  return item === undefined ? id : `${oneLine(item.title)} has only ${item.n} answer${item.n === 1 ? '' : 's'}`;
}
