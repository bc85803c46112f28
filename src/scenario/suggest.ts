/** "Did you mean …?": the nearest candidate by edit distance (Damerau–Levenshtein, optimal string alignment). */

export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
    }
  }
  return (d[n] as number[])[m] as number;
}

/**
 * The candidate closest to `word` (case-insensitive), if close enough to be a plausible
 * typo: distance at most max(1, round(0.4 x length)), or `word` is a prefix of it / vice versa.
 */
export function suggest(word: string, candidates: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    let dist = editDistance(w, cl);
    if (dist > 0 && w.length >= 3 && (cl.startsWith(w) || w.startsWith(cl))) dist = Math.min(dist, 1.5);
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  const limit = Math.max(1, Math.round(word.length * 0.4));
  return best !== null && bestD <= Math.max(limit, 1.5) ? best : null;
}

/** The `k` candidates nearest to `word`, nearest first. */
export function nearest(word: string, candidates: readonly string[], k: number): string[] {
  return [...candidates]
    .map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) }))
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0))
    .slice(0, k)
    .map((x) => x.c);
}
