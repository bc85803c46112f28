/** Test helpers: scenario files written to a fresh temporary folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir as newTempDir } from '../tmp.js';
import { loadScenario, type LoadResult } from '../../src/scenario/index.js';

/** A small valid scenario; tests edit single lines of it (line numbers are stable). */
export const BASE = `name: t
start: 2024-05-19
deadline: 2024-09-15
timeZone: Africa/Lagos
sites:
  - id: AB101
    mog: 2
    groundTime: 3h
    personnel: 100
destinations:
  - id: ETAR
legs:
  - { from: AB101, to: ETAR, blockTime: 6h }
aircraft:
  - id: C-17
    planningPayload: 65 st
    pallets: 18
    seats: 102
    fits: [palletized, outsize]
    tasked: 2
cargo:
  - { id: lot, site: AB101, category: palletized, weight: 10 st, pallets: 4 }
`;

/** BASE with line `n` (1-based) replaced by `text` (which may hold several lines). */
export function withLine(n: number, text: string, base: string = BASE): string {
  const lines = base.split('\n');
  lines[n - 1] = text;
  return lines.join('\n');
}

export function tempDir(): string {
  return newTempDir('airlift-scenario-');
}

/** Write files { name: text } into a new folder; returns the folder. */
export function writeFiles(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Write one scenario text and load it. */
export async function loadText(text: string, name = 's.yaml'): Promise<{ file: string; result: LoadResult }> {
  const dir = writeFiles({ [name]: text });
  const file = join(dir, name);
  return { file, result: await loadScenario(file) };
}

export function problemsOf(r: LoadResult): readonly string[] {
  if (r.ok) throw new Error('expected problems, the scenario loaded');
  return r.problems;
}
