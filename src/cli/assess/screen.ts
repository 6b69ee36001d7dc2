/**
 * What one question of `svcaudit assess` looks like, as plain strings: a log
 * of the answers before it, the header (title, progress, section, prompt, why
 * it matters, what to check), the choices (each level with its label and
 * behavioural descriptor, then the ways on), the key help, and how much of it
 * the terminal has room for. Kept apart from the prompt (choose.ts) so the
 * layout can be tested without a terminal.
 *
 * Fitting the terminal. A full screen (every descriptor wrapped in full) takes
 * about 30 rows at 80 columns, and 80×24 is a common size. The prompt is never
 * taller than the terminal (the question never scrolls off), and it is laid
 * out once for the whole session at each terminal size, by its tallest
 * question, so every question shows the same parts: "why it matters" on all
 * of them or on none, never on one and not the next. In order, the first
 * layout that fits:
 *   1. everything: every descriptor in full, why it matters, every look-for;
 *   2. one "Check:" line (the first look-for) instead of all;
 *   3. without why it matters;
 *   4. the highlighted level and the one above it (below it, for the top
 *      level) in full, the others on one line cut with `…`, so two
 *      neighbouring levels can always be compared; first with the why, then
 *      without;
 *   5. without the hints of the ways on, then without the ways in the list
 *      (their keys still act, and the help line names them);
 *   6. only the highlighted level in full, and if even that does not fit (a
 *      tiny terminal), the list scrolls and the help says so.
 * What a layout leaves out of the header (the why, the other look-fors) is a
 * key away: `w` shows it in place of the list.
 *
 * Keys act at once, as the help line says: a digit answers with that level,
 * `n` not applicable, `s` skip (or, on an item that has an answer, keep it
 * and go on: a key that acts at once must never erase an answer), `b` back;
 * ↑↓ and ⏎ choose from the list.
 *
 * The log of answers is drawn from the answers as they are now, one line per
 * item asked before this one, in the rows the question leaves free: after
 * going back and changing an answer it shows the new one only.
 */
import type { Answer } from '../../core/answers.js';
import type { SessionChoice, SessionScreen } from '../../app/assess/session.js';
import { rubricItems, type Item, type Rubric, type Section } from '../../rubric/model.js';
import { displayWidth, graphemes } from '../../report/shared/text-width.js';
import { maxOf } from '../../core/max-of.js';
import { hangingWrap, wrap } from '../../report/shared/wrap.js';
import type { Style } from '../../report/shared/style.js';
import { levelName, usualTarget } from './intro.js';

interface ScreenChoice {
  readonly value: SessionChoice;
  /** As drawn when shown in full: the whole descriptor, wrapped. */
  readonly name: string;
  /** As drawn when not shown in full: one line, the descriptor cut with `…`. */
  readonly line: string;
  /** The choice in a few words, for the log and the note prompt (`4 Consistent`, `not applicable`). */
  readonly short: string;
  /** Shown under the list while the choice is highlighted (already wrapped). */
  readonly description?: string;
  /** A blank line goes above this choice (before "not applicable"). */
  readonly separatorBefore?: boolean;
}

/** Which choices are drawn in full: all of them, the highlighted level and its neighbour, or the highlighted one. */
type Expansion = 'all' | 'pair' | 'one';

export interface ScreenView {
  /** The log of earlier answers, then the header (the prompt puts `? ` in front of the header's first line). */
  readonly log: readonly string[];
  readonly header: string;
  readonly choices: readonly ScreenChoice[];
  /** The current answer, preselected when coming back to an item. */
  readonly default: SessionChoice | undefined;
  readonly expansion: Expansion;
  /** Lines of the list shown at once: the whole list, unless even the smallest layout does not fit. */
  readonly pageSize: number;
  /** The key help under the list (one line, or more on a very narrow terminal). */
  readonly help: string;
  /** Keys that answer at once: the digits of the levels, `n`, `s` and (when offered) `b`. */
  readonly keys: ReadonlyMap<string, SessionChoice>;
  /** What `w` shows in place of the list (why it matters, the other look-fors), with its help; undefined when nothing is left out. */
  readonly detail: { readonly text: string; readonly help: string } | undefined;
  /** Rows the whole prompt takes at most, whichever choice is highlighted and with `w` or without. */
  readonly height: number;
}

