/** Construction-time validation shared by the distribution factories: checkSpec, then throw. */
import { checkSpec, type SpecProblem } from '../check.js';
import type { DistSpec } from '../spec.js';

/** A distribution built with bad parameters; `problems` lists each one as checkSpec found it. */
export class DistributionError extends RangeError {
  readonly problems: readonly SpecProblem[];

  constructor(dist: string, problems: readonly SpecProblem[]) {
    super(`${dist}: ${problems.map((p) => `${p.field} must be ${p.expected}, found ${p.found}`).join('; ')}`);
    this.name = 'DistributionError';
    this.problems = problems;
  }
}

export function assertValid(spec: DistSpec): void {
  const problems = checkSpec(spec);
  if (problems.length > 0) throw new DistributionError(spec.dist, problems);
}
