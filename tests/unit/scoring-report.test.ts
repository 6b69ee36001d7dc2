import { describe, expect, it } from 'vitest';
import { buildAnswers, buildRubric, column, itemOf, scoreSets, sectionOf } from '../helpers/build.js';

// Scale 1..5 and target 4 unless a case says otherwise. Every expected number
// below is worked by hand in the comment next to it.

describe('one respondent', () => {
  // a = 3, b = 5, weights 1:1, so e_a = e_b = 1/2.
  const rubric = buildRubric({ sections: [{ id: 's', items: ['a', 'b'] }] });
  const report = scoreSets(rubric, [buildAnswers('dana.yaml', { a: 3, b: 5 })]);

  it.each([
    // id, score, gap = max(0, 4 - score), index = 100*(score-1)/4, priority = e*gap
    ['a', 3, 1, 50, 0.5],
    ['b', 5, 0, 100, 0], // a surplus: gap 0, not -1
  ])('item %s: score %d, gap %d, index %d, priority %d', (id, score, gap, index, priority) => {
    const item = itemOf(report, id);
    expect(item).toMatchObject({ score, gap, index, priority, n: 1, median: score, min: score, max: score, sd: null, rwg: null, na: 0 });
    expect(item.flags).toEqual([]);
  });

  it('averages gaps instead of subtracting means, so the surplus does not hide the shortfall', () => {
    // section: score (3+5)/2 = 4, target 4, gap (1+0)/2 = 0.5, not 4 - 4 = 0.
    expect(sectionOf(report, 's')).toMatchObject({ score: 4, target: 4, gap: 0.5, index: 75, answered: 2, total: 2, weight: 1 });
    // overall: 1/2*3 + 1/2*5 = 4; gap 1/2*1 + 1/2*0 = 0.5; index 100*(4-1)/4 = 75.
    expect(report.overall).toMatchObject({ score: 4, target: 4, gap: 0.5, index: 75 });
  });

  it('carries the rubric, scale and respondent count', () => {
    expect(report).toMatchObject({ svcaudit: 2, rubric: { id: 'test-rubric', title: 'Test rubric', version: '1.0.0' }, respondents: 1, by: null });
    expect(report.scale).toEqual({ min: 1, max: 5, labels: {} });
  });
});

describe('section weights 2:1, item weights 1:3, targets overridden per section and item', () => {
  // Rubric target 4; section s has target 5, and its item s2 overrides to 3.
  const rubric = buildRubric({
    target: 4,
    sections: [
      { id: 's', weight: 2, target: 5, items: [{ id: 's1', weight: 1 }, { id: 's2', weight: 3, target: 3 }] },
      { id: 't', weight: 1, items: ['t1'] },
    ],
  });
  const report = scoreSets(rubric, [buildAnswers('r.yaml', { s1: 2, s2: 4, t1: 1 })]);
  // Section shares: s 2/3, t 1/3. Inside s: s1 1/4, s2 3/4.
  // e_s1 = 2/3*1/4 = 1/6, e_s2 = 2/3*3/4 = 1/2, e_t1 = 1/3 (sum 1).

  it.each([
    // id, target, score, gap, priority = e*gap
    ['s1', 5, 2, 3, 0.5], // 1/6 * 3
    ['s2', 3, 4, 0, 0], // surplus of 1, gap 0
    ['t1', 4, 1, 3, 1], // 1/3 * 3
  ])('item %s: target %d, score %d, gap %d, priority %d', (id, target, score, gap, priority) => {
    const item = itemOf(report, id);
    expect(item.target).toBe(target);
    expect(item.score).toBe(score);
    expect(item.gap).toBe(gap);
    expect(item.priority).toBeCloseTo(priority, 12);
  });

  it('weights section score, target and gap by item weight', () => {
    // s: score (1*2 + 3*4)/4 = 3.5, target (1*5 + 3*3)/4 = 3.5, gap (1*3 + 3*0)/4 = 0.75,
    // index 100*(3.5-1)/4 = 62.5.
    const s = sectionOf(report, 's');
    expect(s.score).toBeCloseTo(3.5, 12);
    expect(s.target).toBeCloseTo(3.5, 12);
    expect(s.gap).toBeCloseTo(0.75, 12);
    expect(s.index).toBeCloseTo(62.5, 12);
    expect(s.weight).toBeCloseTo(2 / 3, 12);
    expect(sectionOf(report, 't')).toMatchObject({ score: 1, target: 4, gap: 3, index: 0 });
    expect(sectionOf(report, 't').weight).toBeCloseTo(1 / 3, 12);
  });

  it('weights the overall by effective weight', () => {
    // score 2/6 + 4/2 + 1/3 = 8/3; target 5/6 + 3/2 + 4/3 = 11/3; gap 3/6 + 0 + 3/3 = 1.5;
    // index 100*(8/3 - 1)/4 = 125/3.
    expect(report.overall.score).toBeCloseTo(8 / 3, 12);
    expect(report.overall.target).toBeCloseTo(11 / 3, 12);
    expect(report.overall.gap).toBeCloseTo(1.5, 12);
    expect(report.overall.index).toBeCloseTo(125 / 3, 12);
    // priorities 0.5 + 0 + 1 add up to the overall gap
    expect(report.items.reduce((acc, i) => acc + (i.priority ?? 0), 0)).toBeCloseTo(1.5, 12);
  });
});

