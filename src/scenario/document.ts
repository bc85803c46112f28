/**
 * Reading scenario files with positions, following `extends`, and deep-merging variants.
 *
 *   1. read the file (a path, or '-' for standard input)
 *   2. parse YAML (JSON is YAML too) into a tree whose every node knows where it was written
 *   3. if the file `extends` another, load that one first (relative path; cycles and missing files are problems)
 *   4. deep-merge this file over its base: objects merge, lists of items with an `id` merge by id,
 *      other lists are replaced, `null` deletes (a `null` with nothing to delete stays, so a
 *      stray key such as the "Germany" of `{ name: Ramstein, Germany }` is still reported)
 *   5. flatten to a plain document plus an index from field paths to origins (file:line:column)
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, type Node as YamlNode, type Document } from 'yaml';
import { msg } from './messages.js';

/** Where a value was written. `line` and `col` are 1-based. */
export interface Origin {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];

type Tree =
  | { readonly kind: 'map'; readonly origin: Origin; readonly entries: Map<string, { readonly keyOrigin: Origin; readonly value: Tree }> }
  | { readonly kind: 'seq'; readonly origin: Origin; readonly items: readonly Tree[] }
  | { readonly kind: 'scalar'; readonly origin: Origin; readonly value: unknown };

/** The merged plain document, with the origin of every value and key. */
export interface ScenarioDocument {
  /** Plain data (objects, arrays, strings, numbers, booleans), `extends` removed. */
  readonly value: unknown;
  /** Absolute path of the file loaded, or '-' for standard input. */
  readonly file: string;
  /** Files read, the loaded one first, then its bases. */
  readonly files: readonly string[];
  /** pathKey(path) -> where the value at that path was written. */
  readonly valueOrigins: ReadonlyMap<string, Origin>;
  /** pathKey(path) -> where the key of the object entry at that path was written. */
  readonly keyOrigins: ReadonlyMap<string, Origin>;
}

export type DocumentResult = { readonly ok: true; readonly doc: ScenarioDocument } | { readonly ok: false; readonly problems: readonly string[] };

export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

/** How a file is named in messages: relative to the working folder when inside it. */
export function displayName(absPath: string): string {
  if (absPath === '-') return '<stdin>';
  const rel = relative(process.cwd(), absPath);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absPath;
}

export function formatOrigin(o: Origin): string {
  return `${o.file}:${o.line}:${o.col}`;
}

/** Read, parse, follow `extends`, merge. `readText` can be replaced in tests. */
export async function loadScenarioDocument(path: string, readText: (abs: string) => Promise<string> = defaultRead): Promise<DocumentResult> {
  const abs = path === '-' ? '-' : resolvePath(path);
  const problems: string[] = [];
  const files: string[] = [];
  const tree = await loadTree(abs, [], null, readText, problems, files);
  if (tree === null || problems.length > 0) return { ok: false, problems };
  const valueOrigins = new Map<string, Origin>();
  const keyOrigins = new Map<string, Origin>();
  const value = flatten(tree, [], valueOrigins, keyOrigins);
  return { ok: true, doc: { value, file: abs, files, valueOrigins, keyOrigins } };
}

