/**
 * The property table's facts against independent truth: hand values, a dense scan of f itself (not f′) for ranges
 * and monotonicity, PyTorch's autograd at every declared kink (activations.json), and calculate_gain's formulas.
 */
import { describe, expect, it } from 'vitest';
import { activationProperties, type Interval } from '../../../src/core/activations/activation-properties';
import { activationSpecs, resolveParams, type ActivationSpec, type Params } from '../../../src/core/activations';
import { propertiesTable } from '../../../src/blocks/properties-table';
import { definitionSpecs, readDefinition } from '../../../src/core/expression';
import { readReference, refNumber } from '../../helpers/reference';

const PARAMS: Record<string, Record<string, string>> = { Threshold: { threshold: '1', value: '0' } };

function specOf(name: string, given: Record<string, string> = PARAMS[name] ?? {}): [ActivationSpec, Params] {
  const spec = activationSpecs().find((s) => s.name === name) as ActivationSpec;
  const p = resolveParams(spec, given);
  if (!p.ok) throw new Error(name);
  return [spec, p.value];
}

const props = (name: string) => activationProperties(...specOf(name));
const iv = (lo: number, hi: number, loClosed: boolean, hiClosed: boolean): Interval => ({ lo, hi, loClosed, hiClosed });
const point = (v: number): Interval => iv(v, v, true, true);

/** The intervals with their finite ends to 1e-9 (an open end is a limit, found from points beside it). */
const near = (intervals: Interval[]) =>
  intervals.map((r) => ({
    ...r,
    lo: (Number.isFinite(r.lo) ? expect.closeTo(r.lo, 9) : r.lo) as number,
    hi: (Number.isFinite(r.hi) ? expect.closeTo(r.hi, 9) : r.hi) as number,
  }));
const propsWith = (name: string, given: Record<string, string>) => activationProperties(...specOf(name, given));

describe('hand values with kinks and jumps between the samples', () => {
  const inf = Infinity;
  it('Threshold(0.1234, −1): {−1} ∪ (0.1234, ∞), monotonic, not zero-centred, saturated up to the jump', () => {
    const p = propsWith('Threshold', { threshold: '0.1234', value: '-1' });
    expect(p.range).toEqual(near([point(-1), iv(0.1234, inf, false, false)]));
    expect(p.slopeRange).toEqual([point(0), point(1)]);
    expect([p.monotonic, p.zeroCentred]).toEqual([true, false]);
    expect(p.peak).toEqual({ value: 1, where: [iv(0.1234, inf, false, false)] });
    expect(p.saturation).toEqual([iv(-inf, 0.1234, false, true)]);
    expect(p.kinks).toEqual([{ x: 0.1234, df: 0, jump: true }]);
  });

  it('Threshold(−0.5678, 2): the point 2 lies inside (−0.5678, ∞); the jump down makes it non-monotonic', () => {
    const p = propsWith('Threshold', { threshold: '-0.5678', value: '2' });
    expect(p.range).toEqual(near([iv(-0.5678, inf, false, false)]));
    expect([p.monotonic, p.zeroCentred]).toEqual([false, true]);
    expect(p.saturation).toEqual([iv(-inf, -0.5678, false, true)]);
    expect(p.kinks).toEqual([{ x: -0.5678, df: 0, jump: true }]);
  });

  it('Hardtanh(−1.234, 0.777): [−1.234, 0.777], f′ = 1 strictly between, saturated outside, f′ = 0 at both ends', () => {
    const p = propsWith('Hardtanh', { min_val: '-1.234', max_val: '0.777' });
    expect(p.range).toEqual([iv(-1.234, 0.777, true, true)]);
    expect(p.slopeRange).toEqual([point(0), point(1)]);
    expect([p.monotonic, p.zeroCentred]).toEqual([true, true]);
    expect(p.peak).toEqual({ value: 1, where: [iv(-1.234, 0.777, false, false)] });
    expect(p.saturation).toEqual([iv(-inf, -1.234, false, true), iv(0.777, inf, true, false)]);
    expect(p.kinks).toEqual([
      { x: -1.234, df: 0, jump: false },
      { x: 0.777, df: 0, jump: false },
    ]);
  });

  it('Hardshrink(0.3333): (−∞, −λ) ∪ {0} ∪ (λ, ∞), saturated on [−λ, λ]', () => {
    const p = propsWith('Hardshrink', { lambd: '0.3333' });
    expect(p.range).toEqual(near([iv(-inf, -0.3333, false, false), point(0), iv(0.3333, inf, false, false)]));
    expect([p.monotonic, p.zeroCentred]).toEqual([true, true]);
    expect(p.peak).toEqual({ value: 1, where: [iv(-inf, -0.3333, false, false), iv(0.3333, inf, false, false)] });
    expect(p.saturation).toEqual([iv(-0.3333, 0.3333, true, true)]);
    expect(p.kinks.map((k) => [k.x, k.jump])).toEqual([
      [-0.3333, true],
      [0.3333, true],
    ]);
  });

  it('Softshrink(1.2345): all of ℝ (the three pieces touch at 0), saturated on [−λ, λ]', () => {
    const p = propsWith('Softshrink', { lambd: '1.2345' });
    expect(p.range).toEqual([iv(-inf, inf, false, false)]);
    expect(p.saturation).toEqual([iv(-1.2345, 1.2345, true, true)]);
    expect(p.peak).toEqual({ value: 1, where: [iv(-inf, -1.2345, false, false), iv(1.2345, inf, false, false)] });
  });

  it('LeakyReLU(−0.5): [0, ∞), f′ in {−0.5} ∪ {1}, neither monotonic nor zero-centred, never saturated', () => {
    const p = propsWith('LeakyReLU', { negative_slope: '-0.5' });
    // f(0) = 0 · (−0.5) = −0, as torch computes it.
    expect(p.range).toEqual([iv(-0, inf, true, false)]);
    expect(p.slopeRange).toEqual([point(-0.5), point(1)]);
    expect([p.monotonic, p.zeroCentred]).toEqual([false, false]);
    expect(p.saturation).toEqual([]);
    expect(p.kinks).toEqual([{ x: 0, df: -0.5, jump: false }]);
    expect(p.gain).toBe(Math.sqrt(2 / (1 + 0.25)));
  });
});

