/**
 * Words and signed numbers the human compare formats share (text, markdown,
 * html), so a change, its interval and its verdict read the same in a
 * terminal and in a client document (docs/statistics.md, "Compare").
 */
import type { Change, Comparison, ItemChange, Unscored, Verdict } from '../../compare/comparison.js';
import { EPSILON, isMet } from '../../scoring/tolerance.js';
import { fixed, NONE, round } from '../shared/numbers.js';
import { plural } from '../shared/plural.js';
import { unscoredText } from '../shared/unscored.js';
import { fieldworkText } from '../shared/intervals.js';
import type { ComparableReport } from '../../compare/comparable.js';

export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  improved: 'improved',
  slipped: 'slipped',
  'no clear change': 'no clear change',
  'too few answers': 'too few answers',
};

/** `+0.45`, `-0.20`, `0.00`: a change always shows its sign, so it cannot be read as a level. */
export function signed(delta: number | null, digits = 2): string {
  if (delta === null) return NONE;
  const shown = round(delta, digits);
  if (shown === 0) return (0).toFixed(digits);
  return `${shown > 0 ? '+' : '-'}${Math.abs(shown).toFixed(digits)}`;
}

/** `2.95 → 3.40` */
export function fromTo(before: number | null, after: number | null): string {
  return `${fixed(before)} → ${fixed(after)}`;
}

/**
 * `[+0.21, +1.09]`, clipped to what a change on the scale can be (no further
 * than max − min either way), as human formats clip score intervals
 * (docs/statistics.md, "An index"); the JSON keeps it unclipped.
 */
export function intervalText(ci: Change['ci'], scale: Comparison['scale']): string {
  if (ci === null) return '';
  const span = scale.max - scale.min;
  const clip = (v: number): number => Math.min(span, Math.max(-span, v));
  return `[${signed(clip(ci[0]))}, ${signed(clip(ci[1]))}]`;
}

/** `+0.65 [+0.21, +1.09]`, or the change alone when it has no interval. */
export function changeText(c: Pick<Change, 'change' | 'ci'>, scale: Comparison['scale']): string {
  const interval = intervalText(c.ci, scale);
  return interval === '' ? signed(c.change) : `${signed(c.change)} ${interval}`;
}

/**
 * `reached target`, `fell below target`, `still below target`, or nothing: shown beside an item's
 * verdict, so an improvement that has not yet reached the target never reads as plain success.
 */
export function targetNote(item: Pick<ItemChange, 'reachedTarget' | 'fellBelowTarget' | 'verdict' | 'after'>): string | undefined {
  if (item.reachedTarget) return 'reached target';
  if (item.fellBelowTarget) return 'fell below target';
  if (stillBelowTarget(item)) return 'still below target';
  return undefined;
}

/** Improved, but the follow-up still falls short of the target (an item's, a section's or the overall one). */
export function stillBelowTarget(item: Pick<Change, 'verdict' | 'after'>): boolean {
  return item.verdict === 'improved' && item.after.gap !== null && !isMet(item.after.gap);
}

/** A side's score as a table cell: the score, or why there is none (report/shared/unscored.ts). */
export function scoreCell(score: number | null, unscored: Unscored | null, multiline = false): string {
  return score !== null ? fixed(score) : unscoredText(unscored, multiline);
}

/** An interval leaving out 0 while the verdict, allowing for the other items, is no clear change. */
function leavesOutZeroOnly(item: ItemChange): boolean {
  return item.verdict === 'no clear change' && item.ci !== null && (item.ci[0] > EPSILON || item.ci[1] < -EPSILON);
}

/** Tested, but with sample sizes no result could make pass (the exact tests' smallest p times m is at least 0.05). */
export function couldNeverPass(item: ItemChange): boolean {
  return item.verdict === 'too few answers' && item.p !== null;
}

/** Items tested in a family: Holm's m. */
export function testedCount(items: readonly ItemChange[]): number {
  return items.filter((item) => item.p !== null).length;
}

/** Marks after a verdict that a note explains: `*` many items tested at once, `†` could never pass. */
export function verdictMark(item: ItemChange): string {
  return leavesOutZeroOnly(item) ? '*' : couldNeverPass(item) ? '†' : '';
}

/** The notes the marks point to, for the items of one family; empty when no item carries a mark. */
export function markNotes(items: readonly ItemChange[]): string[] {
  const m = testedCount(items);
  const notes: string[] = [];
  const many = items.filter(leavesOutZeroOnly);
  if (many.length > 0) {
    notes.push(
      `* ${titles(many)}: the interval leaves out 0, so on its own the change looks real; but ${m} items were tested at once, and among so many one change this size can arise by chance, so the verdict is no clear change.`,
    );
  }
  const never = items.filter(couldNeverPass);
  if (never.length > 0) {
    const tested = m === 1 ? 'even tested on its own' : `with ${m} items tested at once`;
    notes.push(`† ${titles(never)}: so few answers that even if every one had moved the same way, the change could not be told from chance ${tested}.`);
  }
  return notes;
}

