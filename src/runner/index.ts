/** Monte Carlo runner: worker pool, ordered reduction, summary, shards and merge. */
export { Aggregator, type AggregatorState } from './aggregator.js';
export { runMonteCarlo, shardRange, finalise, nextPrecisionTarget, type RunOptions, type RunOutcome, type Shard } from './run.js';
export { mergePartials, MergeInputError, type MergeOutcome } from './partial.js';
export { type PartialFile, PARTIAL_KIND } from './partial-file.js';
export { buildSummary, buildChartData, dailyCsv, medianReplication, checkpoints, type SummaryContext } from './summary.js';
export { createExecutor, defaultWorkers, runRange, Interrupted, type Executor } from './pool.js';
export { FILES } from './outputs.js';
export { formatReport } from './format.js';
export { toolVersion } from './version.js';
export type { Summary, ChartData, Interval, CompletionQuantiles } from './summary-types.js';
