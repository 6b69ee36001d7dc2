/**
 * compare's follow-up side read in a worker thread while the main thread reads the baseline: the
 * two files of a comparison are independent, and on a machine of two cores or more reading them
 * side by side takes the time of the longer, not of both (docs/architecture.md). Only for a
 * follow-up that is a file of answers large enough to pay for the thread's start (about 40 ms),
 * and only when the built worker exists (bin/compare-worker.cjs and dist/). Whatever goes wrong
 * in the worker (an unreadable file, a bad cell, a crash) it answers `ok: false`, and compare
 * reads the side again on the main thread, so errors and their order are what they would be
 * without it; its notes are shown after the baseline's, where they would have come.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ComparisonSide } from '../compare/side.js';
import type { Rubric } from '../rubric/model.js';
import { packageRoot } from '../rubric/package-root.js';
import type { CompareOptions } from './compare.js';
import { sideOfState, type SideState } from './side-state.js';

/** What the worker is asked: the side's path and mapping, the rubric, and the reading options. */
export interface SideRequest {
  readonly path: string;
  readonly map: string | undefined;
  readonly rubric: Rubric;
  readonly options: Pick<CompareOptions, 'by' | 'manyGroups' | 'ignore' | 'readRows'>;
}

export type SideResponse = { readonly ok: true; readonly side: SideState; readonly notes: readonly string[] } | { readonly ok: false };

export interface PendingSide {
  /** The side and its notes, or undefined when the worker could not read it. */
  readonly result: Promise<{ readonly side: ComparisonSide; readonly notes: readonly string[] } | undefined>;
  /** Ends the worker (the baseline failed: its side is not wanted). */
  stop(): void;
}

/** Starts reading the side in a worker; undefined when there is no built worker to start. */
export function readSideInWorker(request: SideRequest): PendingSide | undefined {
  const file = join(packageRoot(), 'bin', 'compare-worker.cjs');
  if (!existsSync(file) || !existsSync(join(packageRoot(), 'dist', 'compare-worker.cjs'))) return undefined;
  const worker = new Worker(file, { workerData: request, stdout: false, stderr: false });
  const result = new Promise<{ side: ComparisonSide; notes: readonly string[] } | undefined>((resolve) => {
    worker.once('message', (response: SideResponse) => {
      try {
        resolve(response.ok ? { side: sideOfState(response.side, request.rubric), notes: response.notes } : undefined);
      } catch {
        resolve(undefined);
      }
      void worker.terminate();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return { result, stop: () => void worker.terminate() };
}