/** The note prompt after an answer: the log, the answer given, and the line the note is typed on. */
interface NoteView {
  readonly message: string;
  readonly help: string;
}

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

interface Screens {
  /** Chooses the layout for this size ahead of the first question (while the intro is read). */
  prepare(size: TerminalSize): void;
  question(screen: SessionScreen, size: TerminalSize): ScreenView;
  note(screen: SessionScreen, size: TerminalSize): NoteView;
}

/** Long lines are hard to read; wider terminals get a margin rather than 200-column descriptors. */
const MAX_TEXT_WIDTH = 110;
const INDENT = '  ';
/** Columns the prompt's `❯ ` takes in front of a choice. */
const CURSOR = 2;
/** Rows kept for the log when choosing the session's layout, so that at least the last answer stays in view. */
const LOG_RESERVE = 1;
/** The log shows at most this many earlier answers: enough to see where one is, not a report. */
const LOG_MAX = 5;
/** A descriptor column this wide or wider keeps the descriptors aligned after the longest label. */
const ALIGNED_MIN = 60;
const CHECK = 'Check: ';

/** The letter keys of the ways on. */
const WAY_KEYS: readonly [string, SessionChoice, string][] = [
  ['n', 'na', 'n/a'],
  ['s', 'skip', 'skip'],
  ['b', 'back', 'back'],
];

interface Layout {
  readonly why: boolean;
  readonly checks: 'all' | 'one';
  readonly expansion: Expansion;
  readonly hints: boolean;
  readonly ways: boolean;
}

const LAYOUTS: readonly Layout[] = [
  { why: true, checks: 'all', expansion: 'all', hints: true, ways: true },
  { why: true, checks: 'one', expansion: 'all', hints: true, ways: true },
  { why: false, checks: 'one', expansion: 'all', hints: true, ways: true },
  { why: true, checks: 'one', expansion: 'pair', hints: true, ways: true },
  { why: false, checks: 'one', expansion: 'pair', hints: true, ways: true },
  { why: false, checks: 'one', expansion: 'pair', hints: false, ways: true },
  { why: false, checks: 'one', expansion: 'pair', hints: false, ways: false },
  { why: false, checks: 'one', expansion: 'one', hints: false, ways: false },
];

/** The session's layout at one terminal size; `paged` when even the smallest does not fit and the list scrolls. */
interface Fit {
  readonly layout: Layout;
  readonly paged: boolean;
}

interface Step {
  readonly item: Item;
  readonly section: Section;
  readonly position: number;
}

