/** "Did you mean …?" for every unknown name in the project: activations, parameters, block keys. */

/** Lower-cases and drops `_`, `-`, `.` and whitespace, so `Leaky_ReLU`, `leaky-relu` and `LEAKYRELU` compare equal. */
export function normaliseName(s: string): string {
  return s.toLowerCase().replace(/[\s_.-]+/g, '');
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein where no substring is edited twice):
 * insertions, deletions, substitutions and swaps of two adjacent characters each cost 1.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = [];
  for (let i = 0; i < rows; i++) d.push([i]);
  for (let j = 1; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[a.length][b.length];
}

/**
 * Up to `max` candidates close to `input`, best first. Both sides are normalised (`normaliseName`).
 * A candidate qualifies when its edit distance is ≤ max(2, ⌊len/3⌋) of the input's length, or when
 * the input (3+ characters) is a prefix of it. Order: distance (prefix matches count as 1), then the
 * real distance, then the candidates' own order — deterministic, no locale involved. Duplicates are dropped.
 */
export function closestNames(input: string, candidates: readonly string[], max = 3): string[] {
  const key = normaliseName(input);
  const limit = Math.max(2, Math.floor(key.length / 3));
  const scored: { name: string; rank: number; dist: number }[] = [];
  const seen = new Set<string>();
  candidates.forEach((name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const norm = normaliseName(name);
    const dist = editDistance(key, norm);
    const prefix = key.length >= 3 && norm.startsWith(key);
    if (dist > limit && !prefix) return;
    scored.push({ name, rank: prefix ? Math.min(dist, 1) : dist, dist });
  });
  // Array.prototype.sort is stable (ES2019), so equals keep the candidates' order.
  scored.sort((x, y) => x.rank - y.rank || x.dist - y.dist);
  return scored.slice(0, Math.max(0, max)).map((s) => s.name);
}
