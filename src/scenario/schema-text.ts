/** The JSON Schema as the exact text committed in scenarios/scenario.schema.json. */
import { scenarioJsonSchema } from './schema.js';

export function scenarioSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
