/**
 * The HTML reports' colours, read from the rendered pages' own style sheet: the status bands of a
 * score report and the verdicts of a comparison must stay apart for readers with deuteranopia,
 * protanopia and tritanopia as well as normal vision, and no colour may mean two things on one
 * page. Each dichromacy is simulated with Machado, Oliveira and Fernandes (2009) and colours are
 * compared with CIEDE2000 (Sharma, Wu and Dalal 2005); both are in tests/helpers/colour-vision.ts,
 * checked here against the published test data first. The browser test
 * (tests/e2e/html-report.browser.test.ts) repeats the check on the colours Chromium computes.
 */
import { describe, expect, it } from 'vitest';
import { compareSides } from '../../src/compare/compare.js';
import { COMPARE_FORMAT_NAMES, loadCompareFormat } from '../../src/report/compare/formats.js';
import { GAP_FORMAT_NAMES, loadGapFormat } from '../../src/report/gap/formats.js';
import { plainStyle } from '../../src/report/shared/style.js';
import { buildAnswers, buildRubric, scoredSide, scoreSets } from '../helpers/build.js';
import { chroma, ciede2000, closePairs, contrast, differenceAs, labAs, VISIONS, type Lab } from '../helpers/colour-vision.js';
import { loadAll } from '../helpers/formats.js';

const GAP = await loadAll(GAP_FORMAT_NAMES, loadGapFormat);
const COMPARE = await loadAll(COMPARE_FORMAT_NAMES, loadCompareFormat);
const OPTIONS = { style: plainStyle, width: 100, date: '2026-11-20' };

/**
 * Two colours a reader tells apart at a glance, as the bars of a chart or the swatches of a key:
 * CIEDE2000 above 20. A difference of 1 is the smallest a trained eye sees side by side, and the
 * default red and green that prompted this test differ by under 6 for a reader with deuteranopia.
 */
const DISTINCT = 20;
/** A grey: no more chroma than this (C*ab), so it cannot be read as one of the page's hues. */
const NEUTRAL = 10;

/** Every item in one band: a 3 against a target of 4 is within 1 point, a 2 more than 1 point short. */
const rubric = buildRubric({ sections: [{ id: 's', items: ['met', 'near', 'short', 'unscored'] }] });
const answers = (role: string, i: number) => buildAnswers(`${role}-${i}.yaml`, { met: 4, near: 3, short: 2, unscored: 'na' }, { role });
const scorePage = GAP.html(scoreSets(rubric, [0, 1, 2].flatMap((i) => [answers('customer', i), answers('staff', i)]), { by: 'role' }), OPTIONS);
/**
 * Five a side, so each exact test can reach 2/252 and, with 4 items tested, pass Holm: `met` improves
 * to its target, `short` improves but stays below it, `near` slips, `unscored` does not change.
 */
const comparePage = COMPARE.html(
  compareSides(
    scoredSide(rubric, [1, 2, 3, 4, 5].map((i) => buildAnswers(`${i}.yaml`, { met: 1, near: 5, short: 1, unscored: 3 }))),
    scoredSide(rubric, [1, 2, 3, 4, 5].map((i) => buildAnswers(`${i}.yaml`, { met: 5, near: 1, short: 3, unscored: 3 }))),
  ),
  OPTIONS,
);

/** The page's style sheet: its custom properties, and what colour a class paints with. */
function styleSheet(page: string): { variables: Map<string, string>; paint: (cls: string) => string } {
  const css = /<style>([^]*?)<\/style>/.exec(page)![1]!;
  const variables = new Map([...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{3,6})/g)].map((m) => [m[1]!, m[2]!]));
  const paint = (cls: string): string => {
    const rule = new RegExp(`\\.${cls} \\{([^}]*)\\}`).exec(css);
    expect(rule, `a rule for .${cls}`).not.toBeNull();
    const value = /(?:fill|background):\s*([^;]+);/.exec(rule![1]!)![1]!.trim();
    const name = /^var\(--([a-z-]+)\)$/.exec(value)?.[1];
    return name === undefined ? value : variables.get(name)!;
  };
  return { variables, paint };
}

/** The classes the page's markup uses, outside its style sheet. */
function classesUsed(page: string): Set<string> {
  const body = page.slice(page.indexOf('</style>'));
  return new Set([...body.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(' ')));
}

