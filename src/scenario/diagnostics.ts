/**
 * Problems and warnings, each `file:line:column: path.to.field: message`. Positions come from the
 * document's origin index; paths are shown the way a planner addresses fields: list items with
 * an `id` by their id (`sites.AB101.mog`), others by index (`tasked[1].count`).
 */
import { formatOrigin, pathKey, type FieldPath, type Origin, type ScenarioDocument } from './document.js';

export function valueAt(root: unknown, path: FieldPath): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** `sites.AB101.groundTime.C-17`, `aircraft.C-17.tasked[1].count`. */
export function displayPath(root: unknown, path: FieldPath): string {
  let out = '';
  let v: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'number') {
      const item = Array.isArray(v) ? (v[seg] as unknown) : undefined;
      const id = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)['id'] : undefined;
      out += typeof id === 'string' || typeof id === 'number' ? `${out === '' ? '' : '.'}${String(id)}` : `[${seg}]`;
    } else {
      out += `${out === '' ? '' : '.'}${seg}`;
    }
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return out;
}

/** Where the value at `path` was written, or its nearest written ancestor. */
export function originOf(doc: ScenarioDocument, path: FieldPath, preferKey = false): Origin {
  if (preferKey) {
    const k = doc.keyOrigins.get(pathKey(path));
    if (k !== undefined) return k;
  }
  for (let n = path.length; n >= 0; n--) {
    const o = doc.valueOrigins.get(pathKey(path.slice(0, n)));
    if (o !== undefined) return o;
  }
  return { file: doc.file, line: 1, col: 1 };
}

interface Entry {
  readonly origin: Origin;
  readonly text: string;
}

export class Diagnostics {
  private readonly problemList: Entry[] = [];
  private readonly warningList: Entry[] = [];
  constructor(private readonly doc: ScenarioDocument) {}

  private entry(path: FieldPath, message: string, atKey: boolean): Entry {
    const origin = originOf(this.doc, path, atKey);
    const shown = displayPath(this.doc.value, path);
    return { origin, text: `${formatOrigin(origin)}: ${shown === '' ? '' : `${shown}: `}${message}` };
  }

  /** A problem with the value at `path` (or, when the value is missing, its nearest ancestor). */
  error(path: FieldPath, message: string, atKey = false): void {
    this.problemList.push(this.entry(path, message, atKey));
  }
  warn(path: FieldPath, message: string): void {
    this.warningList.push(this.entry(path, message, false));
  }
  get hasErrors(): boolean {
    return this.problemList.length > 0;
  }
  problems(): string[] {
    return this.sorted(this.problemList);
  }
  warnings(): string[] {
    return this.sorted(this.warningList);
  }
  private sorted(list: readonly Entry[]): string[] {
    const fileOrder = (f: string): number => {
      const i = this.doc.files.findIndex((x) => x === f || x.endsWith(f));
      return i < 0 ? 0 : i;
    };
    const seen = new Set<string>();
    return [...list]
      .sort((a, b) => fileOrder(a.origin.file) - fileOrder(b.origin.file) || a.origin.line - b.origin.line || a.origin.col - b.origin.col)
      .map((e) => e.text)
      .filter((t) => (seen.has(t) ? false : (seen.add(t), true)));
  }
}
