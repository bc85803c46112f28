/**
 * seedrandom's Tyche-i generator on its own. The package's main module also loads its other
 * generators and ARC4 with `require('crypto')` for auto-seeding, which the simulator never
 * uses (every stream is seeded): ~20 ms of every thread's start-up (Node's crypto module).
 */
declare module 'seedrandom/lib/tychei.js' {
  const tychei: import('seedrandom')['tychei'];
  export default tychei;
}
