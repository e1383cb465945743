/**
 * Where a compiled function switches formula (abs, sign, max, min, clamp, where, torch functions' kinks): the
 * roots of each switch's g(x) = a − b, found by Newton's method with the exact AD slope. Sampling puts points
 * there so corners stay corners and PyTorch's value at the kink can be marked. Roots it cannot find (g with no
 * root near the start points) are simply not marked; the curve is still drawn from its samples.
 */

/** A place where a node switches formula: at roots of `g`; `jump(x)` says whether f itself jumps there. */
export interface Switch {
  g: (x: number) => number;
  dg: (x: number) => number;
  jump: (x: number) => boolean;
}

const STARTS = [0, -1, 1, -4, 4];
const LIMIT = 1e6;
/** Roots closer than this (relative) are one root: Newton from different starts may stop an ulp or two apart. */
const SAME = 1e-12;

/** Newton from `x0`; the root, or undefined if it does not converge to an exact enough one. */
function newton(s: Switch, x0: number): number | undefined {
  let x = x0;
  for (let i = 0; i < 40; i++) {
    const g = s.g(x);
    if (g === 0) return x;
    const slope = s.dg(x);
    if (!isFinite(g) || !isFinite(slope) || slope === 0) return undefined;
    const next = x - g / slope;
    if (!isFinite(next) || Math.abs(next) > LIMIT) return undefined;
    if (next === x) break;
    x = next;
  }
  return Math.abs(s.g(x)) <= 1e-12 * (1 + Math.abs(x)) ? x : undefined;
}

/** Kinks and jumps of a function from its switches, sorted, each once (a jump is not also a kink). */
export function solveSwitches(switches: readonly Switch[]): { kinks: number[]; jumps: number[] } {
  // Each root found, with |g| there: of roots that are one (within SAME), the one nearest a zero of g is kept.
  const kinks = new Map<number, number>();
  const jumps = new Map<number, number>();
  for (const s of switches.slice(0, 64)) {
    for (const start of STARTS) {
      const root = newton(s, start);
      if (root === undefined) continue;
      const x = root === 0 ? 0 : root; // −0 → 0
      const found = s.jump(x) ? jumps : kinks;
      found.set(x, Math.min(found.get(x) ?? Infinity, Math.abs(s.g(x))));
    }
  }
  const jumpList = distinct(jumps);
  const kinkList = distinct(kinks).filter((k) => !jumpList.some((j) => same(j, k)));
  return { kinks: kinkList.slice(0, 32), jumps: jumpList.slice(0, 32) };
}

const same = (a: number, b: number): boolean => Math.abs(a - b) <= SAME * (1 + Math.abs(a));

/** The roots sorted, each once: a run of roots each within SAME of the next is one root, the one with least |g|. */
function distinct(residuals: ReadonlyMap<number, number>): number[] {
  const out: number[] = [];
  let last = NaN;
  for (const x of [...residuals.keys()].sort((a, b) => a - b)) {
    const i = out.length - 1;
    if (i >= 0 && same(last, x)) {
      if ((residuals.get(x) as number) < (residuals.get(out[i]) as number)) out[i] = x;
    } else out.push(x);
    last = x;
  }
  return out;
}
