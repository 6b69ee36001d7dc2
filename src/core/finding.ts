import { compareCodePoints } from './order.js';
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

/**
 * Longer than any message needs; a message quoting a file's text (a key of ten thousand
 * characters, say) is cut here, so no output format carries it whole.
 */
const MAX_MESSAGE_LENGTH = 500;

/** A finding with the rule's default severity. */
export function finding(rule: RuleId, message: string, file: string, span: Span): Finding {
  return { rule, severity: RULES[rule].severity, message: bounded(message), file, ...span };
}

function bounded(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  // Never between the two halves of a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(message[MAX_MESSAGE_LENGTH - 2]!) ? MAX_MESSAGE_LENGTH - 2 : MAX_MESSAGE_LENGTH - 1;
  return `${message.slice(0, cut)}…`;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Stable order for output: by file, then position, then rule; text in code-point order, whatever the locale. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareCodePoints(a.file, b.file) || a.line - b.line || a.column - b.column || compareCodePoints(a.rule, b.rule);
}

/** Rules that mean a file could not be read as data at all, rather than data found wanting. */
const UNREADABLE: ReadonlySet<RuleId> = new Set<RuleId>(['file-empty', 'file-binary', 'yaml-syntax', 'yaml-too-complex', 'yaml-duplicate-key', 'csv-syntax', 'file-encoding-invalid', 'export-limit', 'export-unreadable']);

/**
 * The error a command other than `validate` stops with (the exit codes of docs/exit-codes.md): a file that is
 * not data is "unparseable" (exit 2); data found wanting is "findings" (exit 1).
 */
export function findingsErrorCode(findings: readonly Finding[]): 'file-unparseable' | 'findings' {
  return findings.some((f) => f.severity === 'error' && UNREADABLE.has(f.rule)) ? 'file-unparseable' : 'findings';
}

/** The first error in file and position order, the one a one-line message names. */
export function firstError(findings: readonly Finding[]): Finding | undefined {
  return findings.filter((f) => f.severity === 'error').sort(compareFindings)[0];
}