describe('many respondents', () => {
  const rubric = buildRubric({ sections: [{ id: 's', items: ['q'] }] });

  it.each([
    // scores, mean, median, min, max, sd, rwg (A = 5: rwg = 1 - var/2)
    // Σx=16, Σx²=54: var (270-256)/20 = 0.7 → rwg 0.65
    { scores: [4, 2, 3, 4, 3], mean: 3.2, median: 3, min: 2, max: 4, sd: Math.sqrt(0.7), rwg: 0.65, flags: ['low-agreement'] },
    // Σx=15, Σx²=57: var (228-225)/12 = 0.25 → rwg 0.875; median (4+4)/2
    { scores: [4, 4, 3, 4], mean: 3.75, median: 4, min: 3, max: 4, sd: 0.5, rwg: 0.875, flags: [] },
    // Σx=18, Σx²=82: var (328-324)/12 = 1/3 → rwg 5/6; median (4+5)/2
    { scores: [5, 4, 4, 5], mean: 4.5, median: 4.5, min: 4, max: 5, sd: Math.sqrt(1 / 3), rwg: 5 / 6, flags: [] },
  ])('$scores → mean $mean, median $median, sd, rwg $rwg', ({ scores, mean, median, min, max, sd, rwg, flags }) => {
    const item = itemOf(scoreSets(rubric, column('q', scores)), 'q');
    expect(item.n).toBe(scores.length);
    expect(item.score).toBeCloseTo(mean, 12);
    expect(item).toMatchObject({ median, min, max, flags });
    expect(item.sd).toBeCloseTo(sd, 12);
    expect(item.rwg).toBeCloseTo(rwg, 12);
  });

  it('flags low agreement only below 0.7, not at it', () => {
    // 1..7 scale, A = 7: (49-1)/12 = 4. [1,3,3,3,4]: Σx=14, Σx²=44, var (220-196)/20 = 1.2,
    // rwg = 1 - 1.2/4 = 0.7 exactly → not flagged.
    const seven = buildRubric({ scale: { min: 1, max: 7 }, sections: [{ id: 's', items: ['q'] }] });
    const item = itemOf(scoreSets(seven, column('q', [1, 3, 3, 3, 4])), 'q');
    expect(item.rwg).toBe(0.7);
    expect(item.flags).toEqual([]);
  });
});

