import { RULES, type RuleId } from './rules.js';

export type Severity = 'error' | 'warning';

/** One problem found in a file, at a 1-based line and column. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A finding with the rule's default severity. */
export function finding(rule: RuleId, message: string, file: string, span: Span): Finding {
  return { rule, severity: RULES[rule].severity, message, file, ...span };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Stable order for output: by file, then position, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}
