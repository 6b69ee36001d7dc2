/**
 * Signals during a session. At a prompt, Ctrl-C reaches inquirer as a key
 * (the terminal is in raw mode) and ends it with ExitPromptError. Between
 * prompts, and for SIGTERM or SIGHUP (a closed terminal window), the process
 * gets a real signal: without a handler Node would die on the spot, with no
 * word on how to go on. Each signal aborts the current (or next) prompt
 * instead, so every way of stopping ends in the same clean path. Saves are
 * synchronous, so a signal can never land in the middle of one.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type StopSignal = (typeof SIGNALS)[number];

interface InterruptGuard {
  readonly signal: AbortSignal;
  /** Which signal stopped the session, if one did. */
  readonly received: () => StopSignal | undefined;
  readonly dispose: () => void;
}

export function guardInterrupts(proc: NodeJS.Process = process): InterruptGuard {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const handlers = SIGNALS.map((name) => {
    const handler = () => {
      received ??= name;
      controller.abort(name);
    };
    // With a listener of ours in place, inquirer's signal-exit hook leaves the process alive.
    proc.on(name, handler);
    return () => proc.off(name, handler);
  });
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => handlers.forEach((off) => off()),
  };
}
