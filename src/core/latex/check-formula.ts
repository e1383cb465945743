/**
 * A note's formula against torch's function: a fine grid over the x range plus every kink, jump and case
 * boundary. Runs of grid points that differ, or where no case applies, become intervals whose ends are found by
 * bisection (an end that is itself a boundary point keeps its bracket: ReLU′'s gap is (0, 1]). At torch's kinks
 * (and jumps) the note's value and torch's convention are reported side by side, not judged.
 */
import type { NoteFunction } from './note-function';

/** An interval of x; `open` ends exclude their point. */
export interface Interval {
  from: number;
  to: number;
  fromOpen: boolean;
  toOpen: boolean;
}

/** The note's value (NaN: undefined there) beside torch's at one of torch's kinks. */
export interface Convention {
  x: number;
  note: number;
  torch: number;
}

/** What the grid showed. */
export interface Comparison {
  differs: Interval[];
  undefined: Interval[];
  /** Largest |note − torch| where they differ (0 when they never do). */
  maxAbsDiff: number;
  conventions: Convention[];
}

/** Agreement within 10⁻³ absolute, or relative to |torch| where that is larger: notes round constants (SELU's 1.0507). */
export const TOLERANCE = 1e-3;
/** Where the note writes ≈ (GELU's tanh or sigmoid approximations): 5·10⁻². */
export const APPROX_TOLERANCE = 5e-2;

const OK = 0;
const DIFFERS = 1;
const UNDEFINED = 2;

/** Steps over `range`: fewer for costly formulas, so one check stays within a few milliseconds. */
const steps = (cost: number) => (cost > 400 ? 100 : 400);

/** Bisects between a sample of another status and one of `status`: the end of the run, and whether it is open. */
function edge(good: number, bad: number, isBad: (x: number) => boolean): { x: number; open: boolean } {
  let g = good;
  let b = bad;
  for (let k = 0; k < 48; k++) {
    const m = (g + b) / 2;
    if (m === g || m === b) break;
    if (isBad(m)) b = m;
    else g = m;
  }
  if (b === bad) return { x: bad, open: false };
  return { x: g === good ? good : (g + b) / 2, open: true };
}

/**
 * Compares `note` with `torch` on `range`. `conventionPoints` are torch's kinks (for f′) or jumps, where values are
 * reported, not judged; `approx` (the note wrote ≈) takes APPROX_TOLERANCE.
 */
export function compare(
  note: Pick<NoteFunction, 'values' | 'breaks' | 'cost'>,
  torch: (x: number) => number,
  range: readonly [number, number],
  conventionPoints: readonly number[],
  approx = false,
): Comparison {
  const tol = approx ? APPROX_TOLERANCE : TOLERANCE;
  let diff = 0;
  const status = (x: number): number => {
    const vs = note.values(x);
    if (vs.length === 0 || vs.some(Number.isNaN)) return UNDEFINED;
    const t = torch(x);
    let worst = OK;
    for (const v of vs) {
      const d = v === t ? 0 : Math.abs(v - t);
      if (!(d <= tol * Math.max(1, Math.abs(t)))) {
        worst = DIFFERS;
        diff = Number.isNaN(d) ? Infinity : Math.max(diff, d);
      }
    }
    return worst;
  };
  const inRange = (x: number) => x >= range[0] && x <= range[1];
  const conventions = conventionPoints.filter(inRange);
  // The grid, the breaks and the kinks, sorted (a typed array sorts numbers without a comparator) and deduplicated.
  const n = steps(note.cost);
  const extra = note.breaks.filter(inRange).concat(conventions);
  const all = new Float64Array(n + 1 + extra.length);
  for (let i = 0; i <= n; i++) all[i] = range[0] + ((range[1] - range[0]) * i) / n;
  all.set(extra, n + 1);
  const xs: number[] = [];
  for (const x of all.sort()) if (x !== xs[xs.length - 1]) xs.push(x);
  const statuses = xs.map((x) => (conventions.includes(x) ? OK : status(x)));
  const found: Record<number, Interval[]> = { [DIFFERS]: [], [UNDEFINED]: [] };
  for (let i = 0; i < xs.length; i++) {
    const s = statuses[i];
    if (s === OK) continue;
    let j = i;
    while (j + 1 < xs.length && statuses[j + 1] === s) j++;
    const isBad = (x: number) => status(x) === s;
    const from = i === 0 ? { x: xs[0], open: false } : edge(xs[i - 1], xs[i], isBad);
    const to = j === xs.length - 1 ? { x: xs[j], open: false } : edge(xs[j + 1], xs[j], isBad);
    if (found[s].length < 16) found[s].push({ from: from.x, to: to.x, fromOpen: from.open, toOpen: to.open });
    i = j;
  }
  return {
    differs: found[DIFFERS],
    undefined: found[UNDEFINED],
    maxAbsDiff: diff,
    conventions: conventions.map((x) => ({ x, note: note.values(x)[0] ?? NaN, torch: torch(x) })),
  };
}
