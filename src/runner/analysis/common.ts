/** Shared by the analyses: run options, CSV cells, the analysis summary's common header. */
import type { ResolvedScenario } from '../../scenario/resolved.js';
import { toolVersion } from '../version.js';
import { WorkerPool } from '../pool.js';
import type { PointStats } from './point.js';

export interface AnalysisOptions {
  readonly replications: number;
  readonly seed: number;
  readonly workers: number;
  readonly signal?: AbortSignal | undefined;
  /** Replications done and total, over the whole analysis. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Worker threads to run every point on; withPool starts one when absent. */
  readonly pool?: WorkerPool | null | undefined;
}

/**
 * Run an analysis with one worker pool for all its points (started here unless given, closed
 * here if started here). A fresh thread needs thousands of replications before its code is
 * compiled and fast, so starting a pool per point made short points mostly warm-up.
 */
export async function withPool<T>(o: AnalysisOptions, body: (o: AnalysisOptions) => Promise<T>): Promise<T> {
  if (o.workers <= 1 || (o.pool !== undefined && o.pool !== null)) return body(o);
  const pool = await WorkerPool.start(o.workers);
  try {
    return await body({ ...o, pool });
  } finally {
    await pool.close();
  }
}

export interface AnalysisHeader {
  readonly analysis: 'compare' | 'sweep' | 'sensitivity' | 'goal';
  readonly replications: number;
  readonly seed: number;
  readonly commonRandomNumbers: string;
  readonly toolVersion: string;
  readonly elapsedSeconds: number;
}

export const CRN_NOTE = 'every point runs replications 0..n-1 with the same seed; replication i draws from the streams (seed, i, name) in each, so the same weather, breaks and delays fall on the same replication wherever the scenarios agree';

export function header(analysis: AnalysisHeader['analysis'], o: AnalysisOptions, elapsedSeconds: number): AnalysisHeader {
  return { analysis, replications: o.replications, seed: o.seed, commonRandomNumbers: CRN_NOTE, toolVersion: toolVersion(), elapsedSeconds };
}

/** One CSV cell: quoted when it holds a comma, quote or newline. */
export function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [columns.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** The point statistics as CSV cells, in the order of POINT_COLUMNS. */
export const POINT_COLUMNS = ['p_cleared', 'p_cleared_lo', 'p_cleared_hi', 'p50_completion', 'p50_lo', 'p50_hi', 'p80_completion'] as const;
export function pointCells(s: PointStats): unknown[] {
  return [s.probabilityCleared.estimate, s.probabilityCleared.ci95[0], s.probabilityCleared.ci95[1], s.p50, s.p50Ci95[0], s.p50Ci95[1], s.p80];
}

export function scenarioRef(s: ResolvedScenario): { name: string; file: string; deadline: string } {
  return { name: s.name, file: s.sourceFile, deadline: new Date(s.startEpochMs + s.deadlineHours * 3600e3).toISOString() };
}
