/** Kinks of the shrink functions, which bend at −lambd and lambd. */

/** −lambd and lambd ascending, as one point when lambd = 0 (a kink is listed once). */
export function symmetricKinks(lambd: number): number[] {
  return lambd === 0 ? [0] : [-Math.abs(lambd), Math.abs(lambd)];
}
