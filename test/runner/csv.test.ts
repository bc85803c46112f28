import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { num } from '../../src/runner/csv.js';

/** The definition num must match: round to 4 decimals, then JavaScript's shortest form. */
const reference = (x: number): string => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1e4) / 1e4));

describe('num (replications.csv cells)', () => {
  it('writes exactly String(Math.round(x * 1e4) / 1e4) for doubles of every magnitude', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (x) => {
        expect(num(x)).toBe(reference(x));
      }),
      { numRuns: 50_000 },
    );
    // the range a replication's hours, tons and people live in, densely
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (x) => {
        expect(num(x)).toBe(reference(x));
      }),
      { numRuns: 50_000 },
    );
  });

  it('handles the cases where rounding carries, vanishes or needs leading zeros', () => {
    const cases = [0.1, 0.00005, -0.00005, 0.00004, -0.00004, 1.00005, 99_999.99995, 0.0001, -0.0001, 0.0105, 7.05, 12.3,
      -0, 0, 123_456_789.12345, 4e11 + 0.1234, 1e15, -1e15, 1e21 + 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const x of cases) expect(num(x), String(x)).toBe(reference(x));
    expect(num(0.0105)).toBe('0.0105');
    expect(num(-2.50001)).toBe('-2.5');
  });
});
