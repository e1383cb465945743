/** resolveParams: defaults, strict number parsing, unknown keywords, choices and domains. */
import { describe, expect, it } from 'vitest';
import { findActivation, parseStrictNumber, resolveParams } from '../../../src/core/activations';
import type { Params, ParamValue } from '../../../src/core/activations';
import type { Problem } from '../../../src/core/result';

function resolve(name: string, given: Record<string, ParamValue>): Params | Problem {
  const spec = findActivation(name);
  if (!spec.ok) throw new Error(name);
  const r = resolveParams(spec.value, given);
  return r.ok ? r.value : r.problem;
}

describe('parseStrictNumber', () => {
  it.each([
    ['0.2', 0.2],
    ['1e-3', 0.001],
    ['-1', -1],
    ['+2', 2],
    ['.5', 0.5],
    ['3.', 3],
    [' 7 ', 7],
    ['1E2', 100],
  ])('%s → %d', (t, n) => {
    expect(parseStrictNumber(t)).toBe(n);
  });
  it.each(['', ' ', '1/8', '0x10', 'abc', 'inf', 'Infinity', 'NaN', '1e', '--1', '1,5', '1_000', '2.5.1', 'e5'])(
    'refuses %j',
    (t) => {
      expect(parseStrictNumber(t)).toBeUndefined();
    },
  );
});

