/**
 * The items of one family (every respondent, or one group): each item's
 * figures and test, then the verdicts of all of them together, since Holm's
 * adjustment is over the family (docs/statistics.md, "Verdicts for items").
 */
import { isMet } from '../scoring/tolerance.js';
import type { ComparableItem } from './comparable.js';
import type { ItemChange, SideFigures, Unscored } from './comparison.js';
import { independentTest, pairedTest, type ItemTest } from './item-test.js';
import type { DifferenceCounts } from './pair-differences.js';
import type { Sample, SampleItem } from './sample.js';
import { itemVerdicts } from './verdicts.js';

/** An item's place in the comparison: its id and the two sides' lines of it. */
export interface MatchedItem {
  readonly id: string;
  readonly before: ComparableItem | undefined;
  readonly after: ComparableItem | undefined;
}

/** What a family of items (all respondents, or one group) is compared from. */
interface ItemFamily {
  readonly before: Sample;
  readonly after: Sample;
  /** Paired: per matched item (by its place in `matched`), the differences of the family's pairs, counted per value (pair-differences.ts); null for an independent comparison. */
  readonly differences: ((item: number) => DifferenceCounts) | null;
  /** A side's item figure resting on fewer numbers than this is not shown (a group's `--min-group`). */
  readonly minNumbers: number;
}

const NO_NUMBERS: SampleItem = { score: null, index: null, gap: null, n: 0, sd: null, na: null, unanswered: null, counts: null };

/** Every item of a family, tested, then judged together (Holm's adjustment is over the family). */
export function compareItems(matched: readonly MatchedItem[], family: ItemFamily): ItemChange[] {
  const paired = family.differences;
  const lines = matched.map((m, item) => {
    const b = shown(family.before.items.get(m.id), family.minNumbers);
    const a = shown(family.after.items.get(m.id), family.minNumbers);
    let test: ItemTest;
    if (paired !== null) {
      const differences = paired(item);
      test = differences.n < family.minNumbers || b.score === null || a.score === null ? { change: null, ci: null, p: null, exact: null } : pairedTest(differences);
    } else {
      test = independentTest(b, a);
    }
    return { m, b, a, test };
  });
  const verdicts = itemVerdicts(lines.map((l) => l.test));
  return lines.map(({ m, b, a, test }, i): ItemChange => {
    const either = (m.after ?? m.before)!;
    const met = (gap: number | null): boolean | null => (gap === null ? null : isMet(gap));
    const [wasMet, isNowMet] = [met(b.gap), met(a.gap)];
    return {
      id: either.id,
      section: either.section,
      title: either.title,
      target: either.target,
      before: figuresOf(b),
      after: figuresOf(a),
      change: test.change,
      ci: test.ci,
      p: test.p,
      adjustedP: verdicts[i]!.adjustedP,
      verdict: verdicts[i]!.verdict,
      reachedTarget: wasMet === false && isNowMet === true,
      fellBelowTarget: wasMet === true && isNowMet === false,
      unscored: { before: unscored(b), after: unscored(a) },
    };
  });
}

function unscored(item: SampleItem): Unscored | null {
  return item.na === null || item.unanswered === null ? null : { na: item.na, unanswered: item.unanswered };
}

/** A side's figure, or no figure when it rests on fewer numbers than a group may show. */
function shown(item: SampleItem | undefined, minNumbers: number): SampleItem {
  if (item === undefined) return NO_NUMBERS;
  // The counts of who gave no number say nothing about anyone's answer: they stay.
  return item.n < minNumbers ? { ...NO_NUMBERS, n: item.n, na: item.na, unanswered: item.unanswered } : item;
}

export function figuresOf(s: { readonly score: number | null; readonly index: number | null; readonly gap: number | null; readonly n: number }): SideFigures {
  return { score: s.score, index: s.index, gap: s.gap, n: s.n };
}
