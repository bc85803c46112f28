/**
 * Phase 4 (SVG): compile a Vega-Lite spec to Vega and render it headless with `vega`
 * (renderer 'none' + toSVG: no canvas, no DOM). Scales and formats are UTC (see time.ts),
 * so the SVG is the same whatever the machine's time zone.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface Compiled {
  readonly spec: vega.Spec;
  /** Vega-Lite's warnings (a correct chart has none; the tests check). */
  readonly warnings: readonly string[];
}

export function compileSpec(spec: TopLevelSpec): Compiled {
  const warnings: string[] = [];
  const collect = (...args: readonly unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  // A logger that collects instead of printing (vega-lite's LoggerInterface).
  const logger = {
    level: () => logger,
    error: (...a: readonly unknown[]) => { collect(...a); return logger; },
    warn: (...a: readonly unknown[]) => { collect(...a); return logger; },
    info: () => logger,
    debug: () => logger,
  };
  const out = compile(spec, { logger } as unknown as Parameters<typeof compile>[1]);
  return { spec: out.spec, warnings };
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compileSpec(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
