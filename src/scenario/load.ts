/** loadScenario: read (with extends) and resolve, every problem at once. */
import { loadScenarioDocument } from './document.js';
import { resolveDocument, type LoadResult } from './resolve.js';

export async function loadScenario(path: string): Promise<LoadResult> {
  const d = await loadScenarioDocument(path);
  if (!d.ok) return { ok: false, problems: d.problems, warnings: [] };
  return resolveDocument(d.doc);
}