/** The screens of one session over `rubric` (the items asked), laid out alike for each terminal size. */
export function createScreens(rubric: Rubric, style: Style): Screens {
  const total = rubricItems(rubric).length;
  const steps: Step[] = rubric.sections.flatMap((section) => section.items.map((item) => ({ item, section }))).map((s, i) => ({ ...s, position: i + 1 }));
  const usual = usualTarget(rubric);
  const fits = new Map<string, Fit>();
  // Choosing a layout draws every question in several layouts: the parts that do not depend on the layout
  // (the levels, the help line) are drawn once per width, or the first question waits a quarter of a second.
  const memo = new Map<string, unknown>();
  const cached: Cached = (key, make) => {
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key) as ReturnType<typeof make>;
  };

  const fitFor = (size: TerminalSize): Fit => {
    const key = `${size.columns}x${size.rows}`;
    let fit = fits.get(key);
    if (fit === undefined) {
      // By the tallest question, from the second on (where `back` is offered): one layout for all.
      const tallest = (layout: Layout) => maxOf(steps.map((s) => draft(rubric, style, cached, s, total, usual, size, layout, true, false).height));
      const layout = LAYOUTS.find((l) => tallest(l) <= size.rows - LOG_RESERVE);
      fit = layout ? { layout, paged: false } : { layout: LAYOUTS.at(-1)!, paged: true };
      fits.set(key, fit);
    }
    return fit;
  };

  return {
    prepare(size) {
      fitFor(size);
    },

    question(screen, size) {
      const fit = fitFor(size);
      const step = { item: screen.item, section: screen.section, position: screen.position };
      const built = draft(rubric, style, cached, step, screen.total, usual, size, fit.layout, screen.canGoBack, fit.paged, hasAnswer(screen.answer));
      const width = textWidth(size);
      const free = Math.max(0, size.rows - built.height);
      const log = logLines(rubric, style, screen.before, Math.min(LOG_MAX, free), width);
      let pageSize = built.pageSize;
      let height = built.height;
      if (fit.paged) {
        pageSize = Math.max(3, size.rows - built.header.length - 1 - built.help.length);
        height = built.header.length + Math.min(built.listRows, pageSize) + 1 + built.help.length;
      }
      // `w` swaps the list for the rest of the header: cut to the rows the list would have had.
      const detailRoom = Math.max(1, size.rows - log.length - built.header.length - 1 - built.detailHelp.length);
      const detail = built.detail.length === 0 ? undefined : { text: cutLines(built.detail, detailRoom).join('\n'), help: built.detailHelp.join('\n') };
      return {
        log,
        header: built.header.join('\n'),
        choices: built.choices,
        default: current(screen.answer),
        expansion: fit.layout.expansion,
        pageSize,
        help: built.help.join('\n'),
        keys: keysOf(rubric, screen.canGoBack),
        detail,
        height: log.length + Math.max(height, detail ? built.header.length + Math.min(detailRoom, built.detail.length) + 1 + built.detailHelp.length : 0),
      };
    },

    note(screen, size) {
      const width = textWidth(size);
      const record = truncate(`${screen.item.title}  ${screen.position}/${screen.total} · ${answerText(rubric, screen.answer)}`, width - 2);
      const log = logLines(rubric, style, screen.before, Math.min(LOG_MAX, Math.max(0, size.rows - 3)), width);
      return {
        message: [...log, `${style.green('✔')} ${record}`, `${INDENT}Note (optional, ⏎ to skip): `].join('\n'),
        help: `${INDENT}${style.dim('⏎ save and go on · ctrl-c stop (what you typed is kept)')}`,
      };
    },
  };
}

/** The width text is wrapped to: one column short of the terminal, so no line ever reaches its edge. */
export function textWidth(size: Pick<TerminalSize, 'columns'>): number {
  return Math.max(40, Math.min(size.columns - 1, MAX_TEXT_WIDTH));
}

/** Whether choice `index` is drawn in full while `active` is highlighted. */
export function isExpanded(expansion: Expansion, choices: readonly ScreenChoice[], active: number, index: number): boolean {
  if (expansion === 'all' || index === active) return true;
  if (expansion === 'one' || typeof choices[active]?.value !== 'number') return false;
  // The level above the highlighted one (below it for the top level): the pair a person weighs.
  const levels = choices.filter((c) => typeof c.value === 'number').length;
  return index === (active + 1 < levels ? active + 1 : active - 1);
}

interface Draft {
  readonly header: string[];
  readonly choices: ScreenChoice[];
  readonly help: string[];
  readonly detail: string[];
  readonly detailHelp: string[];
  /** Rows of the list at most, over every highlighted choice. */
  readonly pageSize: number;
  readonly listRows: number;
  /** Rows of the prompt at most without the log. */
  readonly height: number;
}

