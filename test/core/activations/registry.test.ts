/** Registry: names, lookup (case, separators, aliases), kinks and jumps, slider ranges, binding. */
import { describe, expect, it } from 'vitest';
import {
  activationNames,
  activationSpecs,
  bindActivation,
  findActivation,
  resolveParams,
} from '../../../src/core/activations';
import type { ActivationSpec, Params } from '../../../src/core/activations';
import { normaliseName } from '../../../src/core/syntax/suggest';

const TORCH_DOCS_ORDER = [
  'ELU',
  'Hardshrink',
  'Hardsigmoid',
  'Hardtanh',
  'Hardswish',
  'LeakyReLU',
  'LogSigmoid',
  'PReLU',
  'ReLU',
  'ReLU6',
  'RReLU',
  'SELU',
  'CELU',
  'GELU',
  'Sigmoid',
  'SiLU',
  'Mish',
  'Softplus',
  'Softshrink',
  'Softsign',
  'Tanh',
  'Tanhshrink',
  'Threshold',
];

function spec(name: string): ActivationSpec {
  const r = findActivation(name);
  if (!r.ok) throw new Error(`no ${name}`);
  return r.value;
}

function params(name: string, given: Params = {}): Params {
  const r = resolveParams(spec(name), given);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value;
}

describe('activationNames', () => {
  it('lists the 23 torch.nn element-wise activations in the order of the PyTorch docs', () => {
    expect(activationNames()).toEqual(TORCH_DOCS_ORDER);
    expect(activationSpecs().map((s) => s.name)).toEqual(TORCH_DOCS_ORDER);
  });

  it('no two activations share a spelling once normalised', () => {
    const owner = new Map<string, string>();
    for (const s of activationSpecs()) {
      for (const n of [s.name, ...s.aliases]) {
        const key = normaliseName(n);
        expect(owner.get(key) ?? s.name, `${n} is claimed by ${owner.get(key)} and ${s.name}`).toBe(s.name);
        owner.set(key, s.name);
      }
      for (const a of s.aliases) expect(a).toBe(a.toLowerCase());
    }
  });
});

describe('findActivation', () => {
  it.each([
    ['relu', 'ReLU'],
    ['RELU', 'ReLU'],
    ['leaky_relu', 'LeakyReLU'],
    ['leakyrelu', 'LeakyReLU'],
    ['Leaky ReLU', 'LeakyReLU'],
    ['leaky-relu', 'LeakyReLU'],
    ['swish', 'SiLU'],
    ['Swish', 'SiLU'],
    ['silu', 'SiLU'],
    ['hard_swish', 'Hardswish'],
    ['hardswish', 'Hardswish'],
    ['logsigmoid', 'LogSigmoid'],
    ['log_sigmoid', 'LogSigmoid'],
    ['relu6', 'ReLU6'],
    ['gelu', 'GELU'],
    ['prelu', 'PReLU'],
    ['rrelu', 'RReLU'],
    ['hard_sigmoid', 'Hardsigmoid'],
    ['hard_tanh', 'Hardtanh'],
    ['soft_plus', 'Softplus'],
    ['softplus', 'Softplus'],
    ['tanh_shrink', 'Tanhshrink'],
    ['hard_shrink', 'Hardshrink'],
    ['soft_shrink', 'Softshrink'],
    ['soft_sign', 'Softsign'],
    ['logistic', 'Sigmoid'],
    ['  Tanh  ', 'Tanh'],
    ['nn.LeakyReLU', 'LeakyReLU'],
    ['torch.nn.GELU', 'GELU'],
    ['threshold', 'Threshold'],
    ['MISH', 'Mish'],
  ])('%s → %s', (typed, name) => {
    expect(spec(typed).name).toBe(name);
  });

  it('finds every canonical name as written and lower-cased', () => {
    for (const n of TORCH_DOCS_ORDER) {
      expect(spec(n).name).toBe(n);
      expect(spec(n.toLowerCase()).name).toBe(n);
    }
  });

  it('reports unknown names with suggestions', () => {
    expect(findActivation('sigmod')).toEqual({
      ok: false,
      problem: { code: 'unknownActivation', args: { name: 'sigmod', suggestions: 'Sigmoid' } },
    });
    const swsh = findActivation('swsh');
    expect(swsh.ok || swsh.problem.args.suggestions).toMatch(/SiLU/);
    const leaky = findActivation('lekyrelu');
    expect(leaky.ok || String(leaky.problem.args.suggestions).split(', ')[0]).toBe('LeakyReLU');
    expect(findActivation('banana')).toEqual({
      ok: false,
      problem: { code: 'unknownActivation', args: { name: 'banana', suggestions: '' } },
    });
  });
});

