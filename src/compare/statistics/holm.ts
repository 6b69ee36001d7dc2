/**
 * Holm's step-down adjustment (Holm 1979; docs/statistics.md, "Verdicts"):
 * with the m p-values sorted ascending, `p_(k) = max over j <= k of
 * min(1, (m - j + 1) * p_(j))`. It holds the chance of any false "improved"
 * or "slipped" among m items at 0.05, and never rejects less than
 * Bonferroni. Returns the adjusted values in the input order.
 */
export function holmAdjust(pValues: ReadonlyArray<number>): number[] {
  const m = pValues.length;
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${p} is not a p-value`);
  }
  // A stable sort: tied p-values keep their order (their adjusted values come out equal either way).
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]!);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, j) => {
    running = Math.max(running, Math.min(1, (m - j) * pValues[index]!));
    adjusted[index] = running;
  });
  return adjusted;
}
