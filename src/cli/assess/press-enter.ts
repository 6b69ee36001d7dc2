/**
 * The pause after the intro of `svcaudit assess`: the description of how to
 * score is read before the first question takes the screen. ⏎ goes on,
 * Ctrl-C stops (reported like any stop, with nothing saved yet).
 *
 * Loaded only through inquirer.ts, by `await import()`.
 */
import { createPrompt, isEnterKey, useKeypress } from '@inquirer/core';

const CURSOR_HIDE = '\u001b[?25l';

export const pressEnter = createPrompt<void, { readonly message: string }>((config, done) => {
  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (isEnterKey(key)) done();
  });
  return `${config.message}${CURSOR_HIDE}`;
});
