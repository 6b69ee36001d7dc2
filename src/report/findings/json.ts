import { countFindings, sortFindings } from './summary.js';
import type { FindingsFormatter } from './types.js';

/**
 * A stable object for scripts: the format version (`svcaudit: 1`, raised only when a field changes
 * meaning or goes), every file checked (clean ones with an empty list), counts per file and overall. `kind` is `null`, not absent, when the file could not be told, so the
 * field names never change. Options are unused: machine output is never coloured.
 */
export const json: FindingsFormatter = (results) => {
  const files = results.map((r) => {
    const counts = countFindings([r]);
    return {
      file: r.file,
      kind: r.kind ?? null,
      errorCount: counts.errors,
      warningCount: counts.warnings,
      findings: sortFindings(r.findings).map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        line: f.line,
        column: f.column,
        ...(f.endLine === undefined ? {} : { endLine: f.endLine }),
        ...(f.endColumn === undefined ? {} : { endColumn: f.endColumn }),
      })),
    };
  });
  const total = countFindings(results);
  return `${JSON.stringify({ svcaudit: 1, files, errorCount: total.errors, warningCount: total.warnings }, null, 2)}\n`;
};
