/**
 * PRODUCT.md's colour rule, in order: `--color`/`--no-color`, then NO_COLOR,
 * then FORCE_COLOR, then whether stdout is a terminal. chalk's own detection
 * ignores NO_COLOR, so the level is decided here and chalk is told.
 */
import { plainStyle, type Style } from '../report/style.js';

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
  return {
    bold: chalk.bold,
    dim: chalk.dim,
    underline: chalk.underline,
    red: chalk.red,
    yellow: chalk.yellow,
    green: chalk.green,
    cyan: chalk.cyan,
  };
}
