/**
 * What one question of `svcaudit assess` looks like, as plain strings: the
 * header (title, progress, section, prompt, why), the choices (each level
 * with its label and behavioural descriptor, then the ways on), the key help,
 * and how much of it the terminal has room for. Kept apart from the prompt
 * (choose.ts) so the layout can be tested without a terminal.
 *
 * Fitting the terminal. A full screen (every descriptor wrapped in full) takes
 * about 30 rows at 80 columns, and 80×24 is a common size: drawn whole, the
 * list ran off the bottom and "Not applicable", "Skip" and "Back" were hidden
 * with nothing saying so. The screen is made to fit instead, like `gh`'s
 * pickers: a list that is all on screen, the highlighted entry in full. In
 * order, until the whole prompt fits in the rows there are:
 *   1. everything: every descriptor in full, and why the item matters;
 *   2. without the "why" (the least needed to answer);
 *   3. compact: each level on one line, its descriptor cut with `…`, and the
 *      highlighted level's descriptor in full (the cursor reveals the rest);
 *   4. compact without the "why";
 *   5. compact without the hints of the ways on, and if even that does not
 *      fit (a tiny terminal), the list scrolls and the help says so.
 * The ways on stay at the end of the list, where a reader of the scale expects
 * them and where `1`-`5` still means the level, and keys reach them from
 * anywhere: `n` not applicable, `s` skip, `b` back, shown in the help line.
 * Like the digits, a key moves the cursor and ⏎ confirms, so a stray key
 * never answers a question.
 */
import type { SessionChoice, SessionScreen } from '../../app/assess/session.js';
import type { Rubric } from '../../rubric/model.js';
import { displayWidth, graphemes } from '../../report/shared/text-width.js';
import { hangingWrap, wrap } from '../../report/shared/wrap.js';
import type { Style } from '../../report/shared/style.js';
import { maxOf } from '../../core/max-of.js';

export interface ScreenChoice {
  readonly value: SessionChoice;
  /** As drawn when highlighted, and always in the full layout: the whole descriptor, wrapped under itself. */
  readonly name: string;
  /** As drawn when not highlighted in the compact layout: one line, the descriptor cut with `…`. */
  readonly line: string;
  /** What stays on screen after the choice is made. */
  readonly short: string;
  /** Shown under the list while the choice is highlighted (already wrapped). */
  readonly description?: string;
  /** A blank line goes above this choice (before "not applicable"). */
  readonly separatorBefore?: boolean;
}

export interface ScreenView {
  /** The header while the question is open (the prompt puts `? ` in front of its first line). */
  readonly message: string;
  /** The line that stays on screen once a choice is made (the question itself is cleared). */
  readonly transcript: (choice: SessionChoice) => string;
  readonly choices: readonly ScreenChoice[];
  /** The current answer, preselected when coming back to an item. */
  readonly default: SessionChoice | undefined;
  /** Choices that are not highlighted are drawn as their one `line`. */
  readonly compact: boolean;
  /** Lines of the list shown at once: the whole list, unless even the smallest layout does not fit. */
  readonly pageSize: number;
  /** The key help under the list (one line, or more on a very narrow terminal). */
  readonly help: string;
  /** Letter keys that move the cursor to a way on: `n`, `s` and (when offered) `b`. */
  readonly keys: ReadonlyMap<string, SessionChoice>;
  /** Rows the whole prompt takes at most, whichever choice is highlighted. */
  readonly height: number;
}

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** Long lines are hard to read; wider terminals get a margin rather than 200-column descriptors. */
const MAX_TEXT_WIDTH = 110;
const INDENT = '  ';
/** Columns the prompt's `❯ ` takes in front of a choice. */
const CURSOR = 2;
/** The letter keys of the ways on. */
const WAY_KEYS: readonly [string, SessionChoice, string][] = [
  ['n', 'na', 'n/a'],
  ['s', 'skip', 'skip'],
  ['b', 'back', 'back'],
];

interface Layout {
  readonly why: boolean;
  readonly compact: boolean;
  readonly hints: boolean;
}

const LAYOUTS: readonly Layout[] = [
  { why: true, compact: false, hints: true },
  { why: false, compact: false, hints: true },
  { why: true, compact: true, hints: true },
  { why: false, compact: true, hints: true },
  { why: false, compact: true, hints: false },
];

