/**
 * The session's prompts: the pause after the intro, the question (choose.ts,
 * laid out to fit the terminal by screen.ts) and the note (note-input.ts).
 * inquirer is loaded here, lazily, so no other command pays for it. Colour
 * follows svcaudit's own rule (`--no-color`, NO_COLOR …) through the Style,
 * not inquirer's detection.
 *
 * Every prompt is cleared once answered and the next one drawn in its place,
 * so nothing piles up above the question: what was answered shows in the
 * question's own log (screen.ts).
 */
import type { SessionIO } from '../../app/assess/session.js';
import type { Rubric } from '../../rubric/model.js';
import type { Style } from '../../report/shared/style.js';
import type { CliContext } from '../context.js';
import { pressEnter } from './press-enter.js';
import { createScreens, type TerminalSize } from './screen.js';

interface SessionPrompts extends Pick<SessionIO, 'ask' | 'askNote'> {
  /** Waits for ⏎ under the intro. */
  start(): Promise<void>;
  /** Whether the last prompt stopped was the note prompt with something typed in it (the note was kept). */
  stoppedInNote(): boolean;
}

/** inquirer's errors when a prompt is stopped: Ctrl-C (ExitPromptError) or our AbortSignal (AbortPromptError). */
export function isPromptInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

export async function createPrompts(rubric: Rubric, ctx: CliContext, style: Style, signal: AbortSignal): Promise<SessionPrompts> {
  // inquirer's chunk is read while the intro's pause (drawn without it) is on screen.
  let loading: Promise<typeof import('./inquirer.js')> | undefined;
  const inquirer = () => (loading ??= import('./inquirer.js'));
  // assess asks questions only on a terminal, where stdout is Node's own stream (see stdout.ts).
  const context = { input: ctx.stdin, output: ctx.stdout as NodeJS.WritableStream, signal, clearPromptOnDone: true };
  const size = (): TerminalSize => ({ columns: ctx.stdout.columns || 80, rows: ctx.stdout.rows || 24 });
  const screens = createScreens(rubric, style);
  let typing = '';

  return {
    async start() {
      // Loading inquirer and laying out the session take a moment: done while the intro is being read, not after ⏎.
      setImmediate(() => {
        screens.prepare(size());
        void inquirer().catch(() => undefined);
      });
      await pressEnter({ message: `${style.bold('⏎')} ${style.dim('start')} ${style.dim('·')} ${style.bold('ctrl-c')} ${style.dim('stop')}` }, context);
    },

    async ask(screen) {
      const { choose } = await inquirer();
      return choose({ view: screens.question(screen, size()), prefix: style.cyan('?'), highlight: style.cyan, description: style.dim }, context);
    },

    async askNote(screen, current, draft) {
      const { noteInput } = await inquirer();
      const view = screens.note(screen, size());
      typing = current ?? '';
      const note = await noteInput(
        {
          message: view.message,
          help: view.help,
          current,
          draft: (text) => {
            typing = text;
            draft(text);
          },
        },
        context,
      );
      typing = '';
      return note;
    },

    stoppedInNote: () => typing.trim() !== '',
  };
}
