/**
 * Section and overall lines (docs/formulas.md, "Scoring"): weighted means of the
 * scored items. Items nobody scored are left out of every sum.
 */
import type { Scale, Section } from '../rubric/model.js';
import type { ItemResult, Overall, SectionResult } from './report.js';
import { scaleIndex } from './scale.js';
import { weightedMean } from './weighted-mean.js';
import type { EffectiveWeights } from './weights.js';

/** An item that counts, with the weight it carries in the mean being taken. */
interface Scored {
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
): SectionResult {
  const scored: Scored[] = [];
  for (const item of section.items) {
    const r = items.get(item.id);
    if (r === undefined || r.score === null || r.gap === null) continue;
    scored.push({ weight: item.weight, score: r.score, target: r.target, gap: r.gap });
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
  if (means === null) return { ...base, score: null, target: null, gap: null, index: null };
  return { ...base, ...means, index: scaleIndex(means.score, scale) };
}

/**
 * Overall score, target and gap: `sum e_i * x_i`, computed as `sum e_i x_i / sum e_i`
 * (the e_i add up to 1, up to rounding); null when no item of positive weight was scored.
 */
export function overallResult(items: readonly ItemResult[], weights: EffectiveWeights, scale: Scale): Overall {
  const rows: Scored[] = [];
  for (const item of items) {
    const e = weights.items.get(item.id);
    if (e === undefined || item.score === null || item.gap === null) continue;
    rows.push({ weight: e, score: item.score, target: item.target, gap: item.gap });
  }
  const means = meansOf(rows);
  if (means === null) return { score: null, target: null, gap: null, index: null };
  return { ...means, index: scaleIndex(means.score, scale) };
}

function meansOf(rows: readonly Scored[]): { score: number; target: number; gap: number } | null {
  const score = weightedMean(rows.map((r) => ({ weight: r.weight, value: r.score })));
  const target = weightedMean(rows.map((r) => ({ weight: r.weight, value: r.target })));
  const gap = weightedMean(rows.map((r) => ({ weight: r.weight, value: r.gap })));
  if (score === null || target === null || gap === null) return null;
  return { score, target, gap };
}
