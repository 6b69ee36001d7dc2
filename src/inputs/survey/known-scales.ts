/**
 * Rating scales survey tools offer ready-made (Google Forms, Microsoft Forms "Likert", SurveyMonkey
 * and Qualtrics answer libraries), in order from the lowest point: a label found in one of them
 * proposes its place on the rubric's scale. Folded text (fold.ts).
 */
interface KnownScale {
  readonly name: string;
  readonly points: ReadonlyArray<readonly string[]>;
}

const KNOWN_SCALES: readonly KnownScale[] = [
  { name: '5-point agreement', points: [['strongly disagree'], ['disagree'], ['neither agree nor disagree', 'neutral', 'neither agree or disagree'], ['agree'], ['strongly agree']] },
  {
    name: '7-point agreement',
    points: [['strongly disagree'], ['disagree'], ['somewhat disagree', 'slightly disagree'], ['neither agree nor disagree', 'neutral', 'neither agree or disagree'], ['somewhat agree', 'slightly agree'], ['agree'], ['strongly agree']],
  },
  { name: '5-point satisfaction', points: [['very dissatisfied'], ['dissatisfied', 'somewhat dissatisfied'], ['neither satisfied nor dissatisfied', 'neutral'], ['satisfied', 'somewhat satisfied'], ['very satisfied']] },
  {
    name: '7-point satisfaction',
    points: [['extremely dissatisfied'], ['moderately dissatisfied'], ['slightly dissatisfied'], ['neither satisfied nor dissatisfied', 'neutral'], ['slightly satisfied'], ['moderately satisfied'], ['extremely satisfied']],
  },
  { name: '5-point frequency', points: [['never'], ['rarely', 'seldom'], ['sometimes', 'occasionally'], ['often', 'usually', 'frequently'], ['always']] },
  { name: '7-point frequency', points: [['never'], ['rarely'], ['occasionally'], ['sometimes'], ['frequently'], ['usually'], ['always']] },
  { name: '5-point quality', points: [['poor', 'very poor'], ['fair', 'poor'], ['good', 'average'], ['very good', 'good'], ['excellent']] },
];

/** The level a scale's point stands for on the rubric's scale, spread evenly and rounded. */
export function pointLevel(point: number, points: number, min: number, max: number): number {
  return Math.round(min + (point * (max - min)) / (points - 1));
}

/**
 * The scale that reads every text of `texts` it knows, preferring one with as many points as the
 * rubric has levels, then the smaller one; with each text's point. Texts of no known scale are left out.
 */
export function bestScale(texts: readonly string[], levels: number): { scale: KnownScale; points: Map<string, number> } | undefined {
  let best: { scale: KnownScale; points: Map<string, number>; covered: number } | undefined;
  for (const scale of KNOWN_SCALES) {
    const points = new Map<string, number>();
    for (const text of texts) {
      // The first point listing the text: `poor` is the bottom of the quality scale, not its second point.
      const at = scale.points.findIndex((names) => names.includes(text));
      if (at >= 0) points.set(text, at);
    }
    if (points.size === 0) continue;
    const better = !best || points.size > best.covered || (points.size === best.covered && (scale.points.length === levels) && best.scale.points.length !== levels);
    if (better) best = { scale, points, covered: points.size };
  }
  return best && { scale: best.scale, points: best.points };
}
