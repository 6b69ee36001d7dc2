/**
 * `compare --format markdown`: progress between two audits as a client
 * document or a pull-request comment, with the same figures, intervals and
 * verdicts as the text format. Every piece of user text goes through
 * `escapeMarkdown`, as in the gap report.
 */
import type { Change, Comparison, GroupChange, ItemChange } from '../../compare/comparison.js';
import { bySection } from '../shared/by-section.js';
import { escapeMarkdown as esc } from '../shared/escape-markdown.js';
import { markdownFooter, markdownTable, type MarkdownColumn } from '../shared/markdown-table.js';
import { fixed, indexText } from '../shared/numbers.js';
import type { CompareFormatter } from './types.js';
import {
  designText,
  fromTo,
  groupNotCompared,
  intervalText,
  ITEM_LISTS,
  markNotes,
  organisationOf,
  READING_NOTES,
  scoreCell,
  sideText,
  signed,
  stillBelowTarget,
  targetNote,
  VERDICT_WORDS,
  verdictCounts,
  verdictMark,
} from './words.js';

export const markdown: CompareFormatter = (c, options) => {
  const parts = [
    `# ${esc(c.rubric.title)}: progress`,
    aboutLine(c, options),
    `**Before:** ${esc(sideText(c.inputs.before, options.baseline))}  \n**After:** ${esc(sideText(c.inputs.after, options.followUp))}  \n**Design:** ${esc(designText(c))}`,
    ...c.warnings.map((w) => `> **Warning:** ${esc(w.message)}`),
    overallTable(c),
    `Items: ${esc(verdictCounts(c.items))}.`,
    '## Sections',
    markdownTable([{ head: 'Section', align: 'left' }, ...CHANGE_COLUMNS], c.sections.map((s) => [esc(s.title), fixed(s.before.score), fixed(s.after.score), ...changeCells(s, c)])),
    '## Items',
    ...bySection(c.sections, c.items).map(({ section, items }) => `### ${esc(section.title)}\n\n${itemsTable(items, c)}`),
    ...markNotes(c.items).map((note) => `_${esc(note)}_`),
    ...groups(c),
    ...lists(c),
    '## How to read this',
    READING_NOTES.map((note) => `- ${esc(note)}`).join('\n'),
    '---',
    markdownFooter(c.rubric, options.date),
  ];
  return `${parts.join('\n\n')}\n`;
};

/** `**Harbour Home** · 10 → 10 respondents · report 2026-11-20 · rubric service-commitments 2.0.0` */
function aboutLine(c: Comparison, options: Parameters<CompareFormatter>[1]): string {
  const organisation = organisationOf(options);
  const rubric = c.rubric.version === null ? c.rubric.id : `${c.rubric.id} ${c.rubric.version}`;
  const parts = [`${c.inputs.before.respondents} → ${c.inputs.after.respondents} respondents`, ...(options.date === undefined ? [] : [`report ${options.date}`]), `rubric ${rubric}`];
  return [...(organisation === null ? [] : [`**${esc(organisation)}**`]), ...parts.map(esc)].join(' · ');
}

const CHANGE_COLUMNS: readonly MarkdownColumn[] = [
  { head: 'Before', align: 'right' },
  { head: 'After', align: 'right' },
  { head: 'Change', align: 'right' },
  { head: '95% interval', align: 'right' },
  { head: 'Verdict', align: 'left' },
];

/** Change, interval, verdict; an improvement still below target says so (an item's through its target note). */
function changeCells(r: Change, c: Comparison, mark = ''): string[] {
  const below = !('reachedTarget' in r) && stillBelowTarget(r) ? ', **still below target**' : '';
  return [signed(r.change), intervalText(r.ci, c.scale), `${VERDICT_WORDS[r.verdict]}${esc(mark)}${below}`];
}

function overallTable(c: Comparison): string {
  const { before, after } = c.overall;
  return markdownTable(
    [{ head: 'Overall', align: 'left' }, ...CHANGE_COLUMNS],
    [
      ['Score', fixed(before.score), fixed(after.score), ...changeCells(c.overall, c)],
      ['Index', indexText(before.index), indexText(after.index), '', '', ''],
      ['Gap', fixed(before.gap), fixed(after.gap), '', '', ''],
    ],
  );
}

/** `3.40 (n 10)`, or why there is no score. */
function sideCell(score: number | null, n: number, unscored: ItemChange['unscored']['before']): string {
  return score === null ? scoreCell(score, unscored) : `${fixed(score)} (n ${n})`;
}

function itemsTable(items: readonly ItemChange[], c: Comparison): string {
  return markdownTable(
    [{ head: 'Item', align: 'left' }, ...CHANGE_COLUMNS],
    items.map((item) => {
      const note = targetNote(item);
      const cells = changeCells(item, c, verdictMark(item));
      if (note !== undefined) cells[2] = `${cells[2]}, **${note}**`;
      return [esc(item.title), sideCell(item.before.score, item.before.n, item.unscored.before), sideCell(item.after.score, item.after.n, item.unscored.after), ...cells];
    }),
  );
}

function groups(c: Comparison): string[] {
  if (c.details.by === null) return [];
  const title = `## Groups (by ${esc(c.details.by)})`;
  if (c.groups.length === 0) return [title, 'No group is compared (see the warning above).'];
  const table = markdownTable(
    [{ head: 'Group', align: 'left' }, { head: 'Respondents', align: 'right' }, ...CHANGE_COLUMNS],
    c.groups.map((g) => [esc(g.value), `${g.before.n} → ${g.after.n}`, ...(g.overall === null ? ['', '', '', '', esc(groupNotCompared(c.details.minGroup))] : [fixed(g.overall.before.score), fixed(g.overall.after.score), ...changeCells(g.overall, c)])]),
  );
  const shown = c.groups.filter((g): g is GroupChange & { overall: Change } => g.overall !== null);
  return [title, table, ...shown.flatMap((g) => [`### ${esc(g.value)}`, itemsTable(g.items, c), ...markNotes(g.items).map((note) => `_${esc(note)}_`)])];
}

function lists(c: Comparison): string[] {
  return ITEM_LISTS.flatMap(({ title, keep }) => {
    const items = c.items.filter(keep);
    if (items.length === 0) return [];
    return [`## ${title} (${items.length})`, items.map((item) => `- **${esc(item.title)}**: ${fromTo(item.before.score, item.after.score)} (${signed(item.change)} ${intervalText(item.ci, c.scale)})`.replace(/ \)$/, ')')).join('\n')];
  });
}
