/**
 * What a hostile block needs to know about each block language: its list key and a small valid body, so a
 * hostile line can be slipped into an otherwise good block. Languages not listed here (a kind added later)
 * fall back to an empty base, which every kind must still survive.
 */

/** The vocabulary of one block language. */
export interface KindVocabulary {
  /** The key holding the list of activations (`functions`, `activations`, `inputs`). */
  listKey: string;
  /** A small valid body (cheap to compute) that hostile lines are added to. */
  base: string;
}

/** The languages the issues define. */
export const KNOWN_LANGUAGES = ['activation', 'gradient-flow', 'dead-relu', 'zero-centered', 'nonlinearity'] as const;

/** One of those languages. */
export type KnownLanguage = (typeof KNOWN_LANGUAGES)[number];

const VOCABULARY: Record<KnownLanguage, KindVocabulary> = {
  activation: { listKey: 'functions', base: 'functions: ReLU, Tanh' },
  'gradient-flow': { listKey: 'activations', base: 'activations: ReLU, Tanh\ndepth: 6\nwidth: 8' },
  'dead-relu': { listKey: 'activations', base: 'activations: ReLU, LeakyReLU\nsteps: 10' },
  'zero-centered': { listKey: 'inputs', base: 'inputs: Sigmoid, Tanh\nsteps: 10' },
  nonlinearity: { listKey: 'activations', base: 'activations: Identity, ReLU\nsteps: 10\npoints: 20' },
};

/** The vocabulary of `language`; unknown languages get `activations` and an empty base. */
export function vocabularyOf(language: string): KindVocabulary {
  return (VOCABULARY as Record<string, KindVocabulary | undefined>)[language] ?? { listKey: 'activations', base: '' };
}

/** A valid block of `language` that draws a chart (the corpus's "next block" and the budgets' cycles). */
export function sampleBlock(language: string): string {
  return vocabularyOf(language).base;
}
