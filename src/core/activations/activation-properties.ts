/**
 * Facts about one activation, computed from f, f′ (torch's values, conventions at kinks included) and its
 * declared kinks and jumps: the image of f and of f′ with open or closed ends, zero-centred, monotonic, where f′
 * is largest, where it is below a tenth of that (the overlays' rule) and torch.nn.init.calculate_gain.
 */
import type { Activation, ActivationSpec, Params } from './types';
import { goldenMax } from '../numeric/golden-max';
import { SATURATION_FRACTION } from '../plot/overlays';

/** An interval of numbers; lo === hi is one point. Ends may be ±Infinity (then open). */
export interface Interval {
  lo: number;
  hi: number;
  loClosed: boolean;
  hiClosed: boolean;
}

/** Everything the property table shows for one function. */
export interface ActivationProperties {
  /** The image of f as a union of disjoint intervals, ascending. */
  range: Interval[];
  /** The image of f′. */
  slopeRange: Interval[];
  /** f(0) = 0 and f takes both signs. */
  zeroCentred: boolean;
  monotonic: boolean;
  /** The largest f′ and the x where it is taken; when it is only approached, the x (or ±∞) it is approached at. */
  peak: { value: number; where: Interval[]; approached?: number[] };
  /** Where |f′| < 10 % of its largest |f′|. */
  saturation: Interval[];
  /** Declared kinks with torch's f′ there; `jump` when f itself jumps. */
  kinks: { x: number; df: number; jump: boolean }[];
  /** torch.nn.init.calculate_gain for this function, where torch defines one. */
  gain?: number;
}

/** Half-width of the sampled window (widened to take in every kink); tails come from the values at ±1e150 and ±1e300. */
const WINDOW = 10;
const STEP = 0.01;
/** Pieces whose ends differ by less than this (relative) touch: below what the table shows. */
const TOUCH = 1e-6;

/** a = b within `tol`, relative; infinities only equal themselves. */
const same = (a: number, b: number, tol = 1e-12): boolean =>
  a === b || (isFinite(a - b) && Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b)));

/** The value of g as x → side·∞: ±Infinity when g keeps growing between the two far points, NaN when unknown. */
function tail(g: (x: number) => number, side: number): number {
  const near = g(side * 1e150);
  const far = g(side * 1e300);
  if (!isFinite(near) || !isFinite(far)) return far;
  return same(near, far) ? far : far > near ? Infinity : -Infinity;
}

/** A function sampled on a uniform grid through 0 that holds every break point, with its two tails. */
interface Samples {
  g: (x: number) => number;
  xs: number[];
  v: number[];
  tails: [number, number];
}

function sampleOn(g: (x: number) => number, xs: number[]): Samples {
  return { g, xs, v: xs.map(g), tails: [tail(g, -1), tail(g, 1)] };
}

function gridFor(breaks: readonly number[]): number[] {
  const lo = Math.min(-WINDOW, ...breaks.map((b) => b - 2));
  const hi = Math.max(WINDOW, ...breaks.map((b) => b + 2));
  // The grid is i·STEP for i from ⌈lo/STEP⌉ up to the last i with i·STEP ≤ hi. The quotient can round across a
  // whole number (10.02/0.01 = 1001.999…), so the last index is checked against the product it stands for. Its size
  // is known before anything is written: no loop here can run past it.
  const first = Math.ceil(lo / STEP);
  let last = Math.floor(hi / STEP);
  if ((last + 1) * STEP <= hi) last++;
  else if (last * STEP > hi) last--;
  const xs = Array.from({ length: last - first + 1 }, (_, k) => (first + k) * STEP);
  return [...new Set([...xs, ...breaks])].sort((a, b) => a - b);
}

/** One end of a piece's image: the extreme over samples i0..i1, or a limit at the piece's ends when beyond them. */
function extreme(s: Samples, i0: number, i1: number, limits: number[], sign: 1 | -1): { v: number; closed: boolean } {
  let best = -Infinity;
  let at = -1;
  for (let i = i0; i <= i1; i++) if (sign * s.v[i] > best) [best, at] = [sign * s.v[i], i];
  // A maximum between samples (GELU's minimum near −0.75) is found exactly around the best sample.
  if (at > i0 && at < i1)
    best = Math.max(best, sign * s.g(goldenMax((x) => sign * s.g(x), s.xs[at - 1], s.xs[at + 1])));
  const limit = Math.max(...limits.map((v) => sign * v).filter((v) => !Number.isNaN(v)));
  if (limit > best && !same(limit, best)) return { v: sign * limit, closed: false };
  return { v: sign * best, closed: isFinite(best) };
}

