/**
 * The worker thread that reads a large text export for the thread that scores it
 * (scan-in-worker.ts starts it through bin/scan-worker.cjs; docs/architecture.md, "Large
 * inputs"). It reads the file as export-rows.ts's TextRows does (the same decoding, delimiter
 * sniffing, scanner and, where the scanner stops, the reference tokenizer) and posts each piece's
 * rows in place, the cells of the columns the reader names numbered by their text
 * (scan-protocol.ts). It decides nothing: every finding, every exclusion and every score is the
 * reading thread's, made by the code that makes it without a worker.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../../core/finding.js';
import { CellNumbers } from './cell-numbers.js';
import { decodeStream } from './decode-stream.js';
import { ReadStop, referenceRecords, type ExportRecord } from './export-rows.js';
import { BATCHES_AHEAD, META, writeMeta, type ReaderMessage, type ScanRequest, type WorkerMessage } from './scan-protocol.js';
import { readHeaderText, sniffDelimiter } from './sniff-delimiter.js';
import { scanText, TableScanner, type ScannedRow } from './table-scanner.js';

const port = parentPort!;
/**
 * Bytes decoded and scanned at a time, and so the text of one batch: 64 kB, as the reading thread
 * reads. Pieces of 256 kB, a quarter of the messages, measured slower (1,000,000 Google Forms
 * rows, nine runs interleaved: 2.06 s against 1.89 s).
 */
const PIECE_BYTES = 1 << 16;
/**
 * Bytes read from the file at a time, then cut into pieces without a copy: a quarter of the reads
 * of 64 kB, each a trip through libuv's thread pool (1,000,000 Google Forms rows, seven runs
 * interleaved: 1.08 s against 1.12 s, the same peak memory). Reads of a megabyte were no faster
 * and held 25 MiB more at the peak.
 */
const READ_BYTES = 1 << 18;
/** Records posted at a time once the reference tokenizer reads. */
const RECORDS_AT_ONCE = 256;

const request = workerData as ScanRequest;
/** Batches the reader has taken (scan-protocol.ts, ScanRequest.taken), and those posted. */
const taken = new Int32Array(request.taken);
let posted = 0;
let numbering: CellNumbers | undefined;

port.on('message', (message: ReaderMessage) => {
  numbering = new CellNumbers(message.columns);
});

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/** Posts a batch of rows, first waiting while BATCHES_AHEAD are not yet taken. */
async function postBatch(message: WorkerMessage, transfer: ArrayBuffer[] = []): Promise<void> {
  for (;;) {
    const seen = Atomics.load(taken, 0);
    if (posted - seen < BATCHES_AHEAD) break;
    const wait = Atomics.waitAsync(taken, 0, seen);
    if (wait.async) await wait.value;
  }
  posted++;
  post(message, transfer);
}

/**
 * The rows of one piece of text, gathered as the scanner finds them, then posted. The scanner's
 * row writes each row's cells after the last one's (ScannedRow.first), so its arrays are the
 * batch's cells as they are, and go with the message; the next batch starts on new ones.
 */
class Batch {
  #row: ScannedRow | undefined;
  #rows = 0;
  #meta = new Int32Array(META * 512);
  #numbered = 0;
  #numbers = new Int32Array(0);

  add(row: ScannedRow): void {
    if (this.#rows === 0) {
      this.#row = row;
      this.#numbered = numbering?.columns.length ?? 0;
    }
    const r = this.#rows++;
    if ((r + 1) * META > this.#meta.length) this.#meta = grown(this.#meta);
    writeMeta(this.#meta, r, row);
    // The next row's cells after this one's.
    row.first += row.count;
  }

  async post(): Promise<void> {
    const row = this.#row;
    if (this.#rows === 0 || row === undefined) return;
    const k = this.#numbered;
    const cells = row.first;
    const rows = { text: row.text, rows: this.#rows, meta: this.#meta.subarray(0, this.#rows * META), starts: row.starts.subarray(0, cells), ends: row.ends.subarray(0, cells), quoted: row.quoted.subarray(0, cells) };
    if (k > 0) {
      if (this.#rows * k > this.#numbers.length) this.#numbers = new Int32Array(this.#rows * k);
      numbering!.numberRows(rows, this.#numbers);
    }
    const message: WorkerMessage = { kind: 'rows', ...rows, numbered: k, numbers: this.#numbers.subarray(0, this.#rows * k), texts: k > 0 ? numbering!.fresh() : [] };
    const transfer = [this.#meta.buffer, row.starts.buffer, row.ends.buffer, row.quoted.buffer, this.#numbers.buffer] as ArrayBuffer[];
    this.#meta = new Int32Array(this.#meta.length);
    this.#numbers = new Int32Array(this.#numbers.length);
    row.starts = new Int32Array(row.starts.length);
    row.ends = new Int32Array(row.ends.length);
    row.quoted = new Uint8Array(row.quoted.length);
    row.first = 0;
    this.#rows = 0;
    this.#row = undefined;
    await postBatch(message, transfer);
  }
}

/** The file's bytes in pieces of PIECE_BYTES, as they are read (no copy). */
async function* piecesOf(chunks: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) for (let at = 0; at < chunk.length; at += PIECE_BYTES) yield chunk.subarray(at, at + PIECE_BYTES);
}

function grown<T extends Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

async function run(): Promise<void> {
  // The reference tokenizer's rows not yet posted: posted before a stop, as the reading thread would have read them first.
  let records: ExportRecord[] = [];
  try {
    const report = (f: Finding) => post({ kind: 'finding', finding: f });
    const text = decodeStream(piecesOf(createReadStream(request.path, { highWaterMark: READ_BYTES })), request.file, report)[Symbol.asyncIterator]();
    // The delimiter from the whole header line, as TextRows finds it.
    const head = await readHeaderText(text);
    const delimiter = request.delimiter ?? sniffDelimiter(head);
    const batch = new Batch();
    const scanner = new TableScanner(delimiter, (row) => batch.add(row));
    async function* pieces(): AsyncGenerator<string> {
      yield head;
      for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
    }
    // Each piece's rows are posted as soon as it is scanned; where the scanner stops, the reference tokenizer reads on.
    const rest = await scanText(pieces(), scanner, () => batch.post());
    if (rest !== undefined) {
      for await (const record of referenceRecords([], rest.text[Symbol.asyncIterator](), delimiter, rest.line, rest.row)) {
        records.push(record);
        if (records.length === RECORDS_AT_ONCE) {
          await postBatch({ kind: 'records', records });
          records = [];
        }
      }
      if (records.length > 0) await postBatch({ kind: 'records', records });
      records = [];
    }
    post({ kind: 'end' });
  } catch (error) {
    if (records.length > 0) await postBatch({ kind: 'records', records });
    if (error instanceof ReadStop) post({ kind: 'stop', rule: error.rule, message: error.message, line: error.span.line, column: error.span.column });
    else {
      const e = error as NodeJS.ErrnoException;
      post({ kind: 'fail', message: String(e?.message ?? error), code: typeof e?.code === 'string' ? e.code : undefined, stack: e?.stack });
    }
  }
  // The reader ends the thread once it has the last message.
}

void run();