/** The properties of a definition (the reader's own function) at its defaults. */
function propsOfDefinition(source: string) {
  const d = readDefinition(source);
  const specs = d.ok ? definitionSpecs([d.value]) : undefined;
  if (!specs?.ok) throw new Error(source);
  return activationProperties(specs.value.specs[0], {});
}

describe("the reader's own functions: kinks in any order, jumps with no kink, images that overlap or leave a hole", () => {
  it('|x − 1| + |x + 1|: [2, ∞), f′ in {−2, −1, 0, 1, 2} (abs′(0) = 0 at each kink), saturated on (−1, 1)', () => {
    const p = propsOfDefinition('k(x) = abs(x - 1) + abs(x + 1)');
    expect(p.range).toEqual([iv(2, Infinity, true, false)]);
    expect(p.slopeRange).toEqual([-2, -1, 0, 1, 2].map(point));
    expect([p.monotonic, p.zeroCentred]).toEqual([false, false]);
    expect(p.saturation).toEqual([iv(-1, 1, false, false)]);
    expect(p.peak).toEqual({ value: 2, where: [iv(1, Infinity, false, false)] });
    expect(p.kinks).toEqual([
      { x: -1, df: -1, jump: false },
      { x: 1, df: 1, jump: false },
    ]);
  });

  it('0 − x: monotonic (decreasing), its largest f′ is −1, everywhere', () => {
    const p = propsOfDefinition('dec(x) = 0 - x');
    expect([p.monotonic, p.zeroCentred]).toEqual([true, true]);
    expect(p.slopeRange).toEqual([point(-1)]);
    expect(p.peak).toEqual({ value: -1, where: [iv(-Infinity, Infinity, false, false)] });
  });

  it('where(x < 0, x + 2, x): (−∞, 2) and [0, ∞) overlap into ℝ; the jump down at 0 breaks monotonicity', () => {
    const p = propsOfDefinition('j(x) = where(x < 0, x + 2, x)');
    expect(p.range).toEqual([iv(-Infinity, Infinity, false, false)]);
    expect([p.monotonic, p.zeroCentred]).toEqual([false, true]);
    expect(p.kinks).toEqual([{ x: 0, df: 1, jump: true }]);
  });

  it('where(x < 0, x, where(x > 0, x, 5)): ℝ without 0; f′ is 0 only at the jump, so saturated there alone', () => {
    const p = propsOfDefinition('h(x) = where(x < 0, x, where(x > 0, x, 5))');
    expect(p.range).toEqual([iv(-Infinity, 0, false, false), iv(0, Infinity, false, false)]);
    expect(p.slopeRange).toEqual([point(0), point(1)]);
    expect(p.saturation).toEqual([point(0)]);
    expect(p.peak).toEqual({ value: 1, where: [iv(-Infinity, 0, false, false), iv(0, Infinity, false, false)] });
    expect(p.kinks).toEqual([{ x: 0, df: 0, jump: true }]);
  });
});