/** The image of g over ℝ, where g may jump at `breaks` (sample points; each is its own one-point piece). */
function imageOf(s: Samples, breaks: readonly number[]): Interval[] {
  const { g, xs } = s;
  const ends = [-Infinity, ...breaks, Infinity];
  const pieces: Interval[] = breaks.map((b) => ({ lo: g(b), hi: g(b), loClosed: true, hiClosed: true }));
  // The limit beside an open end: at ±∞ the tail, at a break extrapolated from two points just past it.
  const beside = (x: number, d: number): number => {
    if (!isFinite(x)) return s.tails[x > 0 ? 1 : 0];
    const h = d * 1e-7 * Math.max(1, Math.abs(x));
    return 2 * g(x + h) - g(x + 2 * h);
  };
  for (let k = 0; k + 1 < ends.length; k++) {
    const [a, b] = [ends[k], ends[k + 1]];
    const i0 = xs.findIndex((x) => x > a);
    let i1 = i0;
    while (i1 + 1 < xs.length && xs[i1 + 1] < b) i1++;
    if (i0 < 0 || !(xs[i0] < b)) continue;
    const limits = [beside(a, 1), beside(b, -1)];
    const hi = extreme(s, i0, i1, limits, 1);
    const lo = extreme(s, i0, i1, limits, -1);
    pieces.push({ lo: lo.v, hi: hi.v, loClosed: lo.closed, hiClosed: hi.closed });
  }
  return union(pieces.filter((p) => !Number.isNaN(p.lo) && !Number.isNaN(p.hi)));
}

/** Disjoint intervals covering the same numbers, ascending; ends closer than TOUCH count as one. */
function union(pieces: Interval[]): Interval[] {
  const sorted = pieces.slice().sort((p, q) => p.lo - q.lo || Number(q.loClosed) - Number(p.loClosed));
  const out: Interval[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (!last || !(p.lo < last.hi || (same(p.lo, last.hi, TOUCH) && (last.hiClosed || p.loClosed)))) {
      out.push({ ...p });
    } else if (same(p.hi, last.hi, TOUCH)) {
      [last.hi, last.hiClosed] = [Math.max(p.hi, last.hi), last.hiClosed || p.hiClosed];
    } else if (p.hi > last.hi) {
      [last.hi, last.hiClosed] = [p.hi, p.hiClosed];
    }
  }
  return out;
}

/**
 * Maximal runs of samples where `inside` holds, as x intervals: an end at a kink is the kink, at the window's
 * edge ±∞ when the tail agrees, elsewhere refined by `edge` (bisection) or the last sample inside.
 */
function regions(
  xs: readonly number[],
  inside: (i: number) => boolean,
  kinks: readonly number[],
  tails: boolean[],
  edge?: (a: number, b: number) => number,
): Interval[] {
  const out: Interval[] = [];
  const bound = (o: number, i: number, side: number): [number, boolean] => {
    if (o < 0 || o >= xs.length) return tails[side] ? [side ? Infinity : -Infinity, false] : [xs[i], true];
    if (kinks.includes(xs[o])) return [xs[o], false];
    if (kinks.includes(xs[i])) return [xs[i], true];
    return edge ? [edge(xs[o], xs[i]), false] : [xs[i], true];
  };
  let start = -1;
  for (let i = 0; i <= xs.length; i++) {
    const now = i < xs.length && inside(i);
    if (now && start < 0) start = i;
    if (!now && start >= 0) {
      const [lo, loClosed] = bound(start - 1, start, 0);
      const [hi, hiClosed] = bound(i, i - 1, 1);
      out.push({ lo, hi, loClosed, hiClosed });
      start = -1;
    }
  }
  return out;
}

