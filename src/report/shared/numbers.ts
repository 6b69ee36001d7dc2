/**
 * Numbers as the human formats show them: scores and gaps to 2 decimals,
 * indexes to whole points, `–` where a value does not exist. The JSON and CSV
 * formats never come here: they carry the unrounded numbers.
 */

/** Shown for a null value (an item nobody scored): an en dash, not `0`, which would read as a score. */
export const NONE = '–';

/**
 * Rounds half away from zero on the decimal the reader expects. `toFixed`
 * rounds the binary value, so 2.675 (stored as 2.67499999…) would show as
 * 2.67; trimming the product to 12 significant digits first drops that noise
 * without touching any real difference a mean of a few scores can make.
 */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  // -0.001 rounds to -0; a reader should see 0.00, never -0.00.
  return rounded === 0 ? 0 : rounded;
}

/** A score, target, gap or priority: 2 decimals, or `–`. */
export function fixed(value: number | null, digits = 2): string {
  return value === null ? NONE : round(value, digits).toFixed(digits);
}

/** An index on the 0..100 scale, as whole points: `68/100`, or `–`. */
/** An index as a card shows it: whole points, or what indexText says of none. */
export function indexPoints(value: number | null): string {
  return value === null ? indexText(null) : String(round(value, 0));
}

export function indexText(value: number | null): string {
  return value === null ? NONE : `${round(value, 0).toFixed(0)}/100`;
}
