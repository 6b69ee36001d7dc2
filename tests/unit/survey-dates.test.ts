/**
 * dateKey (src/inputs/survey/dates.ts): a timestamp read by its date alone must read exactly as the
 * whole cell does, for every order and epoch, valid or not. The cells are the tools' own timestamp
 * shapes (docs/file-formats.md, "Dates"), pieced together from parts that are sometimes wrong: a
 * bad separator, a 13th month, a time of 25:00, a stray letter, a missing space.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateKey, readDate } from '../../src/inputs/survey/dates.js';

const ORDERS = [undefined, 'DMY', 'MDY', 'YMD'] as const;

const digits = (min: number, max: number) => fc.integer({ min, max }).map(String);
const pad = (text: string) => fc.constantFrom(text, text.padStart(2, '0'));
const separator = fc.constantFrom('-', '/', '.', ' ', '');
const date = fc.oneof(
  fc.tuple(digits(1990, 2030), separator, digits(0, 13).chain(pad), separator, digits(0, 32).chain(pad)).map((parts) => parts.join('')),
  fc.tuple(digits(0, 32).chain(pad), separator, digits(0, 13).chain(pad), separator, fc.oneof(digits(0, 99), digits(1990, 2030))).map((parts) => parts.join('')),
  fc.constantFrom('20 Nov 2026', 'Nov 20, 2026', '46000', '20-Nov-2026', 'R-001'),
);
const time = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom(' ', 'T', '  ', ' T', 'x'), digits(0, 25), fc.constantFrom(':', '.'), digits(0, 61).chain(pad), fc.constantFrom('', ':00', ':07.25', ':5'), fc.constantFrom('', ' AM', 'PM', ' p.m.', ' GMT', 'Z', '+01:00', ' UTC+2', ' GMT-0530', ' EST')).map((parts) => parts.join('')),
);
const cell = fc.tuple(fc.constantFrom('', ' '), date, time, fc.constantFrom('', ' ')).map((parts) => parts.join(''));

describe('dateKey', () => {
  it('reads as the whole cell does, for every order and epoch', () => {
    fc.assert(
      fc.property(cell, fc.constantFrom(...ORDERS), fc.boolean(), (raw, order, date1904) => {
        expect(readDate(dateKey(raw), order, date1904)).toEqual(readDate(raw, order, date1904));
      }),
      { numRuns: 5000 },
    );
  });

  it('is the date alone for the tools’ own timestamps, and the whole cell otherwise', () => {
    expect(dateKey('2026/11/20 10:15:00 AM GMT')).toBe('2026/11/20'); // Google Forms
    expect(dateKey('11/20/2026 10:15:00 AM')).toBe('11/20/2026'); // SurveyMonkey
    expect(dateKey('2026-11-20T10:15:00Z')).toBe('2026-11-20');
    expect(dateKey('20 Nov 2026 10:15')).toBe('20 Nov 2026 10:15'); // a month name: read whole
    expect(dateKey('2026/11/20 25:61')).toBe('2026/11/20'); // readDate checks a time's shape, not its range
    expect(dateKey('2026/11/20 later')).toBe('2026/11/20 later');
  });
});
