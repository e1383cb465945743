/** The seed every demo block takes: its key, the button that draws new data, and the seed that button moves to. */
import type { ButtonControl } from './block-kind';

/** Largest integer seed a block accepts (the PRNG takes 32-bit seeds). */
export const MAX_SEED = 2 ** 31 - 1;

/** The control id of the new-seed button. */
export const SEED_CONTROL = 'seed';

/** A block's `seed` key, starting at `fallback` when the block does not set it. */
export function seedField(fallback: number) {
  return { type: 'integer', default: fallback, min: 0, max: MAX_SEED } as const;
}

/** The button that draws the next seed, labelled with what it redraws ("new weights", "new data"). */
export function seedButton(label: string): ButtonControl {
  return { kind: 'button', id: SEED_CONTROL, label };
}

/** The seed after `seed`, wrapping to 0 past MAX_SEED. */
export function nextSeed(seed: number): number {
  return (seed + 1) % (MAX_SEED + 1);
}
