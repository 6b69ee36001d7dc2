/** The Markdown report's tables: the sections at a glance, then each section's items. */
import type { ItemResult, Report } from '../../scoring/report.js';
import { escapeMarkdown as esc } from '../shared/escape-markdown.js';
import { groupScore, groupValues } from './group-values.js';
import { flagWords } from './labels.js';
import { markdownTable, type MarkdownColumn } from '../shared/markdown-table.js';
import { fixed, indexText, NONE } from '../shared/numbers.js';
import { gapStatus, STATUS_LABEL } from './status.js';

/** A status in words, since a document has no colour to carry it. */
export function statusWord(gap: number | null): string {
  const status = gapStatus(gap);
  return status === null ? NONE : STATUS_LABEL[status];
}

export function sectionsTable(report: Report): string {
  const columns: MarkdownColumn[] = [
    { head: 'Section', align: 'left' },
    { head: 'Score', align: 'right' },
    { head: 'Target', align: 'right' },
    { head: 'Gap', align: 'right' },
    { head: 'Index', align: 'right' },
    { head: 'Items scored', align: 'right' },
    { head: 'Status', align: 'left' },
  ];
  const rows = report.sections.map((s) => [
    esc(s.title),
    fixed(s.score),
    fixed(s.target),
    fixed(s.gap),
    indexText(s.index),
    `${s.answered} of ${s.total}`,
    statusWord(s.gap),
  ]);
  return markdownTable(columns, rows);
}

/** `### Section title` and its items; a section without items gets its heading only. */
export function sectionItemTables(report: Report): string[] {
  const groups = groupValues(report);
  return report.sections.map((section) => {
    const items = report.items.filter((item) => item.section === section.id);
    const heading = `### ${esc(section.title)}`;
    return items.length === 0 ? heading : `${heading}\n\n${itemsTable(items, groups)}`;
  });
}

function itemsTable(items: readonly ItemResult[], groups: readonly string[]): string {
  const columns: MarkdownColumn[] = [
    { head: 'Item', align: 'left' },
    { head: 'Score', align: 'right' },
    { head: 'Target', align: 'right' },
    { head: 'Gap', align: 'right' },
    { head: 'n', align: 'right' },
    { head: 'Flags', align: 'left' },
    ...groups.map((value): MarkdownColumn => ({ head: esc(value), align: 'right' })),
    ...(groups.length > 0 ? [{ head: 'Spread', align: 'right' } as const] : []),
  ];
  const rows = items.map((item) => [
    esc(item.title),
    fixed(item.score),
    fixed(item.target),
    fixed(item.gap),
    String(item.n),
    flagWords(item).join(', '),
    ...groups.map((value) => fixed(groupScore(item, value))),
    ...(groups.length > 0 ? [fixed(item.spread)] : []),
  ]);
  return markdownTable(columns, rows);
}
