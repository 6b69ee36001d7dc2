/**
 * One question of `svcaudit assess` as drawn: header, every level with its
 * label and descriptor (wrapped under itself), the ways on, the preselection.
 */
import { describe, expect, it } from 'vitest';
import type { SessionScreen } from '../../src/answers/session.js';
import { renderScreen } from '../../src/cli/assess/screen.js';
import { loadRubric } from '../../src/rubric/load-rubric.js';
import { plainStyle } from '../../src/report/style.js';
import { displayWidth } from '../../src/report/findings/text-width.js';

const { rubric } = await loadRubric('service-commitments');
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

  it('fits the list to a short terminal', () => {
    const short = renderScreen(screen(), rubric, plainStyle, { columns: 80, rows: 20 });
    expect(short.pageSize).toBeLessThan(20);
    expect(short.pageSize).toBeGreaterThanOrEqual(5);
  });

  it('leaves a one-line record of the choice', () => {
    expect(view.transcript(4)).toBe('✔ Be nice · 4 Consistent');
    expect(view.transcript('na')).toBe('✔ Be nice · not applicable');
    expect(view.transcript('skip')).toBe('→ Be nice · skipped');
  });
});
