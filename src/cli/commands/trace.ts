/**
 * `airlift trace <scenario> [--rep i] [--seed S] [--format csv|jsonl]`: one replication's
 * event log on stdout, in calendar time (UTC and the scenario's local time), for audit.
 * The replication is exactly the one `airlift run` simulates with the same seed and index.
 */
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../exit.js';
import { exitQuietlyOnEpipe, parseIntegerFlag, scenarioPath } from './run.js';

interface TraceArgs {
  readonly scenario: string;
  readonly rep?: unknown;
  readonly seed?: unknown;
  readonly format: string;
}

const FORMATS = ['csv', 'jsonl'] as const;

function csvCell(x: string): string {
  return /[",\n\r]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x;
}

/**
 * Local wall-clock time with the scenario's fixed offset, e.g. '2024-05-19 14:05 +01:00'.
 * The minute is truncated, not rounded: 16:15:52Z at +01:00 is 17:15, the minute the `utc`
 * column beside it shows, as `airlift run` (runner/dates.ts readableLocal) and the report
 * print it (rounding gave 17:16, and put 23:59:45 on the next day).
 */
export function localStamp(startEpochMs: number, utcOffsetHours: number, t: number): string {
  // the utc column's instant (Date truncates its fractional milliseconds), then the offset
  const ms = Math.trunc(startEpochMs + t * 3600e3) + utcOffsetHours * 3600e3;
  const iso = new Date(ms).toISOString();
  const sign = utcOffsetHours < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetHours);
  const hh = String(Math.floor(abs)).padStart(2, '0');
  const mm = String(Math.round((abs % 1) * 60)).padStart(2, '0');
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} ${sign}${hh}:${mm}`;
}

export const traceCommand: CommandModule<object, TraceArgs> = {
  command: 'trace <scenario>',
  describe: "Print one replication's event log (calendar time, aircraft, site, event, cargo, cause)",
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON), or - for standard input' })
      .option('rep', { type: 'string', describe: 'Replication index (0-based, default 0)' })
      .option('seed', { type: 'string', describe: "Root random seed (default: the scenario's, else 1)" })
      .option('format', { type: 'string', default: 'csv', describe: 'csv or jsonl' }) as unknown as Argv<TraceArgs>,
  handler: async (args) => {
    exitQuietlyOnEpipe();
    const problems: string[] = [];
    const rep = parseIntegerFlag('rep', args.rep, 0, 'a replication index, a whole number >= 0', problems) ?? 0;
    const seed = parseIntegerFlag('seed', args.seed, 0, 'a whole number >= 0', problems);
    const format = String(Array.isArray(args.format) ? args.format[args.format.length - 1] : args.format);
    if (!(FORMATS as readonly string[]).includes(format)) problems.push(`--format: expected one of ${FORMATS.join(', ')}, found '${format}'`);
    if (problems.length > 0) throw new InputError(problems);

    const { loadScenario } = await import('../../scenario/index.js');
    const loaded = await loadScenario(scenarioPath(args.scenario));
    for (const w of loaded.warnings) process.stderr.write(`warning: ${w}\n`);
    if (!loaded.ok) throw new InputError(loaded.problems);
    const s = loaded.scenario;
    const { traceReplication } = await import('../../model/index.js');
    const { trace } = traceReplication(s, seed ?? s.seed, rep);

    const utc = (t: number): string => new Date(s.startEpochMs + t * 3600e3).toISOString();
    let out = '';
    const flush = async (): Promise<void> => {
      if (out.length === 0) return;
      const ok = process.stdout.write(out);
      out = '';
      if (!ok) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
    };
    if (format === 'csv') out += 'utc,local,hours,aircraft,site,event,detail,cause\n';
    for (const r of trace) {
      const hours = String(Math.round(r.t * 1e4) / 1e4);
      if (format === 'csv') {
        out += [utc(r.t), localStamp(s.startEpochMs, s.utcOffsetHours, r.t), hours, r.aircraft, r.site, r.event, r.detail, r.cause].map(csvCell).join(',') + '\n';
      } else {
        out += `${JSON.stringify({ utc: utc(r.t), local: localStamp(s.startEpochMs, s.utcOffsetHours, r.t), hours: Number(hours), aircraft: r.aircraft, site: r.site, event: r.event, detail: r.detail, cause: r.cause })}\n`;
      }
      if (out.length > 1 << 16) await flush();
    }
    await flush();
  },
};