describe('na and unanswered', () => {
  // Items a, b (w1) and c (w2). r1: a=2, c=4, b blank (null). r2: a=4, c=na, b absent.
  const rubric = buildRubric({ sections: [{ id: 's', items: ['a', 'b', { id: 'c', weight: 2 }] }] });
  const report = scoreSets(rubric, [buildAnswers('r1.yaml', { a: 2, b: null, c: 4 }), buildAnswers('r2.yaml', { a: 4, c: 'na' })]);

  it('leaves na and blanks out of n and the mean', () => {
    // a: [2, 4] → mean 3; c: [4] with one na → n 1, na 1.
    expect(itemOf(report, 'a')).toMatchObject({ score: 3, n: 2, na: 0, gap: 1 });
    expect(itemOf(report, 'c')).toMatchObject({ score: 4, n: 1, na: 1, gap: 0, sd: null, rwg: null });
  });

  it('gives an item nobody scored nulls and no weight', () => {
    expect(itemOf(report, 'b')).toMatchObject({
      score: null, gap: null, priority: null, index: null, n: 0, median: null, min: null, max: null, sd: null, rwg: null, na: 0, flags: [],
    });
    // Only a (w1) and c (w2) count: e_a = 1/3, e_c = 2/3.
    // section score (3 + 2*4)/3 = 11/3; gap (1 + 0)/3 = 1/3.
    const s = sectionOf(report, 's');
    expect(s.score).toBeCloseTo(11 / 3, 12);
    expect(s.gap).toBeCloseTo(1 / 3, 12);
    expect(s).toMatchObject({ answered: 2, total: 3 });
    expect(itemOf(report, 'a').priority).toBeCloseTo(1 / 3, 12);
  });

  it('reports completeness per file', () => {
    expect([...report.sources]).toEqual([
      { source: 'r1.yaml', respondents: 1, answered: 2, na: 0, unanswered: 1 },
      { source: 'r2.yaml', respondents: 1, answered: 1, na: 1, unanswered: 1 },
    ]);
  });
});

describe('a section nobody answered', () => {
  // s1 (W1): a, b; s2 (W3): c. Nobody scores c: s2 drops out of sum W despite its weight.
  const rubric = buildRubric({ sections: [{ id: 's1', items: ['a', 'b'] }, { id: 's2', weight: 3, items: ['c'] }] });
  const report = scoreSets(rubric, [buildAnswers('r1.yaml', { a: 2, b: 4 }), buildAnswers('r2.yaml', { a: 2, b: 4, c: 'na' })]);

  it('has null score, target, gap and index and no share', () => {
    expect(sectionOf(report, 's2')).toEqual({ id: 's2', title: 's2', score: null, target: null, gap: null, index: null, answered: 0, total: 1, weight: 0, ci: null, se: null, df: null, limitedBy: null });
  });

  it('leaves the other sections the whole weight', () => {
    // e_a = e_b = 1/2 (sum 1). overall 1/2*2 + 1/2*4 = 3; gap 1/2*2 + 0 = 1; index 50.
    expect(sectionOf(report, 's1').weight).toBe(1);
    expect(report.overall).toMatchObject({ score: 3, target: 4, gap: 1, index: 50 });
    expect(itemOf(report, 'a').priority).toBe(1);
  });
});

