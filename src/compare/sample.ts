/**
 * One side of a comparison as the tests see it, for all its respondents or
 * one group of them: per item its n, mean, sd and (for answers scored here)
 * its level counts; per section and overall the score with the `V` and `df`
 * of its interval (docs/statistics.md, "A section and the overall score").
 *
 * For answers scored here the figures are worked out from the respondent
 * table with the formulas of `score` (docs/formulas.md), so a group's figures
 * are those `score` would give for its respondents alone; a saved report gives
 * what it recorded.
 */
import { rubricItems, type Rubric } from '../rubric/model.js';
import { scaleIndex } from '../scoring/scale.js';
import { levelStats } from '../scoring/stats.js';
import { CovarianceAccumulator } from '../scoring/statistics/covariance-accumulator.js';
import { weightedVariance, type ItemCovariances } from '../scoring/statistics/weighted-variance.js';
import { weightedMean } from '../scoring/weighted-mean.js';
import { effectiveWeights } from '../scoring/weights.js';
import type { ComparableReport, ComparableScore, SavedGroupFigure, SavedReport } from './comparable.js';
import { NA, UNANSWERED, type RespondentTable } from './respondent-table.js';
import { tQuantile } from '../scoring/statistics/t-distribution.js';
import { countRows, type RowCounts, type Rows } from './row-counts.js';

export interface SampleItem {
  readonly score: number | null;
  readonly index: number | null;
  readonly gap: number | null;
  readonly n: number;
  readonly sd: number | null;
  /** Respondents who answered `na`, and who left the item unanswered; null where a saved report does not say. */
  readonly na: number | null;
  readonly unanswered: number | null;
  /** Respondents per level (`counts[level - min]`); null for a saved report, which has none. */
  readonly counts: Float64Array | null;
}

export interface SampleScore {
  readonly score: number | null;
  readonly index: number | null;
  readonly gap: number | null;
  readonly n: number;
  /** The variance of the score; null when it has no interval. */
  readonly V: number | null;
  readonly df: number | null;
}

export interface Sample {
  readonly respondents: number;
  readonly items: ReadonlyMap<string, SampleItem>;
  readonly sections: ReadonlyMap<string, SampleScore>;
  readonly overall: SampleScore;
}

/**
 * The figures of the table's rows, as `score` gives them for those respondents. Without
 * `variances`, sections and the overall score come without V and df (a whole side takes them from
 * its report instead, which has worked them out while reading).
 */
export function tableSample(rubric: Rubric, table: RespondentTable, rows: Rows = null, options: SampleOptions = {}): Sample {
  return countedSample(rubric, table, countRows(table, rows), options);
}

interface SampleOptions {
  readonly variances?: boolean;
  /** The rows' covariance sums as `score` worked them out; summed here when absent. */
  readonly covariances?: ItemCovariances | undefined;
}

/** The figures of rows already counted (row-counts.ts): a side's, or one of its groups'. */
export function countedSample(rubric: Rubric, table: RespondentTable, counted: RowCounts, options: SampleOptions = {}): Sample {
  const variances = options.variances ?? true;
  const { scale } = rubric;
  const k = table.k;
  const count = counted.respondents;
  const { counts, na } = counted;
  const acc: ItemCovariances | null = variances ? (options.covariances ?? covariancesOf(table, counted.rows)) : null;

  const items = new Map<string, SampleItem>();
  const columns = rubricItems(rubric);
  columns.forEach((item, i) => {
    const stats = levelStats(counts[i]!, scale);
    const gap = stats.mean === null ? null : Math.max(0, item.target - stats.mean);
    items.set(item.id, { score: stats.mean, index: scaleIndex(stats.mean, scale), gap, n: stats.n, sd: stats.sd, na: na[i]!, unanswered: count - stats.n - na[i]!, counts: counts[i]! });
  });
  const weights = effectiveWeights(rubric, (id) => (items.get(id)?.n ?? 0) > 0);

  /**
   * A weighted score over the columns with weight > 0: its figures, V and df, and how many
   * respondents it rests on. The mean takes the weights as `score` does (so its figures are the
   * report's to the last bit); V takes them normalised, the `c_i` of docs/statistics.md.
   */
  const weighted = (weightOf: Float64Array): SampleScore => {
    const rowsOf: { weight: number; score: number; gap: number }[] = [];
    let total = 0;
    columns.forEach((item, i) => {
      const w = weightOf[i]!;
      const figures = items.get(item.id)!;
      if (w > 0 && figures.score !== null) {
        rowsOf.push({ weight: w, score: figures.score, gap: figures.gap! });
        total += w;
      }
    });
    const coefficients = weightOf.map((w) => (w > 0 ? w / total : 0));
    const score = weightedMean(rowsOf.map((r) => ({ weight: r.weight, value: r.score })));
    const gap = weightedMean(rowsOf.map((r) => ({ weight: r.weight, value: r.gap })));
    const n = counted.answering(weightOf);
    const variance = score === null || acc === null ? null : weightedVariance(coefficients, acc);
    return { score, index: scaleIndex(score, scale), gap, n, V: variance?.V ?? null, df: variance?.V === null ? null : variance?.df ?? null };
  };

  const sections = new Map<string, SampleScore>();
  for (const section of rubric.sections) {
    const weightOf = new Float64Array(k);
    const scored = section.items.filter((item) => items.get(item.id)!.n > 0);
    // A section whose scored items all weigh 0 shows their plain mean (scoring/aggregate.ts); its interval follows the same weights.
    const positive = scored.some((item) => item.weight > 0);
    for (const item of scored) weightOf[columns.indexOf(item)] = positive ? item.weight : 1;
    sections.set(section.id, weighted(weightOf));
  }
  const overall = new Float64Array(k);
  columns.forEach((item, i) => (overall[i] = weights.items.get(item.id) ?? 0));
  return { respondents: count, items, sections, overall: weighted(overall) };
}

