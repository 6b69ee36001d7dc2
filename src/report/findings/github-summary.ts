import type { FileFindings } from '../../core/file-findings.js';
import { REPOSITORY_URL } from '../../core/version.js';
import { escapeMarkdown } from '../shared/escape-markdown.js';
import { plural } from '../shared/plural.js';
import { countFindings, problemsText, sortFindings } from './summary.js';

/** More rows than a job summary page needs; the annotations and the log hold every finding. */
const MAX_ROWS = 100;

/**
 * The Markdown that `validate --format github` appends to a job's summary page
 * (`$GITHUB_STEP_SUMMARY`, https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#adding-a-job-summary):
 * the counts, then a table of the findings, each rule linked to docs/rules.md. GitHub shows only
 * the first annotations of a step, so the summary is where a long list can be read in full.
 */
export function githubSummary(results: readonly FileFindings[]): string {
  const counts = countFindings(results);
  const files = plural(results.length, 'file');
  if (counts.errors + counts.warnings === 0) return `### svcaudit validate\n\nNo problems in ${files}.\n\n`;
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  const rows = results.flatMap((r) => sortFindings(r.findings).map((f) => ({ file: r.file, f })));
  const lines = [
    '### svcaudit validate',
    '',
    `${counts.errors > 0 ? '❌' : '⚠️'} ${problemsText(counts)} in ${withFindings === results.length ? files : `${withFindings} of ${files}`}.`,
    '',
    '| where | severity | rule | message |',
    '| --- | --- | --- | --- |',
    ...rows.slice(0, MAX_ROWS).map(({ file, f }) =>
      `| ${escapeMarkdown(`${file}:${f.line}:${f.column}`)} | ${f.severity} | [${f.rule}](${REPOSITORY_URL}/blob/main/docs/rules.md#${f.rule}) | ${escapeMarkdown(f.message)} |`),
  ];
  if (rows.length > MAX_ROWS) lines.push('', `…and ${rows.length - MAX_ROWS} more; the job log lists every one.`);
  return `${lines.join('\n')}\n\n`;
}