describe('kinks and jumps', () => {
  const kinks = (name: string, given: Params = {}) => spec(name).kinks(params(name, given));
  const jumps = (name: string, given: Params = {}) => spec(name).jumps?.(params(name, given)) ?? [];

  it('lists every point where f or f′ is not smooth', () => {
    expect(kinks('ReLU')).toEqual([0]);
    expect(kinks('ReLU6')).toEqual([0, 6]);
    expect(kinks('Hardtanh', { min_val: -2, max_val: 3 })).toEqual([-2, 3]);
    expect(kinks('Hardsigmoid')).toEqual([-3, 3]);
    expect(kinks('Hardswish')).toEqual([-3, 3]);
    expect(kinks('Hardshrink')).toEqual([-0.5, 0.5]);
    expect(kinks('Softshrink', { lambd: 0 })).toEqual([0]);
    expect(kinks('Threshold', { threshold: 0.1, value: 20 })).toEqual([0.1]);
    for (const n of ['LeakyReLU', 'PReLU', 'RReLU', 'ELU', 'CELU', 'SELU']) expect(kinks(n)).toEqual([0]);
    expect(kinks('Softplus', { beta: 2, threshold: 10 })).toEqual([5]);
    for (const n of ['Sigmoid', 'Tanh', 'GELU', 'SiLU', 'Mish', 'Softsign', 'LogSigmoid', 'Tanhshrink'])
      expect(kinks(n)).toEqual([]);
  });

  it('lists where f itself is discontinuous', () => {
    expect(jumps('Threshold', { threshold: 0.5, value: -1 })).toEqual([0.5]);
    expect(jumps('Threshold', { threshold: 0.5, value: 0.5 })).toEqual([]);
    expect(jumps('Hardshrink')).toEqual([-0.5, 0.5]);
    expect(jumps('Hardshrink', { lambd: 0 })).toEqual([]);
    expect(jumps('Softplus')).toEqual([20]); // log1p(e^−20) ≈ 2e−9: tiny, but f does jump when beta·x passes threshold
    for (const n of ['ReLU', 'Softshrink', 'Hardtanh', 'ELU', 'GELU']) expect(jumps(n)).toEqual([]);
  });

  it('the listed jumps really are jumps, and f is continuous at the other kinks', () => {
    for (const s of activationSpecs()) {
      const p = params(s.name, s.name === 'Threshold' ? { threshold: 0.5, value: -1 } : {});
      const { f } = s.bind(p);
      const jumpSet = new Set(s.jumps?.(p) ?? []);
      for (const k of s.kinks(p)) {
        const gap = Math.max(Math.abs(f(k) - f(k - 1e-12)), Math.abs(f(k + 1e-12 * Math.max(1, Math.abs(k))) - f(k)));
        if (jumpSet.has(k)) expect(gap, `${s.name} at ${k}`).toBeGreaterThan(1e-10);
        else expect(gap, `${s.name} at ${k}`).toBeLessThan(1e-10);
      }
    }
  });
});

describe('parameter specs', () => {
  it('use torch keywords and defaults, with sensible sliders', () => {
    const summary = Object.fromEntries(
      activationSpecs().map((s) => [s.name, s.params.map((p) => `${p.name}=${String(p.default)}`).join(' ')]),
    );
    expect(summary).toMatchObject({
      ELU: 'alpha=1',
      CELU: 'alpha=1',
      Hardshrink: 'lambd=0.5',
      Softshrink: 'lambd=0.5',
      Hardtanh: 'min_val=-1 max_val=1',
      LeakyReLU: 'negative_slope=0.01',
      PReLU: 'num_parameters=1 init=0.25',
      RReLU: `lower=${1 / 8} upper=${1 / 3}`,
      GELU: 'approximate=none',
      Softplus: 'beta=1 threshold=20',
      Threshold: 'threshold=undefined value=undefined',
      ReLU: '',
    });
    for (const s of activationSpecs()) {
      expect(['saturating', 'relu', 'leaky', 'smooth', 'shrink']).toContain(s.family);
      for (const p of s.params) {
        if (p.kind === 'choice') expect(p.choices).toContain(p.default);
        if (!p.slider) continue;
        expect(p.slider.min).toBeLessThan(p.slider.max);
        expect(p.slider.step).toBeGreaterThan(0);
        if (typeof p.default === 'number') {
          expect(p.default).toBeGreaterThanOrEqual(p.slider.min);
          expect(p.default).toBeLessThanOrEqual(p.slider.max);
        }
      }
    }
  });
});

describe('bindActivation', () => {
  it('returns the canonical name, every parameter, f and df', () => {
    const r = bindActivation('leaky_relu', { negative_slope: '0.2' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('LeakyReLU');
    expect(r.value.params).toEqual({ negative_slope: 0.2 });
    expect(r.value.f(-2)).toBe(-0.4);
    expect(r.value.df(0)).toBe(0.2);
  });

  it('passes lookup and parameter problems through', () => {
    expect(bindActivation('sigmod').ok).toBe(false);
    const r = bindActivation('Softplus', { beta: 0 });
    expect(r.ok || r.problem.code).toBe('paramDomain');
  });

  it('follows torch at kinks (spot checks beyond the reference file)', () => {
    const at = (name: string, x: number, given: Params = {}) => {
      const r = bindActivation(name, given);
      if (!r.ok) throw new Error(name);
      return [r.value.f(x), r.value.df(x)];
    };
    expect(at('ReLU', 0)).toEqual([0, 0]);
    expect(at('ELU', 0, { alpha: 0.7 })[1]).toBe(0.7);
    expect(at('CELU', 0, { alpha: 3 })[1]).toBe(1);
    expect(at('Hardsigmoid', 2.9)[1]).toBe(0.1666666716337204);
    expect(at('Hardsigmoid', 3)[1]).toBe(0);
    expect(at('Hardtanh', 1)).toEqual([1, 0]);
    expect(at('Softshrink', 0.5)).toEqual([0, 0]);
    expect(at('Hardshrink', -0.5)).toEqual([0, 0]);
    expect(at('Threshold', 0.5, { threshold: 0.5, value: -1 })).toEqual([-1, 0]);
    expect(at('Softplus', 10, { beta: 1, threshold: 10 })[0]).toBeGreaterThan(10); // not yet the identity at beta·x = threshold
    expect(at('Softplus', 10 + 1e-9, { beta: 1, threshold: 10 })).toEqual([10 + 1e-9, 1]);
  });
});
