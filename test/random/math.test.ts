import { describe, expect, it } from 'vitest';
import { gammaFn, normalCdf, normalQuantile, Z90 } from '../../src/random/math.js';

describe('normalCdf', () => {
  it('normalCdf(z) matches published values, including far in the lower tail', () => {
    // Reference values: Phi(0) = 1/2; Phi(1.959963984540054) = 0.975; Phi(-5) = 2.866515718791939e-7.
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(Math.abs(normalCdf(-5) / 2.866515718791939e-7 - 1)).toBeLessThan(1e-12);
    expect(normalCdf(-1) + normalCdf(1)).toBeCloseTo(1, 15);
  });
});

describe('normalQuantile', () => {
  it('normalQuantile(p) inverts normalCdf to Acklam accuracy (relative error < 1.15e-9)', () => {
    // The upper tail stops at 5: Phi(z) near 1 is stored to 1.1e-16 absolute, which moves z by
    // 1.1e-16 / phi(z) (7e-11 at z = 5, but 2e-1 at z = 8), so only the lower tail is tested far out.
    for (const z of [-37, -20, -8, -3, -2.4, -1.5, -0.3, 0.2, 1, 2.5, 5]) {
      expect(Math.abs(normalQuantile(normalCdf(z)) - z)).toBeLessThan(1.15e-9 * Math.abs(z) + 1e-12);
    }
  });

  it('normalQuantile(0.9) is Z90', () => {
    expect(Math.abs(normalQuantile(0.9) - Z90)).toBeLessThan(1.15e-9 * Z90);
  });

  it('normalQuantile(p) is infinite at 0 and 1 and NaN outside', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('gammaFn', () => {
  it('gammaFn(x) matches factorials and Gamma(1/2) = sqrt(pi)', () => {
    expect(gammaFn(5)).toBeCloseTo(24, 12);
    expect(gammaFn(1)).toBeCloseTo(1, 14);
    expect(gammaFn(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 14);
    expect(gammaFn(1.5)).toBeCloseTo(Math.sqrt(Math.PI) / 2, 14);
    expect(gammaFn(11) / 3628800).toBeCloseTo(1, 13);
  });
});
