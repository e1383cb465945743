/** Property tests: defined everywhere, finite where torch is finite, monotone where monotone, known bounds. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activationNames, bindActivation } from '../../../src/core/activations';
import type { Activation, Params } from '../../../src/core/activations';

/** Threshold has no defaults; every other activation is bound with torch's defaults. */
const DEFAULTS: Record<string, Params> = { Threshold: { threshold: 0.5, value: -1 } };

function bind(name: string, params: Params = DEFAULTS[name] ?? {}): Activation {
  const r = bindActivation(name, params);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.problem)}`);
  return r.value;
}

const EXTREMES = [
  0, -0, 5e-324, -5e-324, 1e-300, -1e-300, 1e-9, -1e-9, 30, -30, 100, -100, 709.8, -709.8, 745.2, -745.2, 800, -800,
  1e4, -1e4, 1e6, -1e6, 1e15, -1e15, 1e100, -1e100, 1e300, -1e300, 1e308, -1e308,
];
const finiteX = fc.double({ min: -1e308, max: 1e308, noNaN: true });
const moderateX = fc.double({ min: -50, max: 50, noNaN: true });

describe.each(activationNames())('%s', (name) => {
  const act = bind(name);

  it('f and df are finite for every finite x up to ±1e308 (torch is finite there too)', () => {
    for (const x of EXTREMES) {
      expect(Number.isFinite(act.f(x)), `f(${x}) = ${act.f(x)}`).toBe(true);
      expect(Number.isFinite(act.df(x)), `df(${x}) = ${act.df(x)}`).toBe(true);
    }
    fc.assert(fc.property(finiteX, (x) => Number.isFinite(act.f(x)) && Number.isFinite(act.df(x))));
  });

  // ±∞ inputs follow IEEE arithmetic as torch's kernels do (e.g. SiLU(−∞) = −∞·0 = NaN); charts never sample them.
  it('NaN in gives NaN out', () => {
    expect(act.f(NaN)).toBeNaN();
    expect(act.df(NaN)).toBeNaN();
  });
});

/** Non-decreasing activations, with the largest downward step allowed (Softplus's switch to x at threshold/beta). */
const MONOTONE: [string, Params | undefined, number][] = [
  ['ELU', undefined, 0],
  ['Hardshrink', undefined, 0],
  ['Hardsigmoid', undefined, 0],
  ['Hardtanh', undefined, 0],
  ['LeakyReLU', undefined, 0],
  ['LogSigmoid', undefined, 0],
  ['PReLU', undefined, 0],
  ['ReLU', undefined, 0],
  ['ReLU6', undefined, 0],
  ['RReLU', undefined, 0],
  ['SELU', undefined, 0],
  ['CELU', undefined, 0],
  ['Sigmoid', undefined, 0],
  ['Softshrink', undefined, 0],
  ['Softsign', undefined, 0],
  ['Tanh', undefined, 0],
  ['Tanhshrink', undefined, 0],
  ['Threshold', undefined, 0],
  ['ELU', { alpha: 2.5 }, 0],
  ['Softplus', undefined, Math.log1p(Math.exp(-20))],
  ['Softplus', { beta: 1, threshold: 1 }, Math.log1p(Math.exp(-1))],
];

describe('monotone activations', () => {
  it.each(MONOTONE.map(([n, p, tol]) => [`${n}(${JSON.stringify(p ?? {})})`, n, p, tol] as const))(
    '%s is non-decreasing with df >= 0',
    (_label, name, params, tol) => {
      const act = bind(name, params);
      fc.assert(
        fc.property(moderateX, moderateX, (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          // Tanhshrink is x − tanh(x), as torch computes it: the cancellation leaves rounding of about an ulp
          // of x, so neighbouring inputs may be out of order by that much (fast-check found 3.78e-9 vs 0).
          const ulps = name === 'Tanhshrink' ? 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi)) : 0;
          return act.f(lo) <= act.f(hi) + tol * (1 + 1e-12) + ulps && act.df(a) >= 0;
        }),
      );
    },
  );
});

describe('bounds', () => {
  const within = (name: string, lo: number, hi: number, dlo: number, dhi: number, params?: Params) => {
    const act = bind(name, params);
    fc.assert(
      fc.property(finiteX, (x) => {
        const f = act.f(x);
        const d = act.df(x);
        return f >= lo && f <= hi && d >= dlo && d <= dhi;
      }),
    );
  };
  it('Sigmoid ∈ [0, 1], Sigmoid′ ∈ [0, 1/4]', () => within('Sigmoid', 0, 1, 0, 0.25));
  it('Tanh ∈ [−1, 1], Tanh′ ∈ [0, 1]', () => within('Tanh', -1, 1, 0, 1));
  it('Softsign ∈ [−1, 1], Softsign′ ∈ [0, 1]', () => within('Softsign', -1, 1, 0, 1));
  it('Hardsigmoid ∈ [0, 1]', () => within('Hardsigmoid', 0, 1, 0, 1 / 6 + 1e-8));
  it('Hardtanh ∈ [min_val, max_val]', () => within('Hardtanh', -2, 0.5, 0, 1, { min_val: -2, max_val: 0.5 }));
  it('ReLU6 ∈ [0, 6]', () => within('ReLU6', 0, 6, 0, 1));
  it('LogSigmoid ≤ 0, LogSigmoid′ ∈ [0, 1]', () => within('LogSigmoid', -Infinity, 0, 0, 1));
  it('Softplus ≥ 0, Softplus′ ∈ [0, 1]', () => within('Softplus', 0, Infinity, 0, 1));
  it('ELU ≥ −alpha', () => within('ELU', -1.5, Infinity, 0, 1.5, { alpha: 1.5 }));
  it('SELU ≥ −scale·alpha', () => within('SELU', -1.7580993408473768, Infinity, 0, 1.7580993408473768));
  it('GELU ≥ −0.17, GELU′ ∈ [−0.13, 1.13]', () => within('GELU', -0.17, Infinity, -0.13, 1.13));
  it('SiLU ≥ −0.279, SiLU′ ∈ [−0.1, 1.1]', () => within('SiLU', -0.279, Infinity, -0.1, 1.1));
  it('Mish ≥ −0.309', () => within('Mish', -0.309, Infinity, -0.23, 1.1));
  it('Hardswish ≥ −0.375, Hardswish′ ∈ [−0.5, 1.5]', () => within('Hardswish', -0.375, Infinity, -0.5, 1.5));
  it('Sigmoid′ peaks at exactly 1/4 at 0, Tanh′ at exactly 1', () => {
    expect(bind('Sigmoid').df(0)).toBe(0.25);
    expect(bind('Tanh').df(0)).toBe(1);
  });
});

describe('symmetries', () => {
  it('Tanh, Softsign, Softshrink, Hardshrink, Tanhshrink are odd; σ(−x) = 1 − σ(x)', () => {
    const odd = ['Tanh', 'Softsign', 'Softshrink', 'Hardshrink', 'Tanhshrink'].map((n) => bind(n));
    const sig = bind('Sigmoid');
    fc.assert(
      fc.property(moderateX, (x) => {
        for (const a of odd) expect(a.f(-x) + 0).toBe(-a.f(x) + 0); // + 0 folds −0 into 0
        expect(Math.abs(sig.f(-x) - (1 - sig.f(x)))).toBeLessThanOrEqual(2e-16);
      }),
    );
  });
});

describe('random valid parameters', () => {
  it('LeakyReLU, ELU, CELU, Softplus, Hardtanh stay finite for moderate x', () => {
    const pos = fc.double({ min: 0.05, max: 10, noNaN: true });
    fc.assert(
      fc.property(pos, pos, fc.double({ min: 1, max: 40, noNaN: true }), moderateX, (a, b, t, x) => {
        const acts = [
          bind('LeakyReLU', { negative_slope: a / 10 }),
          bind('ELU', { alpha: a }),
          bind('CELU', { alpha: a }),
          bind('Softplus', { beta: b, threshold: t }),
          bind('Hardtanh', { min_val: -a, max_val: b }),
        ];
        return acts.every((act) => Number.isFinite(act.f(x)) && Number.isFinite(act.df(x)));
      }),
    );
  });
});
