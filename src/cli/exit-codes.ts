/**
 * The one place where outcomes and errors become the exit codes of docs/exit-codes.md. Typed
 * with `satisfies Record<…>`, so a new outcome or error code without an exit code does not compile.
 */
import type { ErrorCode } from '../core/errors.js';
import type { Outcome } from '../core/outcome.js';

export type ExitCode = 0 | 1 | 2 | 130;

const OUTCOME_EXIT_CODES = {
  ok: 0,
  findings: 1,
  'below-threshold': 1,
  interrupted: 130,
} satisfies Record<Outcome, ExitCode>;

const ERROR_EXIT_CODES = {
  usage: 2,
  'file-not-found': 2,
  'file-unreadable': 2,
  'file-unwritable': 2,
  'file-unparseable': 2,
  'wrong-kind': 2,
  'rubric-not-found': 2,
  'no-terminal': 2,
  'would-overwrite': 2,
  findings: 1,
} satisfies Record<ErrorCode, ExitCode>;

/** Bad usage, and an error svcaudit did not foresee (an internal error), are both "could not be done". */
export const USAGE_EXIT_CODE: ExitCode = 2;
export const INTERNAL_EXIT_CODE: ExitCode = 2;

export function outcomeExitCode(outcome: Outcome): ExitCode {
  return OUTCOME_EXIT_CODES[outcome];
}

export function errorExitCode(code: ErrorCode): ExitCode {
  return ERROR_EXIT_CODES[code];
}
