/**
 * Statistical checks shared by the distribution tests. Each bound is 4 standard errors,
 * so a correct sampler fails a check with probability about 6e-5 (normal approximation,
 * good at the sample sizes used); seeds are fixed literals so results are reproducible.
 */
import { expect } from 'vitest';
import { stream } from '../../../src/random/streams.js';
import type { RandomSource } from '../../../src/random/source.js';

export const N = 200_000;

/** A fixed-seed source for a test; `name` keeps tests in one file on separate streams. */
export function testSource(name: string, seed = 20240519): RandomSource {
  return stream(seed, 0, `test:${name}`);
}

export function drawN(sample: () => number, n = N): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sample();
  return out;
}

/** Sample mean and unbiased variance (Welford). */
export function sampleMoments(x: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i]! - mean;
    mean += d / (i + 1);
    m2 += d * (x[i]! - mean);
  }
  return { mean, variance: m2 / (x.length - 1) };
}

/** |mean_hat - mu| < 4 sigma / sqrt(n): the standard error of a mean is sigma / sqrt(n). */
export function expectMean(x: Float64Array, mu: number, variance: number): void {
  const { mean } = sampleMoments(x);
  expect(Math.abs(mean - mu), `sample mean ${mean} vs ${mu}`).toBeLessThan(4 * Math.sqrt(variance / x.length));
}

/**
 * |s^2 - sigma^2| < 4 sqrt(Var(s^2)), with the exact variance of the unbiased sample variance
 * Var(s^2) = (mu4 - sigma^4 (n - 3) / (n - 1)) / n, mu4 the fourth central moment.
 */
export function expectVariance(x: Float64Array, variance: number, mu4: number): void {
  const n = x.length;
  const s2 = sampleMoments(x).variance;
  const se = Math.sqrt((mu4 - (variance * variance * (n - 3)) / (n - 1)) / n);
  expect(Math.abs(s2 - variance), `sample variance ${s2} vs ${variance} (se ${se})`).toBeLessThan(4 * se);
}

/**
 * The empirical CDF at the true p-quantile q: n F_n(q) is Binomial(n, p), so
 * |F_n(q) - p| < 4 sqrt(p (1 - p) / n). `p` is F(q), the true CDF at q (for discrete
 * distributions pass F(q) itself, which may differ from the requested level).
 */
export function expectCdfAt(x: Float64Array, q: number, p: number): void {
  let below = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! <= q) below++;
  const fn = below / x.length;
  expect(Math.abs(fn - p), `F_n(${q}) = ${fn} vs ${p}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / x.length));
}

/** Fourth central moment from raw moments m1..m4. */
export function centralFourth(m1: number, m2: number, m3: number, m4: number): number {
  return m4 - 4 * m3 * m1 + 6 * m2 * m1 * m1 - 3 * m1 ** 4;
}

/** Composite Simpson integral of f on [a, b] with `intervals` (even) panels. */
export function simpson(f: (x: number) => number, a: number, b: number, intervals = 20_000): number {
  const h = (b - a) / intervals;
  let sum = f(a) + f(b);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/** Smallest and largest draw (a loop: spreading 200k arguments overflows the stack). */
export function range(x: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
