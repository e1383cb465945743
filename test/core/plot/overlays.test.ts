import { describe, expect, it } from 'vitest';
import { bindActivation, findActivation } from '../../../src/core/activations';
import type { Params } from '../../../src/core/activations/types';
import { computeOverlays } from '../../../src/core/plot/overlays';
import { sampleFunction } from '../../../src/core/plot/sampling';

function overlaysOf(name: string, range: [number, number], params: Params = {}) {
  const spec = findActivation(name);
  const bound = bindActivation(name, params);
  if (!spec.ok || !bound.ok) throw new Error(name);
  const p = bound.value.params;
  const df = (x: number): number => bound.value.df(x);
  const sampled = sampleFunction(
    { ...bound.value, kinks: spec.value.kinks(p), jumps: spec.value.jumps?.(p) ?? [] },
    range,
    400,
  );
  return { o: computeOverlays(spec.value.family, df, sampled), df };
}

describe('computeOverlays', () => {
  it("marks Sigmoid′'s peak at exactly (0, 0.25), the bound the seed note teaches", () => {
    const { o } = overlaysOf('Sigmoid', [-6, 6]);
    expect(o.peak?.df).toBe(0.25);
    expect(Math.abs(o.peak?.x ?? 1)).toBeLessThan(1e-7);
  });

  it("shades Sigmoid's saturation where σ′ < 0.025, i.e. |x| > ln((1+√(1−4·0.025))/(1−√(1−4·0.025)))", () => {
    const { o, df } = overlaysOf('Sigmoid', [-8, 8]);
    // σ′(x) = s(1−s) = c  ⇔  s = (1 ± √(1−4c))/2  ⇔  x = ±ln(s/(1−s)).
    // The threshold is a tenth of the peak σ′(0) = 1/4, as the README and the seed note teach (not read from the source).
    const c = 0.1 * 0.25;
    const s = (1 + Math.sqrt(1 - 4 * c)) / 2;
    const edge = Math.log(s / (1 - s));
    expect(o.bands).toHaveLength(2);
    expect(o.bands[0]).toMatchObject({ from: -8, kind: 'saturation' });
    expect(o.bands[0].to).toBeCloseTo(-edge, 9);
    expect(o.bands[1].from).toBeCloseTo(edge, 9);
    expect(df(o.bands[1].from)).toBeCloseTo(c, 9);
  });

  it("shades Tanh's saturation beyond |x| = atanh(√0.9) ≈ 1.8184464592320668, where tanh′ = 1 − tanh² = 0.1", () => {
    // Hand computation: 1 − tanh²x = 0.1 ⇔ tanh x = √0.9 ⇔ x = ½·ln((1+√0.9)/(1−√0.9)).
    const edge = 0.5 * Math.log((1 + Math.sqrt(0.9)) / (1 - Math.sqrt(0.9)));
    expect(edge).toBeCloseTo(1.8184464592320668, 14);
    const { o } = overlaysOf('Tanh', [-4, 4]);
    expect(o.bands.map((band) => band.kind)).toEqual(['saturation', 'saturation']);
    expect(o.bands[0].from).toBe(-4);
    expect(o.bands[0].to).toBeCloseTo(-edge, 9);
    expect(o.bands[1].from).toBeCloseTo(edge, 9);
    expect(o.bands[1].to).toBe(4);
  });

  it("marks Tanh′'s peak 1 at 0", () => {
    const { o } = overlaysOf('Tanh', [-6, 6]);
    expect(o.peak?.df).toBe(1);
  });

  it("shades ReLU's dead zone x ≤ 0 and nothing else", () => {
    const { o } = overlaysOf('ReLU', [-6, 6]);
    expect(o.bands).toHaveLength(1);
    expect(o.bands[0]).toMatchObject({ from: -6, kind: 'dead' });
    expect(Math.abs(o.bands[0].to)).toBeLessThan(1e-9);
    expect(o.peak).toBeUndefined();
  });

  it('gives LeakyReLU no dead zone: its slope on the left is negative_slope, never 0', () => {
    expect(overlaysOf('LeakyReLU', [-6, 6]).o.bands).toEqual([]);
  });

  it("shades both of ReLU6's flat parts", () => {
    const { o } = overlaysOf('ReLU6', [-2, 8]);
    expect(o.bands.map((b) => [Math.round(b.from * 1e6) / 1e6, Math.round(b.to * 1e6) / 1e6])).toEqual([
      [-2, 0],
      [6, 8],
    ]);
  });
});