describe('hand values', () => {
  it('Sigmoid: range (0, 1), f′ in (0, 0.25] with its peak at 0, saturated for |x| > ln(σ*/(1 − σ*)), gain 1', () => {
    const p = props('Sigmoid');
    expect(p.range).toEqual([iv(0, 1, false, false)]);
    expect(p.slopeRange).toEqual([iv(0, 0.25, false, true)]);
    expect(p.peak).toEqual({ value: 0.25, where: [point(0)] });
    // σ′ = σ(1 − σ) = 0.025 at σ* = (1 − √0.9)/2.
    const s = (1 - Math.sqrt(0.9)) / 2;
    const edge = -Math.log(s / (1 - s));
    expect(p.saturation).toHaveLength(2);
    expect(p.saturation[0].lo).toBe(-Infinity);
    expect(p.saturation[0].hi).toBeCloseTo(-edge, 9);
    expect(p.saturation[1].lo).toBeCloseTo(edge, 9);
    expect([p.zeroCentred, p.monotonic, p.gain, p.kinks]).toEqual([false, true, 1, []]);
  });

  it('Tanh: (−1, 1), f′ in (0, 1], zero-centred, saturated past atanh(√0.9), gain 5/3', () => {
    const p = props('Tanh');
    expect(p.range).toEqual([iv(-1, 1, false, false)]);
    expect(p.slopeRange).toEqual([iv(0, 1, false, true)]);
    expect(p.saturation[1].lo).toBeCloseTo(Math.atanh(Math.sqrt(0.9)), 9);
    expect([p.zeroCentred, p.gain]).toEqual([true, 5 / 3]);
  });

  it('Tanh′ is below Sigmoid′ exactly for |x| > 1.66 (the crossing of 1 − tanh² and σ(1 − σ))', () => {
    const [tanh] = specOf('Tanh');
    const [sigmoid] = specOf('Sigmoid');
    const gap = (x: number) => tanh.bind({}).df(x) - sigmoid.bind({}).df(x);
    let [a, b] = [1, 3];
    for (let i = 0; i < 60; i++) [a, b] = gap((a + b) / 2) > 0 ? [(a + b) / 2, b] : [a, (a + b) / 2];
    expect(a).toBeCloseTo(1.66, 2);
    for (let x = -8; x <= 8; x += 0.01) expect(gap(x) < 0).toBe(Math.abs(x) > a);
  });

  it('ReLU: [0, ∞), f′ in {0} ∪ {1}, largest f′ for x > 0, saturated for x ≤ 0, PyTorch f′(0) = 0, gain √2', () => {
    const p = props('ReLU');
    expect(p.range).toEqual([iv(0, Infinity, true, false)]);
    expect(p.slopeRange).toEqual([point(0), point(1)]);
    expect(p.peak).toEqual({ value: 1, where: [iv(0, Infinity, false, false)] });
    expect(p.saturation).toEqual([iv(-Infinity, 0, false, true)]);
    expect(p.kinks).toEqual([{ x: 0, df: 0, jump: false }]);
    expect(p.gain).toBe(Math.SQRT2);
  });

  it('Hardshrink and Threshold: images with holes where f jumps', () => {
    const hs = props('Hardshrink').range;
    expect(hs.map((r) => [r.lo, r.hi, r.loClosed, r.hiClosed])).toEqual([
      [-Infinity, expect.closeTo(-0.5, 12), false, false],
      [0, 0, true, true],
      [expect.closeTo(0.5, 12), Infinity, false, false],
    ]);
    const th = props('Threshold');
    expect(th.range.map((r) => [r.lo, r.loClosed, r.hiClosed])).toEqual([
      [0, true, true],
      [expect.closeTo(1, 6), false, false],
    ]);
    expect(th.kinks).toEqual([{ x: 1, df: 0, jump: true }]);
  });

  it('Hardtanh: [−1, 1] with f′ = 1 exactly on −1 < x < 1 (PyTorch gives 0 at ±1)', () => {
    const p = props('Hardtanh');
    expect(p.range).toEqual([iv(-1, 1, true, true)]);
    expect(p.peak.where).toEqual([iv(-1, 1, false, false)]);
  });

  it('peaks only approached are said so: LogSigmoid′ → 1 as x → −∞, Hardswish′ → 1.5 as x → 3', () => {
    expect(props('LogSigmoid').peak).toEqual({ value: 1, where: [], approached: [-Infinity] });
    const h = props('Hardswish').peak;
    expect(h.value).toBeCloseTo(1.5, 6);
    expect(h.approached).toEqual([3]);
  });

  it('minima of the smooth non-monotonic functions (SiLU at −1.27846 = −1 − W(1/e), GELU, Mish)', () => {
    const silu = props('SiLU');
    expect(silu.range[0].lo).toBeCloseTo(-0.278464542761074, 9);
    expect(silu.range[0].loClosed).toBe(true);
    expect(silu.monotonic).toBe(false);
    expect(props('GELU').range[0].lo).toBeCloseTo(-0.169971, 5);
    expect(props('Mish').range[0].lo).toBeCloseTo(-0.3088434, 6);
  });

  it('calculate_gain as torch.nn.init defines it, undefined where torch raises', () => {
    expect(props('LeakyReLU').gain).toBe(Math.sqrt(2 / (1 + 0.01 ** 2)));
    expect(props('SELU').gain).toBe(0.75);
    expect(props('GELU').gain).toBeUndefined();
  });
});

