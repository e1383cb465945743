/**
 * Details of the registry a reader meets at the edges: what a refused parameter's message names, values at the
 * boundary of each rule, lookups that look like names, the evaluation loops' bounds, and Tanh′ deep in its tails
 * (against 1/cosh², an independent formula).
 */
import { describe, expect, it } from 'vitest';
import { activationSpecs, bindActivation, findActivation } from '../../../src/core/activations';
import { sech2 } from '../../../src/core/activations/tanh';

const problemOf = (name: string, params: Record<string, number | string>) => {
  const r = bindActivation(name, params);
  return r.ok ? undefined : r.problem;
};

describe('refused parameters name the function, the parameter and the rule', () => {
  it.each([
    ['CELU', { alpha: 0 }, { activation: 'CELU', param: 'alpha', value: 0, allowed: '!= 0' }],
    ['Hardshrink', { lambd: -0.5 }, { activation: 'Hardshrink', param: 'lambd', value: -0.5, allowed: '>= 0' }],
    ['Softshrink', { lambd: -1 }, { activation: 'Softshrink', param: 'lambd', value: -1, allowed: '>= 0' }],
    ['Softplus', { beta: 0 }, { activation: 'Softplus', param: 'beta', value: 0, allowed: '> 0' }],
    ['PReLU', { num_parameters: 3 }, { activation: 'PReLU', param: 'num_parameters', value: 3, allowed: '1' }],
    ['RReLU', { lower: -0.1 }, { activation: 'RReLU', param: 'lower', value: -0.1, allowed: '>= 0' }],
  ])('%s %o', (name, params, args) => {
    expect(problemOf(name, params)).toEqual({ code: 'paramDomain', args });
  });

  it('accepts each rule’s boundary where torch does', () => {
    for (const [name, params] of [
      ['Hardshrink', { lambd: 0 }],
      ['Softshrink', { lambd: 0 }],
      ['RReLU', { lower: 0, upper: 0.5 }],
      ['RReLU', { lower: 0.25, upper: 0.25 }],
    ] as const)
      expect(problemOf(name, params), `${name} ${JSON.stringify(params)}`).toBeUndefined();
  });

  it('lists the parameters an unknown one could have been, in order', () => {
    const spec = activationSpecs().find((s) => s.name === 'Softplus');
    expect(problemOf('Softplus', { betta: 2 })?.args).toMatchObject({
      param: 'betta',
      allowed: spec?.params.map((p) => p.name).join(', '),
      suggestions: 'beta',
    });
  });

  it('takes a choice with spaces around it', () => {
    const r = bindActivation('GELU', { approximate: ' tanh ' });
    expect(r.ok && r.value.params.approximate).toBe('tanh');
  });
});

describe('names', () => {
  it('drops a leading torch.nn. or nn. and spaces, and nothing else', () => {
    expect(findActivation('  nn.Tanh ').ok).toBe(true);
    expect(findActivation('torch.nn.Tanh').ok).toBe(true);
    expect(findActivation('Tanhnn.').ok).toBe(false);
  });

  it('suggests at most three different functions for a misspelling, separated by commas', () => {
    const r = findActivation('xelu');
    const suggestions = r.ok ? '' : String(r.problem.args?.suggestions);
    const names = suggestions.split(', ');
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    for (const n of names) expect(findActivation(n).ok, n).toBe(true);
  });

  it('states a negative slope only for the functions that have one', () => {
    const of = (name: string) => {
      const r = bindActivation(name);
      return r.ok ? r.value : undefined;
    };
    expect(of('ReLU')?.negativeSlope).toBe(0);
    expect(of('LeakyReLU')?.negativeSlope).toBe(0.01);
    expect('negativeSlope' in (of('Sigmoid') ?? {})).toBe(false);
  });
});

describe('values at the edges', () => {
  it('Softplus switches to x at threshold / beta', () => {
    const spec = activationSpecs().find((s) => s.name === 'Softplus');
    expect(spec?.kinks({ beta: 2, threshold: 10 })).toEqual([5]);
  });

  it('GELU (tanh)′ is 1 far out, not ∞ · 0', () => {
    const r = bindActivation('GELU', { approximate: 'tanh' });
    expect(r.ok && [r.value.df(1e200), r.value.df(30)]).toEqual([1, 1]);
  });

  it('Tanh′ deep in the tails to 1e-14, relative, against 1/cosh²', () => {
    for (const x of [22, 25, 30, -40, 100, 300, -350]) {
      const truth = 1 / Math.cosh(x) ** 2;
      expect(Math.abs(sech2(x) - truth) / truth, `x = ${x}`).toBeLessThan(1e-14);
    }
  });

  it('the engines’ loops write exactly n values from their offsets', () => {
    for (const spec of activationSpecs()) {
      // Threshold has no defaults in torch; every other function at its defaults.
      const r = bindActivation(spec.name, spec.name === 'Threshold' ? { threshold: 1, value: 0 } : {});
      if (!r.ok) throw new Error(spec.name);
      const { evaluate } = r.value;
      if (!evaluate) continue;
      const z = Float64Array.from([9, -1, 0.5, 2, 3, 4]);
      const f = new Float64Array(8).fill(7.5);
      const df = new Float64Array(8).fill(7.5);
      evaluate(z, 1, f, df, 2, 3);
      expect([f[0], f[1], f[5], f[6], f[7]], spec.name).toEqual([7.5, 7.5, 7.5, 7.5, 7.5]);
      expect([df[0], df[1], df[5], df[6], df[7]], spec.name).toEqual([7.5, 7.5, 7.5, 7.5, 7.5]);
    }
  });
});
