/**
 * Items ranked by how much closing their gap would lift the overall score
 * (docs/formulas.md: "the report ranks gaps by priority, ties in rubric order").
 */
import type { ItemResult, Report } from './report.js';

/** Items with a gap, highest priority first; `report.items` is in rubric order and the sort is stable. */
export function rankGaps(report: Pick<Report, 'items'>): ItemResult[] {
  return report.items
    .filter((item) => item.gap !== null && item.gap > 0)
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
}
