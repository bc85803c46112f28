/**
 * The browser builds inlined into report.html (so it works with no network): vega,
 * vega-lite and vega-embed, read from node_modules at build time. Each package's entry
 * point is resolved and its `build/<name>.min.js` (UMD, defines a global) read beside it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface BrowserBuild {
  readonly name: string;
  readonly file: string;
  readonly source: string;
}

const BUILDS = [
  { name: 'vega', file: 'vega.min.js' },
  { name: 'vega-lite', file: 'vega-lite.min.js' },
  { name: 'vega-embed', file: 'vega-embed.min.js' },
] as const;

let cache: readonly BrowserBuild[] | null = null;

/** vega, vega-lite and vega-embed browser builds, in load order. */
export function browserBuilds(): readonly BrowserBuild[] {
  if (cache !== null) return cache;
  const require = createRequire(import.meta.url);
  cache = BUILDS.map(({ name, file }) => {
    // Every one of these packages' entry modules lives in build/ (checked by the tests).
    const path = join(dirname(require.resolve(name)), file);
    return { name, file: path, source: readFileSync(path, 'utf8') };
  });
  return cache;
}
