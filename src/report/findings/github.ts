import type { Finding } from '../../core/finding.js';
import { plural } from '../shared/plural.js';
import { inert } from '../../core/inert-text.js';
import { countFindings, problemsText, sortFindings } from './summary.js';
import type { FindingsFormatter } from './types.js';

/**
 * GitHub Actions workflow commands (`::error file=..,line=..::message`), which GitHub turns into
 * annotations on the pull request's diff:
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 * GitHub shows only the first 10 annotations of each kind per step, so a plain summary line
 * always follows: the job log then tells the full count even when annotations are cut off.
 */
export const github: FindingsFormatter = (results) => {
  const commands = results.flatMap((r) => sortFindings(r.findings).map((f) => command(f, r.file)));
  const counts = countFindings(results);
  const summary =
    commands.length === 0
      ? `svcaudit: no problems in ${plural(results.length, 'file')}`
      : `svcaudit: ${problemsText(counts)} in ${plural(results.filter((r) => r.findings.length > 0).length, 'file')}`;
  return [...commands, summary, ''].join('\n');
};

function command(f: Finding, file: string): string {
  const properties: [string, string | number | undefined][] = [
    ['file', file],
    ['line', f.line],
    ['col', f.column],
    ['endLine', f.endLine],
    ['endColumn', f.endColumn],
    ['title', f.rule],
  ];
  const props = properties
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${f.severity} ${props}::${escapeData(f.message)}`;
}

// The escapes of @actions/core (actions/toolkit, packages/core/src/command.ts): `%` first, so
// the escapes themselves are not escaped again, and a line break cannot end the command early
// and start another one (a file could otherwise inject `::add-mask::` or `::stop-commands::`).
// Other control characters are shown inert first (core/inert-text.ts): the log is a terminal too.
export function escapeData(s: string): string {
  return inert(s, true).replace(/\t/g, ' ').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In `key=value` properties, `:` and `,` would also end the value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
