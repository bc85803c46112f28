import { describe, expect, it } from 'vitest';
import { parseSetFlag, parseValues } from '../../src/runner/analysis/index.js';

const ok = (t: string): unknown => {
  const r = parseValues(t);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseValues', () => {
  it('a list keeps numbers as numbers and scenario scalars as strings', () => {
    expect(ok('2,4,6,8')).toEqual([2, 4, 6, 8]);
    expect(ok('6h, 24h ,96h')).toEqual(['6h', '24h', '96h']);
  });
  it('a..b is the whole numbers from a to b inclusive; a..b..s steps by s', () => {
    expect(ok('1..3')).toEqual([1, 2, 3]);
    expect(ok('2..9..3')).toEqual([2, 5, 8]);
  });
  it('start:stop:step includes the stop and rounds to the step\'s decimals', () => {
    expect(ok('0:0.3:0.05')).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(ok('1:2:0.5')).toEqual([1, 1.5, 2]);
  });
  it('rejects empty items, reversed ranges, zero steps and huge lists with a message', () => {
    for (const bad of ['', '1,,2', '3..1', '0:1:0', '1:0:0.1', '0:1:0.0001']) {
      const r = parseValues(bad);
      expect(r.ok, bad).toBe(false);
    }
  });
  it('parseSetFlag splits at the first =', () => {
    const r = parseSetFlag('sites.AB201.mog=1..3');
    expect(r).toEqual({ ok: true, value: { path: 'sites.AB201.mog', values: [1, 2, 3] } });
    expect(parseSetFlag('no-equals').ok).toBe(false);
  });
});