describe('the colour arithmetic', () => {
  // Sharma, Wu and Dalal (2005), Table 1: pairs 1–4, 7, 13–15, 17, 19, 25, 26, 33 and 34.
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
    [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [[50, 2.49, -0.001], [50, -2.49, 0.001], 7.1792],
    [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[63.0109, -31.0961, -5.8663], [62.8187, -29.7946, -4.0864], 1.263],
    [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
    [[90.9257, -0.5406, -0.9208], [88.6381, -0.8985, -0.7239], 1.5381],
  ] as [Lab, Lab, number][])('CIEDE2000 %j, %j = %d (Sharma et al. 2005)', (one, other, expected) => {
    expect(ciede2000(one, other)).toBeCloseTo(expected, 4);
    expect(ciede2000(other, one)).toBeCloseTo(expected, 4);
  });

  it('maps sRGB white to L* 100 and black to 0, and leaves greys grey in every simulation (Machado et al.\'s rows add up to 1)', () => {
    for (const vision of VISIONS) {
      expect(labAs('#ffffff', vision)[0]).toBeCloseTo(100, 3);
      expect(labAs('#000000', vision)[0]).toBeCloseTo(0, 6);
      const [, a, b] = labAs('#777777', vision);
      expect(Math.hypot(a, b)).toBeLessThan(0.01);
    }
  });

  it('sees what the complaint saw: the old red and green turn one olive for a reader with deuteranopia', () => {
    expect(differenceAs('#c53030', '#2f7d32', 'normal')).toBeGreaterThan(50);
    expect(differenceAs('#c53030', '#2f7d32', 'deuteranopia')).toBeLessThan(8);
    expect(closePairs({ met: '#2f7d32', short: '#c53030' }, DISTINCT)).toContainEqual(expect.stringMatching(/^deuteranopia: met #2f7d32 and short #c53030/));
  });
});

describe('the score report', () => {
  const { variables, paint } = styleSheet(scorePage);

  it('shows all three status bands, and nothing of a comparison', () => {
    const used = classesUsed(scorePage);
    for (const cls of ['bar-met', 'bar-near', 'bar-short', 'pill-met', 'pill-near', 'pill-short', 'fill-met', 'fill-near', 'fill-short']) expect(used, cls).toContain(cls);
    expect([...used].filter((cls) => /improved|slipped|^ch-|pill-below|bar-before/.test(cls))).toEqual([]);
  });

  it('paints the status bands in colours that stay apart under deuteranopia, protanopia and tritanopia', () => {
    const bars = { met: paint('bar-met'), near: paint('bar-near'), short: paint('bar-short'), 'not scored': paint('fill-none') };
    // The key's swatches and the index meter are the bars' colours.
    expect({ met: paint('fill-met'), near: paint('fill-near'), short: paint('fill-short') }).toEqual({ met: bars.met, near: bars.near, short: bars.short });
    expect(closePairs(bars, DISTINCT)).toEqual([]);
  });

  it("gives its status pills the bars' own colours, solid, with text of 4.5:1 contrast on them", () => {
    expect({ met: paint('pill-met'), near: paint('pill-near'), short: paint('pill-short') }).toEqual({ met: paint('bar-met'), near: paint('bar-near'), short: paint('bar-short') });
    const css = /<style>([^]*?)<\/style>/.exec(scorePage)![1]!;
    const text = (cls: string): string => {
      const value = /color:\s*([^;]+);/.exec(new RegExp(`\\.${cls} \\{([^}]*)\\}`).exec(css)![1]!.replace(/background[^;]*;/, ''))![1]!.trim();
      return value.startsWith('var(') ? variables.get(/--([a-z-]+)/.exec(value)![1]!)! : value;
    };
    for (const status of ['met', 'near', 'short']) expect(contrast(text(`pill-${status}`), paint(`pill-${status}`)), status).toBeGreaterThanOrEqual(4.5);
  });

  it('uses no colour for two meanings: the groups are named, not coloured, and flags, headings and chrome are greys', () => {
    // The groups chart's bars carry status classes, never a colour of their own.
    const groups = scorePage.slice(scorePage.indexOf('id="chart-groups"'), scorePage.indexOf('id="chart-groups-narrow"'));
    expect(groups).toContain('<rect class="bar-');
    expect(groups).not.toMatch(/fill="#|style="/);
    for (const name of ['accent', 'ink', 'muted', 'line', 'soft', 'none', 'warn-bg', 'warn-line']) expect(chroma(variables.get(name)!), name).toBeLessThan(NEUTRAL);
    for (const cls of ['band', 'pill-flag']) expect(chroma(paint(cls)), cls).toBeLessThan(NEUTRAL);
    // Every hue of the score report's style is one of the three bands (the rest are the comparison's verdicts).
    const hues = [...variables].filter(([name]) => !/^(up|down|flat|before)/.test(name)).filter(([, colour]) => chroma(colour) >= NEUTRAL).map(([name]) => name);
    expect(hues.sort()).toEqual(['met', 'near', 'short']);
  });
});

describe('the compare report', () => {
  const { paint } = styleSheet(comparePage);

  it('shows verdicts, and no status band', () => {
    const used = classesUsed(comparePage);
    for (const cls of ['ch-improved', 'ch-slipped', 'pill-improved', 'pill-slipped', 'bar-before']) expect(used, cls).toContain(cls);
    expect([...used].filter((cls) => /-(met|near|short)$/.test(cls))).toEqual([]);
  });

  it('paints the verdicts in colours that stay apart under deuteranopia, protanopia and tritanopia', () => {
    const fills = { improved: paint('fill-improved'), slipped: paint('fill-slipped'), 'no clear change': paint('fill-muted'), before: paint('fill-before') };
    expect({ improved: paint('ch-improved'), slipped: paint('ch-slipped'), 'no clear change': paint('ch-flat') }).toEqual({ improved: fills.improved, slipped: fills.slipped, 'no clear change': fills['no clear change'] });
    expect(closePairs(fills, DISTINCT)).toEqual([]);
  });

  it('draws an improvement still below its target hollow, not as plain success', () => {
    expect(comparePage).toMatch(/<rect class="ch-improved below-target"/);
    expect(comparePage).toMatch(/<path class="mark ch-improved hollow"/);
    expect(paint('below-target')).toBe('#fff');
  });
});