async function defaultRead(abs: string): Promise<string> {
  if (abs === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(abs, 'utf8');
}

async function loadTree(
  abs: string,
  chain: readonly string[],
  extendsAt: { readonly origin: Origin; readonly written: string } | null,
  readText: (abs: string) => Promise<string>,
  problems: string[],
  files: string[],
): Promise<Tree | null> {
  const name = displayName(abs);
  let text: string;
  try {
    text = await readText(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (extendsAt !== null) {
      problems.push(`${formatOrigin(extendsAt.origin)}: extends: ${code === 'ENOENT' ? msg.extendsMissing(extendsAt.written) : msg.fileUnreadable(extendsAt.written, String(code ?? e))}`);
    } else {
      problems.push(`${name}: ${code === 'ENOENT' ? msg.fileNotFound(name) : msg.fileUnreadable(name, (e as Error).message)}`);
    }
    return null;
  }
  files.push(abs);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2' });
  const pos = (offset: number): Origin => {
    const lp = lineCounter.linePos(offset);
    return { file: name, line: lp.line, col: lp.col };
  };
  if (doc.errors.length > 0) {
    // One slip makes the parser report several errors: a badly indented or tabbed line gave 4-8
    // ('All mapping items must start at the same column' for each line after it, 'Nested
    // mappings are not allowed…' for the next key), since what follows a syntax error is parsed
    // on a guess. So the first syntax error is reported alone; duplicate keys (found on the
    // parsed document, each a problem of its own) are all reported.
    let syntax = false;
    for (const e of doc.errors) {
      const at = pos(e.pos[0]);
      if (e.code !== 'DUPLICATE_KEY') {
        if (syntax) continue;
        syntax = true;
      }
      const detail = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
      problems.push(`${formatOrigin(at)}: ${msg.yamlSyntax(detail)}`);
    }
    return null;
  }
  const tree = toTree(doc, doc.contents as YamlNode | null, pos, problems, { file: name, line: 1, col: 1 });
  if (tree === null) return null;
  if (tree.kind !== 'map') {
    problems.push(`${formatOrigin(tree.origin)}: ${msg.notAnObject(flatten(tree, [], new Map(), new Map()))}`);
    return null;
  }
  const ext = tree.entries.get('extends');
  if (ext === undefined) return tree;
  const own: Tree = { kind: 'map', origin: tree.origin, entries: new Map([...tree.entries].filter(([k]) => k !== 'extends')) };
  if (ext.value.kind !== 'scalar' || typeof ext.value.value !== 'string') {
    problems.push(`${formatOrigin(ext.value.origin)}: extends: ${msg.extendsNotString(ext.value.kind === 'scalar' ? ext.value.value : ext.value.kind === 'seq' ? [] : {})}`);
    return null;
  }
  const written = ext.value.value;
  const baseAbs = resolvePath(abs === '-' ? process.cwd() : dirname(abs), written);
  const here = [...chain, abs];
  if (here.includes(baseAbs)) {
    const cycle = [...here.slice(here.indexOf(baseAbs)), baseAbs].map(displayName);
    problems.push(`${formatOrigin(ext.value.origin)}: extends: ${msg.extendsCycle(cycle)}`);
    return null;
  }
  const base = await loadTree(baseAbs, here, { origin: ext.value.origin, written }, readText, problems, files);
  if (base === null) return null;
  return merge(base, own);
}

function toTree(doc: Document, node: YamlNode | null, pos: (offset: number) => Origin, problems: string[], fallback: Origin): Tree | null {
  if (node === null || node === undefined) return { kind: 'scalar', origin: fallback, value: null };
  if (isAlias(node)) return toTree(doc, node.resolve(doc) as YamlNode | null, pos, problems, fallback);
  const origin = node.range ? pos(node.range[0]) : fallback;
  if (isMap(node)) {
    const entries = new Map<string, { keyOrigin: Origin; value: Tree }>();
    let ok = true;
    for (const pair of node.items) {
      const k = pair.key as YamlNode | null;
      const keyOrigin = k && k.range ? pos(k.range[0]) : origin;
      if (!isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number' && typeof k.value !== 'boolean')) {
        problems.push(`${formatOrigin(keyOrigin)}: ${msg.nonScalarKey()}`);
        ok = false;
        continue;
      }
      const v = toTree(doc, pair.value as YamlNode | null, pos, problems, keyOrigin);
      if (v === null) {
        ok = false;
        continue;
      }
      entries.set(String(k.value), { keyOrigin, value: v });
    }
    return ok ? { kind: 'map', origin, entries } : null;
  }
  if (isSeq(node)) {
    const items: Tree[] = [];
    let ok = true;
    for (const it of node.items) {
      const t = toTree(doc, it as YamlNode | null, pos, problems, origin);
      if (t === null) ok = false;
      else items.push(t);
    }
    return ok ? { kind: 'seq', origin, items } : null;
  }
  if (isScalar(node)) return { kind: 'scalar', origin, value: node.value };
  return { kind: 'scalar', origin, value: null };
}

function isNull(t: Tree): boolean {
  return t.kind === 'scalar' && t.value === null;
}

function idOf(t: Tree): string | null {
  if (t.kind !== 'map') return null;
  const e = t.entries.get('id');
  return e !== undefined && e.value.kind === 'scalar' && (typeof e.value.value === 'string' || typeof e.value.value === 'number') ? String(e.value.value) : null;
}

/**
 * Deep merge of `over` onto `base`: objects merge key by key; `null` deletes a key; lists whose
 * items all have an `id` merge by id (base order kept, new ids appended); other lists and
 * scalars are replaced.
 */
function merge(base: Tree, over: Tree): Tree {
  if (base.kind === 'map' && over.kind === 'map') {
    const entries = new Map(base.entries);
    for (const [k, e] of over.entries) {
      const b = entries.get(k);
      if (isNull(e.value) && b !== undefined) {
        entries.delete(k); // null deletes what the base had
        continue;
      }
      entries.set(k, { keyOrigin: e.keyOrigin, value: b === undefined ? e.value : merge(b.value, e.value) });
    }
    return { kind: 'map', origin: over.origin, entries };
  }
  if (base.kind === 'seq' && over.kind === 'seq') {
    const baseIds = base.items.map(idOf);
    const overIds = over.items.map(idOf);
    if (base.items.length > 0 && over.items.length > 0 && !baseIds.includes(null) && !overIds.includes(null)) {
      const items = [...base.items];
      for (let i = 0; i < over.items.length; i++) {
        const j = baseIds.indexOf(overIds[i] as string);
        const o = over.items[i] as Tree;
        if (j >= 0) items[j] = merge(items[j] as Tree, o);
        else items.push(o);
      }
      return { kind: 'seq', origin: over.origin, items };
    }
  }
  return over;
}

function flatten(t: Tree, path: PathSegment[], valueOrigins: Map<string, Origin>, keyOrigins: Map<string, Origin>): unknown {
  valueOrigins.set(pathKey(path), t.origin);
  if (t.kind === 'scalar') return t.value;
  if (t.kind === 'seq') return t.items.map((it, i) => flatten(it, [...path, i], valueOrigins, keyOrigins));
  const out: Record<string, unknown> = {};
  for (const [k, e] of t.entries) {
    keyOrigins.set(pathKey([...path, k]), e.keyOrigin);
    out[k] = flatten(e.value, [...path, k], valueOrigins, keyOrigins);
  }
  return out;
}

/** Build a document from plain data (no file): origins all point at `name`. */
export function documentFromValue(value: unknown, name = '<value>'): ScenarioDocument {
  return { value, file: name, files: [], valueOrigins: new Map([[pathKey([]), { file: name, line: 1, col: 1 }]]), keyOrigins: new Map() };
}