describe('resolveParams', () => {
  it('fills torch defaults, in constructor order', () => {
    expect(resolve('LeakyReLU', {})).toEqual({ negative_slope: 0.01 });
    expect(resolve('Softplus', { threshold: 5 })).toEqual({ beta: 1, threshold: 5 });
    expect(Object.keys(resolve('Hardtanh', { max_val: 2, min_val: -2 }))).toEqual(['min_val', 'max_val']);
    expect(resolve('RReLU', {})).toEqual({ lower: 1 / 8, upper: 1 / 3 });
    expect(resolve('PReLU', { init: '0.1' })).toEqual({ num_parameters: 1, init: 0.1 });
    expect(resolve('ReLU', {})).toEqual({});
  });

  it('parses numbers given as strings strictly', () => {
    expect(resolve('ELU', { alpha: '1.5' })).toEqual({ alpha: 1.5 });
    expect(resolve('LeakyReLU', { negative_slope: '1e-3' })).toEqual({ negative_slope: 0.001 });
    expect(resolve('ELU', { alpha: '1/8' })).toEqual({
      code: 'paramNotNumber',
      args: { activation: 'ELU', param: 'alpha', value: '1/8' },
    });
    expect(resolve('ELU', { alpha: 'abc' })).toMatchObject({ code: 'paramNotNumber' });
    expect(resolve('ELU', { alpha: NaN })).toMatchObject({ code: 'paramNotNumber' });
    expect(resolve('ELU', { alpha: Infinity })).toMatchObject({ code: 'paramDomain', args: { allowed: 'finite' } });
    expect(resolve('ELU', { alpha: '1e999' })).toMatchObject({ code: 'paramDomain', args: { allowed: 'finite' } });
  });

  it('matches keys ignoring case and underscores, but refuses the same key twice', () => {
    expect(resolve('LeakyReLU', { Negative_Slope: 0.3 })).toEqual({ negative_slope: 0.3 });
    expect(resolve('Hardtanh', { minval: -2 })).toEqual({ min_val: -2, max_val: 1 });
    expect(resolve('LeakyReLU', { negative_slope: 0.1, negativeslope: 0.2 })).toEqual({
      code: 'duplicateKey',
      args: { key: 'negative_slope' },
    });
  });

  it('refuses unknown keywords with the allowed list and suggestions', () => {
    expect(resolve('LeakyReLU', { negativ_slope: 0.2 })).toEqual({
      code: 'unknownParam',
      args: {
        activation: 'LeakyReLU',
        param: 'negativ_slope',
        allowed: 'negative_slope',
        suggestions: 'negative_slope',
      },
    });
    expect(resolve('Hardshrink', { lambda: 1 })).toMatchObject({
      code: 'unknownParam',
      args: { suggestions: 'lambd' },
    });
    expect(resolve('Hardtanh', { max: 1 })).toMatchObject({ args: { allowed: 'min_val, max_val' } });
    expect(resolve('ReLU', { inplace: 'True' })).toMatchObject({
      code: 'unknownParam',
      args: { allowed: '', suggestions: '' },
    });
  });

  it('validates choices', () => {
    expect(resolve('GELU', { approximate: 'tanh' })).toEqual({ approximate: 'tanh' });
    expect(resolve('GELU', { approximate: 'TANH' })).toEqual({ approximate: 'tanh' });
    expect(resolve('GELU', { approximate: 'fast' })).toEqual({
      code: 'paramChoice',
      args: { activation: 'GELU', param: 'approximate', value: 'fast', allowed: 'none, tanh' },
    });
    expect(resolve('GELU', { approximate: 1 })).toMatchObject({ code: 'paramChoice', args: { value: '1' } });
  });

  it('checks domains and relations', () => {
    expect(resolve('Softplus', { beta: 0 })).toEqual({
      code: 'paramDomain',
      args: { activation: 'Softplus', param: 'beta', value: 0, allowed: '> 0' },
    });
    expect(resolve('Softplus', { beta: -1 })).toMatchObject({
      code: 'paramDomain',
      args: { param: 'beta', value: -1 },
    });
    expect(resolve('Hardtanh', { min_val: 2, max_val: 2 })).toEqual({
      code: 'paramRelation',
      args: { activation: 'Hardtanh', rule: 'min_val < max_val', value: 'min_val=2, max_val=2' },
    });
    expect(resolve('Hardtanh', { min_val: 3, max_val: 1 })).toMatchObject({ code: 'paramRelation' });
    expect(resolve('RReLU', { lower: 0.5, upper: 0.1 })).toEqual({
      code: 'paramRelation',
      args: { activation: 'RReLU', rule: 'lower <= upper', value: 'lower=0.5, upper=0.1' },
    });
    expect(resolve('RReLU', { lower: 0.3, upper: 0.3 })).toEqual({ lower: 0.3, upper: 0.3 });
    expect(resolve('RReLU', { lower: -0.1 })).toMatchObject({
      code: 'paramDomain',
      args: { param: 'lower', allowed: '>= 0' },
    });
    expect(resolve('CELU', { alpha: 0 })).toMatchObject({
      code: 'paramDomain',
      args: { param: 'alpha', allowed: '!= 0' },
    });
    expect(resolve('CELU', { alpha: -1 })).toEqual({ alpha: -1 });
    expect(resolve('Hardshrink', { lambd: -0.1 })).toMatchObject({
      code: 'paramDomain',
      args: { param: 'lambd', allowed: '>= 0' },
    });
    expect(resolve('Softshrink', { lambd: -0.1 })).toMatchObject({ code: 'paramDomain' });
    expect(resolve('Softshrink', { lambd: 0 })).toEqual({ lambd: 0 });
    expect(resolve('PReLU', { num_parameters: 3 })).toMatchObject({
      code: 'paramDomain',
      args: { param: 'num_parameters', allowed: '1' },
    });
  });

  it('requires Threshold’s threshold and value (torch has no defaults)', () => {
    const required = (param: string) => ({
      code: 'paramRequired',
      args: { activation: 'Threshold', param, signature: 'Threshold(threshold=…, value=…)' },
    });
    expect(resolve('Threshold', {})).toEqual(required('threshold'));
    expect(resolve('Threshold', { threshold: 0.5 })).toEqual(required('value'));
    expect(resolve('Threshold', { value: 1 })).toEqual(required('threshold'));
    expect(resolve('Threshold', { threshold: '0.5', value: '-1' })).toEqual({ threshold: 0.5, value: -1 });
  });
});
