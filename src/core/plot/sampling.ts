/**
 * Domain → sampled series for drawing. A uniform grid plus every kink of the function, so corners are
 * corners; one-sided limits at jumps (f) and at derivative discontinuities (f′), separated by a NaN so the
 * line breaks instead of drawing a slanted segment; non-finite values become NaN (a gap, never a spike).
 */
import { runToEnd, type Steps } from '../engines/steps';

/** A drawable series: parallel x/y arrays where `NaN` in `y` means "lift the pen". */
export interface Series {
  x: number[];
  y: number[];
}

/** The points to mark where PyTorch's autograd picks a value at a kink, e.g. ReLU′(0) = 0. */
export interface KinkConvention {
  x: number;
  df: number;
}

/** Both curves of one function, sampled for a chart. */
export interface SampledFunction {
  f: Series;
  df: Series;
  conventions: KinkConvention[];
  /** f′ at each distinct x of `f` as evaluated (non-finite values kept), so the overlays need not evaluate it again. */
  slopes?: number[];
}

/** What sampling needs to know about a bound activation. */
export interface Sampleable {
  f(x: number): number;
  df(x: number): number;
  /** x where f or f′ is not smooth. */
  kinks: readonly number[];
  /** x where f itself jumps. */
  jumps: readonly number[];
}

/** How far beside a kink we take one-sided limits; the reference data probes kinks at ±1e-9 too. */
const sideStep = (k: number): number => 1e-9 * Math.max(1, Math.abs(k));

const clean = (y: number): number => (isFinite(y) ? y : NaN);

const nearlyEqual = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));

/** x positions: `samples` evenly spaced points over [a, b] merged with the kinks inside it (sorted, unique). */
export function sampleGrid(range: readonly [number, number], samples: number, kinks: readonly number[]): number[] {
  const [a, b] = range;
  const n = Math.max(2, Math.floor(samples));
  const xs: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) xs[i] = i === n - 1 ? b : a + ((b - a) * i) / (n - 1);
  const inside = kinks.filter((k) => k >= a && k <= b);
  if (inside.length === 0) return xs;
  // A merge of two sorted lists (a slider frame runs this for every curve; sorting the whole grid cost more
  // than sampling it). On a tie the grid point comes first and the equal kink is dropped. A kink lies in [a, b], so
  // b ≥ a here; for a = b every point and kink is a, and the merge keeps one.
  inside.sort((p, q) => p - q);
  const merged: number[] = [];
  const add = (x: number): void => {
    if (merged.length === 0 || x !== merged[merged.length - 1]) merged.push(x);
  };
  let k = 0;
  for (const x of xs) {
    while (k < inside.length && inside[k] < x) add(inside[k++]);
    add(x);
  }
  // Kinks left over are ≥ the last grid point b and ≤ b: equal to it, and dropped as ties.
  return merged;
}

/** Points sampled between two yields: a few ms for the longest definitions a note may have. */
const CHUNK = 64;

/** Appends a point, non-finite values as NaN. */
const push = (s: Series, x: number, y: number): void => {
  s.x.push(x);
  s.y.push(clean(y));
};

/** Special points: kinks (f′ from each side) and jumps (f from each side too). */
type Special = { kinks: Set<number>; jumps: Set<number> };

/**
 * Samples grid points `from` to `to` (exclusive) into `out`. A plain function, so V8 optimises its loop as it did
 * before sampling became steps (a loop inside the generator, or in a closure made per call, ran 15–25 % slower).
 */
function sampleRange(
  fn: Sampleable,
  grid: number[],
  out: Required<SampledFunction>,
  from: number,
  to: number,
  special: Special,
): void {
  const { f, df, slopes } = out;
  for (let i = from; i < to; i++) {
    const x = grid[i];
    const isJump = special.jumps.has(x);
    const isKink = isJump || special.kinks.has(x);
    if (!isKink) {
      push(f, x, fn.f(x));
      const d = fn.df(x);
      slopes.push(d);
      push(df, x, d);
      continue;
    }
    const h = sideStep(x);
    if (isJump) {
      push(f, x, fn.f(x - h));
      push(f, x, NaN);
      push(f, x, fn.f(x + h));
    } else {
      push(f, x, fn.f(x));
    }
    const left = fn.df(x - h);
    const right = fn.df(x + h);
    const atKink = fn.df(x);
    slopes.push(atKink);
    if (nearlyEqual(left, right) && nearlyEqual(left, atKink)) {
      push(df, x, atKink);
    } else {
      push(df, x, left);
      push(df, x, NaN);
      push(df, x, right);
      if (isFinite(atKink)) out.conventions.push({ x, df: atKink });
    }
  }
}

/** sampleRange for a function with no kinks or jumps: one value per point, into arrays sized once. */
function sampleSmoothRange(fn: Sampleable, grid: number[], out: Required<SampledFunction>, from: number, to: number) {
  const { f, df, slopes } = out;
  for (let i = from; i < to; i++) {
    // clean() inlined (`v - v === 0` is isFinite for a number): a slider frame runs this before V8's optimising tiers,
    // where every call costs more than the arithmetic around it.
    const y = fn.f(grid[i]);
    const d = (slopes[i] = fn.df(grid[i]));
    f.y[i] = y - y === 0 ? y : NaN;
    df.y[i] = d - d === 0 ? d : NaN;
  }
}

/** Samples f and f′ over `range`, honouring kinks and jumps (see the module comment). */
export function sampleFunction(fn: Sampleable, range: readonly [number, number], samples: number): SampledFunction {
  return runToEnd(sampleSteps(fn, range, samples));
}

/** sampleFunction as steps: yields its progress every few dozen points, so long sampling can run in slices. */
export function* sampleSteps(
  fn: Sampleable,
  range: readonly [number, number],
  samples: number,
): Steps<SampledFunction> {
  const smooth = fn.kinks.length + fn.jumps.length === 0;
  const grid = sampleGrid(range, samples, smooth ? [] : [...fn.kinks, ...fn.jumps]);
  const n = grid.length;
  // Without kinks or jumps, one value per point: arrays sized once.
  const sized = (): number[] => (smooth ? new Array<number>(n) : []);
  const out: Required<SampledFunction> = {
    f: { x: smooth ? grid : [], y: sized() },
    df: { x: smooth ? grid : [], y: sized() }, // one x array for both: the plot converts it to pixels once
    conventions: [],
    slopes: sized(),
  };
  const special = { kinks: new Set(fn.kinks), jumps: new Set(fn.jumps) };
  for (let from = 0; from < n; from += CHUNK) {
    if (from > 0) yield from / n;
    (smooth ? sampleSmoothRange : sampleRange)(fn, grid, out, from, Math.min(n, from + CHUNK), special);
  }
  return out;
}

/** The y range that fits every finite value with a margin and always shows y = 0. */
export function fitRange(series: readonly { y: readonly number[] }[], margin = 0.08): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const { y: ys } of series) {
    for (let i = 0; i < ys.length; i++) {
      if (ys[i] < lo) lo = ys[i];
      if (ys[i] > hi) hi = ys[i];
    }
  }
  if (hi - lo < 1e-12) return [lo - 1, hi + 1];
  const pad = (hi - lo) * margin;
  return [lo - pad, hi + pad];
}
