import { isMapping } from '../../core/is-mapping.js';

/** The formats of `score --format json` that compare reads (docs/json-report.md). */
export const REPORT_FORMATS: readonly unknown[] = [1, 2];

/** True for a parsed value shaped like a score report (`svcaudit: 1` or `2` and an `overall`), as opposed to an answers file or a comparison. */
export function looksLikeReport(value: unknown): boolean {
  return isMapping(value) && REPORT_FORMATS.includes(value.svcaudit) && isMapping(value.overall) && value.kind === undefined;
}

/** Whether a text is a report saved by `score --format json` (rather than answers written as JSON-style YAML). */
export function looksLikeReportText(text: string): boolean {
  if (!/^\s*\{/.test(text)) return false;
  try {
    return looksLikeReport(JSON.parse(text));
  } catch {
    return false;
  }
}
