/**
 * The question prompt of `svcaudit assess`, built on @inquirer/core (the
 * engine under inquirer's own `select`). `select` cannot do two things the
 * screen needs on a common 80×24 terminal (see screen.ts): draw the choices
 * that are not highlighted on one line while the highlighted one is shown in
 * full, and take the keys `n`, `s` and `b` to the ways on. Everything else is
 * as in `select`: ↑↓ move (without wrapping around), a digit moves to that
 * choice, ⏎ chooses, Ctrl-C stops. Like the digits, a letter only moves the
 * cursor, so a stray key never answers a question.
 *
 * Loaded only through inquirer.ts, by `await import()`.
 */
import { createPrompt, isDownKey, isEnterKey, isUpKey, useKeypress, usePagination, useState } from '@inquirer/core';
import type { SessionChoice } from '../../app/assess/session.js';
import type { ScreenChoice } from './screen.js';

interface ChooseConfig {
  /** The header; `prefix` and a space go in front of its first line. */
  readonly message: string;
  readonly prefix: string;
  readonly choices: readonly ScreenChoice[];
  readonly default?: SessionChoice | undefined;
  /** Choices that are not highlighted are drawn as their one `line`. */
  readonly compact: boolean;
  readonly pageSize: number;
  /** Letter keys that move the cursor to a choice. */
  readonly keys: ReadonlyMap<string, SessionChoice>;
  readonly help: string;
  readonly highlight: (text: string) => string;
  readonly description: (text: string) => string;
}

const CURSOR_HIDE = '\u001b[?25l';

export const choose = createPrompt<SessionChoice, ChooseConfig>((config, done) => {
  const { choices } = config;
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [active, setActive] = useState(() => Math.max(0, choices.findIndex((c) => c.value === config.default)));

  useKeypress((key, rl) => {
    if (isEnterKey(key)) {
      setStatus('done');
      done(choices[active]!.value);
      return;
    }
    // Typed characters are not text here: keep the readline buffer empty.
    rl.clearLine(0);
    if (key.ctrl) return;
    let next = active;
    if (isUpKey(key)) next = Math.max(0, active - 1);
    else if (isDownKey(key)) next = Math.min(choices.length - 1, active + 1);
    else if (/^[1-9]$/.test(key.name ?? '')) next = Number(key.name) <= choices.length ? Number(key.name) - 1 : active;
    else {
      const value = config.keys.get((key.name ?? '').toLowerCase());
      const index = choices.findIndex((c) => value !== undefined && c.value === value);
      if (index >= 0) next = index;
    }
    if (next !== active) setActive(next);
  });

  const page = usePagination({
    items: choices,
    active,
    pageSize: config.pageSize,
    loop: false,
    renderItem({ item, isActive }) {
      const text = isActive || !config.compact ? item.name : item.line;
      const drawn = `${isActive ? '❯' : ' '} ${text}`;
      return `${item.separatorBefore ? '\n' : ''}${isActive ? drawn.split('\n').map(config.highlight).join('\n') : drawn}`;
    },
  });
  const [first = '', ...rest] = config.message.split('\n');
  // Once chosen the prompt is cleared (clearPromptOnDone); the caller writes the one line that stays.
  if (status === 'done') return `${config.prefix} ${first}`;
  const header = [`${config.prefix} ${first}`, ...rest].join('\n');
  const { description } = choices[active]!;
  return [header, page, '', ...(description ? [config.description(description)] : []), `${config.help}${CURSOR_HIDE}`].join('\n');
});
