/**
 * What every command definition shares: the context it runs in, the callback its outcome goes
 * to, the options every command has, and the flag parsers. Each command's flags live beside its
 * handler (`commands/<name>/command.ts` and `run.ts`); the handler is loaded only when the command
 * runs, so `svcaudit --help` loads none of them.
 */
import { Command, InvalidArgumentError } from '@commander-js/extra-typings';
import type { Outcome } from '../core/outcome.js';
import type { CliContext } from './context.js';

type Done = (outcome: Outcome) => void;

/** Adds the options every command shares; typed, so each handler's options carry them. */
export function commonOptions<Args extends unknown[], Opts extends Record<string, unknown>>(command: Command<Args, Opts>) {
  return command
    .option('--color', 'force colour on')
    .option('--no-color', 'turn colour off (also NO_COLOR=1)')
    .option('--debug', 'show stack traces of internal errors (also DEBUG=svcaudit)');
}

export interface CommandKit {
  readonly ctx: CliContext;
  readonly done: Done;
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number, 0 or more.');
  return n;
}

export function indexNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected an index from 0 to 100.');
  return n;
}

/**
 * The plan's phase capacity: a whole number of at least 3, so a phase can always hold a high-effort
 * action (docs/formulas.md, "The improvement plan"). The scheduler's MIN_CAPACITY, written out here so
 * that parsing flags loads no scoring code.
 */
const MIN_CAPACITY = 3;

export function capacityNumber(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < MIN_CAPACITY) throw new InvalidArgumentError(`expected a whole number, ${MIN_CAPACITY} or more.`);
  return Number(value);
}

/** A count such as `--min-group`: a whole number, 1 or more. */
export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number, 1 or more.');
  return Number(value);
}

export function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return Number(value);
}