type Cached = <T>(key: string, make: () => T) => T;

/** `answered`: the item has an answer now, which `s` keeps (the help and the list say "keep" rather than "skip"). */
function draft(rubric: Rubric, style: Style, cached: Cached, step: Step, total: number, usual: number, size: TerminalSize, layout: Layout, canGoBack: boolean, paged: boolean, answered = false): Draft {
  const width = textWidth(size);
  const { item } = step;
  const header = headerLines(rubric, style, step, total, usual, width, layout);
  const levels = cached(`levels ${step.position} ${width}`, () => levelChoices(item, rubric, width));
  const choices = [...levels, ...(layout.ways ? wayChoices(canGoBack, answered, width, layout.hints) : [])];
  const detail = detailLines(item, style, width, layout);
  const helpOf = (isPaged: boolean, w: 'w' | 'back' | undefined) => cached(`help ${width} ${canGoBack} ${answered} ${isPaged} ${w}`, () => helpLines(rubric, canGoBack, answered, style, width, isPaged, w));
  const help = helpOf(paged, detail.length > 0 ? 'w' : undefined);
  const detailHelp = detail.length > 0 ? helpOf(false, 'back') : [];
  const listRows = maxOf(choices.map((_, active) => listHeight(choices, active, layout.expansion)));
  const tallest = maxOf(choices.map((c, active) => listHeight(choices, active, layout.expansion) + lineCount(c.description)));
  return { header, choices, help, detail, detailHelp, pageSize: listRows, listRows, height: header.length + tallest + 1 + help.length };
}

/** Rows of the list while `active` is highlighted. */
function listHeight(choices: readonly ScreenChoice[], active: number, expansion: Expansion): number {
  return choices.reduce((n, c, i) => n + (c.separatorBefore ? 1 : 0) + (isExpanded(expansion, choices, active, i) ? c.name.split('\n').length : 1), 0);
}

function lineCount(text: string | undefined): number {
  return text === undefined ? 0 : text.split('\n').length;
}

/**
 * `Title  4/13 · Section` (the section cut short when the line would not fit), the prompt, why it matters, and
 * what to check.
 */
function headerLines(rubric: Rubric, style: Style, step: Step, total: number, usual: number, width: number, layout: Layout): string[] {
  const { item, section } = step;
  // The prompt puts `? ` in front of the first line.
  const room = width - 2;
  const target = item.target !== usual ? ` · target ${levelName(rubric, item.target)}` : '';
  const count = `${step.position}/${total}${target}`;
  const titles = wrap(item.title, room);
  const last = titles.pop()!;
  const left = room - displayWidth(last) - 2;
  let first: string[];
  if (left >= displayWidth(`${count} · `) + Math.min(8, displayWidth(section.title))) {
    first = [...titles.map(style.bold), `${style.bold(last)}  ${style.dim(`${count} · ${truncate(section.title, left - displayWidth(`${count} · `))}`)}`];
  } else {
    first = [...titles.map(style.bold), style.bold(last), INDENT + style.dim(`${count} · ${truncate(section.title, room - displayWidth(`${count} · `))}`)];
  }
  const checks = layout.checks === 'all' ? item.lookFor : item.lookFor.slice(0, 1);
  return [
    ...first,
    ...wrap(item.prompt, width - INDENT.length).map((line) => INDENT + line),
    ...(layout.why && item.why ? whyLines(item.why, style, width) : []),
    ...checks.flatMap((check) => checkLines(check, style, width)),
  ];
}

function whyLines(why: string, style: Style, width: number): string[] {
  return wrap(`Why it matters: ${why}`, width - INDENT.length).map((line) => INDENT + style.dim(line));
}

/** `Check: …`, one look-for, wrapped under its text. */
function checkLines(check: string, style: Style, width: number): string[] {
  return hangingWrap(check, `${INDENT}${style.bold(CHECK)}`, INDENT.length + CHECK.length, width);
}

