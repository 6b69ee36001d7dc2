/**
 * One sheet of an .xlsx workbook as rows of text (ECMA-376 Part 1, §18.3.1.73 `row`, §18.3.1.4 `c`).
 * The ZIP is read by yauzl, from its central directory, each part inflated as a stream by Node's
 * zlib; the XML by saxen, a streaming SAX parser. The workbook and its shared strings are read
 * first, then the sheet one row at a time. Only the parts a workbook needs are ever read, so the
 * overlapping entries of a "non-recursive" zip bomb cost nothing. Limits (docs/file-formats.md,
 * "Files"): 50 MB on disk, 500 MB unpacked; past either, or in a damaged file, one `XlsxError` says why.
 */
import type { Readable } from 'node:stream';
import { Parser } from 'saxen';
import { fromBufferPromise, type Entry, type ZipFile } from 'yauzl';
import { MAX_CELL, MAX_ROW, MAX_XLSX_BYTES, MAX_XLSX_UNPACKED } from '../limits.js';

export class XlsxError extends Error {
  constructor(message: string, readonly rule: 'export-limit' | 'export-unreadable', readonly line = 1, readonly column = 1) {
    super(message);
  }
}

interface SheetRow {
  /** 1-based row number as the spreadsheet shows it. */
  readonly row: number;
  readonly cells: string[];
}

interface XlsxSheet {
  readonly name: string;
  readonly sheets: readonly string[];
  readonly date1904: boolean;
  readonly rows: AsyncGenerator<SheetRow>;
}

/** Opens the sheet named `sheet` (default: the first); throws XlsxError. */
export async function openXlsx(bytes: Uint8Array, sheet: string | undefined): Promise<XlsxSheet> {
  if (bytes.length > MAX_XLSX_BYTES) throw new XlsxError(`The workbook is ${(bytes.length / 1e6).toFixed(1)} MB; the limit for an .xlsx is ${MAX_XLSX_BYTES / 1e6} MB. Export the survey as CSV, which has no size limit.`, 'export-limit');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new XlsxError('This is an encrypted (password-protected) workbook or an old .xls file; save it again as .xlsx without a password.', 'export-unreadable');
  }
  const { zip, parts } = await openZip(bytes);
  const workbook = parts.get('xl/workbook.xml');
  if (!workbook) throw new XlsxError('This file is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml).', 'export-unreadable');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  // The declared sizes refuse a bomb before anything is unpacked; yauzl stops a part that inflates
  // past the size it declares at that byte (validateEntrySizes), so what is read stays under them.
  const declared = (...read: Array<Entry | undefined>) => read.reduce((sum, entry) => sum + (entry?.uncompressedSize ?? 0), 0);
  const tooBig = (what: string, size: number) => new XlsxError(`The workbook's ${what} unpacks to ${(size / 1e6).toFixed(0)} MB; the limit is ${MAX_XLSX_UNPACKED / 1e6} MB.`, 'export-limit');
  if (declared(workbook, rels) > MAX_XLSX_UNPACKED) throw tooBig('list of sheets', declared(workbook, rels));
  const info = workbookInfo(await wholeText(zip, workbook), rels ? await wholeText(zip, rels) : '');
  const names = info.sheets.map((s) => s.name);
  const chosen = sheet === undefined ? info.sheets[0] : info.sheets.find((s) => s.name === sheet) ?? info.sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase());
  if (!chosen) {
    throw new XlsxError(sheet === undefined ? 'The workbook has no sheets.' : `The workbook has no sheet \`${sheet}\` (its sheets: ${names.map((n) => `\`${n}\``).join(', ')}).`, 'export-unreadable');
  }
  const sheetEntry = parts.get(chosen.part);
  if (!sheetEntry) throw new XlsxError(`The workbook lists sheet \`${chosen.name}\` but its part ${chosen.part} is missing.`, 'export-unreadable');
  const stringsEntry = parts.get('xl/sharedStrings.xml');
  const total = declared(workbook, rels, sheetEntry, stringsEntry);
  if (total > MAX_XLSX_UNPACKED) throw tooBig('sheet', total);
  const strings: string[] = [];
  if (stringsEntry) for await (const item of sharedStrings(partText(zip, stringsEntry), stringsEntry.fileName)) strings.push(item);
  return { name: chosen.name, sheets: names, date1904: info.date1904, rows: sheetRows(partText(zip, sheetEntry), sheetEntry.fileName, strings) };
}

