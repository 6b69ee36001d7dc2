/**
 * The pause after the intro of `svcaudit assess`: the description of how to
 * score is read before the first question takes the screen. ⏎ goes on,
 * Ctrl-C stops (reported like any stop, with nothing saved yet).
 *
 * Drawn without inquirer, so the intro's prompt is on screen as soon as the
 * rubric is read: inquirer's chunk is loaded while the intro is being read
 * (prompts.ts), not before the prompt can show. It ends the way an inquirer
 * prompt does (prompts.ts tells the two apart by the error's name only):
 * ExitPromptError for Ctrl-C, AbortPromptError when the session's signal
 * aborts (SIGTERM, SIGHUP; see interrupt.ts), the line cleared once done.
 */
import { emitKeypressEvents } from 'node:readline';

const CURSOR_HIDE = '\u001b[?25l';
const CURSOR_SHOW = '\u001b[?25h';
const CLEAR_LINE = '\r\u001b[2K';

interface PressEnterContext {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly signal: AbortSignal;
}

interface Key {
  readonly name?: string;
  readonly ctrl?: boolean;
}

/** An error named as inquirer names its own, so one check covers every prompt of a session. */
function promptError(name: 'ExitPromptError' | 'AbortPromptError', message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export function pressEnter(config: { readonly message: string }, { input, output, signal }: PressEnterContext): Promise<void> {
  const stdin = input as NodeJS.ReadStream;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(promptError('AbortPromptError', 'Prompt was aborted'));
    emitKeypressEvents(stdin);
    const wasRaw = stdin.isRaw === true;
    stdin.setRawMode?.(true);
    const end = (error?: Error) => {
      stdin.off('keypress', onKey);
      signal.removeEventListener('abort', onAbort);
      output.write(`${CLEAR_LINE}${CURSOR_SHOW}`);
      stdin.setRawMode?.(wasRaw);
      stdin.pause();
      if (error) reject(error);
      else resolve();
    };
    const onKey = (_text: string | undefined, key: Key | undefined) => {
      if (key?.ctrl === true && key.name === 'c') end(promptError('ExitPromptError', 'User force closed the prompt with SIGINT'));
      else if (key?.name === 'return' || key?.name === 'enter') end();
    };
    const onAbort = () => end(promptError('AbortPromptError', 'Prompt was aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    stdin.on('keypress', onKey);
    stdin.resume();
    output.write(`${config.message}${CURSOR_HIDE}`);
  });
}
