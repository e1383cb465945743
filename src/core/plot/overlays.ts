/**
 * Teaching overlays, computed from the function itself: regions where the gradient vanishes
 * (saturation: |f′| below a tenth of its peak) or is exactly zero (the ReLU family's dead zone),
 * and the derivative's peak (0.25 at 0 for Sigmoid, 1 at 0 for Tanh).
 */
import type { ActivationFamily } from '../activations/types';
import { goldenMax } from '../numeric/golden-max';
import type { SampledFunction } from './sampling';

/** A shaded x interval. `saturation`: |f′| < 10 % of its peak; `dead`: f′ = 0 exactly. */
export interface Band {
  from: number;
  to: number;
  kind: 'saturation' | 'dead';
}

/** Where |f′| is largest, when that is a single point (not a plateau such as Hardtanh's). */
export interface PeakMarker {
  x: number;
  df: number;
}

/** Overlays of one function over the sampled range. */
export interface Overlays {
  bands: Band[];
  peak?: PeakMarker;
  /** The peak of |f′| the saturation threshold is a fraction of (saturating functions only). */
  saturationPeak?: number;
}

/** Fraction of the derivative's peak below which we call a region saturated (as the seed note explains). */
export const SATURATION_FRACTION = 0.1;

/** Bisection for the boundary between `inside(a)` and `!inside(a)` on [a, b]. */
function boundary(a: number, b: number, inside: (x: number) => boolean): number {
  const startInside = inside(a);
  for (let i = 0; i < 60 && b - a > 1e-12 * Math.max(1, Math.abs(a)); i++) {
    const m = (a + b) / 2;
    if (inside(m) === startInside) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

/** An edge found by bisection, snapped onto a sample (kinks are samples) when it is within rounding of one. */
function snap(x: number, a: number, b: number): number {
  const tol = 1e-9 * (1 + Math.abs(x));
  return Math.abs(x - a) <= tol ? a : Math.abs(x - b) <= tol ? b : x;
}

/**
 * Maximal runs of sampled points where `inside` holds, with edges refined by bisection. `insideAt(i)` is
 * `inside(xs[i])` from values already computed, so each sample's f′ is evaluated once per frame.
 */
function runs(
  xs: readonly number[],
  insideAt: (i: number) => boolean,
  inside: (x: number) => boolean,
  kind: Band['kind'],
): Band[] {
  const bands: Band[] = [];
  let start: number | undefined;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const now = insideAt(i);
    if (now && start === undefined) start = i === 0 ? x : snap(boundary(xs[i - 1], x, inside), xs[i - 1], x);
    if (!now && start !== undefined) {
      bands.push({ from: start, to: snap(boundary(xs[i - 1], x, inside), xs[i - 1], x), kind });
      start = undefined;
    }
  }
  if (start !== undefined) bands.push({ from: start, to: xs[xs.length - 1], kind });
  return bands.filter((b) => b.to > b.from);
}

/** Pins the peak of |f′| between the neighbours of the best sample. */
function refinePeak(df: (x: number) => number, xs: readonly number[], best: number): PeakMarker {
  const i = xs.indexOf(best);
  const h = (x: number): number => Math.abs(df(x));
  const x = goldenMax(h, xs[Math.max(0, i - 1)], xs[Math.min(xs.length - 1, i + 1)]);
  return h(x) >= h(best) ? { x, df: df(x) } : { x: best, df: df(best) };
}

/**
 * Computes the overlays for one function, given its family and its samples. A note's own function
 * (`'expression'`) has no family we could vouch for, so its overlays come from f′ alone: dead zones where
 * f′ = 0 exactly, saturation where 0 < |f′| < 10 % of the peak, and the peak.
 */
export function computeOverlays(
  family: ActivationFamily | 'expression',
  df: (x: number) => number,
  sampled: SampledFunction,
): Overlays {
  const fx = sampled.f.x;
  // Distinct x (a jump repeats its x); the sampler keeps one slope per distinct x, so as many slopes as samples means
  // no repeats.
  const xs = sampled.slopes?.length === fx.length ? fx : fx.filter((x, i) => i === 0 || x !== fx[i - 1]);
  // The sampler's f′ when it kept them (the same df at the same x); a note's own function evaluates f′ by AD, not cheaply.
  const slopes = sampled.slopes?.length === xs.length ? sampled.slopes : xs.map((x) => df(x));
  let peakAbs = 0;
  let peakX = NaN;
  let peakCount = 0;
  for (let i = 0; i < xs.length; i++) {
    // |f′| and its finiteness without calls (a slider frame runs this loop before V8's optimising tiers).
    const d = slopes[i] < 0 ? -slopes[i] : slopes[i];
    if (!(d - d === 0)) continue;
    if (d > peakAbs * (1 + 1e-12)) {
      peakAbs = d;
      peakX = xs[i];
      peakCount = 1;
    } else if (d >= peakAbs * (1 - 1e-12)) {
      peakCount++;
    }
  }
  const dead = runs(
    xs,
    (i) => slopes[i] === 0,
    (x) => df(x) === 0,
    family === 'saturating' ? 'saturation' : 'dead',
  );
  if ((family !== 'saturating' && family !== 'expression') || peakAbs === 0) return { bands: dead };
  const peak = peakCount <= 2 ? refinePeak(df, xs, peakX) : undefined;
  // The refined peak, not the best sample, so the band edges are where |f′| = 10 % of the true maximum.
  const saturationPeak = Math.max(peakAbs, Math.abs(peak?.df ?? 0));
  const threshold = SATURATION_FRACTION * saturationPeak;
  const below = (d: number) => Math.abs(d) < threshold && (family !== 'expression' || d !== 0);
  const saturated = runs(
    xs,
    (i) => below(slopes[i]),
    (x) => below(df(x)),
    'saturation',
  );
  const bands = family === 'expression' ? [...dead, ...saturated].sort((a, b) => a.from - b.from) : saturated;
  return peak ? { bands, peak, saturationPeak } : { bands, saturationPeak };
}
