/** Decision-support analyses on the runner: compare, sweep, sensitivity, goal (explicit exports). */
export { parseValues, parseSetFlag, showValue, MAX_VALUES, type SweepValue, type SetFlag, type Parsed } from './values.js';
export { comparePaired, pairedTable, phiOf, width, type PairedTable, type PairedComparison, type DiffInterval } from './paired.js';
export { runPoint, pointStats, quantileCi, type PointResult, type PointStats, type RunPointOptions } from './point.js';
export { applyOverrides, checkPaths, valueAt, type Override, type VariantResult } from './variants.js';
export { CRN_NOTE, csvText, type AnalysisOptions, type AnalysisHeader } from './common.js';
export { compareScenarios, compareCsv, COMPARE_METHODS, type CompareResult, type CompareEntry, type CompareRun } from './compare.js';
export { prepareSweep, runSweep, sweepCsv, type SweepResult, type SweepPoint } from './sweep.js';
export { defaultSensitivity, scaleWritten, type SensitivityParam } from './defaults.js';
export { prepareSensitivity, runSensitivity, sensitivityCsv, type SensitivityResult, type SensitivityRow, type PreparedParam } from './sensitivity.js';
export { seekGoal, goalCsv, goalLines, goalRange, goalDirectionText, GoalInputError, type GoalSpec, type GoalResult, type GoalStep, type GoalAnswer, type GoalRange } from './goal.js';
export { fieldValue, isCountList, type FieldValue } from './field.js';
