/**
 * The session's prompts, drawn with inquirer: `select` for the question,
 * `input` for the optional note. inquirer is loaded here, lazily, so no other
 * command pays for it. Colour follows svcaudit's own rule (`--no-color`,
 * NO_COLOR …) through a theme built from the Style, not inquirer's detection.
 */
import type { SessionIO } from '../../answers/session.js';
import type { Rubric } from '../../rubric/model.js';
import type { Style } from '../../report/style.js';
import type { CliContext } from '../context.js';
import { renderScreen, type TerminalSize } from './screen.js';

export type SessionPrompts = Pick<SessionIO, 'ask' | 'askNote'>;

/** inquirer's errors when a prompt is stopped: Ctrl-C (ExitPromptError) or our AbortSignal (AbortPromptError). */
export function isPromptInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

export async function createPrompts(rubric: Rubric, ctx: CliContext, style: Style, signal: AbortSignal): Promise<SessionPrompts> {
  const { input, select, Separator } = await import('./inquirer.js');
  const context = { input: ctx.stdin, output: ctx.stdout, signal };
  const size = (): TerminalSize => {
    const out = ctx.stdout as { columns?: number; rows?: number };
    return { columns: out.columns || 80, rows: out.rows || 24 };
  };
  const keys: [string, string][] = [
    ...(rubric.scale.min === 1 && rubric.scale.max <= 9 ? [[`1-${rubric.scale.max}`, 'pick'] as [string, string]] : []),
    ['↑↓', 'move'],
    ['⏎', 'choose'],
    ['ctrl-c', 'stop (answers are saved)'],
  ];
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
      const view = renderScreen(screen, rubric, style, size());
      const choices = view.choices.flatMap((c) => {
        const choice = { value: c.value, name: c.name, short: c.short, ...(c.description ? { description: c.description } : {}) };
        return c.separatorBefore ? [new Separator(' '), choice] : [choice];
      });
      const choice = await select(
        {
          message: view.message,
          choices,
          default: view.default,
          pageSize: view.pageSize,
          loop: false,
          theme: {
            ...base,
            style: {
              ...base.style,
              description: style.dim,
              disabled: style.dim,
              keysHelpTip: (pairs: [string, string][]) => (pairs.length > 0 ? keys : pairs).map(([k, a]) => `${style.bold(k)} ${style.dim(a)}`).join(style.dim(' · ')),
            },
          },
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
