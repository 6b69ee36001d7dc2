/**
 * The note prompt after an answer, on @inquirer/core. inquirer's own `input`
 * gives nothing back when Ctrl-C stops it, so a half-typed note was lost;
 * this one reports the line as it is typed (`draft`), and the session saves
 * it when the prompt is stopped. A note given before is put on the line to
 * keep, edit or delete.
 *
 * Loaded only through inquirer.ts, by `await import()`.
 */
import { createPrompt, isEnterKey, useEffect, useKeypress, useState } from '@inquirer/core';

interface NoteConfig {
  /** Lines above the input; the last one is the label the note is typed after. */
  readonly message: string;
  readonly help: string;
  readonly current: string | undefined;
  readonly draft: (text: string) => void;
}

export const noteInput = createPrompt<string, NoteConfig>((config, done) => {
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');

  useEffect((rl) => {
    if (config.current) {
      rl.write(config.current);
      setValue(config.current);
    }
  }, []);

  useKeypress((key, rl) => {
    if (status === 'done') return;
    if (isEnterKey(key)) {
      setStatus('done');
      done(value);
      return;
    }
    setValue(rl.line);
    config.draft(rl.line);
  });

  return [`${config.message}${value}`, status === 'done' ? '' : config.help];
});
