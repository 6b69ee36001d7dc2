/**
 * One question of `svcaudit assess` as drawn: header, every level with its
 * label and descriptor (wrapped under itself), the ways on, the preselection.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SessionScreen } from '../../src/app/assess/session.js';
import { renderScreen, truncate, type ScreenView } from '../../src/cli/assess/screen.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { displayWidth } from '../../src/report/shared/text-width.js';

// The screen's layout is measured on fixed texts: the first edition of the built-in rubric, kept as a fixture.
const { rubric } = await loadRubric(fileURLToPath(new URL('../fixtures/assess/service-commitments-1.0.0.yaml', import.meta.url)));
const section = rubric.sections[0]!;
const screen = (over: Partial<SessionScreen> = {}): SessionScreen => ({
  item: section.items[0]!,
  section,
  position: 1,
  total: 13,
  answer: undefined,
  canGoBack: false,
  ...over,
});

/** The prompt's lines while choice `active` is highlighted, as choose.ts draws them (the prompt's `? ` included). */
function drawn(view: ScreenView, active: number): string[] {
  const list = view.choices.flatMap((c, i) => [
    ...(c.separatorBefore ? [''] : []),
    ...`${i === active ? '❯' : ' '} ${i === active || !view.compact ? c.name : c.line}`.split('\n'),
  ]);
  const description = view.choices[active]!.description;
  return [...`? ${view.message}`.split('\n'), ...list, '', ...(description ? description.split('\n') : []), ...view.help.split('\n')];
}

