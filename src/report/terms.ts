/**
 * The report's terms, each worded once: what "cleared" means, what the deterministic plan is,
 * and what the binding cause measures. The page (html.ts) and the charts quote these, so a
 * term reads the same in every table, title, axis and caption. The definitions are the
 * model's (model/replication.ts: "Binding cause of the last departure", "Plan run"; README,
 * "The clock").
 */

/** What P(cleared by <deadline>) counts, for the headline. `deadline` as formatDeadlineDate gives it. */
export function clearedDefinition(deadline: string, timeZone: string): string {
  return `Cleared means the last aircraft is airborne from the last site before the end of ${deadline}, ` +
    `local time (${timeZone}); cargo left behind by decision does not count. ` +
    'P(cleared) is the share of replications that clear so, with its 95% confidence interval.';
}

/** How the deterministic plan is run, and why it tends to be early. */
export const PLAN_DEFINITION =
  'The plan is a single run with every distribution at its planning value, the random events off ' +
  '(breaks, clearance denials, weather, incidents, competing missions, uncertain disruptions) and ' +
  'the mission-capable rate applied as an expected fleet. It is what a deterministic spreadsheet ' +
  'would give, and is often optimistic.';

/** The binding cause, as a noun phrase: "<cause> is <LAST_SORTIE_WAIT>". */
export const LAST_SORTIE_WAIT = 'the largest wait on the last sortie';

/** Which sortie is "the last sortie", and what the share does not claim. */
export const LAST_SORTIE_NOTE =
  'The last sortie is the one whose take-off cleared the last site; its largest wait need not be ' +
  'what set the finish date, and a replication whose last sortie waited for nothing, or that never cleared, counts for no cause.';
