/**
 * A large text export read in a worker thread while this thread scores its rows
 * (docs/architecture.md, "Large inputs"). A survey tool's export is several times the bytes of
 * the same answers in svcaudit's layout (labels, not digits; a timestamp; quoted headers), and
 * reading, decoding and scanning them is half of the time of a run through a mapping: on a machine
 * of two cores or more that half runs beside the other (scan-worker.ts), and the rows arrive here
 * as the scanner found them, in place, each numbered cell with the number of its text.
 *
 * Only for a file on disk large enough to pay for the thread's start (export-rows.ts asks before
 * loading this module), not a workbook, and only when the built worker exists (bin/scan-worker.cjs and dist/). What the rows give is what the
 * same rows read on this thread give: they are the same ScannedRows, read by the same code, and a
 * number only stands for a text the reader then works out as it would from the cell
 * (survey-answer-rows.ts; tests/e2e/scan-worker.test.ts holds the two ways to the same report).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../../core/finding.js';
import { readHead } from '../../core/io/read-input.js';
import { packageRoot } from '../../rubric/package-root.js';
import { exportRowOf, ReadStop, startsAsWorkbook, type ExportRow, type ExportRows } from './export-rows.js';
import { META, readMeta, type NumberedColumn, type ReaderMessage, type RecordsMessage, type RowsMessage, type ScanRequest, type WorkerMessage } from './scan-protocol.js';
import type { Delimiter } from './sniff-delimiter.js';
import { NumberedRow } from './numbered-row.js';
import type { ScannedRow } from './table-scanner.js';

/** The export's rows read in a worker, or undefined where it is not for one (see above). */
export function openInWorker(path: string, file: string, delimiter: Delimiter | undefined, report: (f: Finding) => void): ExportRows | undefined {
  const launcher = join(packageRoot(), 'bin', 'scan-worker.cjs');
  if (!existsSync(launcher) || !existsSync(join(packageRoot(), 'dist', 'scan-worker.cjs'))) return undefined;
  try {
    if (startsAsWorkbook(readHead(path, 4))) return undefined;
  } catch {
    return undefined; // read on this thread, which reports what is wrong with the file
  }
  const request: ScanRequest = { path, file, delimiter, taken: new SharedArrayBuffer(4) };
  const rows = new WorkerRows(new Worker(launcher, { workerData: request, stdout: false, stderr: false }), new Int32Array(request.taken), report);
  return { kind: 'text', date1904: false, rows: rows.rows(), each: (onRow) => rows.each(onRow), number: (columns) => rows.number(columns), close: () => rows.close() };
}

class WorkerRows {
  readonly #worker: Worker;
  /** Batches taken, where the worker waits for them (ScanRequest.taken). */
  readonly #taken: Int32Array;
  readonly #report: (f: Finding) => void;
  readonly #row = new NumberedRow();
  /** Messages come in order; here until taken. */
  readonly #queue: WorkerMessage[] = [];
  #wake: (() => void) | undefined;
  /** The batch being read, and its next row. */
  #batch: RowsMessage | RecordsMessage | undefined;
  #next = 0;
  #ended = false;

  constructor(worker: Worker, taken: Int32Array, report: (f: Finding) => void) {
    this.#worker = worker;
    this.#taken = taken;
    this.#report = report;
    worker.on('message', (message: WorkerMessage) => this.#arrive(message));
    worker.on('error', (error: NodeJS.ErrnoException) => this.#arrive({ kind: 'fail', message: error.message, code: error.code, stack: error.stack }));
    worker.on('exit', () => this.#arrive({ kind: 'fail', message: 'the thread reading the export stopped', code: undefined, stack: undefined }));
  }

  #arrive(message: WorkerMessage): void {
    if (this.#ended) return;
    this.#queue.push(message);
    this.#wake?.();
    this.#wake = undefined;
  }

  number(columns: readonly NumberedColumn[]): void {
    this.#row.texts.length = 0;
    for (let k = 0; k < columns.length; k++) this.#row.texts.push([]);
    this.#say({ kind: 'number', columns });
  }

  close(): void {
    this.#ended = true;
    void this.#worker.terminate();
  }

  #say(message: ReaderMessage): void {
    if (!this.#ended) this.#worker.postMessage(message);
  }

  /** The next batch of rows, with every message before it acted on; undefined at the end. */
  async #nextBatch(): Promise<RowsMessage | RecordsMessage | undefined> {
    if (this.#batch !== undefined) {
      Atomics.add(this.#taken, 0, 1);
      Atomics.notify(this.#taken, 0);
    }
    this.#batch = undefined;
    this.#next = 0;
    for (;;) {
      if (this.#ended) return undefined;
      const message = this.#queue.shift() ?? (await new Promise<void>((resolve) => (this.#wake = resolve)), this.#queue.shift());
      if (message === undefined) continue;
      switch (message.kind) {
        case 'rows':
          this.#take(message);
          return (this.#batch = message);
        case 'records':
          return (this.#batch = message);
        case 'finding':
          this.#report(message.finding);
          continue;
        case 'end':
          this.close();
          return undefined;
        case 'stop':
          this.close();
          throw new ReadStop(message.rule, message.message, { line: message.line, column: message.column });
        case 'fail': {
          this.close();
          throw Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code }, message.stack === undefined ? {} : { stack: message.stack });
        }
      }
    }
  }

  /** A batch's text and its newly numbered texts, before its rows are read. */
  #take(batch: RowsMessage): void {
    const row = this.#row;
    row.setText(batch.text);
    row.starts = batch.starts;
    row.ends = batch.ends;
    row.quoted = batch.quoted;
    row.numbered = batch.numbered;
    row.numbers = batch.numbers;
    for (let k = 0; k < batch.texts.length; k++) row.texts[k]!.push(...batch.texts[k]!);
  }

  /** Row `r` of the current batch of scanned rows, in place: its cells where the batch has them. */
  #load(batch: RowsMessage, r: number): NumberedRow {
    const row = this.#row;
    readMeta(batch.meta, r, row);
    row.base = r * batch.numbered;
    return row;
  }

  /** One row at a time, as ExportRows: the head, read before the reader knows what to number. */
  async *rows(): AsyncGenerator<ExportRow> {
    for (;;) {
      const batch = this.#batch ?? (await this.#nextBatch());
      if (batch === undefined) return;
      if (this.#next >= (batch.kind === 'rows' ? batch.rows : batch.records.length)) {
        if ((await this.#nextBatch()) === undefined) return;
        continue;
      }
      const r = this.#next++;
      if (batch.kind === 'records') yield exportRowOf(batch.records[r]!);
      else yield exportRowOf({ row: batch.meta[r * META + 1]!, ...this.#load(batch, r).toRow() });
    }
  }

  /** Every row not yet taken from `rows`, in place. */
  async each(onRow: (row: ExportRow | ScannedRow) => void): Promise<void> {
    let batch = this.#batch ?? (await this.#nextBatch());
    while (batch !== undefined) {
      if (batch.kind === 'records') for (let r = this.#next; r < batch.records.length; r++) onRow(exportRowOf(batch.records[r]!));
      else for (let r = this.#next; r < batch.rows; r++) onRow(this.#load(batch, r));
      batch = await this.#nextBatch();
    }
  }
}
