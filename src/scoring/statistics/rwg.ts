/**
 * Within-group agreement of one item, `rwg = max(0, 1 - sd^2 / ((A^2 - 1) / 12))`
 * with A the number of levels of the scale: 1 when everyone gave the same
 * level, 0 when the spread is that of answers picked at random
 * (docs/statistics.md, "Agreement"). Null below three numbers.
 */
export function rwg(sd: number | null, n: number, scaleMin: number, scaleMax: number): number | null {
  if (n < 3 || sd === null) return null;
  const a = scaleMax - scaleMin + 1;
  return Math.max(0, 1 - (sd * sd) / ((a * a - 1) / 12));
}
