/**
 * Partial results of `airlift run --shard k/n` (partial.json beside the shard's
 * replications.csv) and `airlift merge`, which folds the partials back, in replication
 * order, into exactly the outputs one run would have written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { Aggregator } from './aggregator.js';
import { PARTIAL_KIND, type PartialFile } from './partial-file.js';
import { FILES, ReplicationsCsv, writeFinalOutputs } from './outputs.js';
import { finalise } from './run.js';
import type { ChartData, Summary } from './summary-types.js';
import { toolVersion } from './version.js';

/** A problem with the partials: bad input (the CLI maps it to exit 2). */
export class MergeInputError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'MergeInputError';
    this.problems = problems;
  }
}

function readPartial(dir: string): PartialFile {
  const p = join(dir, FILES.partial);
  if (!existsSync(p)) throw new MergeInputError([`${p}: not found (expected the output folder of 'airlift run --shard k/n')`]);
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(p, 'utf8'));
  } catch (err) {
    throw new MergeInputError([`${p}: not valid JSON (${(err as Error).message})`]);
  }
  const f = v as Partial<PartialFile> | null;
  if (f === null || typeof f !== 'object' || f.kind !== PARTIAL_KIND) {
    throw new MergeInputError([`${p}: kind: expected '${PARTIAL_KIND}', found ${JSON.stringify(f?.kind ?? null)}`]);
  }
  if (f.version !== 1) throw new MergeInputError([`${p}: version: expected 1, found ${JSON.stringify(f.version)}`]);
  if (!existsSync(join(dir, FILES.replications))) throw new MergeInputError([`${join(dir, FILES.replications)}: not found`]);
  return f as PartialFile;
}

export interface MergeOutcome {
  readonly scenario: ResolvedScenario;
  readonly summary: Summary;
  readonly chartData: ChartData;
  readonly files: readonly string[];
}

export async function mergePartials(dirs: readonly string[], outDir: string): Promise<MergeOutcome> {
  const started = performance.now();
  const parts = dirs.map((d) => ({ dir: d, f: readPartial(d) })).sort((a, b) => a.f.shard.start - b.f.shard.start);
  const problems: string[] = [];
  const first = parts[0];
  if (first === undefined) throw new MergeInputError(['merge: name at least one shard output folder']);
  let expected = 0;
  for (const { dir, f } of parts) {
    const where = join(dir, FILES.partial);
    if (f.scenarioDigest !== first.f.scenarioDigest) problems.push(`${where}: scenario: expected the same scenario as ${join(first.dir, FILES.partial)}, found a different one`);
    if (f.seed !== first.f.seed) problems.push(`${where}: seed: expected ${first.f.seed}, found ${f.seed}`);
    if (f.replications !== first.f.replications) problems.push(`${where}: replications: expected ${first.f.replications}, found ${f.replications}`);
    if (f.toolVersion !== first.f.toolVersion) problems.push(`${where}: toolVersion: expected ${first.f.toolVersion}, found ${f.toolVersion}`);
    if (f.shard.start !== expected) {
      problems.push(f.shard.start > expected
        ? `${where}: shard ${f.shard.k}/${f.shard.n} starts at replication ${f.shard.start}; replications ${expected}..${f.shard.start - 1} are missing (a shard folder not given?)`
        : `${where}: shard ${f.shard.k}/${f.shard.n} overlaps replications before ${expected} (the same shard given twice?)`);
    }
    expected = Math.max(expected, f.shard.end);
  }
  if (expected !== first.f.replications && problems.length === 0) {
    problems.push(`merge: the shards cover replications 0..${expected - 1} of ${first.f.replications}; the rest are missing`);
  }
  if (problems.length > 0) throw new MergeInputError(problems);

  const scenario = first.f.scenario;
  const agg = Aggregator.fromState(scenario, first.f.state);
  for (const { f } of parts.slice(1)) agg.merge(Aggregator.fromState(scenario, f.state));

  const csv = new ReplicationsCsv(join(outDir, FILES.replications), scenario);
  try {
    for (const { dir, f } of parts) {
      const problem = await csv.appendRowsOf(join(dir, FILES.replications), f.shard.start, f.shard.end - f.shard.start);
      if (problem !== null) throw new MergeInputError([problem]);
    }
    const elapsedSeconds = parts.reduce((a, p) => a + p.f.elapsedSeconds, 0) + (performance.now() - started) / 1000;
    const fin = finalise(agg, {
      seed: first.f.seed, toolVersion: toolVersion(), elapsedSeconds,
      workers: parts.reduce((a, p) => a + p.f.workers, 0),
    }, first.f.document);
    await csv.commit();
    const files = writeFinalOutputs(outDir, fin);
    return { scenario, summary: fin.summary, chartData: fin.chartData, files: [...files, join(outDir, FILES.replications)] };
  } catch (err) {
    csv.abort();
    throw err;
  }
}
