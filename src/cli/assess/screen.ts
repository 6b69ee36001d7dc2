/**
 * What one question of `svcaudit assess` looks like, as plain strings: the
 * header (title, progress, section, prompt, why) and the choices, each level
 * with its label and behavioural descriptor. Kept apart from inquirer so the
 * layout can be tested and the prompt adapter stays small.
 */
import type { SessionChoice, SessionScreen } from '../../answers/session.js';
import type { Rubric } from '../../rubric/model.js';
import { displayWidth } from '../../report/findings/text-width.js';
import { hangingWrap, wrap } from '../../report/gap/wrap.js';
import type { Style } from '../../report/style.js';

export interface ScreenChoice {
  readonly value: SessionChoice;
  readonly name: string;
  /** What stays on screen after the choice is made. */
  readonly short: string;
  readonly description?: string;
  /** A separator line goes above this choice (before "not applicable"). */
  readonly separatorBefore?: boolean;
}

export interface ScreenView {
  /** The header while the question is open (inquirer puts `? ` in front of its first line). */
  readonly message: string;
  /** The line that stays on screen once a choice is made (the question itself is cleared). */
  readonly transcript: (choice: SessionChoice) => string;
  readonly choices: readonly ScreenChoice[];
  /** The current answer, preselected when coming back to an item. */
  readonly default: SessionChoice | undefined;
  /** Lines of choices inquirer may show at once: all of them when the terminal is tall enough. */
  readonly pageSize: number;
}

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** Long lines are hard to read; wider terminals get a margin rather than 200-column descriptors. */
const MAX_TEXT_WIDTH = 110;
const INDENT = '  ';
/** Columns inquirer's `❯ ` takes in front of a choice. */
const CURSOR = 2;

export function renderScreen(screen: SessionScreen, rubric: Rubric, style: Style, size: TerminalSize): ScreenView {
  const width = Math.max(40, Math.min(size.columns - 1, MAX_TEXT_WIDTH));
  const { item, section } = screen;
  const progress = style.dim(`${screen.position}/${screen.total} · ${section.title}`);
  const header = [
    `${style.bold(item.title)}  ${progress}`,
    ...wrap(item.prompt, width - INDENT.length).map((line) => INDENT + line),
    ...(item.why ? wrap(`Why it matters: ${item.why}`, width - INDENT.length).map((line) => INDENT + style.dim(line)) : []),
  ];
  const choices = [...levelChoices(screen, rubric, width), ...otherChoices(screen)];
  const choiceLines = choices.reduce((n, c) => n + c.name.split('\n').length + (c.separatorBefore ? 1 : 0), 0);
  // Room left under the header for the list, a blank line, the description and the key help.
  const room = size.rows - header.length - 4;
  return {
    message: header.join('\n'),
    transcript: (choice) => {
      const picked = choices.find((c) => c.value === choice)?.short ?? String(choice);
      const mark = choice === 'skip' ? style.dim('→') : choice === 'back' ? style.dim('←') : style.green('✔');
      return `${mark} ${item.title}${style.dim(' ·')} ${choice === 'skip' || choice === 'back' ? style.dim(picked) : style.cyan(picked)}`;
    },
    choices,
    default: current(screen),
    pageSize: Math.max(5, Math.min(choiceLines, room)),
  };
}

/** `3  Inconsistent — descriptor…`, dashes aligned, the descriptor wrapped under itself. */
function levelChoices(screen: SessionScreen, rubric: Rubric, width: number): ScreenChoice[] {
  const { min, max, labels } = rubric.scale;
  const levels = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const numberWidth = Math.max(...levels.map((l) => String(l).length));
  const labelWidth = Math.max(0, ...levels.map((l) => displayWidth(labels.get(l) ?? '')));
  return levels.map((level) => {
    const label = labels.get(level) ?? '';
    const lead = `${String(level).padStart(numberWidth)}  ${label}${' '.repeat(labelWidth - displayWidth(label))}`;
    const descriptor = screen.item.levels.get(level);
    // inquirer puts a two-column cursor in front of the first line only: later lines indent past it themselves.
    const name = descriptor === undefined ? lead.trimEnd() : hangingWrap(descriptor, `${lead} — `, CURSOR + displayWidth(lead) + 3, width).join('\n');
    return { value: level, name, short: label === '' ? String(level) : `${level} ${label}` };
  });
}

function otherChoices(screen: SessionScreen): ScreenChoice[] {
  const skipHint = screen.answer?.score !== null && screen.answer !== undefined
    ? 'Clears this answer and moves on; `--resume` brings you back to it.'
    : 'Leaves it unanswered and moves on; `--resume` brings you back to it.';
  const choices: ScreenChoice[] = [
    { value: 'na', name: 'n/a  Not applicable', short: 'not applicable', description: 'This item does not apply here; it is left out of the score.', separatorBefore: true },
    { value: 'skip', name: '→    Skip for now', short: 'skipped', description: skipHint },
  ];
  if (screen.canGoBack) choices.push({ value: 'back', name: '←    Back', short: 'back', description: 'Return to the previous question.' });
  return choices;
}

function current(screen: SessionScreen): SessionChoice | undefined {
  const score = screen.answer?.score;
  return score === null || score === undefined ? undefined : score;
}
