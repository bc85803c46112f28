/** Public surface of the random module (explicit exports; nothing re-exported wholesale). */
export type { DistSpec, DistName } from './spec.js';
export { DIST_NAMES } from './spec.js';
export type { SpecProblem } from './check.js';
export { checkSpec } from './check.js';
export type { RandomSource } from './source.js';
export { Streams, stream } from './streams.js';