describe('renderScreen', () => {
  const view = renderScreen(screen(), rubric, plainStyle, { columns: 100, rows: 50 });

  it('shows the title, progress and section, then the prompt and why', () => {
    const [first, ...rest] = view.message.split('\n');
    expect(first).toBe('Be nice  1/13 · The ten service commitments');
    expect(rest.join(' ')).toContain('How consistently do customers meet courtesy');
    expect(rest.join(' ')).toContain('Why it matters: Courtesy makes');
  });

  it('offers every level as `N  Label — descriptor`, then not applicable and skip, but no back on the first', () => {
    expect(view.choices.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 'na', 'skip']);
    expect(view.choices[0]!.name).toMatch(/^1 {2}Not in place — Courtesy depends on who answers/);
    expect(view.choices[3]!.name).toMatch(/^4 {2}Consistent {3}— Every team/);
    expect(view.choices[3]!.short).toBe('4 Consistent');
  });

  it('wraps descriptors to the terminal, hanging under the descriptor, cursor included', () => {
    for (const choice of view.choices.slice(0, 5)) {
      const [first, ...more] = choice.name.split('\n');
      expect(2 + displayWidth(first!)).toBeLessThanOrEqual(99);
      const column = first!.indexOf('— ') + 2 + 2; // + inquirer's cursor
      for (const line of more) {
        expect(line.length - line.trimStart().length).toBe(column);
        expect(displayWidth(line)).toBeLessThanOrEqual(99);
      }
    }
  });

  it('offers back after the first question and preselects the current answer', () => {
    const later = renderScreen(screen({ position: 2, canGoBack: true, answer: { score: 3, note: undefined, evidence: [] } }), rubric, plainStyle, { columns: 100, rows: 50 });
    expect(later.choices.at(-1)!.value).toBe('back');
    expect(later.default).toBe(3);
    expect(renderScreen(screen({ answer: { score: 'na', note: undefined, evidence: [] } }), rubric, plainStyle, { columns: 100, rows: 50 }).default).toBe('na');
  });

  it('names the keys of the ways on in the help line: n, s, and b only where there is a way back', () => {
    expect([...view.keys]).toEqual([['n', 'na'], ['s', 'skip']]);
    expect(view.help).toBe('1-5 pick · n n/a · s skip · ⏎ choose · ↑↓ move · ctrl-c stop (answers are saved)');
    const later = renderScreen(screen({ position: 2, canGoBack: true }), rubric, plainStyle, { columns: 80, rows: 24 });
    expect([...later.keys]).toEqual([['n', 'na'], ['s', 'skip'], ['b', 'back']]);
    expect(later.help).toBe('1-5 pick · n n/a · s skip · b back · ⏎ choose · ↑↓ move · ctrl-c stop');
  });

  it('draws every descriptor in full, and why it matters, when the terminal has room', () => {
    expect(view.compact).toBe(false);
    expect(view.message).toContain('Why it matters');
    expect(view.pageSize).toBe(view.choices.reduce((n, c) => n + c.name.split('\n').length + (c.separatorBefore ? 1 : 0), 0));
  });

  it('fits every item of the rubric into 80×24, the intro above the first screen, the last answer above the others', () => {
    const items = rubric.sections.flatMap((s) => s.items.map((item) => ({ item, section: s })));
    for (const [i, { item, section: s }] of items.entries()) {
      for (const [canGoBack, reserved] of [[false, 3], [true, 1]] as const) {
        const v = renderScreen(screen({ item, section: s, position: i + 1, canGoBack }), rubric, plainStyle, { columns: 80, rows: 24 }, reserved);
        const heights = v.choices.map((_, active) => drawn(v, active).length);
        expect(Math.max(...heights), item.id).toBe(v.height);
        expect(v.height, item.id).toBeLessThanOrEqual(24 - reserved);
        // The whole list is on screen: nothing scrolls, so every way on is visible.
        expect(v.help, item.id).not.toContain('more');
        expect(v.choices.map((c) => c.value).slice(5)).toEqual(canGoBack ? ['na', 'skip', 'back'] : ['na', 'skip']);
        for (const line of v.choices.flatMap((_, active) => drawn(v, active))) expect(displayWidth(line), line).toBeLessThanOrEqual(79);
      }
    }
  });

  it('drops why it matters first, then draws the levels on one line each with the highlighted one in full', () => {
    const noWhy = renderScreen(screen({ item: section.items[1]!, position: 2, canGoBack: true }), rubric, plainStyle, { columns: 80, rows: 24 }, 1);
    expect(noWhy.compact).toBe(false);
    expect(noWhy.message).not.toContain('Why it matters');
    const compact = renderScreen(screen(), rubric, plainStyle, { columns: 80, rows: 24 }, 3);
    expect(compact.compact).toBe(true);
    expect(compact.message).toContain('Why it matters');
    const [one, two] = compact.choices;
    expect(one!.line).toMatch(/^1 {2}Not in place — Courtesy depends on who answers; curt, dismissive or rude…$/);
    expect(displayWidth(two!.line)).toBe(77);
    expect(one!.name.split('\n')).toHaveLength(2);
    const drawnFirst = drawn(compact, 0).join('\n');
    expect(drawnFirst).toContain('exchanges happen and nobody addresses them.');
    expect(drawnFirst).toContain('  2  Occasional   — Most staff are polite when things go smoothly, but the ton…');
  });

  it('lets the list scroll in a terminal too short for it, and says so', () => {
    const tiny = renderScreen(screen(), rubric, plainStyle, { columns: 80, rows: 14 }, 3);
    expect(tiny.compact).toBe(true);
    expect(tiny.height).toBeLessThanOrEqual(11);
    expect(tiny.pageSize).toBeGreaterThanOrEqual(3);
    expect(tiny.help).toContain('↑↓ more');
  });

  it('cuts a section title that would not fit beside the title and progress', () => {
    const long = { ...section, title: 'A section whose title is far too long to fit beside the item title' };
    const [first] = renderScreen(screen({ section: long }), rubric, plainStyle, { columns: 60, rows: 50 }).message.split('\n');
    expect(first).toMatch(/^Be nice {2}1\/13 · A section whose title is .*…$/);
    expect(2 + displayWidth(first!)).toBeLessThanOrEqual(59);
  });

  it('leaves a one-line record of the choice', () => {
    expect(view.transcript(4)).toBe('✔ Be nice · 4 Consistent');
    expect(view.transcript('na')).toBe('✔ Be nice · not applicable');
    expect(view.transcript('skip')).toBe('→ Be nice · skipped');
  });
});

describe('truncate', () => {
  it('cuts to the width with …, by columns, and leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('a longer sentence', 10)).toBe('a longer…');
    expect(displayWidth(truncate('日本語のテキストです', 7))).toBeLessThanOrEqual(7);
  });
});
