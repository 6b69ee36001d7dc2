import { isMapping } from '../../core/is-mapping.js';

/** True for a parsed value shaped like a score report (`svcaudit: 1` or `2` and an `overall`), as opposed to an answers file. */
export function looksLikeReport(value: unknown): boolean {
  return isMapping(value) && (value.svcaudit === 1 || value.svcaudit === 2) && isMapping(value.overall) && value.kind === undefined;
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
