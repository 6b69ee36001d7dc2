/**
 * `reportDate` (src/cli/context.ts): the date a report says it was made. Today's local date, or
 * the UTC date of `SOURCE_DATE_EPOCH` (whole seconds since 1970) when that is set; anything else
 * in SOURCE_DATE_EPOCH is a usage error (exit 2), never a silently wrong date.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate, reportDate } from '../../src/cli/context.js';
import { SvcauditError } from '../../src/core/errors.js';
import { errorExitCode } from '../../src/cli/exit-codes.js';

/** 2023-11-14T23:59:59Z: already the 15th at UTC+14 (Kiritimati), still the 14th in UTC. */
const LATE = new Date('2023-11-14T23:59:59Z');

let savedTz: string | undefined;
beforeEach(() => {
  savedTz = process.env.TZ;
  // Node follows a change of TZ at once; UTC+14 makes local and UTC dates differ for LATE.
  process.env.TZ = 'Pacific/Kiritimati';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

function usageError(env: NodeJS.ProcessEnv): SvcauditError {
  try {
    reportDate(env, LATE);
  } catch (error) {
    expect(error).toBeInstanceOf(SvcauditError);
    return error as SvcauditError;
  }
  throw new Error(`reportDate accepted SOURCE_DATE_EPOCH=${JSON.stringify(env.SOURCE_DATE_EPOCH)}`);
}

describe('reportDate', () => {
  it('without SOURCE_DATE_EPOCH: the local date of `now`, not its UTC date', () => {
    expect(reportDate({}, LATE)).toBe('2023-11-15');
    expect(reportDate({}, LATE)).toBe(localDate(LATE));
  });

  it('an empty SOURCE_DATE_EPOCH counts as unset', () => {
    expect(reportDate({ SOURCE_DATE_EPOCH: '' }, LATE)).toBe('2023-11-15');
  });

  it('without `now`: today', () => {
    const before = localDate();
    const date = reportDate({});
    expect([before, localDate()]).toContain(date);
  });

  it('SOURCE_DATE_EPOCH: its UTC date, whatever `now` and the time zone', () => {
    expect(reportDate({ SOURCE_DATE_EPOCH: '1700000000' }, LATE)).toBe('2023-11-14');
    expect(reportDate({ SOURCE_DATE_EPOCH: '1700006399' }, new Date('2001-01-01T00:00:00Z'))).toBe('2023-11-14'); // 23:59:59 UTC
    expect(reportDate({ SOURCE_DATE_EPOCH: '1700006400' }, LATE)).toBe('2023-11-15'); // one second later
    process.env.TZ = 'Pacific/Pago_Pago'; // UTC-11
    expect(reportDate({ SOURCE_DATE_EPOCH: '1700000000' }, LATE)).toBe('2023-11-14');
    expect(reportDate({ SOURCE_DATE_EPOCH: '1699920000' }, LATE)).toBe('2023-11-14'); // 00:00:00 UTC, the 13th in Pago Pago
  });

  it('0 is 1970-01-01, and leading zeros and surrounding white space are allowed', () => {
    expect(reportDate({ SOURCE_DATE_EPOCH: '0' })).toBe('1970-01-01');
    expect(reportDate({ SOURCE_DATE_EPOCH: '0001700000000' })).toBe('2023-11-14');
    expect(reportDate({ SOURCE_DATE_EPOCH: ' 1700000000\n' })).toBe('2023-11-14');
  });

  it('the last second of 9999 is the last date it gives', () => {
    expect(reportDate({ SOURCE_DATE_EPOCH: '253402300799' })).toBe('9999-12-31');
  });

  it.each(['abc', '1.5', '-5', '+5', '1e9', '0x10', '17 00', 'NaN', 'Infinity', ' ', '١٧٠٠٠٠٠٠٠٠'])(
    '%j is a usage error naming the variable and the value',
    (value) => {
      const error = usageError({ SOURCE_DATE_EPOCH: value });
      expect(error.code).toBe('usage');
      expect(errorExitCode(error.code)).toBe(2);
      expect(error.message).toBe(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not \`${value}\`.`);
    },
  );

  it('a value past 9999-12-31 is a usage error, not an internal error or a six-digit year', () => {
    for (const value of ['253402300800', '8640000000000', '99999999999999999', '9'.repeat(400)]) {
      const error = usageError({ SOURCE_DATE_EPOCH: value });
      expect(error.code, value).toBe('usage');
      expect(error.message).toContain('SOURCE_DATE_EPOCH');
    }
  });

  it('quotes at most 40 characters of a long value', () => {
    const error = usageError({ SOURCE_DATE_EPOCH: 'x'.repeat(500) });
    expect(error.message).toBe(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not \`${'x'.repeat(40)}\`.`);
  });
});
