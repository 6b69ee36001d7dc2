/**
 * The session's prompts: the question (choose.ts, on inquirer's engine, laid
 * out to fit the terminal by screen.ts) and `input` for the optional note.
 * inquirer is loaded here, lazily, so no other command pays for it. Colour
 * follows svcaudit's own rule (`--no-color`, NO_COLOR …) through a theme built
 * from the Style, not inquirer's detection.
 */
import type { SessionIO } from '../../app/assess/session.js';
import type { Rubric } from '../../rubric/model.js';
import type { Style } from '../../report/shared/style.js';
import type { CliContext } from '../context.js';
import { renderScreen, type TerminalSize } from './screen.js';

type SessionPrompts = Pick<SessionIO, 'ask' | 'askNote'>;

/** inquirer's errors when a prompt is stopped: Ctrl-C (ExitPromptError) or our AbortSignal (AbortPromptError). */
export function isPromptInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/**
 * `introRows`: rows the intro took above the first question, kept in view on the first screen (it says where
 * the answers are saved); later screens keep the one-line record of the previous answer in view.
 */
export async function createPrompts(rubric: Rubric, ctx: CliContext, style: Style, signal: AbortSignal, introRows = 0): Promise<SessionPrompts> {
  const { input, choose } = await import('./inquirer.js');
  // assess asks questions only on a terminal, where stdout is Node's own stream (see stdout.ts).
  const context = { input: ctx.stdin, output: ctx.stdout as NodeJS.WritableStream, signal };
  const size = (): TerminalSize => {
    return { columns: ctx.stdout.columns || 80, rows: ctx.stdout.rows || 24 };
  };
  let reserved = introRows;
  const base = {
    prefix: { idle: style.cyan('?'), done: style.green('✔') },
    style: {
      answer: style.cyan,
      highlight: style.cyan,
      help: style.dim,
      defaultAnswer: (text: string) => style.dim(`(${text})`),
      error: (text: string) => style.red(`> ${text}`),
      key: (text: string) => style.cyan(style.bold(`<${text}>`)),
    },
  };

  return {
    async ask(screen) {
      const view = renderScreen(screen, rubric, style, size(), reserved);
      reserved = 1;
      const choice = await choose(
        {
          message: view.message,
          prefix: style.cyan('?'),
          choices: view.choices,
          default: view.default,
          compact: view.compact,
          pageSize: view.pageSize,
          keys: view.keys,
          help: view.help,
          highlight: style.cyan,
          description: style.dim,
        },
        // A long question is cleared once answered (or when Ctrl-C stops it); one line stays for the record.
        { ...context, clearPromptOnDone: true },
      );
      ctx.stdout.write(`${view.transcript(choice)}\n`);
      return choice;
    },

    async askNote(_screen, current) {
      const note = await input(
        {
          message: 'Note (optional, ⏎ to skip):',
          // A note given before is put on the line to keep, edit or delete.
          ...(current ? { default: current, prefill: 'editable' as const } : {}),
          theme: base,
        },
        // The prompt line goes once answered: the transcript keeps a note only when there is one.
        { ...context, clearPromptOnDone: true },
      );
      if (note.trim() !== '') ctx.stdout.write(`  ${style.dim('Note:')} ${note.trim()}\n`);
      return note;
    },
  };
}