/** A note's own function sampled as the activation block samples it. */
function sampledOf(
  f: (x: number) => number,
  df: (x: number) => number,
  range: [number, number],
  samples: number,
  jumps: number[] = [],
) {
  return sampleFunction({ f, df, kinks: [], jumps }, range, samples);
}
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const sigmoidPrime = (x: number): number => sigmoid(x) * (1 - sigmoid(x));
/** Where σ′ = 0.025, a tenth of its peak 1/4 (the hand computation of the Sigmoid test above). */
const sigmoidEdge = Math.log((1 + Math.sqrt(0.9)) / (1 - Math.sqrt(0.9)));

describe('computeOverlays: flat parts and plateaus', () => {
  it("shades Hardtanh's flat parts as saturation, ending exactly at its corners ±1, and marks no peak on its plateau", () => {
    // PyTorch: Hardtanh′ = 1 on (−1, 1) and 0 outside (0 at ±1 too), so |f′| = 0 < 0.1 exactly where it is flat; the
    // peak 1 is a plateau of many samples, not a point.
    const { o } = overlaysOf('Hardtanh', [-3, 3]);
    expect(o.bands).toEqual([
      { from: -3, to: -1, kind: 'saturation' },
      { from: 1, to: 3, kind: 'saturation' },
    ]);
    expect(o.peak).toBeUndefined();
    expect(o.saturationPeak).toBe(1);
  });

  it('shades a saturating function seen only where it is flat as saturation over the whole range, with no threshold', () => {
    // Hardtanh on [2, 5]: f′ = 0 everywhere in view, so there is no peak to take a tenth of.
    expect(overlaysOf('Hardtanh', [2, 5]).o).toEqual({ bands: [{ from: 2, to: 5, kind: 'saturation' }] });
    // A note's constant function likewise: all dead, no threshold claimed.
    expect(
      computeOverlays(
        'expression',
        () => 0,
        sampledOf(
          () => 1,
          () => 0,
          [-1, 1],
          11,
        ),
      ),
    ).toEqual({
      bands: [{ from: -1, to: 1, kind: 'dead' }],
    });
  });

  it('does not shade a slope of exactly a tenth of the peak: saturation is strictly below it', () => {
    // f′ = max(0.1, 1 − |x|): peak 1 at 0, and exactly 0.1 = 10 % of it for |x| ≥ 0.9 (not below).
    const df = (x: number): number => Math.max(0.1, 1 - Math.abs(x));
    const o = computeOverlays(
      'expression',
      df,
      sampledOf((x) => x, df, [-2, 2], 81),
    );
    expect(o.bands).toEqual([]);
    expect(o.peak?.df).toBe(1);
    expect(o.peak?.x).toBeCloseTo(0, 9);
  });
});

