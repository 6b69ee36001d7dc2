/**
 * The colour rule of the README, in order: `--color`/`--no-color`, then NO_COLOR,
 * then FORCE_COLOR, then whether stdout is a terminal. chalk's own detection
 * ignores NO_COLOR, so the level is decided here and chalk is told.
 */
import { plainStyle, type Style } from '../report/shared/style.js';

export function colorEnabled(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.toLowerCase());
  return isTTY;
}

/** chalk is loaded only when colour is on: CI runs (no terminal) never pay for it. */
export async function styleFor(enabled: boolean): Promise<Style> {
  if (!enabled) return plainStyle;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  // One argument each: chalk joins every argument it is given, so `lines.map(chalk.cyan)` would
  // print the index and the whole array too. The Style functions are safe to pass to map().
  return {
    bold: (s) => chalk.bold(s),
    dim: (s) => chalk.dim(s),
    underline: (s) => chalk.underline(s),
    red: (s) => chalk.red(s),
    yellow: (s) => chalk.yellow(s),
    green: (s) => chalk.green(s),
    cyan: (s) => chalk.cyan(s),
  };
}
