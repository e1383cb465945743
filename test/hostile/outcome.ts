/** The outcome a hostile block must show, and the three ways to write one. */

/**
 * What a block must show: a drawn chart, or an error box (nothing drawn) or warning lines above a drawn chart whose
 * sentences name every culprit (the offending key, value or line, as the block's author would look for it).
 */
export interface Outcome {
  expect: 'error' | 'chart' | 'warning';
  /** Texts the problem sentences must contain (none for a chart). */
  culprits: readonly string[];
}

/** A drawn chart without warnings. */
export const chart: Outcome = { expect: 'chart', culprits: [] };
/** An error box naming every culprit. */
export const error = (...culprits: string[]): Outcome => ({ expect: 'error', culprits });
/** A drawn chart under warning lines naming every culprit. */
export const warning = (...culprits: string[]): Outcome => ({ expect: 'warning', culprits });
