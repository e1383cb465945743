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

interface Grid {
  from: number;
  to: number;
  xs: Float64Array;
  ts: Float64Array;
}

/** torch's values on each grid it has met, per torch function: a note repeats a function over many formulas. */
const torchGrids = new WeakMap<(x: number) => number, Grid[]>();

/** The n + 1 evenly spaced points of `range` and torch's values there, computed once per torch function. */
function gridOf(torch: (x: number) => number, range: readonly [number, number], n: number): Grid {
  const grids = torchGrids.get(torch) ?? [];
  torchGrids.set(torch, grids);
  const [from, to] = range;
  let grid = grids.find((g) => g.from === from && g.to === to && g.xs.length === n + 1);
  if (!grid) {
    const xs = new Float64Array(n + 1);
    const ts = new Float64Array(n + 1);
    for (let i = 0; i <= n; i++) ts[i] = torch((xs[i] = from + ((to - from) * i) / n));
    grids.push((grid = { from, to, xs, ts }));
  }
  return grid;
}

/** Scratch for the merged grid, torch's values and the statuses, reused by every comparison (grown as needed). */
let scratch = { xs: new Float64Array(0), ts: new Float64Array(0), statuses: new Uint8Array(0) };

/**
 * The grid with `extra` points inserted, sorted and without repeats, into `scratch`, with torch's value at each:
 * the grid's are cached, the few extra ones computed. Returns the number of points.
 */
function mergeGrid(grid: Grid, extra: readonly number[], torch: (x: number) => number): number {
  const size = grid.xs.length + extra.length;
  if (scratch.xs.length < size)
    scratch = { xs: new Float64Array(size), ts: new Float64Array(size), statuses: new Uint8Array(size) };
  const { xs, ts } = scratch;
  xs.set(grid.xs);
  ts.set(grid.ts);
  let length = grid.xs.length;
  for (const x of extra) {
    let lo = 0;
    for (let hi = length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo < length && xs[lo] === x) {
      // Of 0 and −0 the point kept is −0, as when the points were sorted (−0 first) and repeats dropped.
      if (Object.is(x, -0)) ts[lo] = torch((xs[lo] = x));
      continue;
    }
    xs.copyWithin(lo + 1, lo, length);
    ts.copyWithin(lo + 1, lo, length);
    ts[lo] = torch((xs[lo] = x));
    length++;
  }
  return length;
}

/** The largest |note − torch| seen by the comparison under way (a typed array: no number boxed per point). */
const largest = new Float64Array(1);

/** One note value against torch's: OK or DIFFERS, recording the difference in `largest`. */
function judge(v: number, t: number, tol: number): number {
  const d = v === t ? 0 : Math.abs(v - t);
  if (d <= tol * Math.max(1, Math.abs(t))) return OK;
  largest[0] = Number.isNaN(d) ? Infinity : Math.max(largest[0], d);
  return DIFFERS;
}

/** The status of `note` at x, torch's value there being t. */
function statusAt(note: Pick<NoteFunction, 'values' | 'value'>, x: number, t: number, tol: number): number {
  if (note.value) {
    // One expression without cases: no array of values per point.
    const v = note.value(x);
    return Number.isNaN(v) ? UNDEFINED : judge(v, t, tol);
  }
  const vs = note.values(x);
  if (vs.length === 0 || vs.some(Number.isNaN)) return UNDEFINED;
  let worst = OK;
  for (const v of vs) if (judge(v, t, tol) === DIFFERS) worst = DIFFERS;
  return worst;
}

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
  note: Pick<NoteFunction, 'values' | 'value' | 'breaks' | 'cost'>,
  torch: (x: number) => number,
  range: readonly [number, number],
  conventionPoints: readonly number[],
  approx = false,
): Comparison {
  const tol = approx ? APPROX_TOLERANCE : TOLERANCE;
  largest[0] = 0;
  const inRange = (x: number) => x >= range[0] && x <= range[1];
  const conventions = conventionPoints.filter(inRange);
  // The grid, the breaks and the kinks, sorted and without repeats.
  const length = mergeGrid(
    gridOf(torch, range, steps(note.cost)),
    note.breaks.filter(inRange).concat(conventions),
    torch,
  );
  const { xs, ts, statuses } = scratch;
  const judged = conventions.length === 0;
  for (let i = 0; i < length; i++)
    statuses[i] = judged || !conventions.includes(xs[i]) ? statusAt(note, xs[i], ts[i], tol) : OK;
  const differs: Interval[] = [];
  const undefinedOn: Interval[] = [];
  for (let i = 0; i < length; i++) {
    const s = statuses[i];
    if (s === OK) continue;
    let j = i;
    while (j + 1 < length && statuses[j + 1] === s) j++;
    const isBad = (x: number) => statusAt(note, x, torch(x), tol) === s;
    const from = i === 0 ? { x: xs[0], open: false } : edge(xs[i - 1], xs[i], isBad);
    const to = j === length - 1 ? { x: xs[j], open: false } : edge(xs[j + 1], xs[j], isBad);
    const found = s === DIFFERS ? differs : undefinedOn;
    if (found.length < 16) found.push({ from: from.x, to: to.x, fromOpen: from.open, toOpen: to.open });
    i = j;
  }
  return {
    differs,
    undefined: undefinedOn,
    maxAbsDiff: largest[0],
    conventions: conventions.map((x) => ({ x, note: note.values(x)[0] ?? NaN, torch: torch(x) })),
  };
}
