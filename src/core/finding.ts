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

/**
 * At most this many findings of one rule are listed per file: past that, a flood of one kind (a
 * CSV export with 70,000 wrong rows, a file of 100,000 unknown ids) adds nothing a person would
 * read, and each further line costs time and screen. The rest are counted in one finding.
 */
export const MAX_FINDINGS_PER_RULE = 100;

/** The findings of one file, in position order, with each rule's flood cut to MAX_FINDINGS_PER_RULE and an "and N more". */
export function capFindings(findings: readonly Finding[], max = MAX_FINDINGS_PER_RULE): Finding[] {
  const sorted = [...findings].sort(compareFindings);
  const shown = new Map<RuleId, number>();
  const left = new Map<RuleId, { first: Finding; count: number }>();
  const kept: Finding[] = [];
  for (const f of sorted) {
    const n = shown.get(f.rule) ?? 0;
    if (n < max) {
      shown.set(f.rule, n + 1);
      kept.push(f);
      continue;
    }
    const more = left.get(f.rule);
    if (more) more.count++;
    else left.set(f.rule, { first: f, count: 1 });
  }
  for (const [rule, { first, count }] of left) {
    kept.push({
      ...first,
      message: `… and ${count} more ${rule} finding${count === 1 ? '' : 's'} in this file, from here on (only the first ${max} are listed).`,
    });
  }
  return kept.sort(compareFindings);
}