/** The boundary between inside(a) and its opposite on [a, b], by bisection. */
function bisect(inside: (x: number) => boolean, a: number, b: number): number {
  const at = inside(a);
  for (let i = 0; i < 60; i++) {
    const m = (a + b) / 2;
    if (inside(m) === at) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

/** torch.nn.init.calculate_gain for the torch functions it names (it raises for the rest). */
function calculateGain(name: string, params: Params): number | undefined {
  if (name === 'Sigmoid') return 1;
  if (name === 'Tanh') return 5 / 3;
  if (name === 'ReLU') return Math.SQRT2;
  if (name === 'SELU') return 3 / 4;
  if (name === 'LeakyReLU') return Math.sqrt(2 / (1 + (params.negative_slope as number) ** 2));
  return undefined;
}

/** Where f′ reaches `peak`: the x set, or the point (or ±∞) it is only approached at. */
function peakWhere(
  d: Samples,
  kinks: readonly number[],
  peak: number,
  attained: boolean,
): Pick<ActivationProperties['peak'], 'where' | 'approached'> {
  const { xs, v, g } = d;
  if (!attained) {
    const at = [-Infinity, ...kinks.flatMap((k) => [k, k]), Infinity].filter((x, i) =>
      same(
        isFinite(x) ? g(x + (i % 2 ? -1 : 1) * 1e-9 * Math.max(1, Math.abs(x))) : d.tails[x > 0 ? 1 : 0],
        peak,
        TOUCH,
      ),
    );
    return { where: [], approached: [...new Set(at)] };
  }
  const where = regions(
    xs,
    (i) => same(v[i], peak),
    kinks,
    d.tails.map((t) => same(t, peak)),
  );
  if (where.length > 0) return { where };
  // A peak between samples is one point, found exactly (Sigmoid′ at 0, GELU′ near 1.41).
  const best = v.indexOf(Math.max(...v.filter((y) => !Number.isNaN(y))));
  const x = goldenMax(g, xs[Math.max(0, best - 1)], xs[Math.min(xs.length - 1, best + 1)]);
  return { where: [{ lo: x, hi: x, loClosed: true, hiClosed: true }] };
}

/** All properties of `spec` at `params` (validated), bound as `fn`. */
export function activationProperties(
  spec: ActivationSpec,
  params: Params,
  fn: Pick<Activation, 'f' | 'df'> = spec.bind(params),
): ActivationProperties {
  // Jumps too small to show (Softplus switching to x past its threshold moves f by ~1e-9) are not jumps here.
  const beside = (j: number, d: number): number => fn.f(j + d * 1e-9 * Math.max(1, Math.abs(j)));
  const jumps = (spec.jumps?.(params) ?? []).filter(
    (j) => !same(beside(j, -1), fn.f(j), TOUCH) || !same(fn.f(j), beside(j, 1), TOUCH),
  );
  // Where f jumps, f′ breaks too (a definition's `where` may declare a jump and no kink): both are break points.
  const kinks = [...new Set([...spec.kinks(params), ...jumps])].sort((a, b) => a - b);
  const xs = gridFor(kinks);
  const f = sampleOn(fn.f, xs);
  const d = sampleOn(fn.df, xs);
  const range = imageOf(f, jumps);
  const slopeRange = imageOf(d, kinks);
  const lo = range[0]?.lo ?? NaN;
  const hi = range[range.length - 1]?.hi ?? NaN;
  // Monotonic: f′ keeps one sign, and so does every jump (left to the point, the point to right).
  const ups = jumps.flatMap((j) => [fn.f(j) - beside(j, -1), beside(j, 1) - fn.f(j)]);
  const monotonic =
    (d.v.every((y) => y >= 0) && ups.every((u) => u >= 0)) || (d.v.every((y) => y <= 0) && ups.every((u) => u <= 0));
  const top = slopeRange[slopeRange.length - 1];
  const peakAbs = Math.max(...slopeRange.map((r) => Math.max(Math.abs(r.lo), Math.abs(r.hi))));
  const threshold = SATURATION_FRACTION * peakAbs;
  const low = (x: number): boolean => Math.abs(fn.df(x)) < threshold;
  const saturation = isFinite(threshold)
    ? regions(
        xs,
        (i) => Math.abs(d.v[i]) < threshold,
        kinks,
        d.tails.map((t) => Math.abs(t) < threshold),
        (a, b) => bisect(low, a, b),
      )
    : [];
  return {
    range,
    slopeRange,
    monotonic,
    saturation,
    zeroCentred: fn.f(0) === 0 && lo < 0 && hi > 0,
    peak: { value: top?.hi ?? NaN, ...peakWhere(d, kinks, top?.hi ?? NaN, top?.hiClosed ?? false) },
    kinks: kinks.map((x) => ({ x, df: fn.df(x), jump: jumps.includes(x) })),
    ...(spec.expression ? {} : { gain: calculateGain(spec.name, params) }),
  };
}
