/** Small helpers the seeded demo draws share. */

/** A rows × cols nested array filled row by row from `draw`. */
export function rows(r: number, c: number, draw: () => number): number[][] {
  return Array.from({ length: r }, () => Array.from({ length: c }, draw));
}

/** Throws unless every count is a positive integer. */
export function checkCount(where: string, counts: Record<string, number>): void {
  for (const [key, v] of Object.entries(counts)) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${where}: ${key} must be a positive integer, got ${v}`);
  }
}
