/**
 * Section and overall lines (docs/formulas.md, "Scoring"): weighted means of the
 * scored items. Items nobody scored are left out of every sum.
 */
import type { Scale, Section } from '../rubric/model.js';
import type { ItemResult, Overall, SectionResult } from './report.js';
import { scaleIndex } from './scale.js';
import { weightedMean } from './weighted-mean.js';
import type { EffectiveWeights } from './weights.js';
import type { ItemCovariances } from './statistics/weighted-variance.js';
import { weightedInterval, weightedVariance } from './statistics/weighted-variance.js';

/** What an interval of a weighted score needs: the items' covariances and their slots (rubric order). */
export interface IntervalBasis {
  readonly covariances: ItemCovariances;
  /** Item id → its slot in the covariances; ids in slot order. */
  readonly slots: ReadonlyMap<string, number>;
  readonly ids: readonly string[];
}

const NO_INTERVAL = { ci: null, se: null, df: null, limitedBy: null } as const;

/** An item that counts, with the weight it carries in the mean being taken. */
interface Scored {
  readonly id: string;
  readonly weight: number;
  readonly score: number;
  readonly target: number;
  readonly gap: number;
}

/**
 * Section score, target and gap: the `w`-weighted means of its scored items.
 * When its scored items all weigh 0 the weighted mean is 0/0; the plain mean
 * is shown instead, and `weights.ts` gives the section no share of the overall.
 */
export function sectionResult(
  section: Section,
  items: ReadonlyMap<string, ItemResult>,
  weights: EffectiveWeights,
  scale: Scale,
  basis: IntervalBasis,
): SectionResult {
  const scored: Scored[] = [];
  for (const item of section.items) {
    const r = items.get(item.id);
    if (r === undefined || r.score === null || r.gap === null) continue;
    scored.push({ id: item.id, weight: item.weight, score: r.score, target: r.target, gap: r.gap });
  }
  const base = {
    id: section.id,
    title: section.title,
    answered: scored.length,
    total: section.items.length,
    weight: weights.sections.get(section.id) ?? 0,
  };
  const rows = scored.some((s) => s.weight > 0) ? scored : scored.map((s) => ({ ...s, weight: 1 }));
  const means = meansOf(rows);
  if (means === null) return { ...base, score: null, target: null, gap: null, index: null, ...NO_INTERVAL };
  return { ...base, ...means, index: scaleIndex(means.score, scale), ...intervalOf(means.score, rows, basis) };
}

/**
 * Overall score, target and gap: `sum e_i * x_i`, computed as `sum e_i x_i / sum e_i`
 * (the e_i add up to 1, up to rounding); null when no item of positive weight was scored.
 */
export function overallResult(items: readonly Pick<ItemResult, 'id' | 'score' | 'target' | 'gap'>[], weights: EffectiveWeights, scale: Scale, basis: IntervalBasis): Overall {
  const rows: Scored[] = [];
  for (const item of items) {
    const e = weights.items.get(item.id);
    if (e === undefined || item.score === null || item.gap === null) continue;
    rows.push({ id: item.id, weight: e, score: item.score, target: item.target, gap: item.gap });
  }
  const means = meansOf(rows);
  if (means === null) return { score: null, target: null, gap: null, index: null, ...NO_INTERVAL };
  return { ...means, index: scaleIndex(means.score, scale), ...intervalOf(means.score, rows, basis) };
}

/**
 * The 95% interval of a weighted score (docs/statistics.md): `score ± t(0.975, df) * sqrt(V)`
 * with the weights of that score normalised to add up to 1, over the items that count.
 */
function intervalOf(score: number, rows: readonly Scored[], basis: IntervalBasis): Pick<Overall, 'ci' | 'se' | 'df' | 'limitedBy'> {
  const total = rows.reduce((sum, r) => sum + r.weight, 0);
  if (!(total > 0)) return NO_INTERVAL;
  const coefficients = new Float64Array(basis.ids.length);
  for (const r of rows) coefficients[basis.slots.get(r.id)!] = r.weight / total;
  const { V, df, limitingItem } = weightedVariance(coefficients, basis.covariances);
  const limitedBy = limitingItem === null ? null : basis.ids[limitingItem] ?? null;
  if (V === null || df === null) return { ci: null, se: null, df: null, limitedBy };
  return { ci: weightedInterval(score, V, df), se: Math.sqrt(V), df, limitedBy };
}

function meansOf(rows: readonly Scored[]): { score: number; target: number; gap: number } | null {
  const score = weightedMean(rows.map((r) => ({ weight: r.weight, value: r.score })));
  const target = weightedMean(rows.map((r) => ({ weight: r.weight, value: r.target })));
  const gap = weightedMean(rows.map((r) => ({ weight: r.weight, value: r.gap })));
  if (score === null || target === null || gap === null) return null;
  return { score, target, gap };
}