/** The covariance sums of the rows (every row when null), as `score` sums them. */
function covariancesOf(table: RespondentTable, rows: Rows): CovarianceAccumulator {
  const k = table.k;
  const acc = new CovarianceAccumulator(k);
  // A row's offsets, NaN where there is none: the accumulator's fast path for whole numbers.
  const row = new Float64Array(k);
  const cells = table.cells();
  const count = rows === null ? table.rows : rows.length;
  for (let r = 0; r < count; r++) {
    const base = (rows === null ? r : rows[r]!) * k;
    for (let i = 0; i < k; i++) {
      const cell = cells[base + i]!;
      // Offsets from the minimum: covariances are unchanged by the shift, and the sums stay exact integers.
      row[i] = cell === UNANSWERED || cell === NA ? Number.NaN : cell - 1;
    }
    acc.addScores(row);
  }
  return acc;
}

/** A side scored here: its figures from the table, the V and df of its sections and overall score from its report. */
export function scoredSample(rubric: Rubric, table: RespondentTable, report: ComparableReport, counted: RowCounts = countRows(table)): Sample {
  const sample = countedSample(rubric, table, counted, { variances: false });
  const withInterval = (s: SampleScore, r: ComparableScore | undefined): SampleScore => ({ ...s, ...intervalOf(r) });
  return {
    ...sample,
    sections: new Map([...sample.sections].map(([id, s]) => [id, withInterval(s, report.sections.find((r) => r.id === id))])),
    overall: withInterval(sample.overall, report.overall),
  };
}

/** V = se^2 and df, where a report gives both (a report of format 1 gives neither). */
function intervalOf(s: ComparableScore | undefined): { V: number | null; df: number | null } {
  const se = s?.se ?? null;
  const df = s?.df ?? null;
  return se === null || df === null || s?.score === null ? { V: null, df: null } : { V: se * se, df };
}

/** A saved report's figures (docs/json-report.md): V is `se^2` where format 2 gives it. */
export function savedSample(report: SavedReport): Sample {
  const items = new Map<string, SampleItem>(
    report.items.map((item) => {
      // Every respondent gave a number, answered na or left the item out (docs/json-report.md, `sources[]`).
      const na = item.na ?? null;
      return [item.id, { score: item.score, index: item.index, gap: item.gap, n: item.n, sd: item.sd, na, unanswered: na === null ? null : Math.max(0, report.respondents - item.n - na), counts: null }];
    }),
  );
  const sections = new Map<string, SampleScore>(
    report.sections.map((s) => {
      // The report does not record how many respondents a section rests on: its best-answered item's n is the nearest it says.
      const n = Math.max(0, ...report.items.filter((item) => item.section === s.id).map((item) => item.n));
      return [s.id, savedScore(s, n)];
    }),
  );
  return { respondents: report.respondents, items, sections, overall: savedScore(report.overall, report.scoredRespondents ?? report.respondents) };
}

function savedScore(s: ComparableScore, n: number): SampleScore {
  return { score: s.score, index: s.index, gap: s.gap, n, ...intervalOf(s) };
}

/**
 * One group of a saved report of format 2: its item figures (`items[].groups`) and its overall
 * score. The report gives a group's item an interval but no sd; the sd is read back from the
 * interval's half-width, `t(0.975, n-1) * sd / sqrt(n)` (docs/statistics.md, "An item"). A group's
 * overall score comes without `se` and `df`, so it has no V.
 */
export function savedGroupSample(report: SavedReport, groupValue: string, n: number, overall: { score: number | null; index: number | null } | null): Sample {
  const items = new Map<string, SampleItem>();
  for (const item of report.items) {
    const figure: SavedGroupFigure | undefined = report.groupFigures.get(item.id)?.get(groupValue);
    if (figure === undefined || figure.score === null) {
      items.set(item.id, { score: null, index: null, gap: null, n: figure?.n ?? 0, sd: null, na: null, unanswered: null, counts: null });
      continue;
    }
    const sd = figure.ci === null || figure.n < 3 ? null : ((figure.ci[1] - figure.ci[0]) / 2) * (Math.sqrt(figure.n) / tQuantile(0.975, figure.n - 1));
    items.set(item.id, { score: figure.score, index: scaleIndex(figure.score, report.scale), gap: Math.max(0, item.target - figure.score), n: figure.n, sd, na: null, unanswered: null, counts: null });
  }
  const none: SampleScore = { score: null, index: null, gap: null, n, V: null, df: null };
  return { respondents: n, items, sections: new Map(), overall: overall === null ? none : { ...none, score: overall.score, index: overall.index } };
}
