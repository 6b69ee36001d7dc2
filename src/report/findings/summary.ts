import { plural } from '../shared/plural.js';
import type { Finding } from '../../core/finding.js';
import type { FileFindings } from '../../core/file-findings.js';

interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
}

export function countFindings(results: readonly FileFindings[]): FindingCounts {
  let errors = 0;
  let warnings = 0;
  for (const { findings } of results) {
    for (const f of findings) {
      if (f.severity === 'error') errors += 1;
      else warnings += 1;
    }
  }
  return { errors, warnings };
}

/**
 * Whether `--max-warnings` is exceeded. A negative limit means "no limit", as ESLint's `-1`,
 * so the CLI's exit code and stylish's "too many warnings" line cannot disagree.
 */
export function exceedsMaxWarnings(counts: FindingCounts, maxWarnings: number | undefined): boolean {
  return maxWarnings !== undefined && maxWarnings >= 0 && counts.warnings > maxWarnings;
}

/** The findings of one file by line, then column; a stable sort keeps ties in input order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `3 problems (2 errors, 1 warning)`, shared by stylish and github. */
export function problemsText(counts: FindingCounts): string {
  const total = counts.errors + counts.warnings;
  return `${plural(total, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')})`;
}
