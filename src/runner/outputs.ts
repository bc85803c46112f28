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

  /**
   * Append a shard's rows (merge): the file must hold this scenario's header and then exactly
   * the rows of replications [start, start + count), each whole, in order. Returns null, or
   * the problem found (the appended text is then useless: the caller aborts). A shard's
   * replications.csv cut short or edited used to be merged as it was, under a summary that
   * counted every replication.
   */
  async appendRowsOf(path: string, start: number, count: number): Promise<string | null> {
    this.flush();
    const header = replicationsCsvHeader(this.scenario);
    let line = 1;
    let next = start; // replication expected on the next row
    let carry = '';
    let inHeader = true;
    const rowProblem = (row: string): string | null => {
      const comma = row.indexOf(',');
      const index = comma < 0 ? row : row.slice(0, comma);
      if (next >= start + count) return `${path}:${line}:1: expected ${count} rows (replications ${start}..${start + count - 1}) and the end of the file, found another row (replication '${index}')`;
      if (index !== String(next)) return `${path}:${line}:1: replication: expected ${next}, found '${index}' (the file is not the shard's as written: edited, or cut short?)`;
      next++;
      return null;
    };
    for await (const buf of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
      const text = carry + (buf as string);
      let from = 0;
      if (inHeader) {
        const nl = text.indexOf('\n');
        if (nl < 0) { carry = text; continue; }
        if (text.slice(0, nl + 1) !== header) return `${path}:1:1: expected the replications.csv header of this scenario, found '${text.slice(0, Math.min(nl, 80))}'`;
        inHeader = false;
        from = nl + 1;
        line = 2;
      }
      const lastNl = text.lastIndexOf('\n');
      if (lastNl < from) { carry = text.slice(from); continue; }
      for (let i = from; i <= lastNl; ) {
        const nl = text.indexOf('\n', i);
        const p = rowProblem(text.slice(i, nl));
        if (p !== null) return p;
        line++;
        i = nl + 1;
      }
      carry = text.slice(lastNl + 1);
      if (!this.out.stream.write(text.slice(from, lastNl + 1))) await this.drain();
    }
    if (inHeader) return `${path}:1:1: expected the replications.csv header of this scenario, found ${carry === '' ? 'an empty file' : 'a file without a line end'}`;
    if (carry !== '') return `${path}:${line}:${carry.length + 1}: expected a line end after the last row, found the end of the file (the file is cut short?)`;
    if (next !== start + count) return `${path}:${line}:1: expected ${count} rows (replications ${start}..${start + count - 1}), found ${next - start} (the file is cut short?)`;
    return null;
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
