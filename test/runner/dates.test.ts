import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoAt, isoUtc } from '../../src/runner/dates.js';

const YEAR_10000 = Date.UTC(10000, 0, 1);

describe('isoUtc', () => {
  it('writes what Date.prototype.toISOString writes, at every kind of instant from 1970 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: YEAR_10000 - 1 }), (ms) => {
        expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
    // fractional milliseconds are truncated, as Date does
    fc.assert(
      fc.property(fc.double({ min: 0, max: YEAR_10000 - 1, noNaN: true }), (ms) => {
        expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('gets month ends, leap days and century years right', () => {
    const days = [
      [1970, 0, 1], [1999, 11, 31], [2000, 1, 29], [2000, 2, 1], [2024, 1, 29], [2024, 8, 15], [2100, 1, 28], [2100, 2, 1],
      [2400, 1, 29], [9999, 11, 31],
    ] as const;
    for (const [y, m, d] of days) {
      for (const ms of [Date.UTC(y, m, d), Date.UTC(y, m, d, 23, 59, 59, 999), Date.UTC(y, m, d) - 1]) {
        if (ms >= 0) expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }
    }
  });

  it('leaves instants outside 1970-9999 to Date: the same text, and the same error for an invalid one', () => {
    for (const ms of [-1, -0.5, -86_400_000 * 400, YEAR_10000, YEAR_10000 + 1234, -62_198_755_200_000]) {
      expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
    }
    expect(() => isoUtc(Number.NaN)).toThrow(RangeError);
    expect(() => isoUtc(8.64e15 + 1)).toThrow(RangeError);
  });

  it('is what isoAt gives for hours from a scenario start', () => {
    const clock = { startEpochMs: Date.UTC(2024, 4, 19), utcOffsetHours: 1 };
    expect(isoAt(clock, 984.7753)).toBe(new Date(Date.UTC(2024, 4, 19) + 984.7753 * 3600e3).toISOString());
    expect(isoAt(clock, null)).toBeNull();
    expect(isoAt(clock, Number.POSITIVE_INFINITY)).toBeNull();
  });
});
