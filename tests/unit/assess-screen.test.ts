/**
 * One question of `svcaudit assess` as drawn: the log of earlier answers, the
 * header with what to check, every level with its label and descriptor, the
 * ways on, the keys, and the session-wide layout that fits the terminal.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answers.js';
import type { SessionScreen } from '../../src/app/assess/session.js';
import { createScreens, isExpanded, truncate, type ScreenView, type TerminalSize } from '../../src/cli/assess/screen.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import type { Rubric } from '../../src/rubric/model.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { displayWidth } from '../../src/report/shared/text-width.js';

// Layouts are measured on fixed texts: the first edition of the built-in rubric, kept as a fixture, and the
// built-in rubric itself (what a manager sees).
const load = async (path: string) => (await loadRubric(fileURLToPath(new URL(path, import.meta.url)))).rubric!;
const first = await load('../fixtures/assess/service-commitments-1.0.0.yaml');
const builtIn = await load('../../rubrics/service-commitments.yaml');

const SMALL: TerminalSize = { columns: 80, rows: 24 };
const LARGE: TerminalSize = { columns: 120, rows: 40 };
const answer = (score: Answer['score']): Answer => ({ score, note: undefined, evidence: [] });

function steps(rubric: Rubric) {
  return rubric.sections.flatMap((section) => section.items.map((item) => ({ item, section })));
}

/** The screen of question `n` (1-based), the items before it answered as `before` says (default: not at all). */
function screenOf(rubric: Rubric, n: number, over: Partial<SessionScreen> = {}): SessionScreen {
  const all = steps(rubric);
  const { item, section } = all[n - 1]!;
  return {
    item,
    section,
    position: n,
    total: all.length,
    answer: undefined,
    canGoBack: n > 1,
    before: all.slice(0, n - 1).map((s) => ({ item: s.item, answer: undefined })),
    ...over,
  };
}

/** The prompt's lines while choice `active` is highlighted (or with `w` pressed), as choose.ts draws them. */
function drawn(view: ScreenView, active: number, detail = false): string[] {
  const [head = '', ...rest] = view.header.split('\n');
  const header = [...view.log, `? ${head}`, ...rest];
  if (detail && view.detail) return [...header, ...view.detail.text.split('\n'), '', ...view.detail.help.split('\n')];
  const list = view.choices.flatMap((c, i) => [
    ...(c.separatorBefore ? [''] : []),
    ...`${i === active ? '❯' : ' '} ${isExpanded(view.expansion, view.choices, active, i) ? c.name : c.line}`.split('\n'),
  ]);
  const description = view.choices[active]!.description;
  return [...header, ...list, '', ...(description ? description.split('\n') : []), ...view.help.split('\n')];
}

/** Every way the prompt can be drawn: each choice highlighted, and the `w` view. */
function everyDrawing(view: ScreenView): string[][] {
  return [...view.choices.map((_, active) => drawn(view, active)), ...(view.detail ? [drawn(view, 0, true)] : [])];
}

