/**
 * One sheet of an .xlsx workbook as rows of text (ECMA-376 Part 1, §18.3.1.73 `row`, §18.3.1.4 `c`),
 * read with Node's own zlib: the workbook and its shared strings are small and read whole, the
 * sheet is inflated and parsed as a stream, one row at a time. Limits (docs/file-formats.md, "Files"): 50 MB
 * on disk, 500 MB unpacked; past either, or in a damaged file, one `XlsxError` says why.
 */
import { MAX_CELL, MAX_ROW, MAX_XLSX_BYTES, MAX_XLSX_UNPACKED } from '../limits.js';
import { entryChunks, readDirectory, ZipError, type ZipEntry } from './zip.js';
import { attribute, elements, stringItemText, xmlText } from './xml-text.js';
import { workbookInfo } from './workbook.js';

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
  let entries: Map<string, ZipEntry>;
  try {
    entries = readDirectory(bytes);
  } catch (error) {
    throw unreadable(error);
  }
  let unpacked = 0;
  const budget = (n: number) => {
    unpacked += n;
    if (unpacked > MAX_XLSX_UNPACKED) throw new XlsxError(`The workbook unpacks to more than ${MAX_XLSX_UNPACKED / 1e6} MB (the limit); it is damaged or a zip bomb.`, 'export-limit');
  };
  const part = (name: string) => entries.get(name);
  const whole = async (entry: ZipEntry | undefined): Promise<string> => {
    if (!entry) return '';
    let text = '';
    for await (const piece of utf8(entryChunks(bytes, entry, budget))) text += piece;
    return text;
  };
  try {
    const workbook = part('xl/workbook.xml');
    if (!workbook) throw new XlsxError('This file is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml).', 'export-unreadable');
    const info = workbookInfo(await whole(workbook), await whole(part('xl/_rels/workbook.xml.rels')));
    const names = info.sheets.map((s) => s.name);
    const chosen = sheet === undefined ? info.sheets[0] : info.sheets.find((s) => s.name === sheet) ?? info.sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase());
    if (!chosen) {
      throw new XlsxError(sheet === undefined ? 'The workbook has no sheets.' : `The workbook has no sheet \`${sheet}\` (its sheets: ${names.map((n) => `\`${n}\``).join(', ')}).`, 'export-unreadable');
    }
    const sheetEntry = part(chosen.part);
    if (!sheetEntry) throw new XlsxError(`The workbook lists sheet \`${chosen.name}\` but its part ${chosen.part} is missing.`, 'export-unreadable');
    const stringsEntry = part('xl/sharedStrings.xml');
    // The declared sizes alone can refuse a bomb at once; an entry that lies about its size is stopped by entryChunks.
    const declared = sheetEntry.size + (stringsEntry?.size ?? 0) + workbook.size;
    if (declared > MAX_XLSX_UNPACKED) throw new XlsxError(`The workbook's sheet unpacks to ${(declared / 1e6).toFixed(0)} MB; the limit is ${MAX_XLSX_UNPACKED / 1e6} MB.`, 'export-limit');
    const strings: string[] = [];
    if (stringsEntry) {
      for await (const si of elements(utf8(entryChunks(bytes, stringsEntry, budget)), 'si', MAX_ROW, tooLarge)) strings.push(stringItemText(si.inner));
    }
    return { name: chosen.name, sheets: names, date1904: info.date1904, rows: sheetRows(utf8(entryChunks(bytes, sheetEntry, budget)), strings) };
  } catch (error) {
    throw error instanceof XlsxError ? error : unreadable(error);
  }
}

function tooLarge(): Error {
  return new XlsxError(`A row or string of the workbook is longer than ${MAX_ROW / 1e6} MB (the limit for one respondent).`, 'export-limit');
}

function unreadable(error: unknown): XlsxError {
  if (error instanceof XlsxError) return error;
  if (error instanceof ZipError) return new XlsxError(`The workbook cannot be read: ${error.message}.`, 'export-unreadable');
  throw error;
}

async function* utf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw new XlsxError('The workbook holds XML that is not UTF-8; it is damaged.', 'export-unreadable');
    throw error;
  }
}

async function* sheetRows(xml: AsyncIterable<string>, strings: readonly string[]): AsyncGenerator<SheetRow> {
  let previous = 0;
  try {
    for await (const { attributes, inner } of elements(xml, 'row', MAX_ROW * 2, tooLarge)) {
      const r = Number(attribute(attributes, 'r'));
      const row = Number.isInteger(r) && r > previous ? r : previous + 1;
      previous = row;
      yield { row, cells: rowCells(inner, strings, row) };
    }
  } catch (error) {
    throw error instanceof XlsxError ? error : unreadable(error);
  }
}

function rowCells(inner: string, strings: readonly string[], row: number): string[] {
  const cells: string[] = [];
  let next = 0;
  let length = 0;
  for (const m of inner.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const attributes = m[1]!;
    const ref = attribute(attributes, 'r');
    const index = ref !== undefined ? columnIndex(ref) ?? next : next;
    next = index + 1;
    const value = cellValue(attributes, m[2] ?? '', strings);
    if (value.length > MAX_CELL) throw new XlsxError(`A cell is longer than ${MAX_CELL / 1000} kB (the limit for one answer).`, 'export-limit', row, index + 1);
    length += value.length;
    if (length > MAX_ROW) throw tooLarge();
    while (cells.length < index) cells.push('');
    cells[index] = value;
  }
  return cells;
}

/** `t` says how to read `<v>` (§18.18.11 ST_CellType); a formula's cached result is its value. */
function cellValue(attributes: string, inner: string, strings: readonly string[]): string {
  const type = attribute(attributes, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
    return is ? stringItemText(is[1]!) : '';
  }
  const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner);
  if (!v) return '';
  const raw = xmlText(v[1]!);
  if (type === 's') return strings[Number(raw)] ?? '';
  if (type === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
  if (type === 'e') return raw; // #N/A, #VALUE!: shown to the user as it is, never a level
  return raw;
}

/** `AB12` → 27; undefined when the reference is not a cell reference. */
function columnIndex(ref: string): number | undefined {
  const letters = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}
