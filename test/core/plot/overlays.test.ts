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
