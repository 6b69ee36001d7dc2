/**
 * The one error family of svcaudit. The cores and the application layer throw these; only
 * `cli/exit-codes.ts` turns them into exit codes (docs/exit-codes.md) and `cli/main.ts` into
 * messages.
 */
import type { FileFindings } from './file-findings.js';

export type ErrorCode =
  | 'usage' // bad flags or arguments, or no usable input
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-unwritable' // an output or answers file could not be saved (full disk, read-only folder)
  | 'file-unparseable' // a file given to a command other than validate could not be read as data
  | 'wrong-kind' // a file of another kind than the command takes: a rubric given as answers, answers as a rubric
  | 'rubric-not-found'
  | 'no-terminal' // assess without a TTY
  | 'would-overwrite'
  | 'findings'; // inputs were read and found wanting

export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

interface SvcauditErrorOptions {
  readonly cause?: unknown;
  /** The findings that explain the error, printed (as `validate` prints them) before its one-line message. */
  readonly files?: readonly FileFindings[];
}

export class SvcauditError extends Error {
  readonly code: ErrorCode;
  readonly position: SourcePosition | undefined;
  readonly files: readonly FileFindings[];

  constructor(code: ErrorCode, message: string, position?: SourcePosition, options: SvcauditErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SvcauditError';
    this.code = code;
    this.position = position;
    this.files = options.files ?? [];
  }

  /** `file:line:col: message`, the form editors and terminals make clickable. */
  describe(): string {
    const p = this.position;
    if (!p) return this.message;
    const where = [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(':');
    return `${where}: ${this.message}`;
  }
}

export function isSvcauditError(error: unknown): error is SvcauditError {
  return error instanceof SvcauditError;
}
