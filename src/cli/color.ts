/**
 * PRODUCT.md's colour rule, in order: `--color`/`--no-color`, then NO_COLOR,
 * then FORCE_COLOR, then whether stdout is a terminal. chalk's own detection
 * ignores NO_COLOR, so the level is decided here and chalk is told.
 */
import { Chalk } from 'chalk';
import { plainStyle, type Style } from '../report/style.js';

export function colorEnabled(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.toLowerCase());
  return isTTY;
}

export function styleFor(enabled: boolean): Style {
  if (!enabled) return plainStyle;
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
