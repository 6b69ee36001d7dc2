/**
 * The group columns of a grouped report (`--by`). Scoring gives every item the
 * same sorted keys (`(none)` last); taking the union in first-seen order keeps
 * that order and still shows a key only some items carry.
 */
import type { Report } from '../../scoring/report.js';

export function groupValues(report: Pick<Report, 'by' | 'items'>): string[] {
  if (report.by === null) return [];
  const values = new Set<string>();
  for (const item of report.items) for (const value of Object.keys(item.groups)) values.add(value);
  return [...values];
}

/** The item's score in a group; null when the group did not score it (or has no key on this item). */
export function groupScore(item: Report['items'][number], value: string): number | null {
  return Object.hasOwn(item.groups, value) ? (item.groups[value] ?? null) : null;
}