/** What the layout leaves out of the header, for `w`: why it matters and the other look-fors. */
function detailLines(item: Item, style: Style, width: number, layout: Layout): string[] {
  const why = !layout.why && item.why ? whyLines(item.why, style, width) : [];
  const checks = layout.checks === 'one' ? item.lookFor.slice(1).flatMap((check) => checkLines(check, style, width)) : [];
  return [...why, ...checks];
}

/** `lines`, at most `rows` of them, the last one ending in `…` when some were left out. */
function cutLines(lines: readonly string[], rows: number): string[] {
  if (lines.length <= rows) return [...lines];
  return [...lines.slice(0, rows - 1), `${lines[rows - 1]!.replace(/\s*$/, '')} …`];
}

/**
 * `3  Defined — descriptor…`. Where the terminal is wide enough the dashes line up and each descriptor wraps
 * under itself; on a narrower one it wraps under the label, which takes far fewer rows at 80 columns.
 */
function levelChoices(item: Item, rubric: Rubric, width: number): ScreenChoice[] {
  const { min, max, labels } = rubric.scale;
  const levels = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const numberWidth = maxOf(levels.map((l) => String(l).length));
  const labelWidth = maxOf(levels.map((l) => displayWidth(labels.get(l) ?? '')), 0);
  const aligned = width - (CURSOR + numberWidth + 2 + labelWidth + 3) >= ALIGNED_MIN;
  return levels.map((level) => {
    const label = labels.get(level) ?? '';
    const lead = `${String(level).padStart(numberWidth)}  ${label}${aligned ? ' '.repeat(labelWidth - displayWidth(label)) : ''}`;
    const descriptor = item.levels.get(level);
    const short = label === '' ? String(level) : `${level} ${label}`;
    if (descriptor === undefined) return { value: level, name: lead.trimEnd(), line: lead.trimEnd(), short };
    const first = `${lead} — `;
    // The cursor goes in front of the first line only: later lines indent past it themselves.
    const name = aligned
      ? hangingWrap(descriptor, first, CURSOR + displayWidth(first), width).join('\n')
      : leadWrap(descriptor, first, width - CURSOR - displayWidth(first), CURSOR + numberWidth + 2, width).join('\n');
    return { value: level, name, line: truncate(`${first}${descriptor}`, width - CURSOR), short };
  });
}

/** `first` and as much of `text` as fits in `firstRoom` columns, then the rest in lines indented by `indent`. */
function leadWrap(text: string, first: string, firstRoom: number, indent: number, width: number): string[] {
  const words = text.split(/ +/).filter((w) => w !== '');
  let head = '';
  let taken = 0;
  for (const word of words) {
    const candidate = head === '' ? word : `${head} ${word}`;
    if (displayWidth(candidate) > firstRoom) break;
    head = candidate;
    taken++;
  }
  // A first word wider than the room starts on the next line, where there is more.
  const rest = words.slice(taken).join(' ');
  const lines = rest === '' ? [] : wrap(rest, width - indent).map((line) => ' '.repeat(indent) + line);
  return [(first + head).trimEnd(), ...lines];
}

function wayChoices(canGoBack: boolean, answered: boolean, width: number, hints: boolean): ScreenChoice[] {
  const hint = (text: string) => (hints ? { description: wrap(text, width - INDENT.length).map((l) => INDENT + l).join('\n') } : {});
  const choices: ScreenChoice[] = [
    {
      value: 'na',
      name: 'n/a  Not applicable',
      line: 'n/a  Not applicable',
      short: 'not applicable',
      ...hint('Only for an item that cannot apply here: it is left out of the score.'),
      separatorBefore: true,
    },
    answered
      ? { value: 'skip', name: '→    Keep and go on', line: '→    Keep and go on', short: 'kept', ...hint('Keeps the answer it has and moves on.') }
      : { value: 'skip', name: '→    Skip for now', line: '→    Skip for now', short: 'skipped', ...hint('Leaves it unanswered and moves on; `--resume` brings you back to it.') },
  ];
  if (canGoBack) choices.push({ value: 'back', name: '←    Back', line: '←    Back', short: 'back', ...hint('Return to the previous question.') });
  return choices;
}

