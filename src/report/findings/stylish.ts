import type { Finding } from '../../core/finding.js';
import type { Style } from '../shared/style.js';
import { countFindings, exceedsMaxWarnings, problemsText, sortFindings } from './summary.js';
import { displayWidth, padDisplayEnd } from '../shared/text-width.js';
import type { FileFindings } from '../../core/file-findings.js';
import type { FindingsFormatter } from './types.js';
// Each finding on one row, and control characters quoted from a file (an ESC in a YAML key) inert.
import { oneLine } from '../shared/terminal-text.js';
import { maxOf } from '../../core/max-of.js';

/**
 * ESLint's default format: per file, the path underlined and one aligned row per finding
 * (`  line:col  severity  message  rule`), then a one-line summary. Empty when all is clean,
 * so a passing CI log stays quiet.
 */
export const stylish: FindingsFormatter = (results, options) => {
  const { style } = options;
  const counts = countFindings(results);
  if (counts.errors + counts.warnings === 0) return '';

  const blocks = results
    .filter((r) => r.findings.length > 0)
    .map((r) => fileBlock(r, style));
  const summary = `✖ ${problemsText(counts)}`;
  const lines = [...blocks, counts.errors > 0 ? style.red(summary) : style.yellow(summary)];
  if (exceedsMaxWarnings(counts, options.maxWarnings)) {
    lines.push(`svcaudit found too many warnings (maximum: ${options.maxWarnings}).`);
  }
  return `${lines.join('\n')}\n`;
};

const MAX_MESSAGE_PAD = 100;

/** The underlined path and its rows, followed by a blank line. */
function fileBlock(result: FileFindings, style: Style): string {
  const rows = sortFindings(result.findings).map(cells);
  // Widths come from the plain text: colour codes would otherwise count as columns.
  const width = (i: 0 | 1 | 2): number => maxOf(rows.map((row) => displayWidth(row[i])), 0);
  // Messages are padded so the rule ids line up, but only up to a width: one long message would
  // otherwise pad every other row of the file to its length.
  const [wPos, wSev, wMsg] = [width(0), width(1), Math.min(width(2), MAX_MESSAGE_PAD)];
  const lines = rows.map(([pos, sev, msg, rule]) => {
    const colour = sev === 'error' ? style.red : style.yellow;
    return [
      '  ',
      style.dim(pos) + ' '.repeat(wPos - pos.length),
      '  ',
      colour(sev) + ' '.repeat(wSev - sev.length),
      '  ',
      padDisplayEnd(msg, wMsg),
      '  ',
      style.dim(rule),
    ].join('');
  });
  return `${style.underline(oneLine(result.file))}\n${lines.join('\n')}\n`;
}

function cells(f: Finding): [string, string, string, string] {
  return [`${f.line}:${f.column}`, f.severity, oneLine(f.message), f.rule];
}
