import { describe, expect, test } from 'vitest';
import { toHours, toShortTons, SHORT_TONS_PER_METRIC_TON } from '../../src/scenario/units.js';
import { loadText, withLine } from './helpers.js';

describe('toHours', () => {
  test('bare numbers are hours; m, h, d, w strings convert exactly', () => {
    expect(toHours(2.5)).toBe(2.5);
    expect(toHours('90m')).toBe(1.5);
    expect(toHours('45 min')).toBe(0.75);
    expect(toHours('3.5h')).toBe(3.5);
    expect(toHours('2d')).toBe(48);
    expect(toHours('1w')).toBe(168);
    expect(toHours('.5h')).toBe(0.5);
    expect(toHours('3 hours')).toBeNull();
    expect(toHours('-2h')).toBeNull();
  });
});

describe('toShortTons', () => {
  test('bare numbers and st are short tons', () => {
    expect(toShortTons(65)).toBe(65);
    expect(toShortTons('65 st')).toBe(65);
  });
  test('pounds: 2000 lb to the short ton', () => {
    expect(toShortTons('170900 lb')).toBe(85.45);
    expect(toShortTons('4000lb')).toBe(2);
  });
  test('metric tons via the exact pound (0.45359237 kg)', () => {
    // 1 t = 1000 kg; 1 st = 2000 x 0.45359237 kg = 907.18474 kg exactly.
    expect(toShortTons('1593 t')).toBe(1593000 / 907.18474);
    expect(toShortTons('1 t')).toBe(SHORT_TONS_PER_METRIC_TON);
    expect(Math.abs(SHORT_TONS_PER_METRIC_TON - 1.10231131092)).toBeLessThan(1e-11);
    expect(toShortTons('907.18474 kg')).toBe(1);
  });
  test('unknown units are refused', () => {
    expect(toShortTons('65 tons')).toBeNull();
  });
});

describe('units in a loaded scenario', () => {
  test('durations and weights resolve to hours and short tons', async () => {
    let text = withLine(8, '    groundTime: { dist: triangular, min: 135m, mode: 3h, max: 0.25d }');
    text = withLine(16, '    planningPayload: 130000 lb', text);
    text = withLine(22, '  - { id: lot, site: AB101, category: palletized, weight: 9 t, pallets: 4 }', text);
    const { result } = await loadText(text);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const s = result.scenario;
    expect(s.sites[0]?.groundTime[0]).toEqual({ dist: 'triangular', min: 2.25, mode: 3, max: 6 });
    expect(s.aircraftTypes[0]?.planningPayload).toBe(65);
    expect(s.cargo[0]?.shortTons).toBe(9000 / 907.18474);
  });
});
