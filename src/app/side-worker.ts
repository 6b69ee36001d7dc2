/**
 * The worker thread that reads compare's follow-up side while the main thread reads the baseline
 * (app/side-in-worker.ts starts it through bin/compare-worker.cjs). It reads the side exactly as
 * the main thread would (app/compare-side.ts), keeps the notes it would have shown, and posts
 * both back; on any failure it posts `ok: false` and the main thread reads the side itself, so
 * that every error is reported by the same code, in the same order, as without the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSide } from './compare-side.js';
import { sideState, transferables } from './side-state.js';
import type { SideRequest, SideResponse } from './side-in-worker.js';

async function run(request: SideRequest): Promise<void> {
  const notes: string[] = [];
  let response: SideResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    const side = await loadSide(request.path, { ...request.options, rubric: request.rubric, onNote: (message) => notes.push(message) }, request.map);
    const state = sideState(side);
    transfer = transferables(state);
    response = { ok: true, side: state, notes };
  } catch {
    response = { ok: false };
  }
  parentPort!.postMessage(response, transfer);
}

void run(workerData as SideRequest);
