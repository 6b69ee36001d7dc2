/**
 * Why a score is missing, with `n/a` and `not answered` never one word (docs/formulas.md,
 * "Answers file"): both leave an answer out of the score, but an `n/a` can flatter it while a
 * blank is only a gap in the fieldwork, so a reader must be able to tell them apart.
 */
import { NONE } from './numbers.js';

interface UnscoredCounts {
  readonly na: number;
  readonly unanswered: number;
}

/**
 * `n/a`, `not answered`, `2 n/a, 1 not answered`, or `–` when the counts are unknown or zero.
 * `multiline` puts the two counts of a mixed cell on two lines (text tables).
 */
export function unscoredText(counts: UnscoredCounts | null, multiline = false): string {
  if (counts === null) return NONE;
  const { na, unanswered } = counts;
  if (na === 0 && unanswered === 0) return NONE;
  if (unanswered === 0) return 'n/a';
  if (na === 0) return 'not answered';
  return `${na} n/a,${multiline ? '\n' : ' '}${unanswered} not answered`;
}

/** `1 n/a, 2 not answered` for an item that was scored by others; empty when every respondent gave a number. */
export function leftOutText(counts: UnscoredCounts): string {
  const parts = [...(counts.na > 0 ? [`${counts.na} n/a`] : []), ...(counts.unanswered > 0 ? [`${counts.unanswered} not answered`] : [])];
  return parts.join(', ');
}