/** An independent scan of f: step 0.001 over [−60, 60], each kink and points 10⁻⁶ (relative) beside it, the finest the table resolves, values far out (f, never f′). */
function scan(f: (x: number) => number, kinks: number[]) {
  const xs: number[] = kinks.flatMap((k) => [
    k - 1e-6 * Math.max(1, Math.abs(k)),
    k,
    k + 1e-6 * Math.max(1, Math.abs(k)),
  ]);
  for (let i = -60000; i <= 60000; i++) xs.push(i / 1000);
  xs.sort((a, b) => a - b);
  const ys = xs.map(f);
  const far = (s: number) => f(s * 1e8);
  const lo = Math.min(...ys, far(-1), far(1));
  const hi = Math.max(...ys, far(-1), far(1));
  let up = true;
  let down = true;
  for (let i = 1; i < ys.length; i++) {
    if (ys[i] < ys[i - 1]) up = false;
    if (ys[i] > ys[i - 1]) down = false;
  }
  return { lo: lo < -1e5 ? -Infinity : lo, hi: hi > 1e5 ? Infinity : hi, monotonic: up || down, atZero: f(0) };
}

/**
 * Every function at its defaults, and some with kinks and jumps off the 0.01 grid the properties are sampled on
 * (where the kinks must be merged into the grid in order, and pieces end between samples).
 */
const SCANNED: [string, Record<string, string>][] = [
  ...activationSpecs().map((s): [string, Record<string, string>] => [s.name, PARAMS[s.name] ?? {}]),
  ['Threshold', { threshold: '0.1234', value: '-1' }],
  ['Threshold', { threshold: '-0.5678', value: '2' }],
  ['Hardshrink', { lambd: '0.3333' }],
  ['Softshrink', { lambd: '1.2345' }],
  ['Hardtanh', { min_val: '-1.234', max_val: '0.777' }],
  ['ReLU6', {}],
  ['LeakyReLU', { negative_slope: '-0.5' }],
];

