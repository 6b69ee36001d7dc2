/**
 * How a piece of work grows with its input: the time for an input of size n and of size 4n,
 * measured in the same run, so the ratio says linear (about 4) from quadratic (about 16) on any
 * machine, without a wall-clock limit. The two sizes run in turn, five times each after a run to
 * warm the JIT up, and the fastest run of each counts: a garbage collection or another process
 * taking the core slows single runs, not every one of them.
 */
export interface Growth {
  readonly small: number;
  readonly large: number;
  readonly ratio: number;
}

const ROUNDS = 5;

async function timeOf(work: () => unknown): Promise<number> {
  const start = performance.now();
  const result = work();
  if (result instanceof Promise) await result;
  return performance.now() - start;
}

/**
 * `make(size)` builds the input outside the timing; `run(input)` is timed. A ratio over the
 * linear bound is measured again, up to twice: a busy machine (other test files run beside this
 * one) slows a measurement now and then, a quadratic algorithm every time.
 */
export async function growth<T>(n: number, make: (size: number) => T, run: (input: T) => unknown): Promise<Growth> {
  const small = make(n);
  const large = make(4 * n);
  let best = await measure(small, large, run);
  for (let retry = 0; retry < 2 && best.ratio >= LINEAR_RATIO; retry++) {
    const again = await measure(small, large, run);
    if (again.ratio < best.ratio) best = again;
  }
  return best;
}

async function measure<T>(small: T, large: T, run: (input: T) => unknown): Promise<Growth> {
  await timeOf(() => run(small));
  await timeOf(() => run(large));
  let s = Infinity;
  let l = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    s = Math.min(s, await timeOf(() => run(small)));
    l = Math.min(l, await timeOf(() => run(large)));
  }
  // A floor of 5 ms keeps a tiny small-size time from making the ratio noise: work that fast at n
  // can only fail when it takes 40 ms at 4n.
  return { small: s, large: l, ratio: l / Math.max(s, 5) };
}

/** Linear work gives about 4; quadratic about 16. */
export const LINEAR_RATIO = 8;
