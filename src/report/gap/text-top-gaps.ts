/** "Top gaps": the items whose gaps weigh most on the overall score, in priority order. */
import { rankGaps } from '../../scoring/index.js';
import type { Report } from '../../scoring/report.js';
import type { Style } from '../shared/style.js';
import { plural } from '../shared/plural.js';
import { noGapsText, TOP_GAPS } from './labels.js';
import { fixed } from '../shared/numbers.js';
import { gapStatus, STATUS_SYMBOL, statusPaint } from './status.js';
import { renderTable } from '../shared/text-table.js';
import { oneLine } from '../shared/terminal-text.js';

export function topGapsBlock(report: Report, style: Style, width: number): string[] {
  const heading = style.bold(style.underline('Top gaps'));
  const ranked = rankGaps(report);
  if (ranked.length === 0) {
    return [heading, noGapsText(report)];
  }
  const top = ranked.slice(0, TOP_GAPS);
  // Every gap here is within 1 point or more than 1 point short: the symbol says which without colour.
  const gaps = top.map((item) => {
    const status = gapStatus(item.gap);
    return status === null ? fixed(item.gap) : `${STATUS_SYMBOL[status]} ${fixed(item.gap)}`;
  });
  const table = renderTable(
    [
      { head: '#', align: 'right', plain: top.map((_, i) => String(i + 1)) },
      { head: 'Item', align: 'left', plain: top.map((item) => oneLine(item.title)), flexible: true },
      { head: 'Score', align: 'right', plain: top.map((item) => fixed(item.score)) },
      { head: 'Target', align: 'right', plain: top.map((item) => fixed(item.target)) },
      { head: 'Gap', align: 'right', plain: gaps, cells: top.map((item, i) => statusPaint(style, gapStatus(item.gap))(gaps[i]!)) },
      { head: 'Priority', align: 'right', plain: top.map((item) => fixed(item.priority)) },
    ],
    width,
  );
  const lines = [heading, table];
  const more = ranked.length - top.length;
  if (more > 0) lines.push(`… and ${plural(more, 'more item')} below target`);
  // Priority is e_i × gap_i, which a manager cannot guess from the name alone.
  lines.push(style.dim('Priority: how much closing the gap would lift the overall score.'));
  return lines;
}