describe('zero item weights', () => {
  it('scores a zero-weight item but gives it no weight or priority', () => {
    // s: a (w0), b (w1); t: c. Shares 1/2 each; e_a = 0, e_b = 1/2, e_c = 1/2.
    // overall 0*1 + 1/2*3 + 1/2*5 = 4; gap 0*3 + 1/2*1 + 0 = 0.5.
    const rubric = buildRubric({ sections: [{ id: 's', items: [{ id: 'a', weight: 0 }, 'b'] }, { id: 't', items: ['c'] }] });
    const report = scoreSets(rubric, [buildAnswers('r.yaml', { a: 1, b: 3, c: 5 })]);
    expect(itemOf(report, 'a')).toMatchObject({ score: 1, gap: 3, priority: 0 });
    // section s: (0*1 + 1*3)/1 = 3
    expect(sectionOf(report, 's')).toMatchObject({ score: 3, target: 4, gap: 1, weight: 0.5 });
    expect(report.overall).toMatchObject({ score: 4, target: 4, gap: 0.5, index: 75 });
  });

  it('shows the plain mean of a section whose scored items all weigh 0, and gives it no share', () => {
    // s: a (w0) scored 2, b (w1) unanswered; t: c scored 4. s has no weighted scored item:
    // shown as the plain mean (score 2, target 4, gap 2) with weight 0; t takes the whole weight.
    const rubric = buildRubric({ sections: [{ id: 's', items: [{ id: 'a', weight: 0 }, 'b'] }, { id: 't', items: ['c'] }] });
    const report = scoreSets(rubric, [buildAnswers('r.yaml', { a: 2, c: 4 })]);
    expect(sectionOf(report, 's')).toMatchObject({ score: 2, target: 4, gap: 2, index: 25, weight: 0, answered: 1 });
    expect(sectionOf(report, 't')).toMatchObject({ score: 4, weight: 1 });
    expect(report.overall).toMatchObject({ score: 4, target: 4, gap: 0, index: 75 });
    expect(itemOf(report, 'a').priority).toBe(0);
  });

  it('has no overall when only zero-weight items were scored', () => {
    const rubric = buildRubric({ sections: [{ id: 's', items: [{ id: 'a', weight: 0 }, 'b'] }] });
    const report = scoreSets(rubric, [buildAnswers('r.yaml', { a: 2 })]);
    expect(report.overall).toMatchObject({ score: null, target: null, gap: null, index: null });
    expect(itemOf(report, 'a')).toMatchObject({ score: 2, gap: 2, priority: 0 });
  });

  it('has no overall when nobody answered anything', () => {
    const rubric = buildRubric({ sections: [{ id: 's', items: ['a'] }] });
    const report = scoreSets(rubric, []);
    expect(report.overall).toMatchObject({ score: null, target: null, gap: null, index: null });
    expect(report.respondents).toBe(0);
    expect(report.plan).toEqual([]);
    expect([...report.sources]).toEqual([]);
  });
});

describe('scales', () => {
  it.each([
    // 0..4 (target 3): [0, 2] → mean 1, index 100*(1-0)/4 = 25 (uses min 0); gap 3-1 = 2;
    // two answers are too few for rwg (docs/statistics.md: from n = 3).
    { name: '0..4', scale: { min: 0, max: 4 }, target: 3, scores: [0, 2], score: 1, index: 25, gap: 2, rwg: null },
    { name: '0..4', scale: { min: 0, max: 4 }, target: 3, scores: [4], score: 4, index: 100, gap: 0, rwg: null },
    { name: '0..4', scale: { min: 0, max: 4 }, target: 3, scores: [0], score: 0, index: 0, gap: 3, rwg: null },
    // 1..7 (target 6): [3, 5, 3, 5] → mean 4, index 100*3/6 = 50; gap 2;
    // A = 7: var (4·68 - 16²)/12 = 16/12 = 4/3, rwg 1 - (4/3)/((49-1)/12) = 1 - (4/3)/4 = 2/3.
    { name: '1..7', scale: { min: 1, max: 7 }, target: 6, scores: [3, 5, 3, 5], score: 4, index: 50, gap: 2, rwg: 1 - (4 / 3) / 4 },
    // -2..2 (target 1): [0, 0, 0] → index 100*(0+2)/4 = 50; var 0 → rwg 1.
    { name: '-2..2', scale: { min: -2, max: 2 }, target: 1, scores: [0, 0, 0], score: 0, index: 50, gap: 1, rwg: 1 },
  ])('$name, $scores → score $score, index $index, gap $gap, rwg $rwg', ({ scale, target, scores, score, index, gap, rwg }) => {
    const rubric = buildRubric({ scale, sections: [{ id: 's', items: ['q'] }] });
    const report = scoreSets(rubric, column('q', scores));
    expect(itemOf(report, 'q')).toMatchObject({ score, index, gap, rwg });
    expect(report.overall).toMatchObject({ score, target, gap, index });
  });
});
