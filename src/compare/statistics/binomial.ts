/** C(n, k), exactly. */
export function binomial(n: number, k: number): bigint {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0) throw new RangeError(`C(${n}, ${k}) is not defined here`);
  if (k < 0 || k > n) return 0n;
  const r = Math.min(k, n - k);
  let c = 1n;
  // Each partial product c * (n - i) / (i + 1) is itself C(n, i + 1): the division is exact.
  for (let i = 0; i < r; i++) c = (c * BigInt(n - i)) / BigInt(i + 1);
  return c;
}
