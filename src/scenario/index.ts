/** Public surface of the scenario module (explicit exports). */
export type * from './resolved.js';
export { CARGO_CATEGORIES, siteNode, destinationNode } from './resolved.js';
export { loadScenario } from './load.js';
export { loadScenarioDocument, documentFromValue, displayName } from './document.js';
export type { ScenarioDocument, DocumentResult, Origin, FieldPath } from './document.js';
export { resolveDocument, DEFAULTS, greatCircleNm } from './resolve.js';
export type { LoadResult } from './resolve.js';
export { setPath, checkSetPath } from './set-path.js';
export type { SetPathResult } from './set-path.js';
export { summarize, formatSummary, countDistributions } from './summary.js';
export type { ScenarioSummary } from './summary.js';
export { scenarioSchema, scenarioJsonSchema } from './schema.js';
export type { ScenarioFile } from './schema.js';
export { toHours, toShortTons, SHORT_TONS_PER_METRIC_TON } from './units.js';
export { scenarioSchemaText } from './schema-text.js';
