/**
 * The group columns of a grouped report (`--by`): the shown groups, in the report's order
 * (docs/formulas.md, "Groups"); a group smaller than `--min-group` has no column.
 */
import type { Report } from '../../scoring/report.js';

export function groupValues(report: Pick<Report, 'by' | 'groups'>): string[] {
  if (report.by === null) return [];
  return report.groups.filter((group) => group.shown).map((group) => group.value);
}

/** The item's score in a group; null when the group has no figure for it (too few numbers). */
export function groupScore(item: Report['items'][number], value: string): number | null {
  return Object.hasOwn(item.groups, value) ? (item.groups[value]?.score ?? null) : null;
}

/** The item's spread between its highest and lowest group, or null. */
export function spreadValue(item: Report['items'][number]): number | null {
  return item.spread?.value ?? null;
}
