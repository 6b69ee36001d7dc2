/**
 * Fieldwork dates (docs/file-formats.md, "Dates"): ISO dates and date-times; the tools' own timestamps
 * (Google Forms `2026/11/20 10:15:00 AM GMT`, Qualtrics, Typeform and LimeSurvey
 * `2026-11-20 10:15:00`, SurveyMonkey `11/20/2026 10:15:00 AM`, Microsoft Forms `11/20/26 10:15:00`);
 * day-month-year dates in either order, with a two-digit year too; `20 Nov 2026` and
 * `Nov 20, 2026`; and spreadsheet serial dates. Written as `YYYY-MM-DD`.
 */
import type { DateFormat } from './mapping.js';

export type DateReading =
  | { readonly kind: 'date'; readonly iso: string }
  /** Day and month could be either way round: both readings, for the order to pick. */
  | { readonly kind: 'either'; readonly dmy: string; readonly mdy: string }
  /** Only one order gives a date, so the value settles the column's order. */
  | { readonly kind: 'settles'; readonly order: 'DMY' | 'MDY'; readonly iso: string }
  | { readonly kind: 'invalid' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}|(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const YMD_SLASH = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})${TIME}$`);
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -,]+(\d{4})${TIME}$`);
const MONTH_NAME_DAY = new RegExp(String.raw`^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})${TIME}$`);
/**
 * A numeric date with no space or `T` in it (the shapes ISO, YMD_SLASH and NUMERIC start with),
 * then a space or `T` and a time: what dateKey cuts to the date.
 */
const DATE_THEN_TIME = new RegExp(String.raw`^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4}))(?=[ T])${TIME}$`);
/** Serial 1 is 1900-01-01 in Excel's default system; counting from 1899-12-30 is right from 1900-03-01 on. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY = 86_400_000;

export function readDate(raw: string, order: DateFormat | undefined, date1904: boolean): DateReading {
  const text = raw.trim();
  let m = ISO.exec(text) ?? YMD_SLASH.exec(text);
  if (m) return dated(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = NUMERIC.exec(text))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (order === 'YMD' && m[3]!.length === 2) return dated(2000 + a, b, Number(m[3])); // `26/11/20`
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    if (order === 'DMY') return dated(year, b, a);
    if (order === 'MDY') return dated(year, a, b);
    const dmy = iso(year, b, a);
    const mdy = iso(year, a, b);
    if (dmy && mdy) return dmy === mdy ? { kind: 'date', iso: dmy } : { kind: 'either', dmy, mdy };
    if (dmy) return { kind: 'settles', order: 'DMY', iso: dmy };
    if (mdy) return { kind: 'settles', order: 'MDY', iso: mdy };
    return { kind: 'invalid' };
  }
  if ((m = DAY_MONTH_NAME.exec(text))) return named(m[2]!, Number(m[1]), Number(m[3]));
  if ((m = MONTH_NAME_DAY.exec(text))) return named(m[1]!, Number(m[2]), Number(m[3]));
  if (/^\d+(\.\d+)?$/.test(text)) {
    const serial = Number(text);
    // Serials from 1900-03-01 to 9999-12-31: anything else in a date column is not a date.
    if (serial < 61 || serial > 2_958_465) return { kind: 'invalid' };
    const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * DAY;
    return { kind: 'date', iso: new Date(ms).toISOString().slice(0, 10) };
  }
  return { kind: 'invalid' };
}

/**
 * The part of a cell that decides its reading: for a numeric date and a valid time
 * (`2026/11/20 10:15:00 AM GMT`), the date alone (`2026/11/20`), which readDate reads as it reads
 * the whole; otherwise the cell itself. A timestamp column holds a new text on every row but a
 * few dates, so a reader that remembers readings by this key reads each day once.
 *
 * Why the two read the same: the date patterns of ISO, YMD_SLASH and NUMERIC hold no space or `T`,
 * and TIME, when present, starts with one; so the whole matches `^DATE TIME$` exactly when the
 * text before its first space or `T` matches `^DATE$` and the rest matches `^TIME$`, and the
 * reading comes from DATE's groups alone. DATE_THEN_TIME asks both at once: its date part, held
 * by the look-ahead to end at a space or `T`, ends at the first one, since it holds neither.
 * tests/unit/survey-dates.test.ts holds the two readings to each other.
 */
export function dateKey(raw: string): string {
  const text = raw.trim();
  // The first space or `T`, by native searches: a loop over the characters of a cell cut from a
  // piece of the export (a view into it) costs several times more.
  const space = text.indexOf(' ');
  const t = text.indexOf('T');
  const cut = space < 0 || (t >= 0 && t < space) ? t : space;
  if (cut <= 0) return raw;
  // One regular expression over the whole, not one over each part: half the time, per row.
  return DATE_THEN_TIME.test(text) ? text.slice(0, cut) : raw;
}

/**
 * Whether `text` from `start` to `end` is the date `key` (a date dateKey cut from a timestamp),
 * then a space or `T` and a time to `end`: exactly when dateKey would cut that cell to `key` (a
 * date holds no space or `T`; the time ends the cell, as trimming would), read in place. The
 * readers of an export's rows use it on a timestamp of the last one's day, as most are.
 */
export function onDayOf(key: string, text: string, start: number, end: number): boolean {
  const cut = start + key.length;
  if (cut >= end || !text.startsWith(key, start)) return false;
  const c = text.charCodeAt(cut);
  return (c === SPACE || c === LETTER_T) && timeRunsTo(text, cut, end);
}

const SPACE = 32;
const LETTER_T = 84;

/** TIME, read from a given place in a longer text (timeRunsTo). */
const TIME_FROM = new RegExp(TIME, 'y');

/**
 * Whether `text` from `from` to `end` is a time as TIME reads it (what follows a date in a
 * timestamp), read in place, with no slice of the text. May say false where the whole would
 * match (the sticky search stops at its first match, which may end short of `end`): a reader
 * then takes the way of dateKey, which is exact.
 */
function timeRunsTo(text: string, from: number, end: number): boolean {
  TIME_FROM.lastIndex = from;
  return TIME_FROM.test(text) && TIME_FROM.lastIndex === end;
}

function named(month: string, day: number, year: number): DateReading {
  const index = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  return index < 0 ? { kind: 'invalid' } : dated(year, index + 1, day);
}

function dated(year: number, month: number, day: number): DateReading {
  const value = iso(year, month, day);
  return value ? { kind: 'date', iso: value } : { kind: 'invalid' };
}

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return undefined; // 31 April, 29 February of a common year
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