describe('a question on a roomy terminal', () => {
  const screens = createScreens(first, plainStyle);
  const view = screens.question(screenOf(first, 1), { columns: 100, rows: 50 });

  it('shows the title, progress and section, then the prompt, why it matters and every look-for as "Check:"', () => {
    const [title, ...rest] = view.header.split('\n');
    expect(title).toBe('Be nice  1/13 · The ten service commitments');
    expect(rest.join(' ')).toContain('How consistently do customers meet courtesy');
    expect(rest.join(' ')).toContain('Why it matters: Courtesy makes');
    const checks = rest.filter((line) => line.startsWith('  Check: '));
    expect(checks).toHaveLength(first.sections[0]!.items[0]!.lookFor.length);
    expect(view.detail).toBeUndefined(); // nothing left out, so no `w`
  });

  it('offers every level as `N  Label — descriptor`, dashes aligned, then not applicable and skip, no back on the first', () => {
    expect(view.choices.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 'na', 'skip']);
    expect(view.choices[0]!.name).toMatch(/^1 {2}Not in place — Courtesy depends on who answers/);
    expect(view.choices[3]!.name).toMatch(/^4 {2}Consistent {3}— Every team/);
    expect(view.choices[3]!.short).toBe('4 Consistent');
    expect(view.expansion).toBe('all');
  });

  it('wraps descriptors under themselves, cursor included, within the width', () => {
    for (const choice of view.choices.slice(0, 5)) {
      const [line1, ...more] = choice.name.split('\n');
      expect(2 + displayWidth(line1!)).toBeLessThanOrEqual(99);
      const column = line1!.indexOf('— ') + 2 + 2; // + the cursor
      for (const line of more) {
        expect(line.length - line.trimStart().length).toBe(column);
        expect(displayWidth(line)).toBeLessThanOrEqual(99);
      }
    }
  });

  it('preselects the current answer when coming back to an item', () => {
    expect(screens.question(screenOf(first, 2, { answer: answer(3) }), { columns: 100, rows: 50 }).default).toBe(3);
    expect(screens.question(screenOf(first, 1, { answer: answer('na') }), { columns: 100, rows: 50 }).default).toBe('na');
  });
});

describe('keys', () => {
  const screens = createScreens(first, plainStyle);

  it('a digit answers with its level, n, s and b act at once; b only where there is a way back', () => {
    const one = screens.question(screenOf(first, 1), { columns: 100, rows: 50 });
    expect([...one.keys]).toEqual([['1', 1], ['2', 2], ['3', 3], ['4', 4], ['5', 5], ['n', 'na'], ['s', 'skip']]);
    expect(one.help).toBe('1-5 pick · n n/a · s skip · ↑↓ move · ⏎ choose · ctrl-c stop (answers are saved)');
    const two = screens.question(screenOf(first, 2), { columns: 100, rows: 50 });
    expect(two.keys.get('b')).toBe('back');
  });

  it('at 80 columns the help still names every key that acts, and `w` for what the layout left out', () => {
    const view = createScreens(builtIn, plainStyle).question(screenOf(builtIn, 2), SMALL);
    expect(view.help).toBe('1-5 pick · n n/a · s skip · b back · w why & checks · ↑↓ ⏎ choose · ctrl-c stop');
    expect(view.detail!.help).toBe('1-5 pick · n n/a · s skip · b back · w levels · ctrl-c stop (answers are saved)');
  });

  it('says `s keep` on an item that has an answer: skipping it keeps the answer', () => {
    const view = screens.question(screenOf(first, 2, { answer: answer(4) }), { columns: 100, rows: 50 });
    expect(view.help).toMatch(/^1-5 pick · n n\/a · s keep · b back · /);
    expect(view.choices.find((c) => c.value === 'skip')!.name).toBe('→    Keep and go on');
    expect(screens.question(screenOf(first, 2), { columns: 100, rows: 50 }).help).toMatch(/ · s skip · /);
  });

  it('gives no digit keys to a scale whose levels do not all fit in one digit', () => {
    const wide: Rubric = { ...first, scale: { min: 0, max: 10, labels: new Map() } };
    const view = createScreens(wide, plainStyle).question(screenOf(wide, 2), { columns: 100, rows: 60 });
    expect([...view.keys.keys()]).toEqual(['n', 's', 'b']);
    expect(view.help).not.toContain('pick');
  });
});