describe("computeOverlays on a note's own function", () => {
  it('takes the peak of |f′| where f falls: −tanh peaks at (0, −1), saturated where sech² x < 0.1', () => {
    // f = −tanh x, f′ = −sech² x: |f′| peaks at 1 at x = 0 with f′(0) = −1, and sech² x = 0.1 at x = ±acosh(√10).
    const df = (x: number): number => -1 / Math.cosh(x) ** 2;
    const o = computeOverlays(
      'expression',
      df,
      sampledOf((x) => -Math.tanh(x), df, [-5, 5], 201),
    );
    expect(o.peak?.df).toBe(-1);
    expect(o.peak?.x).toBeCloseTo(0, 7);
    expect(o.saturationPeak).toBe(1);
    const edge = Math.acosh(Math.sqrt(10));
    expect(o.bands).toHaveLength(2);
    expect(o.bands[0]).toMatchObject({ from: -5, kind: 'saturation' });
    expect(o.bands[0].to).toBeCloseTo(-edge, 9);
    expect(o.bands[1]).toMatchObject({ to: 5, kind: 'saturation' });
    expect(o.bands[1].from).toBeCloseTo(edge, 9);
  });

  it('lists dead and saturated regions together, left to right', () => {
    // f′ = σ′ left of 3 and 0 from 3 on: saturated (σ′ < 0.025) for x < −ln((1+√0.9)/(1−√0.9)), dead on [3, 6]
    // (σ′ stays above 0.025 up to 3 < 3.66, so nothing between is shaded).
    const df = (x: number): number => (x < 3 ? sigmoidPrime(x) : 0);
    const o = computeOverlays('expression', df, sampledOf(sigmoid, df, [-6, 6], 401));
    expect(o.bands.map((b) => b.kind)).toEqual(['saturation', 'dead']);
    expect(o.bands[0].from).toBe(-6);
    expect(o.bands[0].to).toBeCloseTo(-sigmoidEdge, 9);
    expect(o.bands[1]).toEqual({ from: 3, to: 6, kind: 'dead' });
  });

  it('ends and starts a dead zone exactly at a kink far from 0 (edges snap onto samples there too)', () => {
    // Samples every 5 around 1000: the edge found between 1000 and 1005 lies within rounding of 1000, and must be 1000.
    const deadLeft = (x: number): number => (x <= 1000 ? 0 : 1);
    const left = computeOverlays(
      'expression',
      deadLeft,
      sampledOf((x) => x, deadLeft, [990, 1010], 5),
    );
    expect(left.bands).toEqual([{ from: 990, to: 1000, kind: 'dead' }]);
    // Dead from just after 1000 on (f′(1000) = 1): the band starts at 1000.
    const deadRight = (x: number): number => (x > 1000 ? 0 : 1);
    const right = computeOverlays(
      'expression',
      deadRight,
      sampledOf((x) => x, deadRight, [990, 1010], 5),
    );
    expect(right.bands).toEqual([{ from: 1000, to: 1010, kind: 'dead' }]);
    // Dead from 1000 itself (f′(1000) = 0): the band starts there too, found from the other side.
    const deadFrom = (x: number): number => (x >= 1000 ? 0 : 1);
    const from = computeOverlays(
      'expression',
      deadFrom,
      sampledOf((x) => x, deadFrom, [990, 1010], 5),
    );
    expect(from.bands).toEqual([{ from: 1000, to: 1010, kind: 'dead' }]);
  });

  it('shades nothing at an isolated zero of f′: a dead zone needs width', () => {
    // f(x) = x²/2: f′ = x is 0 only at the sample 0. Not dead; saturated on either side, split at 0.
    const o = computeOverlays(
      'expression',
      (x) => x,
      sampledOf(
        (x) => (x * x) / 2,
        (x) => x,
        [-6, 6],
        401,
      ),
    );
    expect(o.bands.map((b) => b.kind)).toEqual(['saturation', 'saturation']);
    expect(o.bands[0].from).toBeCloseTo(-0.6, 9); // |x| < 0.1 · 6
    expect(o.bands[0].to).toBe(0);
    expect(o.bands[1].from).toBe(0);
    expect(o.bands[1].to).toBeCloseTo(0.6, 9);
  });

  it('marks the peak of |f′| at a jump of f once, though the jump repeats its x in the samples', () => {
    // f = step at 0 + atan: f′ = 1/(1 + x²), peak 1 at 0, where f jumps (three samples at x = 0).
    const df = (x: number): number => 1 / (1 + x * x);
    const s = sampledOf((x) => (x < 0 ? 0 : 1) + Math.atan(x), df, [-6, 6], 101, [0]);
    expect(s.f.x.filter((x) => x === 0)).toHaveLength(3);
    const { peak } = computeOverlays('expression', df, s);
    expect(peak?.df).toBe(1);
    expect(peak?.x).toBeCloseTo(0, 9);
  });

  it('takes the same result from f′ alone when the samples carry no slopes', () => {
    const s = sampledOf(sigmoid, sigmoidPrime, [-8, 8], 401);
    const withSlopes = computeOverlays('saturating', sigmoidPrime, s);
    const { slopes: _, ...bare } = s;
    expect(computeOverlays('saturating', sigmoidPrime, bare)).toEqual(withSlopes);
    expect(withSlopes.bands).toHaveLength(2);
    expect(withSlopes.bands[1].from).toBeCloseTo(sigmoidEdge, 9);
  });

  it("evaluates f′ again at no sample: the sampler's slopes are reused (one evaluation per sample per frame)", () => {
    const s = sampledOf(sigmoid, sigmoidPrime, [-8, 8], 401);
    const onGrid = new Set(s.f.x);
    let atSamples = 0;
    computeOverlays(
      'saturating',
      (x) => {
        if (onGrid.has(x)) atSamples++;
        return sigmoidPrime(x);
      },
      s,
    );
    // Only the peak's refinement compares with its best sample (a handful), not all 401.
    expect(atSamples).toBeLessThan(10);
  });

  it('refines the peak at the ends of the range and next to a second bump', () => {
    // Peak 1 at 0.001, inside the first cell of [0, 1] sampled every 0.05.
    const first = (x: number): number => Math.exp(-((x - 0.001) ** 2));
    expect(
      computeOverlays(
        'expression',
        first,
        sampledOf((x) => x, first, [0, 1], 21),
      ).peak?.x,
    ).toBeCloseTo(0.001, 6);
    // Peak 1 at 0.999, inside the last cell.
    const last = (x: number): number => Math.exp(-((x - 0.999) ** 2));
    expect(
      computeOverlays(
        'expression',
        last,
        sampledOf((x) => x, last, [0, 1], 21),
      ).peak?.x,
    ).toBeCloseTo(0.999, 6);
    // A sharp peak at 1.005 (between the samples 1 and 1.05) beside broad bumps of 0.5 at −3 and 4: the refinement
    // must stay between the best sample's neighbours, where the sharp peak is the only maximum.
    const bumps = (x: number): number =>
      Math.exp(-(((x - 1.005) / 0.05) ** 2)) + 0.5 * Math.exp(-((x + 3) ** 2)) + 0.5 * Math.exp(-((x - 4) ** 2));
    const peak = computeOverlays(
      'expression',
      bumps,
      sampledOf((x) => x, bumps, [-5, 5], 201),
    ).peak;
    expect(peak?.x).toBeCloseTo(1.005, 3);
    expect(peak?.df).toBeGreaterThan(bumps(1));
  });

  it('keeps the best sample as the peak when the refinement wanders off to a lower bump beside it', () => {
    // |f′|: a sharp tent of height 1 at the sample 0 (zero from |x| = 0.01 on) and a bump of 0.9 at 0.03, inside the
    // next cell (samples every 0.05). The search between the neighbours −0.05 and 0.05 finds the bump; 0.9 < 1, so the
    // marker stays at (0, 1).
    const df = (x: number): number =>
      Math.max(0, 1 - 100 * Math.abs(x)) + 0.9 * Math.max(0, 1 - 50 * Math.abs(x - 0.03));
    const o = computeOverlays(
      'expression',
      df,
      sampledOf((x) => x, df, [-1, 1], 41),
    );
    expect(o.peak).toEqual({ x: 0, df: 1 });
  });

  it('ignores an isolated infinite f′ when finding the peak, so the threshold stays a tenth of the finite peak', () => {
    // σ′ with a singular point at 5 (a sample: steps of 12/480 = 0.025): the peak is still 1/4 at 0, and the right
    // saturation band is split at 5.
    const df = (x: number): number => (x === 5 ? Infinity : sigmoidPrime(x));
    const o = computeOverlays('saturating', df, sampledOf(sigmoid, df, [-6, 6], 481));
    expect(o.peak?.df).toBe(0.25);
    expect(o.peak?.x).toBeCloseTo(0, 9);
    expect(o.saturationPeak).toBe(0.25);
    expect(o.bands).toHaveLength(3);
    expect([o.bands[0].from, o.bands[1].to, o.bands[2].from, o.bands[2].to]).toEqual([-6, 5, 5, 6]);
    expect(o.bands[0].to).toBeCloseTo(-sigmoidEdge, 9);
    expect(o.bands[1].from).toBeCloseTo(sigmoidEdge, 9);
  });
});
