/**
 * How `score` asks for large survey exports to be read in a worker thread beside the scoring
 * (survey/scan-in-worker.ts). Its own file, with no import, because the public API's types
 * (app/score.ts's options) name it.
 */

/** Survey exports of at least `minBytes` are read in a worker thread, where one can start. */
export interface ParallelReading {
  readonly minBytes: number;
  /** Told of each export read so (a test's way to see it). */
  readonly started?: ((file: string) => void) | undefined;
}