describe.each([
  ['the built-in rubric', builtIn],
  ['the first edition', first],
])('%s fitted to the terminal', (_, rubric) => {
  const all = steps(rubric);

  it.each([SMALL, LARGE, { columns: 100, rows: 30 }, { columns: 200, rows: 60 }])('never draws a prompt taller or wider than %j', (size) => {
    const screens = createScreens(rubric, plainStyle);
    for (let n = 1; n <= all.length; n++) {
      // Every earlier item answered: the log takes what the question leaves.
      const before = all.slice(0, n - 1).map((s) => ({ item: s.item, answer: answer(3) }));
      const view = screens.question(screenOf(rubric, n, { before }), size);
      const drawings = everyDrawing(view);
      expect(Math.max(...drawings.map((d) => d.length)), `${n}`).toBe(view.height);
      expect(view.height, `${n}`).toBeLessThanOrEqual(size.rows);
      for (const line of drawings.flat()) expect(displayWidth(line), line).toBeLessThan(size.columns);
      // The question is whole: nothing scrolls.
      expect(view.help).not.toContain('more');
      // From the second question on, the last answer stays in view.
      if (n > 1) expect(view.log.at(-1), `${n}`).toBe(`✔ ${all[n - 2]!.item.title} · ${rubric.scale.labels.get(3) ? `3 ${rubric.scale.labels.get(3)}` : '3'}`);
    }
  });

  it.each([SMALL, LARGE, { columns: 100, rows: 30 }])('lays out every question of the session alike at %j: why it matters on all or none', (size) => {
    const screens = createScreens(rubric, plainStyle);
    const views = all.map((_, i) => screens.question(screenOf(rubric, i + 1), size));
    const shown = views.filter((v, i) => all[i]!.item.why && v.header.includes('Why it matters')).length;
    expect([0, all.filter((s) => s.item.why).length]).toContain(shown);
    expect(new Set(views.map((v) => v.expansion)).size).toBe(1);
    // Where the why is left out, `w` shows it.
    if (shown === 0) for (const v of views) expect(v.detail?.text).toContain('Why it matters');
  });

  it('at 80×24 shows one "Check:" line per question, from its first look-for, and any two neighbouring levels in full', () => {
    const screens = createScreens(rubric, plainStyle);
    for (let n = 1; n <= all.length; n++) {
      const view = screens.question(screenOf(rubric, n), SMALL);
      const { item } = all[n - 1]!;
      const checks = view.header.split('\n').filter((line) => line.startsWith('  Check: '));
      expect(checks, item.id).toHaveLength(1);
      expect(checks[0]).toContain(item.lookFor[0]!.split(' ').slice(0, 3).join(' '));
      const levels = view.choices.filter((c) => typeof c.value === 'number').length;
      for (let k = 0; k + 1 < levels; k++) {
        // Some highlighted choice draws levels k and k+1 both in full, neither cut with `…`.
        const both = view.choices.some((_, active) => isExpanded(view.expansion, view.choices, active, k) && isExpanded(view.expansion, view.choices, active, k + 1));
        expect(both, `${item.id}: levels ${k + 1} and ${k + 2}`).toBe(true);
        expect(view.choices[k]!.name).not.toContain('…');
      }
    }
  });

  it('at 120×40 shows every look-for and why it matters on every question', () => {
    const screens = createScreens(rubric, plainStyle);
    for (let n = 1; n <= all.length; n++) {
      const view = screens.question(screenOf(rubric, n), LARGE);
      const { item } = all[n - 1]!;
      expect(view.header.split('\n').filter((line) => line.startsWith('  Check: ')), item.id).toHaveLength(item.lookFor.length);
      if (item.why) expect(view.header, item.id).toContain('Why it matters');
    }
  });
});

describe('at 80×24', () => {
  const screens = createScreens(builtIn, plainStyle);
  const view = screens.question(screenOf(builtIn, 2), SMALL);

  it('draws the highlighted level and the one above it in full, the others on one line cut with …', () => {
    expect(view.expansion).toBe('pair');
    const lines = drawn(view, 2).join('\n');
    // Level 3 of "respond quickly" is the longest descriptor of the rubric: in full, and level 4 under it.
    expect(lines).toContain('and funded.');
    expect(lines).toMatch(/^ {5}volumes.$/m);
    expect(lines).toMatch(/^ {2}1 {2}Absent — .*…$/m);
    // The descriptors wrap under the label, not after the longest label: far fewer rows at 80 columns.
    expect(view.choices[2]!.name.split('\n')[1]).toMatch(/^ {5}\S/);
  });

  it('the top level pairs with the one below it', () => {
    expect(isExpanded('pair', view.choices, 4, 3)).toBe(true);
    expect(isExpanded('pair', view.choices, 4, 2)).toBe(false);
  });

  it('`w` shows why it matters and the other look-fors in place of the list', () => {
    const text = view.detail!.text;
    expect(text).toMatch(/^ {2}Why it matters: Ease of access/);
    expect(text.split('\n').filter((line) => line.startsWith('  Check: '))).toHaveLength(builtIn.sections[0]!.items[1]!.lookFor.length - 1);
  });
});