// The ZIP (yauzl) --------------------------------------------------------------------------------

async function openZip(bytes: Uint8Array): Promise<{ zip: ZipFile; parts: Map<string, Entry> }> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const zip = await fromBufferPromise(buffer, { validateEntrySizes: true });
    const parts = new Map<string, Entry>();
    for await (const entry of zip.eachEntry()) parts.set(entry.fileName, entry);
    return { zip, parts };
  } catch (error) {
    throw unreadable(error);
  }
}

/** The part's unpacked bytes, chunk by chunk; every error of yauzl or zlib becomes an XlsxError. */
async function* partBytes(zip: ZipFile, entry: Entry): AsyncGenerator<Uint8Array> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw unreadable(error, entry);
  }
  const chunks: AsyncIterator<Buffer> = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw unreadable(error, entry);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    stream.destroy();
  }
}

async function* partText(zip: ZipFile, entry: Entry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of partBytes(zip, entry)) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw new XlsxError('The workbook holds XML that is not UTF-8; it is damaged.', 'export-unreadable');
    throw error;
  }
}

async function wholeText(zip: ZipFile, entry: Entry): Promise<string> {
  let text = '';
  for await (const piece of partText(zip, entry)) text += piece;
  return text;
}

/** yauzl's and zlib's errors, said for a person; `entry` is the part being unpacked, if any. */
function unreadable(error: unknown, entry?: Entry): XlsxError {
  if (error instanceof XlsxError) return error;
  const message = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  const code = (error as NodeJS.ErrnoException).code;
  const part = entry?.fileName;
  let why: string;
  if (/end of central directory record signature not found/i.test(message)) why = 'it has no ZIP directory at its end (the file is truncated, or not an .xlsx)';
  else if (/encrypt/i.test(message)) why = 'it is encrypted';
  else if (entry && /^too many bytes/.test(message)) why = `its part ${part} unpacks to more than the ${entry.uncompressedSize} bytes its directory declares (a zip bomb, or a damaged file)`;
  else if (entry && /^not enough bytes/.test(message)) why = `its part ${part} unpacks to fewer than the ${entry.uncompressedSize} bytes its directory declares; the file is damaged`;
  else if (typeof code === 'string' && code.startsWith('Z_')) why = `its part ${part} cannot be unpacked (${message}); the file is damaged or truncated`;
  else why = part ? `its part ${part} cannot be read (${message}); the file is damaged` : `its ZIP structure is damaged (${message})`;
  return new XlsxError(`The workbook cannot be read: ${why}.`, 'export-unreadable');
}

// The XML (saxen) --------------------------------------------------------------------------------

/** Text inside SpreadsheetML: XML's five entities and character references, and the `_xHHHH_` escape that Excel writes for characters XML cannot carry (§22.9.2.19, ST_Xstring). */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(raw: string): string {
  // Entities here rather than saxen's decoder, which turns `&#128512;` into the wrong character.
  const text = raw.includes('&')
    ? raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
        if (name[0] !== '#') return ENTITIES[name] ?? whole;
        const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      })
    : raw;
  return unescapeX(text);
}

