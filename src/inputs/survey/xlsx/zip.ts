/**
 * The few parts of the ZIP format an .xlsx needs (APPNOTE.TXT, sections 4.3.6–4.3.16,
 * https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT): the end-of-central-directory
 * record, the central directory, and one entry's data, inflated as a stream so that the unpacked
 * size is counted as it grows. Only the parts a workbook needs are ever read, so the overlapping
 * entries of a "non-recursive" zip bomb cost nothing; an entry that inflates past the size its
 * directory declares is refused at that byte.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export class ZipError extends Error {}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function readDirectory(zip: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('it has no ZIP directory at its end (the file is truncated, or not an .xlsx)');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('it uses ZIP64, which no workbook of 50 MB needs');
  if (offset + size > eocd) throw new ZipError('its ZIP directory points past the end of the file (the file is truncated)');
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) throw new ZipError('its ZIP directory is damaged');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = Buffer.from(zip.buffer, zip.byteOffset + at + 46, nameLength).toString('utf8');
    entries.set(name, {
      name,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The entry's unpacked bytes, chunk by chunk; `budget` is told each chunk's size and may throw to stop. */
export async function* entryChunks(zip: Uint8Array, entry: ZipEntry, budget: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  if (entry.flags & 1) throw new ZipError('it is encrypted');
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localOffset;
  if (at + 30 > zip.length || view.getUint32(at, true) !== LOCAL) throw new ZipError(`its part ${entry.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new ZipError(`its part ${entry.name} runs past the end of the file (the file is truncated)`);
  const data = zip.subarray(start, end);
  let total = 0;
  const count = (bytes: number) => {
    total += bytes;
    if (total > entry.size) throw new ZipError(`its part ${entry.name} unpacks to more than the ${entry.size} bytes its directory declares (a zip bomb, or a damaged file)`);
    budget(bytes);
  };
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 1 << 16) {
      const piece = data.subarray(i, Math.min(data.length, i + (1 << 16)));
      count(piece.length);
      yield piece;
    }
    return;
  }
  if (entry.method !== 8) throw new ZipError(`its part ${entry.name} uses compression method ${entry.method}, which workbooks do not use`);
  const inflater = createInflateRaw({ chunkSize: 1 << 16 });
  const input = Readable.from(slices(data), { objectMode: false });
  input.pipe(inflater);
  try {
    for await (const piece of inflater as AsyncIterable<Buffer>) {
      count(piece.length);
      yield piece;
    }
  } catch (error) {
    // zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR for a cut stream) mean a damaged part; anything else (a limit) goes on up.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('Z_')) throw error;
    throw new ZipError(`its part ${entry.name} cannot be unpacked (${(error as Error).message}); the file is damaged or truncated`);
  } finally {
    input.destroy();
    inflater.destroy();
  }
}

function* slices(data: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < data.length; i += 1 << 16) yield data.subarray(i, Math.min(data.length, i + (1 << 16)));
}