describe('the log of answers', () => {
  const screens = createScreens(builtIn, plainStyle);
  const all = steps(builtIn);

  it('shows the latest answers before the question, one line each, at most five, in the rows the question leaves', () => {
    const before = all.slice(0, 8).map((s, i) => ({ item: s.item, answer: i === 6 ? answer('na') : i === 7 ? undefined : answer(4) }));
    const view = screens.question(screenOf(builtIn, 9, { before }), LARGE);
    expect(view.log).toEqual([
      `✔ ${all[3]!.item.title} · 4 Consistent`,
      `✔ ${all[4]!.item.title} · 4 Consistent`,
      `✔ ${all[5]!.item.title} · 4 Consistent`,
      `✔ ${all[6]!.item.title} · not applicable`,
      `→ ${all[7]!.item.title} · not answered`,
    ]);
  });

  it('after going back and changing an answer, shows only the answer the item has now', () => {
    // Back at question 3 after answering 1-4: the log is of items 1 and 2, as they are now.
    const before = all.slice(0, 2).map((s, i) => ({ item: s.item, answer: answer(i === 1 ? 5 : 2) }));
    const view = screens.question(screenOf(builtIn, 3, { before }), SMALL);
    expect(view.log.join('\n')).not.toContain(all[3]!.item.title);
    expect(view.log.filter((line) => line.includes(all[1]!.item.title))).toEqual([`✔ ${all[1]!.item.title} · 5 Measured and improving`]);
  });
});

describe('in a terminal too short for any layout', () => {
  it('lets the list scroll and says so, the header and help still on screen', () => {
    const tiny = createScreens(first, plainStyle).question(screenOf(first, 1), { columns: 80, rows: 14 });
    expect(tiny.height).toBeLessThanOrEqual(14);
    expect(tiny.pageSize).toBeGreaterThanOrEqual(3);
    expect(tiny.help).toContain('↑↓ more');
  });
});

describe('the header', () => {
  it('cuts a section title that would not fit beside the title and progress', () => {
    const long = { ...first.sections[0]!, title: 'A section whose title is far too long to fit beside the item title' };
    const [title] = createScreens(first, plainStyle).question(screenOf(first, 1, { section: long }), { columns: 60, rows: 50 }).header.split('\n');
    expect(title).toMatch(/^Be nice {2}1\/13 · A section whose title is .*…$/);
    expect(2 + displayWidth(title!)).toBeLessThanOrEqual(59);
  });

  it("names an item's target where it differs from the one the intro gave", () => {
    const item = { ...first.sections[0]!.items[1]!, target: 3 };
    const [title] = createScreens(first, plainStyle).question(screenOf(first, 2, { item }), { columns: 100, rows: 50 }).header.split('\n');
    expect(title).toContain('2/13 · target 3 Inconsistent · ');
  });
});

describe('the note prompt', () => {
  it('shows the log, the answer just given, and the line the note is typed on', () => {
    const all = steps(builtIn);
    const view = createScreens(builtIn, plainStyle).note(
      screenOf(builtIn, 2, { answer: answer(4), before: [{ item: all[0]!.item, answer: answer('na') }] }),
      SMALL,
    );
    expect(view.message.split('\n')).toEqual([`✔ Be nice · not applicable`, `✔ ${all[1]!.item.title}  2/13 · 4 Consistent`, '  Note (optional, ⏎ to skip): ']);
    expect(view.help).toContain('ctrl-c stop (what you typed is kept)');
  });
});

describe('truncate', () => {
  it('cuts to the width with …, by columns, and leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('a longer sentence', 10)).toBe('a longer…');
    expect(displayWidth(truncate('日本語のテキストです', 7))).toBeLessThanOrEqual(7);
  });
});