describe.each(SCANNED)('%s %o against a dense scan of f and PyTorch at its kinks', (name, given) => {
  const [spec, params] = specOf(name, given);
  const { f, df } = spec.bind(params);
  const truth = scan(f, spec.kinks(params));
  // Computed inside each test, never while the file loads: mutation testing runs a test's code under its mutant.
  const properties = () => activationProperties(spec, params);

  it('range ends, boundedness, monotonicity and zero-centring agree with the scan', () => {
    const p = properties();
    const near = (a: number, b: number) => (Number.isFinite(b) ? Math.abs(a - b) < 1e-4 : a === b);
    expect(near(p.range[0].lo, truth.lo), `${p.range[0].lo} vs ${truth.lo}`).toBe(true);
    expect(near(p.range[p.range.length - 1].hi, truth.hi), `${p.range[p.range.length - 1].hi} vs ${truth.hi}`).toBe(
      true,
    );
    expect(p.monotonic).toBe(truth.monotonic);
    expect(p.zeroCentred).toBe(truth.atZero === 0 && truth.lo < 0 && truth.hi > 0);
  });

  it('the largest f′ is the largest sampled f′, and the saturated set is where |f′| < 10 % of max |f′|', () => {
    const p = properties();
    const xs = Array.from({ length: 24001 }, (_, i) => -12 + i / 1000);
    const d = xs.map(df);
    expect(p.peak.value).toBeGreaterThanOrEqual(Math.max(...d) - 1e-12);
    expect(p.peak.value).toBeLessThan(Math.max(...d) + 1e-3);
    const limit = 0.1 * Math.max(...d.map(Math.abs), Math.abs(p.slopeRange[0].lo), Math.abs(p.peak.value));
    const inSaturation = (x: number) =>
      p.saturation.some((r) => (x > r.lo || (r.loClosed && x === r.lo)) && (x < r.hi || (r.hiClosed && x === r.hi)));
    // Away from the edges (found by bisection to ~1e-15), membership matches the rule at every sample.
    const edges = p.saturation.flatMap((r) => [r.lo, r.hi]);
    const wrong = xs.filter(
      (x, i) => !edges.some((e) => Math.abs(e - x) < 1e-9) && inSaturation(x) !== Math.abs(d[i]) < limit,
    );
    expect(wrong).toEqual([]);
  });

  it("lists exactly the declared kinks, with PyTorch's f′ there (activations.json)", () => {
    const p = properties();
    expect(p.kinks.map((k) => k.x)).toEqual([...new Set(spec.kinks(params))].sort((a, b) => a - b));
    const ref = readReference<{
      cases: { name: string; params: Record<string, unknown>; x: number[]; df: (number | string)[] }[];
    }>('activations').cases.find(
      (c) => c.name === name && Object.keys(c.params).length === 0 && !Object.keys(given).length,
    );
    for (const k of p.kinks) {
      const i = ref?.x.indexOf(k.x) ?? -1;
      if (i >= 0) expect(k.df, `f′(${k.x})`).toBeCloseTo(refNumber(ref?.df[i] ?? NaN), 14);
    }
  });
});

describe('the table', () => {
  it('writes intervals and regions in the usual notation, headings in both languages', () => {
    const fn = (name: string) => {
      const [spec, params] = specOf(name);
      return { spec, params, text: name };
    };
    const fns = [fn('Sigmoid'), fn('ReLU'), fn('Hardshrink')];
    const en = propertiesTable(
      fns,
      'en',
      fns.map((a) => activationProperties(a.spec, a.params)),
    );
    expect(en.rows[0].slice(0, 7)).toEqual([
      'Sigmoid',
      '(0, 1)',
      '(0, 0.25]',
      '✗',
      '✓',
      '0.25 (x = 0)',
      'x < −3.637, x > 3.637',
    ]);
    expect(en.rows[1].slice(1, 9)).toEqual([
      '[0, ∞)',
      '{0} ∪ {1}',
      '✗',
      '✓',
      '1 (x > 0)',
      'x ≤ 0',
      'x = 0: f′ = 0',
      '1.414',
    ]);
    expect(en.rows[2].slice(1, 8)).toEqual([
      '(−∞, −0.5) ∪ {0} ∪ (0.5, ∞)',
      '{0} ∪ {1}',
      '✓',
      '✓',
      '1 (x < −0.5, x > 0.5)',
      '−0.5 ≤ x ≤ 0.5',
      'x = −0.5 (f jumps): f′ = 0, x = 0.5 (f jumps): f′ = 0',
    ]);
    const sigmoid = fn('Sigmoid');
    const zh = propertiesTable([sigmoid], 'zh', [activationProperties(sigmoid.spec, sigmoid.params)]);
    expect(zh.head.slice(0, 3)).toEqual(['函数', 'f 的值域', 'f′ 的值域']);
    expect(zh.rows[0][6]).toBe('x < −3.637、x > 3.637');
  });
});
