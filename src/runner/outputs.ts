/**
 * Writing a run's results: replications.csv (streamed while running), then summary.json,
 * chartdata.json, daily.csv and scenario.resolved.json, each atomically.
 *
 * A folder holds one result: a whole run's files, or a shard's partial.json with its slice of
 * replications.csv. Writing one removes the other kind's files left from an earlier use of the
 * folder (a shard's partial.json beside a whole run's summary, or the reverse), which would
 * describe other replications than the replications.csv beside them.
 */
import { join } from 'node:path';
import { createReadStream, rmSync } from 'node:fs';
import { createAtomicStream, writeFileAtomic, type AtomicStream } from '../io/atomic.js';
import { unpackScalars, type ScalarBatch, type ScalarRecord } from './batch.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import type { Aggregator } from './aggregator.js';
import { replicationsCsvHeader, replicationsCsvRow } from './csv.js';
import type { ChartData, Summary } from './summary-types.js';
import type { PartialFile } from './partial-file.js';

export const FILES = {
  summary: 'summary.json',
  chartData: 'chartdata.json',
  replications: 'replications.csv',
  daily: 'daily.csv',
  resolved: 'scenario.resolved.json',
  partial: 'partial.json',
} as const;

/** replications.csv streamed in replication order, buffered in chunks; nothing appears until commit(). */
export class ReplicationsCsv {
  private readonly out: AtomicStream;
  private chunk = '';
  private closed = false;

  constructor(path: string, private readonly scenario: ResolvedScenario, header = true) {
    this.out = createAtomicStream(path);
    if (header) this.chunk = replicationsCsvHeader(scenario);
  }

  /** Hook for Aggregator.onOrdered. */
  readonly row = (r: ScalarRecord): void => {
    this.chunk += replicationsCsvRow(this.scenario, r);
    if (this.chunk.length >= 1 << 16) this.flush();
  };

  /** Hook for Aggregator.onOrderedBatch: the rows the worker formatted, else formatted here. */
  readonly batch = (b: ScalarBatch & { readonly csv: string | null }): void => {
    if (b.csv !== null) this.raw(b.csv);
    else for (const r of unpackScalars(b)) this.row(r);
  };

  raw(text: string): void {
    this.chunk += text;
    if (this.chunk.length >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.chunk.length > 0) this.out.stream.write(this.chunk);
    this.chunk = '';
  }

  /** Resolves when the stream has room again. */
  drain(): Promise<void> {
    if (!this.out.stream.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => this.out.stream.once('drain', () => resolve()));
  }

  /** Append another file's rows (skipping its header line) — used by merge. */
  async appendRowsOf(path: string): Promise<void> {
    this.flush();
    let first = true;
    let carry = '';
    for await (const buf of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
      let text = carry + (buf as string);
      carry = '';
      if (first) {
        const nl = text.indexOf('\n');
        if (nl < 0) { carry = text; continue; }
        text = text.slice(nl + 1);
        first = false;
      }
      if (text.length > 0 && !this.out.stream.write(text)) await this.drain();
    }
  }

  async commit(): Promise<void> {
    this.flush();
    this.closed = true;
    await this.out.commit();
  }

  abort(): void {
    if (this.closed) return;
    this.closed = true;
    this.out.abort();
  }
}

export function attachCsv(agg: Aggregator, csv: ReplicationsCsv): void {
  agg.onOrderedBatch = csv.batch;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export interface FinalOutputs {
  readonly summary: Summary;
  readonly chartData: ChartData;
  readonly dailyCsv: string;
  readonly resolved: unknown;
}

export function writeFinalOutputs(outDir: string, o: FinalOutputs): string[] {
  const files = [
    [FILES.summary, json(o.summary)],
    [FILES.chartData, `${JSON.stringify(o.chartData)}\n`],
    [FILES.daily, o.dailyCsv],
    [FILES.resolved, json(o.resolved)],
  ] as const;
  const written = files.map(([name, data]) => {
    const p = join(outDir, name);
    writeFileAtomic(p, data);
    return p;
  });
  rmSync(join(outDir, FILES.partial), { force: true });
  return written;
}

/** A shard's partial.json (beside its replications.csv); a whole run's files left in the folder go. */
export function writePartialOutput(outDir: string, partial: PartialFile): string {
  const p = join(outDir, FILES.partial);
  writeFileAtomic(p, `${JSON.stringify(partial)}\n`);
  for (const name of [FILES.summary, FILES.chartData, FILES.daily, FILES.resolved]) rmSync(join(outDir, name), { force: true });
  return p;
}
