/**
 * Closed forms for queueing validation (test helper).
 *
 * M/M/c, arrival rate lambda, service rate mu per server, offered load a = lambda/mu, rho = a/c < 1.
 * Erlang C (probability an arrival has to wait):
 *   C(c, a) = [a^c / c! * 1/(1-rho)] / [ sum_{k=0}^{c-1} a^k/k!  +  a^c / c! * 1/(1-rho) ]
 * Mean wait in queue: Wq = C(c, a) / (c*mu - lambda).
 *
 * M/D/1 (Pollaczek-Khinchine with deterministic service D, rho = lambda*D):
 *   Wq = lambda * E[S^2] / (2 (1 - rho)) = lambda * D^2 / (2 (1 - rho)).
 */
export function erlangC(c: number, lambda: number, mu: number): number {
  const a = lambda / mu;
  const rho = a / c;
  if (!(rho < 1)) throw new Error(`unstable queue: rho=${rho}`);
  let term = 1; // a^k / k!
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term / (1 - rho); // term is now a^c / c!
  return top / (sum + top);
}

export function mmcWq(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda, mu) / (c * mu - lambda);
}

export function md1Wq(lambda: number, d: number): number {
  const rho = lambda * d;
  if (!(rho < 1)) throw new Error(`unstable queue: rho=${rho}`);
  return (lambda * d * d) / (2 * (1 - rho));
}

/** Sample mean and the half-width of its 95% t interval (two-sided), for R = xs.length replications. */
export function meanCI95(xs: readonly number[]): { mean: number; half: number } {
  const r = xs.length;
  // t_{0.975, df} for df = 1..30 (standard table values)
  const T975 = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12,
    2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
  ];
  const t = T975[r - 2];
  if (t === undefined) throw new Error(`meanCI95 supports 2..31 replications, got ${r}`);
  const mean = xs.reduce((s, x) => s + x, 0) / r;
  const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (r - 1);
  return { mean, half: (t * Math.sqrt(v)) / Math.sqrt(r) };
}
