/**
 * Exit codes and the one error type that means "bad input". The CLI maps errors to exit
 * codes in exactly one place (main.ts): InputError -> 2, ThresholdError -> 3, anything else -> 1.
 */
export const EXIT = { ok: 0, failure: 1, badInput: 2, belowThreshold: 3 } as const;

/** Bad input (scenario file or flags). Each message is one complete problem, already formatted
 *  as `file:line:column: path: message` where a position is known. */
export class InputError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[] | string) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

/** `--fail-under P` was given and P(cleared) fell below it. */
export class ThresholdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThresholdError';
  }
}
