/** Statistics leaf: streaming moments, exact sums, intervals, quantiles, ECDF, histograms. */
export { Moments, type MomentsState } from './moments.js';
export { ExactSum } from './exact-sum.js';
export { FixedSum } from './fixed-sum.js';
export { wilson, wilsonHalfWidth, tInterval, zFor, Z95, type ConfidenceInterval } from './intervals.js';
export { normalCdf, normalQuantile, tCdf, tQuantile, incompleteBeta, logGamma } from './distributions.js';
export { quantileSorted, quantileSortedLinear, sortAscending, type Sorted } from './quantile.js';
export { ecdf, countAtMost } from './ecdf.js';
export { Histogram, type HistogramState } from './histogram.js';