/** The keys that answer at once. Digits only where every level is one digit: `1` must not wait for a `0`. */
function keysOf(rubric: Rubric, canGoBack: boolean): Map<string, SessionChoice> {
  const { min, max } = rubric.scale;
  const keys = new Map<string, SessionChoice>();
  if (min >= 0 && max <= 9) for (let level = min; level <= max; level++) keys.set(String(level), level);
  for (const [key, value] of WAY_KEYS) if (value !== 'back' || canGoBack) keys.set(key, value);
  return keys;
}

/**
 * `1-5 pick · n n/a · s skip · b back · w why & checks · ↑↓ move · ⏎ choose · ctrl-c stop (answers are saved)`,
 * shortened to fit: the least needed parts go first; on a very narrow terminal the rest goes on more lines.
 * `w`: the `w` key shows what the layout left out; `back`: it is shown, and `w` goes back to the levels.
 */
function helpLines(rubric: Rubric, canGoBack: boolean, answered: boolean, style: Style, width: number, paged: boolean, w: 'w' | 'back' | undefined): string[] {
  const { min, max } = rubric.scale;
  const ways = WAY_KEYS.filter(([, value]) => value !== 'back' || canGoBack).map(([key, value, action]) => [key, value === 'skip' && answered ? 'keep' : action] as [string, string]);
  const digits: [string, string][] = min >= 0 && max <= 9 ? [[`${min}-${max}`, 'pick']] : [];
  const more: [string, string][] = w === 'w' ? [['w', 'why & checks']] : w === 'back' ? [['w', 'levels']] : [];
  const answer = [...digits, ...ways, ...more];
  // With the list swapped out for the detail, there is nothing to move through.
  const move: [string, string][] = w === 'back' ? [] : paged ? [['↑↓', 'more'], ['⏎', 'choose']] : [['↑↓', 'move'], ['⏎', 'choose']];
  const candidates: [string, string][][] = w === 'back' ? [[...answer, ['ctrl-c', 'stop (answers are saved)']], [...answer, ['ctrl-c', 'stop']]] : [
    [...answer, ...move, ['ctrl-c', 'stop (answers are saved)']],
    [...answer, ...move, ['ctrl-c', 'stop']],
    [...answer, paged ? ['↑↓', 'more'] : ['↑↓ ⏎', 'choose'], ['ctrl-c', 'stop']],
    [...answer, ...(paged ? ([['↑↓', 'more']] as [string, string][]) : []), ['ctrl-c', 'stop']],
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

/** The answers before this question, one line each, the latest last: `✔ Be nice · 4 Consistent`. */
function logLines(rubric: Rubric, style: Style, before: SessionScreen['before'], rows: number, width: number): string[] {
  if (rows <= 0) return [];
  return before.slice(-rows).map(({ item, answer }) => {
    const mark = hasAnswer(answer) ? '✔' : '→';
    return style.dim(truncate(`${mark} ${item.title} · ${answerText(rubric, answer)}`, width));
  });
}

/** An answer in a few words: `4 Consistent`, `not applicable`, `not answered`. */
function answerText(rubric: Rubric, answer: Answer | undefined): string {
  const score = answer?.score;
  if (score === 'na') return 'not applicable';
  if (score === null || score === undefined) return 'not answered';
  return levelName(rubric, score);
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


function hasAnswer(answer: Answer | undefined): boolean {
  return answer !== undefined && answer.score !== null;
}

function current(answer: Answer | undefined): SessionChoice | undefined {
  const score = answer?.score;
  return score === null || score === undefined ? undefined : score;
}