function titles(items: readonly ItemChange[]): string {
  return items.map((item) => item.title).join('; ');
}

/** `3 improved · 1 slipped · 8 no clear change · 1 too few answers`, and the target moves when any. */
export function verdictCounts(items: readonly ItemChange[]): string {
  const count = (v: Verdict): number => items.filter((item) => item.verdict === v).length;
  const parts = [`${count('improved')} improved`, `${count('slipped')} slipped`, `${count('no clear change')} no clear change`];
  const few = count('too few answers');
  if (few > 0) parts.push(`${few} too few answers`);
  const reached = items.filter((item) => item.reachedTarget).length;
  const fell = items.filter((item) => item.fellBelowTarget).length;
  if (reached > 0) parts.push(`${reached} reached target`);
  if (fell > 0) parts.push(`${fell} fell below target`);
  return parts.join(' · ');
}

/**
 * `interviews`: the last part of the path a side was read from. The folders above it belong to the
 * consultant's disk, not to the client's document (docs/formulas.md, "Quotes": no local paths in
 * human formats); the JSON keeps the input as given.
 */
function inputName(input: string): string {
  if (input === '-') return 'stdin';
  const parts = input.split(/[\\/]+/).filter((part) => part !== '');
  return parts.at(-1) ?? input;
}

/** What a side's report says of itself, when the formatter was given it. */
type SideReport = Pick<ComparableReport, 'fieldwork' | 'organisation'> | undefined;

/** `interviews (10 respondents, fieldwork 2026-10-05 to 2026-10-09)` */
export function sideText(side: Comparison['inputs']['before'], report?: SideReport): string {
  const fieldwork = report?.fieldwork === undefined ? undefined : fieldworkText(report.fieldwork);
  return `${inputName(side.input)} (${[plural(side.respondents, 'respondent'), ...(fieldwork === undefined ? [] : [fieldwork])].join(', ')})`;
}

/** The organisation of the header: the configuration file's, else the one either audit names (the follow-up's first); null when none does. */
export function organisationOf(options: { readonly organisation?: string | undefined; readonly baseline?: SideReport; readonly followUp?: SideReport }): string | null {
  return options.organisation ?? options.followUp?.organisation ?? options.baseline?.organisation ?? null;
}

/** How the two audits were compared, in one sentence (docs/statistics.md, "Paired or independent"). */
export function designText(c: Comparison): string {
  const key = c.details.pairedBy;
  if (c.design === 'paired') {
    return `Paired: ${plural(c.pairs, 'respondent')} answered both audits (matched by ${key}); an item's change is the mean of their own changes, so it can differ from after minus before.`;
  }
  if (key === null) return 'Independent: a side is a saved report, which has no respondents to pair, so the two audits are compared as separate samples.';
  const found = c.pairs === 0 ? `no respondent was matched by ${key}` : `${plural(c.pairs, 'respondent')} matched by ${key}, too few to pair (at least 3, and half of each audit)`;
  return `Independent: ${found}, so the two audits are compared as separate samples.`;
}

/** The items lists under the tables. */
export const ITEM_LISTS: readonly { readonly title: string; readonly keep: (item: ItemChange) => boolean }[] = [
  { title: 'Improved', keep: (item) => item.verdict === 'improved' },
  { title: 'Slipped', keep: (item) => item.verdict === 'slipped' },
  { title: 'Reached target', keep: (item) => item.reachedTarget },
  { title: 'Fell below target', keep: (item) => item.fellBelowTarget },
];

/** What a group's line says when it is not compared. */
export function groupNotCompared(minGroup: number): string {
  return `fewer than ${minGroup} respondents on a side: not compared`;
}

/** How to read a change and a verdict, once per report, in a manager's words (README, "Reading a comparison"). */
export const READING_NOTES: readonly string[] = [
  'Change is the follow-up minus the baseline. The range in brackets is its 95% interval: the change is very likely somewhere in it. A range that spans 0 means the audits cannot tell a rise from a fall.',
  'Verdicts: improved or slipped means the change is too large to be chance, allowing for every item being tested at once; no clear change means it could be noise; too few answers means there are not enough numbers to judge.',
  'Changes are worked out from the unrounded scores, so a change can differ by 0.01 from the difference of the rounded figures shown.',
];
