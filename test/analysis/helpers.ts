import { fileURLToPath } from 'node:url';
import { loadScenarioDocument, resolveDocument, setPath, type ScenarioDocument } from '../../src/scenario/index.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';

export const CLOSED_FORM = fileURLToPath(new URL('./fixtures/closed-form.yaml', import.meta.url));
export const TWO_SITES = fileURLToPath(new URL('../../scenarios/examples/two-sites-weather.yaml', import.meta.url));

/** Load a scenario file with overrides applied; throws on any problem. */
export async function load(path: string, overrides: Record<string, unknown> = {}): Promise<{ doc: ScenarioDocument; scenario: ResolvedScenario }> {
  const d = await loadScenarioDocument(path);
  if (!d.ok) throw new Error(d.problems.join('\n'));
  let doc = d.doc;
  for (const [k, v] of Object.entries(overrides)) {
    const r = setPath(doc, k, v);
    if (!r.ok) throw new Error(r.error);
    doc = r.doc;
  }
  const r = resolveDocument(doc);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return { doc, scenario: r.scenario };
}

/** Closed form of the fixture (see its header): last departure with N aircraft, K sorties, ground time g. */
export function closedForm(N: number, K = 24, g = 3, L = 5, T = 2): number {
  return (Math.ceil(K / N) - 1) * (2 * L + g + T) + L + g;
}
