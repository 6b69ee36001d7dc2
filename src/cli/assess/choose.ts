/**
 * The question prompt of `svcaudit assess`, built on @inquirer/core (the
 * engine under inquirer's own `select`). `select` cannot do what the screen
 * needs on a common 80×24 terminal (see screen.ts): draw some levels in full
 * and the others on one line, and act on keys at once. Keys do what the help
 * line says, the moment they are pressed: a digit answers with that level,
 * `n` not applicable, `s` skip, `b` back (going back six questions is six
 * presses); `w` swaps the list for why the item matters and what else to
 * check, and back. ↑↓ move (without wrapping around), ⏎ chooses, Ctrl-C
 * stops.
 *
 * Loaded only through inquirer.ts, by `await import()`.
 */
import { createPrompt, isDownKey, isEnterKey, isUpKey, useKeypress, usePagination, useState } from '@inquirer/core';
import type { SessionChoice } from '../../app/assess/session.js';
import { isExpanded, type ScreenView } from './screen.js';

interface ChooseConfig {
  readonly view: ScreenView;
  /** Goes with a space in front of the header's first line. */
  readonly prefix: string;
  readonly highlight: (text: string) => string;
  readonly description: (text: string) => string;
}

const CURSOR_HIDE = '\u001b[?25l';

export const choose = createPrompt<SessionChoice, ChooseConfig>((config, done) => {
  const { view } = config;
  const { choices } = view;
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [detail, setDetail] = useState(false);
  const [active, setActive] = useState(() => Math.max(0, choices.findIndex((c) => c.value === view.default)));

  const finish = (value: SessionChoice) => {
    setStatus('done');
    done(value);
  };

  useKeypress((key, rl) => {
    // Typed characters are not text here: keep the readline buffer empty.
    rl.clearLine(0);
    // A key that arrives after the answer (a fast double press) must not answer twice.
    if (status === 'done' || key.ctrl) return;
    if (isEnterKey(key)) return finish(choices[active]!.value);
    if (isUpKey(key)) return setActive(Math.max(0, active - 1));
    if (isDownKey(key)) return setActive(Math.min(choices.length - 1, active + 1));
    const name = (key.name ?? '').toLowerCase();
    if (name === 'w' && view.detail) return setDetail(!detail);
    const value = view.keys.get(name);
    if (value !== undefined) finish(value);
  });

  const page = usePagination({
    items: choices,
    active,
    pageSize: view.pageSize,
    loop: false,
    renderItem({ item, index, isActive }) {
      const text = isExpanded(view.expansion, choices, active, index) ? item.name : item.line;
      const drawn = `${isActive ? '❯' : ' '} ${text}`;
      return `${item.separatorBefore ? '\n' : ''}${isActive ? drawn.split('\n').map(config.highlight).join('\n') : drawn}`;
    },
  });
  const [first = '', ...rest] = view.header.split('\n');
  const header = [...view.log, `${config.prefix} ${first}`, ...rest].join('\n');
  // Once chosen the prompt is cleared (clearPromptOnDone): the log and the note prompt say what was chosen.
  if (status === 'done') return header;
  if (detail && view.detail) return [header, view.detail.text, '', `${view.detail.help}${CURSOR_HIDE}`].join('\n');
  const { description } = choices[active]!;
  return [header, page, '', ...(description ? [config.description(description)] : []), `${view.help}${CURSOR_HIDE}`].join('\n');
});
