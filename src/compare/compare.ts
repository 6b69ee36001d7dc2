/**
 * Two audits of the same rubric, item by item, section by section and
 * overall, with a verdict that tells change from noise (docs/statistics.md,
 * "Compare: telling change from noise"). Pure: two sides in, one Comparison
 * out. A side is answers scored here (its report and its respondent table) or
 * a report saved by `score --format json`.
 */
import { SvcauditError } from '../core/errors.js';
import { DEFAULT_MIN_GROUP } from '../scoring/groups.js';
import type { Change, Comparison, ComparisonWarning, SectionChange } from './comparison.js';
import { compareGroups } from './groups.js';
import { compareItems, figuresOf, type MatchedItem } from './item-changes.js';
import { PairDifferences } from './pair-differences.js';
import { pairRespondents, type Pairing } from './pairing.js';
import { countGroups, type TableCounts } from './row-counts.js';
import { savedSample, scoredSample, type Sample, type SampleScore } from './sample.js';
import type { ComparisonSide } from './side.js';
import { scoreChange } from './verdicts.js';

export interface CompareOptions {
  /** The inputs as the user gave them, shown in every format. */
  readonly beforeInput?: string | undefined;
  readonly afterInput?: string | undefined;
  /** `--by`: the respondent field whose groups are compared too. */
  readonly by?: string | undefined;
  /** `--min-group`: groups with fewer respondents on a side are not compared (default 3). */
  readonly minGroup?: number | undefined;
}

export function compareSides(before: ComparisonSide, after: ComparisonSide, options: CompareOptions = {}): Comparison {
  const b = before.report;
  const a = after.report;
  // The command says which files disagree; this guard keeps the API honest on its own.
  if (b.rubric.id !== a.rubric.id) {
    throw new SvcauditError('usage', `The audits use different rubrics (${b.rubric.id} and ${a.rubric.id}); only audits of the same rubric can be compared.`);
  }
  const inputs = { before: options.beforeInput ?? 'before', after: options.afterInput ?? 'after' };
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  const pairing = before.kind === 'scored' && after.kind === 'scored' ? pairRespondents(before.table, after.table) : null;
  const matched = matchById(b.items, a.items).map(([x, y]): MatchedItem => ({ id: (y ?? x)!.id, before: x, after: y }));
  // Counted once per side and once over the pairs, for the side and every group alike.
  const counts = { before: countsOf(before), after: countsOf(after) };
  const differences =
    pairing?.design === 'paired' && before.kind === 'scored' && after.kind === 'scored' ? new PairDifferences(matched.map((m) => m.id), before.table, after.table, pairing) : null;
  const samples = { before: sampleOf(before, counts.before), after: sampleOf(after, counts.after) };

  const items = compareItems(matched, { ...samples, differences: differences === null ? null : (item) => differences.of(item), minNumbers: 0 });
  const sections = matchById(b.sections, a.sections).map(([x, y]): SectionChange => {
    const either = (y ?? x)!;
    return { id: either.id, title: either.title, ...scoreChangeOf(samples.before.sections.get(either.id), samples.after.sections.get(either.id)) };
  });
  const warnings: ComparisonWarning[] = [...sideWarnings(before, after, inputs, pairing)];
  const groups = options.by === undefined ? [] : compareGroups({ before, after, by: options.by, minGroup, matched, counts, differences, inputs, warnings });

  return {
    svcaudit: 2,
    kind: 'comparison',
    // The follow-up's title and version: a rubric revised between audits is described as it is now.
    rubric: { id: a.rubric.id, title: a.rubric.title, version: a.rubric.version },
    scale: { min: a.scale.min, max: a.scale.max },
    design: pairing?.design ?? 'independent',
    pairs: pairing?.pairs ?? 0,
    inputs: {
      before: { input: inputs.before, respondents: b.respondents, rubricVersion: b.rubric.version },
      after: { input: inputs.after, respondents: a.respondents, rubricVersion: a.rubric.version },
    },
    overall: scoreChangeOf(samples.before.overall, samples.after.overall),
    sections,
    items,
    groups,
    // The same file on both sides can give the same warning twice.
    warnings: warnings.filter((w, i) => warnings.findIndex((x) => x.code === w.code && x.message === w.message) === i),
    details: { pairedBy: pairing?.by ?? null, by: options.by ?? null, minGroup },
  };
}

function countsOf(side: ComparisonSide): TableCounts | null {
  return side.kind === 'scored' ? countGroups(side.table) : null;
}

function sampleOf(side: ComparisonSide, counts: TableCounts | null): Sample {
  return side.kind === 'scored' ? scoredSample(side.rubric, side.table, side.report, counts!.all) : savedSample(side.report);
}

const NOBODY: SampleScore = { score: null, index: null, gap: null, n: 0, V: null, df: null };

function scoreChangeOf(before: SampleScore | undefined, after: SampleScore | undefined): Change {
  const b = before ?? NOBODY;
  const a = after ?? NOBODY;
  return { before: figuresOf(b), after: figuresOf(a), ...scoreChange(b, a) };
}

function sideWarnings(before: ComparisonSide, after: ComparisonSide, inputs: { before: string; after: string }, pairing: Pairing | null): ComparisonWarning[] {
  const warnings: ComparisonWarning[] = [];
  const [v1, v2] = [before.report.rubric.version, after.report.rubric.version];
  if (v1 !== v2) {
    warnings.push({ code: 'rubric-version', message: `The rubric's version changed: ${v1 ?? 'none'} in ${inputs.before}, ${v2 ?? 'none'} in ${inputs.after}; items are matched by id.` });
  }
  for (const [side, input] of [[before, inputs.before], [after, inputs.after]] as const) {
    if (side.kind === 'saved' && side.report.format === 1) {
      warnings.push({
        code: 'no-intervals',
        message: `${input} is a report of format 1, which does not record how sure its section and overall scores are, so their verdicts read "too few answers"; save it again with this version of svcaudit, or compare the answers themselves.`,
      });
    }
  }
  if (pairing !== null) {
    for (const [count, input] of [[pairing.repeated.before, inputs.before], [pairing.repeated.after, inputs.after]] as const) {
      if (count === 0) continue;
      const key = pairing.by === 'id' ? 'an id' : 'a name';
      warnings.push({ code: 'repeated-key', message: `${count} respondents of ${input} share ${key} with another respondent there, so they are not paired.` });
    }
  }
  return warnings;
}

/**
 * Pairs entries by id: the follow-up's order first (the rubric as it is now),
 * then any the follow-up no longer has, in the baseline's order. A revised
 * rubric can add or drop an item; it is shown, with no change.
 */
function matchById<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): [T | undefined, T | undefined][] {
  const byId = new Map(before.map((entry) => [entry.id, entry]));
  const pairs: [T | undefined, T | undefined][] = after.map((entry) => [byId.get(entry.id), entry]);
  const seen = new Set(after.map((entry) => entry.id));
  for (const entry of before) if (!seen.has(entry.id)) pairs.push([entry, undefined]);
  return pairs;
}