/**
 * `reserved`: rows above the prompt that should stay in view (the intro on the first screen, the record of
 * the last answer on the others).
 */
export function renderScreen(screen: SessionScreen, rubric: Rubric, style: Style, size: TerminalSize, reserved = 0): ScreenView {
  const width = textWidth(size);
  const budget = Math.max(1, size.rows - reserved);
  const levels = levelChoices(screen, rubric, width);
  const keys = new Map(WAY_KEYS.filter(([, value]) => value !== 'back' || screen.canGoBack).map(([key, value]) => [key, value] as const));
  const build = (layout: Layout, paged: boolean) => {
    const header = headerLines(screen, style, width, layout.why);
    const choices = [...levels, ...otherChoices(screen, width, layout.hints)];
    const help = helpLines(rubric, screen, style, width, paged);
    const listRows = maxOf(choices.map((_, active) => listHeight(choices, active, layout.compact) + (lineCount(choices[active]!.description) ?? 0)));
    return { layout, header, choices, help, listRows, height: header.length + listRows + 1 + help.length };
  };

  let chosen = LAYOUTS.map((layout) => build(layout, false)).find((b) => b.height <= budget);
  let pageSize: number;
  let height: number;
  if (chosen) {
    pageSize = maxOf(chosen.choices.map((_, active) => listHeight(chosen!.choices, active, chosen!.layout.compact)));
    height = chosen.height;
  } else {
    // Not even the smallest layout fits: the list scrolls, in what is left under the header and above the help.
    chosen = build(LAYOUTS.at(-1)!, true);
    pageSize = Math.max(3, budget - chosen.header.length - 1 - chosen.help.length);
    height = chosen.header.length + Math.min(chosen.listRows, pageSize) + 1 + chosen.help.length;
  }
  const { header, choices, help, layout } = chosen;

  return {
    message: header.join('\n'),
    transcript: (choice) => {
      const picked = choices.find((c) => c.value === choice)?.short ?? String(choice);
      const mark = choice === 'skip' ? style.dim('→') : choice === 'back' ? style.dim('←') : style.green('✔');
      return `${mark} ${screen.item.title}${style.dim(' ·')} ${choice === 'skip' || choice === 'back' ? style.dim(picked) : style.cyan(picked)}`;
    },
    choices,
    default: current(screen),
    compact: layout.compact,
    pageSize,
    help: help.join('\n'),
    keys,
    height,
  };
}

/** The width text is wrapped to: one column short of the terminal, so no line ever reaches its edge. */
export function textWidth(size: Pick<TerminalSize, 'columns'>): number {
  return Math.max(40, Math.min(size.columns - 1, MAX_TEXT_WIDTH));
}

/** Rows of the list while `active` is highlighted. */
function listHeight(choices: readonly ScreenChoice[], active: number, compact: boolean): number {
  return choices.reduce((n, c, i) => n + (c.separatorBefore ? 1 : 0) + (compact && i !== active ? 1 : c.name.split('\n').length), 0);
}

function lineCount(text: string | undefined): number | undefined {
  return text === undefined ? undefined : text.split('\n').length;
}

/** `Title  4/13 · Section` (the section cut short when the line would not fit), the prompt, and the why. */
function headerLines(screen: SessionScreen, style: Style, width: number, why: boolean): string[] {
  const { item, section } = screen;
  // The prompt puts `? ` in front of the first line.
  const room = width - 2;
  const count = `${screen.position}/${screen.total}`;
  const titles = wrap(item.title, room);
  const last = titles.pop()!;
  const left = room - displayWidth(last) - 2;
  let first: string[];
  if (left >= displayWidth(`${count} · `) + Math.min(8, displayWidth(section.title))) {
    first = [...titles.map(style.bold), `${style.bold(last)}  ${style.dim(`${count} · ${truncate(section.title, left - displayWidth(`${count} · `))}`)}`];
  } else {
    first = [...titles.map(style.bold), style.bold(last), INDENT + style.dim(`${count} · ${truncate(section.title, room - displayWidth(`${count} · `))}`)];
  }
  return [
    ...first,
    ...wrap(item.prompt, width - INDENT.length).map((line) => INDENT + line),
    ...(why && item.why ? wrap(`Why it matters: ${item.why}`, width - INDENT.length).map((line) => INDENT + style.dim(line)) : []),
  ];
}

