/**
 * The report layer's one error type: its input files (summary.json, chartdata.json, an
 * analysis section) are missing or malformed. The CLI turns it into InputError (exit 2);
 * the report itself never decides exit codes.
 */
export class ReportInputError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ReportInputError';
    this.problems = problems;
  }
}
