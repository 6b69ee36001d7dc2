/**
 * `compare --format markdown`: progress between two audits as a client
 * document or a pull-request comment. Every piece of user text goes through
 * `escapeMarkdown`, as in the gap report.
 */
import type { Change, Comparison, ItemChange } from '../../compare/comparison.js';
import { bySection } from '../shared/by-section.js';
import { escapeMarkdown as esc } from '../shared/escape-markdown.js';
import { markdownFooter, markdownTable, type MarkdownColumn } from '../shared/markdown-table.js';
import { fixed, indexText } from '../shared/numbers.js';
import type { CompareFormatter } from './types.js';
import { countsText, fromTo, ITEM_LISTS, itemsIn, sideText, signed, signedIndex, STATUS_WORDS, ROUNDING_NOTE } from './words.js';

export const markdown: CompareFormatter = (c, options) => {
  const parts = [
    `# ${esc(c.rubric.title)}: progress`,
    `**Before:** ${esc(sideText(c.inputs.before))}  \n**After:** ${esc(sideText(c.inputs.after))}`,
    overallTable(c),
    `${countsText(c)}.`,
    '## Sections',
    markdownTable([{ head: 'Section', align: 'left' }, ...CHANGE_COLUMNS, { head: 'Index change', align: 'right' }], c.sections.map((s) => [esc(s.title), ...changeCells(s), signedIndex(s.delta.index)])),
    '## Items',
    ...bySection(c.sections, c.items).map(({ section, items }) => `### ${esc(section.title)}\n\n${itemsTable(items)}`),
    ...lists(c),
    `_${ROUNDING_NOTE}_`,
    '---',
    markdownFooter(c.rubric, options.date),
  ];
  return `${parts.join('\n\n')}\n`;
};

const CHANGE_COLUMNS: readonly MarkdownColumn[] = [
  { head: 'Before', align: 'right' },
  { head: 'After', align: 'right' },
  { head: 'Change', align: 'right' },
  { head: 'Gap', align: 'right' },
];

function changeCells(r: Change): string[] {
  return [fixed(r.before.score), fixed(r.after.score), signed(r.delta.score), fromTo(r.before.gap, r.after.gap)];
}

function overallTable(c: Comparison): string {
  const { before, after, delta } = c.overall;
  return markdownTable(
    [{ head: 'Overall', align: 'left' }, { head: 'Before', align: 'right' }, { head: 'After', align: 'right' }, { head: 'Change', align: 'right' }],
    [
      ['Score', fixed(before.score), fixed(after.score), signed(delta.score)],
      ['Index', indexText(before.index), indexText(after.index), signedIndex(delta.index)],
      ['Gap', fixed(before.gap), fixed(after.gap), signed(delta.gap)],
    ],
  );
}

function itemsTable(items: readonly ItemChange[]): string {
  return markdownTable(
    [{ head: 'Item', align: 'left' }, ...CHANGE_COLUMNS, { head: 'Status', align: 'left' }],
    items.map((item) => [esc(item.title), ...changeCells(item), item.status === 'reached-target' ? `**${STATUS_WORDS[item.status]}**` : STATUS_WORDS[item.status]]),
  );
}

function lists(c: Comparison): string[] {
  return ITEM_LISTS.flatMap(({ key, title }) => {
    const items = itemsIn(c, key);
    if (items.length === 0) return [];
    return [`## ${title} (${items.length})`, items.map((item) => `- **${esc(item.title)}**: ${fromTo(item.before.score, item.after.score)} (${signed(item.delta.score)})`).join('\n')];
  });
}
