/** Every user-facing message of the report layer, as a function of the bad value. */
export const msg = {
  missingFile: (file: string) =>
    `${file}: file not found (expected the runner's output; run \`airlift run\` first, or name the folder that holds summary.json and chartdata.json)`,
  unreadable: (file: string, reason: string) => `${file}: cannot be read: ${reason}`,
  badJson: (file: string, reason: string) => `${file}: not valid JSON: ${reason}`,
  badField: (file: string, path: string, message: string) => `${file}: ${path === '' ? '(top level)' : path}: ${message}`,
  badTimeZone: (file: string, zone: string) =>
    `${file}: scenario.timeZone: expected an IANA time zone such as 'Africa/Lagos', found ${JSON.stringify(zone)}`,
  badDate: (file: string, path: string, value: string) =>
    `${file}: ${path}: expected an ISO date-time such as '2024-09-15T23:00:00.000Z', found ${JSON.stringify(value)}`,
  ecdfNotSorted: (file: string, path: string, index: number) =>
    `${file}: ${path}[${index}]: expected completion hours sorted ascending, found a value smaller than the one before`,
  ecdfTooLong: (file: string, path: string, length: number, n: number) =>
    `${file}: ${path}: expected at most n = ${n} completion times, found ${length}`,
  sectionBad: (file: string, message: string) => `${file}: ${message}`,
} as const;
