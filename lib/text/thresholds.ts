/**
 * The similarity thresholds of remark matching, in a module of their own so
 * that the content script (which only passes the reader's choice on) does not
 * load the matcher to know them.
 */

/**
 * Pairs scoring at or above this are the same remark. Chosen on the labelled
 * pairs in tests/fixtures/remark-pairs.json (`npm run eval` prints the curve):
 * below it, different remarks by the same speaker on the same topic start to
 * pass; above it, loose translations of one sentence start to fail.
 */
export const SAME_REMARK_THRESHOLD = 0.7;

/**
 * The thresholds a reader chooses between ("how strict is matching"),
 * measured on tests/fixtures/remark-pairs.json (`npm run eval`):
 * strict gave precision 1.00 and recall 0.57, balanced 0.86 and 0.90,
 * lenient 0.80 and 0.95. Stricter misses more re-translations; more lenient
 * links more remarks that only share words.
 */
export const REMARK_THRESHOLDS = { strict: 0.8, balanced: SAME_REMARK_THRESHOLD, lenient: 0.55 } as const;
export type Sensitivity = keyof typeof REMARK_THRESHOLDS;