function unescapeX(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** `x:row` → `row`: SpreadsheetML is read by local names, whatever prefix a writer chose. */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name (`r:id` is `id`), decoded. */
function attribute(attributes: () => Record<string, string> | false, name: string): string | undefined {
  const all = attributes() || {};
  for (const key in all) if (key === name || local(key) === name) return xmlText(all[key]!);
  return undefined;
}

interface SaxHandlers {
  open?(name: string, attributes: () => Record<string, string> | false): void;
  close?(name: string): void;
  /** Text or CDATA, already decoded. */
  text?(text: string): void;
}

function saxParser(part: string, on: SaxHandlers, seen: () => void = () => {}): Parser {
  const parser = new Parser();
  parser.on('error', (error) => {
    throw new XlsxError(`The workbook cannot be read: its part ${part} is not well-formed XML (${error.message}); the file is damaged.`, 'export-unreadable');
  });
  parser.on('openTag', (name, attributes) => {
    on.open?.(local(name), attributes);
    seen();
  });
  parser.on('closeTag', (name) => {
    on.close?.(local(name));
    seen();
  });
  parser.on('text', (text) => {
    on.text?.(xmlText(text));
    seen();
  });
  parser.on('cdata', (text) => {
    on.text?.(unescapeX(text));
    seen();
  });
  return parser;
}

/**
 * Streams XML through a parser, yielding after each piece what its handlers completed into `ready`.
 * What is held unparsed or in an open element is bounded: `held()` says whether such an element
 * (a row, a string item) is open, and past `maxHeld` characters since it opened, or since the last
 * token outside one (a text of any length without a tag), reading stops.
 */
async function* streamXml<T>(text: AsyncIterable<string>, part: string, on: SaxHandlers, ready: T[], held: () => boolean, maxHeld: number): AsyncGenerator<T> {
  let written = 0;
  let mark = 0;
  const parser = saxParser(part, on, () => {
    if (!held()) mark = written;
  });
  for await (const piece of text) {
    written += piece.length;
    parser.write(piece);
    if (written - mark > maxHeld) throw tooLarge();
    yield* ready.splice(0);
  }
  parser.end();
  yield* ready.splice(0);
}

function tooLarge(): XlsxError {
  return new XlsxError(`A row or string of the workbook is longer than ${MAX_ROW / 1e6} MB (the limit for one respondent).`, 'export-limit');
}

interface SheetPart {
  readonly name: string;
  readonly part: string;
}

/**
 * Which part holds which sheet (§18.2.19 `sheet`, and the package relationships of Part 2):
 * `xl/workbook.xml` lists the sheets in tab order with a relationship id, and
 * `xl/_rels/workbook.xml.rels` maps each id to its part. Also the workbook's date system, since a
 * workbook saved with the 1904 system counts its serial dates from another day (§18.2.28).
 */
function workbookInfo(workbookXml: string, relsXml: string): { sheets: readonly SheetPart[]; date1904: boolean } {
  const targets = new Map<string, string>();
  if (relsXml.trim()) {
    saxParser('xl/_rels/workbook.xml.rels', {
      open(name, attributes) {
        if (name !== 'Relationship') return;
        const id = attribute(attributes, 'Id');
        const target = attribute(attributes, 'Target');
        if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      },
    }).parse(relsXml);
  }
  const listed: Array<{ name: string; id: string | undefined }> = [];
  let date1904 = false;
  saxParser('xl/workbook.xml', {
    open(name, attributes) {
      if (name === 'sheet') {
        const sheetName = attribute(attributes, 'name');
        if (sheetName !== undefined) listed.push({ name: sheetName, id: attribute(attributes, 'id') }); // r:id, in the relationships namespace
      } else if (name === 'workbookPr') {
        const flag = attribute(attributes, 'date1904');
        date1904 = flag === '1' || flag === 'true';
      }
    },
  }).parse(workbookXml);
  const sheets: SheetPart[] = [];
  for (const { name, id } of listed) {
    const part = id !== undefined ? targets.get(id) : undefined;
    if (part !== undefined) sheets.push({ name, part: normalise(part) });
  }
  return { sheets, date1904 };
}

/** `xl/worksheets/../worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** The shared strings (§18.4.9 `si`): the text of every `<t>` of an item (a run of rich text is several), leaving out phonetic runs (`<rPh>`). */
function sharedStrings(xml: AsyncIterable<string>, part: string): AsyncGenerator<string> {
  const ready: string[] = [];
  let item: string | undefined;
  let inText = false;
  let phonetic = 0;
  return streamXml(xml, part, {
    open(name) {
      if (name === 'si') item = '';
      else if (name === 't') inText = item !== undefined && phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si' && item !== undefined) {
        ready.push(item);
        item = undefined;
      } else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
    },
    text(text) {
      if (!inText || item === undefined) return;
      item += text;
      if (item.length > MAX_ROW) throw tooLarge();
    },
  }, ready, () => item !== undefined, MAX_ROW);
}

