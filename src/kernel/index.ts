/** Generic discrete-event kernel: no domain words, no RNG. Clock in hours. See /work/notes/kernel-api.md. */
export { Simulation, PRIORITY, DEFAULT_MAX_EVENTS } from './simulation.js';
export type { SimulationOptions, RunOptions, RunOutcome } from './simulation.js';
export type { EventId, EventFn } from './calendar.js';
export { Calendar, MIN_PRIORITY, MAX_PRIORITY } from './calendar.js';
export { Process, currentProcess } from './process.js';
export type { Command, ProcessBody, ProcessGenerator } from './process.js';
export { Resource, Request } from './resource.js';
export type { ResourceStats, GrantCallback } from './resource.js';
export { Gate } from './gate.js';
export { SchedulingError, EventLimitError, Interrupt, KernelUsageError } from './errors.js';