/** `3  Inconsistent — descriptor…`, dashes aligned, the descriptor wrapped under itself (or cut to one line). */
function levelChoices(screen: SessionScreen, rubric: Rubric, width: number): ScreenChoice[] {
  const { min, max, labels } = rubric.scale;
  const levels = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const numberWidth = maxOf(levels.map((l) => String(l).length));
  const labelWidth = maxOf(levels.map((l) => displayWidth(labels.get(l) ?? '')), 0);
  return levels.map((level) => {
    const label = labels.get(level) ?? '';
    const lead = `${String(level).padStart(numberWidth)}  ${label}${' '.repeat(labelWidth - displayWidth(label))}`;
    const descriptor = screen.item.levels.get(level);
    // The cursor goes in front of the first line only: later lines indent past it themselves.
    const name = descriptor === undefined ? lead.trimEnd() : hangingWrap(descriptor, `${lead} — `, CURSOR + displayWidth(lead) + 3, width).join('\n');
    const line = descriptor === undefined ? lead.trimEnd() : truncate(`${lead} — ${descriptor}`, width - CURSOR);
    return { value: level, name, line, short: label === '' ? String(level) : `${level} ${label}` };
  });
}

function otherChoices(screen: SessionScreen, width: number, hints: boolean): ScreenChoice[] {
  const skipHint = screen.answer?.score !== null && screen.answer !== undefined
    ? 'Clears this answer and moves on; `--resume` brings you back to it.'
    : 'Leaves it unanswered and moves on; `--resume` brings you back to it.';
  const hint = (text: string) => (hints ? { description: wrap(text, width - INDENT.length).map((l) => INDENT + l).join('\n') } : {});
  const choices: ScreenChoice[] = [
    { value: 'na', name: 'n/a  Not applicable', line: 'n/a  Not applicable', short: 'not applicable', ...hint('This item does not apply here; it is left out of the score.'), separatorBefore: true },
    { value: 'skip', name: '→    Skip for now', line: '→    Skip for now', short: 'skipped', ...hint(skipHint) },
  ];
  if (screen.canGoBack) choices.push({ value: 'back', name: '←    Back', line: '←    Back', short: 'back', ...hint('Return to the previous question.') });
  return choices;
}

/**
 * `1-5 pick · n n/a · s skip · b back · ⏎ choose · ↑↓ move · ctrl-c stop (answers are saved)`, shortened to
 * fit: the least needed parts go first; on a very narrow terminal the rest goes on more lines.
 */
function helpLines(rubric: Rubric, screen: SessionScreen, style: Style, width: number, paged: boolean): string[] {
  const { min, max } = rubric.scale;
  const ways = WAY_KEYS.filter(([, value]) => value !== 'back' || screen.canGoBack).map(([key, , action]) => [key, action] as [string, string]);
  const digits: [string, string][] = min === 1 && max <= 9 ? [[`1-${max}`, 'pick']] : [];
  const move: [string, string][] = [['↑↓', paged ? 'more' : 'move']];
  const candidates: [string, string][][] = [
    [...digits, ...ways, ['⏎', 'choose'], ...move, ['ctrl-c', 'stop (answers are saved)']],
    [...digits, ...ways, ['⏎', 'choose'], ...move, ['ctrl-c', 'stop']],
    [...digits, ...ways, ['⏎', 'choose'], ...(paged ? move : []), ['ctrl-c', 'stop']],
  ];
  const plain = (pairs: [string, string][]) => pairs.map(([k, a]) => `${k} ${a}`).join(' · ');
  const pairs = candidates.find((c) => displayWidth(plain(c)) <= width) ?? candidates.at(-1)!;
  // Pairs are never split: a narrow terminal gets them on more lines.
  const lines: [string, string][][] = [[]];
  for (const pair of pairs) {
    const line = lines.at(-1)!;
    if (line.length > 0 && displayWidth(plain([...line, pair])) > width) lines.push([pair]);
    else line.push(pair);
  }
  return lines.map((line) => line.map(([k, a]) => `${style.bold(k)} ${style.dim(a)}`).join(style.dim(' · ')));
}

/** The text cut to `width` columns, with `…` when something was left out. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 1; // the `…`
  for (const segment of graphemes(text)) {
    used += displayWidth(segment);
    if (used > width) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}


function current(screen: SessionScreen): SessionChoice | undefined {
  const score = screen.answer?.score;
  return score === null || score === undefined ? undefined : score;
}