interface OpenCell {
  readonly index: number;
  /** `t` says how to read `<v>` (§18.18.11 ST_CellType). */
  readonly type: string;
  /** The first `<v>`'s text; a formula's cached result is its value. */
  value: string | undefined;
  inValue: boolean;
  inline: string | undefined;
  inText: boolean;
  phonetic: number;
}

function sheetRows(xml: AsyncIterable<string>, part: string, strings: readonly string[]): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  let previous = 0;
  let row: { row: number; cells: string[]; next: number; length: number } | undefined;
  let cell: OpenCell | undefined;
  const cellTooLong = (index: number) => new XlsxError(`A cell is longer than ${MAX_CELL / 1000} kB (the limit for one answer).`, 'export-limit', row!.row, index + 1);
  return streamXml(xml, part, {
    open(name, attributes) {
      if (name === 'row') {
        const r = Number(attribute(attributes, 'r'));
        const number = Number.isInteger(r) && r > previous ? r : previous + 1;
        previous = number;
        row = { row: number, cells: [], next: 0, length: 0 };
      } else if (!row) {
        return;
      } else if (name === 'c') {
        const ref = attribute(attributes, 'r');
        const index = ref !== undefined ? columnIndex(ref) ?? row.next : row.next;
        row.next = index + 1;
        cell = { index, type: attribute(attributes, 't') ?? 'n', value: undefined, inValue: false, inline: undefined, inText: false, phonetic: 0 };
      } else if (!cell) {
        return;
      } else if (name === 'v') {
        cell.inValue = cell.value === undefined;
        if (cell.inValue) cell.value = '';
      } else if (name === 'is') {
        cell.inline ??= '';
      } else if (name === 't') {
        cell.inText = cell.inline !== undefined && cell.phonetic === 0;
      } else if (name === 'rPh') {
        cell.phonetic++;
      }
    },
    close(name) {
      if (name === 'row') {
        if (row) ready.push({ row: row.row, cells: row.cells });
        row = undefined;
        cell = undefined;
      } else if (!row || !cell) {
        return;
      } else if (name === 'c') {
        const value = cellValue(cell, strings);
        if (value.length > MAX_CELL) throw cellTooLong(cell.index);
        row.length += value.length;
        if (row.length > MAX_ROW) throw tooLarge();
        while (row.cells.length < cell.index) row.cells.push('');
        row.cells[cell.index] = value;
        cell = undefined;
      } else if (name === 'v') {
        cell.inValue = false;
      } else if (name === 't') {
        cell.inText = false;
      } else if (name === 'rPh') {
        cell.phonetic = Math.max(0, cell.phonetic - 1);
      }
    },
    text(text) {
      if (!cell) return;
      if (cell.inValue) cell.value += text;
      else if (cell.inText) cell.inline += text;
      else return;
      if ((cell.inValue ? cell.value! : cell.inline!).length > MAX_CELL) throw cellTooLong(cell.index);
    },
  }, ready, () => row !== undefined, MAX_ROW * 2);
}

function cellValue(cell: OpenCell, strings: readonly string[]): string {
  if (cell.type === 'inlineStr') return cell.inline ?? '';
  const raw = cell.value;
  if (raw === undefined) return '';
  if (cell.type === 's') return strings[Number(raw)] ?? '';
  if (cell.type === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
  return raw; // numbers as written (a serial date too), and errors (#N/A, #VALUE!) shown to the user as they are, never a level
}

/** `AB12` → 27; undefined when the reference is not a cell reference. */
function columnIndex(ref: string): number | undefined {
  const letters = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}
