/**
 * The one error family of svcaudit. The core throws these; only the CLI entry
 * turns them into exit codes (PRODUCT.md, "Exit codes") and messages.
 */
export type ExitCode = 0 | 1 | 2 | 130;

export type ErrorCode =
  | 'usage' // bad flags or arguments
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-unwritable' // assess could not save its answers file (full disk, read-only folder)
  | 'file-unparseable' // a file given to a command other than validate could not be read as data
  | 'rubric-not-found'
  | 'no-terminal' // assess without a TTY
  | 'would-overwrite'
  | 'findings' // inputs were read and found wanting
  | 'threshold' // --fail-under / --strict
  | 'interrupted'
  | 'internal';

const EXIT_CODES: Record<ErrorCode, ExitCode> = {
  usage: 2,
  'file-not-found': 2,
  'file-unreadable': 2,
  'file-unwritable': 2,
  'file-unparseable': 2,
  'rubric-not-found': 2,
  'no-terminal': 2,
  'would-overwrite': 2,
  findings: 1,
  threshold: 1,
  interrupted: 130,
  internal: 2,
};

export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

export class SvcauditError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  readonly position: SourcePosition | undefined;

  constructor(code: ErrorCode, message: string, position?: SourcePosition, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SvcauditError';
    this.code = code;
    this.exitCode = EXIT_CODES[code];
    this.position = position;
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
