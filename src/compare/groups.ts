/**
 * `compare --by KEY` (docs/statistics.md, "Groups"): the verdicts per group,
 * each group's items adjusted among themselves, and a warning when a group's
 * share of the respondents moved by 10 points or more, since the overall
 * change then mixes a change of who answered with a change of service.
 *
 * Group values are compared trimmed and case-insensitively, as `score` does
 * (docs/formulas.md, "Groups"). A group with fewer than `--min-group`
 * respondents on either side is listed with its sizes only, and within a
 * compared group an item figure resting on fewer numbers is not shown.
 */
import { compareCodePoints } from '../core/order.js';
import type { ComparisonWarning, GroupChange } from './comparison.js';
import { compareItems, figuresOf, type MatchedItem } from './item-changes.js';
import type { ComparisonSide } from './side.js';
import type { DifferenceCounts, PairDifferences } from './pair-differences.js';
import { groupKeyOf } from './respondent-table.js';
import type { TableCounts } from './row-counts.js';
import { countedSample, savedGroupSample, type Sample } from './sample.js';
import { scoreChange } from './verdicts.js';

/** docs/statistics.md: a share that moved by this many percentage points or more. */
const MIX_POINTS = 10;

interface GroupsInput {
  readonly before: ComparisonSide;
  readonly after: ComparisonSide;
  readonly by: string;
  readonly minGroup: number;
  readonly matched: readonly MatchedItem[];
  /** Each scored side's counts, per group by its table's group index (row-counts.ts). */
  readonly counts: { readonly before: TableCounts | null; readonly after: TableCounts | null };
  /** Paired: the differences of the pairs, per baseline group (pair-differences.ts); null for an independent comparison. */
  readonly differences: PairDifferences | null;
  readonly inputs: { readonly before: string; readonly after: string };
  /** Appended to: the mix warnings, and why groups could not be compared. */
  readonly warnings: ComparisonWarning[];
}

/** One side's groups: key → its value as met, its size, how to take its figures, and its index in a scored side's table. */
interface SideGroup {
  readonly value: string;
  readonly n: number;
  readonly sample: () => Sample;
  readonly index?: number;
}

export function compareGroups(input: GroupsInput): GroupChange[] {
  const { before, after, by, minGroup, warnings } = input;
  const sides = [sideGroups(before, input.counts.before, by, input.inputs.before, warnings), sideGroups(after, input.counts.after, by, input.inputs.after, warnings)] as const;
  if (sides[0] === null || sides[1] === null) return [];
  const [b, a] = sides;
  // Code-point order of the keys, as the score report orders its groups.
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort(compareCodePoints);

  const differences = input.differences;
  const groups = keys.map((key): GroupChange => {
    const gb = b.get(key);
    const ga = a.get(key);
    const value = (gb ?? ga)!.value;
    const sizes = { before: { n: gb?.n ?? 0 }, after: { n: ga?.n ?? 0 } };
    if (gb === undefined || ga === undefined || gb.n < minGroup || ga.n < minGroup) return { value, ...sizes, overall: null, items: [] };
    const samples = { before: gb.sample(), after: ga.sample() };
    // The pairs of a group are those whose two respondents are both in it, found by the baseline's group.
    const ofGroup = differences === null ? null : (item: number): DifferenceCounts => differences.ofGroup(item, gb.index!);
    const items = compareItems(input.matched, { ...samples, differences: ofGroup, minNumbers: minGroup });
    const overall = { before: figuresOf(samples.before.overall), after: figuresOf(samples.after.overall), ...scoreChange(samples.before.overall, samples.after.overall) };
    return { value, ...sizes, overall, items };
  });

  const total = { before: before.report.respondents, after: after.report.respondents };
  for (const group of groups) {
    // |nb/Nb - na/Na| >= 10/100, in integers so that exactly ten points is not left to rounding.
    const moved = Math.abs(group.before.n * total.after - group.after.n * total.before) * 100;
    if (total.before > 0 && total.after > 0 && moved >= MIX_POINTS * total.before * total.after) {
      const share = (n: number, of: number): string => `${Math.round((100 * n) / of)}%`;
      warnings.push({
        code: 'respondent-mix',
        message: `${by} ${group.value} was ${share(group.before.n, total.before)} of the respondents before and ${share(group.after.n, total.after)} after: the overall change mixes a change of who answered with a change of service; read the groups' own verdicts.`,
      });
    }
  }
  return groups;
}

/** Each group of one side, or null (with a warning) when the side cannot say who was in which group. */
function sideGroups(side: ComparisonSide, counts: TableCounts | null, by: string, input: string, warnings: ComparisonWarning[]): Map<string, SideGroup> | null {
  const groups = new Map<string, SideGroup>();
  if (side.kind === 'scored') {
    const { table, rubric } = side;
    table.groups().forEach((value, g) => {
      const counted = counts!.groups[g]!;
      const key = groupKeyOf(value);
      // The group's covariances as `score` summed them for its report, where it kept them: the same sums.
      groups.set(key, { value, n: counted.respondents, index: g, sample: () => countedSample(rubric, table, counted, { covariances: side.groupCovariances?.get(key) }) });
    });
    return groups;
  }
  const report = side.report;
  if (report.groups === null || report.by !== by) {
    const why = report.format === 1 ? 'is a report of format 1, which does not record its groups' : report.by === null ? `was saved without --by ${by}` : `was saved with --by ${report.by}`;
    warnings.push({ code: 'no-groups', message: `--by ${by}: ${input} ${why}, so no group is compared; score its answers with --by ${by} instead.` });
    return null;
  }
  for (const g of report.groups) {
    groups.set(groupKeyOf(g.value), { value: g.value, n: g.n, sample: () => savedGroupSample(report, g.value, g.n, g.overall) });
  }
  return groups;
}
