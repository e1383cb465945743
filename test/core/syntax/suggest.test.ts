import { describe, expect, it } from 'vitest';
import { closestNames, editDistance, normaliseName } from '../../../src/core/syntax/suggest';
import { activationNames } from '../../../src/core/activations';

const NAMES = activationNames();

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['sigmod', 'sigmoid', 1],
    ['tahn', 'tanh', 1], // one adjacent swap
    ['ca', 'abc', 3], // OSA, not unrestricted Damerau (which gives 2)
    ['kitten', 'sitting', 3],
  ])('d(%s, %s) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestNames', () => {
  it('suggests the activation people meant', () => {
    expect(closestNames('sigmod', NAMES)).toEqual(['Sigmoid']);
    expect(closestNames('lekyrelu', NAMES)[0]).toBe('LeakyReLU');
    expect(closestNames('tahn', NAMES)[0]).toBe('Tanh');
    expect(closestNames('Leaky_ReLu', NAMES)[0]).toBe('LeakyReLU');
  });

  it('includes prefix matches and keeps a deterministic order', () => {
    // all prefix matches rank as distance 1, then by real distance (4, 4, 6), then by candidate order
    expect(closestNames('soft', NAMES)).toEqual(['Softplus', 'Softsign', 'Softshrink']);
    expect(closestNames('hard', NAMES, 10)).toEqual(['Hardtanh', 'Hardswish', 'Hardshrink', 'Hardsigmoid']);
    expect(closestNames('soft', NAMES)).toEqual(closestNames('soft', [...NAMES]));
  });

  it('leaves out names that are not close', () => {
    expect(closestNames('banana', NAMES)).toEqual([]);
    expect(closestNames('xyzzy', ['width', 'height'])).toEqual([]);
  });

  it('respects max and drops duplicates', () => {
    expect(closestNames('relu', ['ReLU', 'ReLU', 'ReLU6', 'PReLU', 'RReLU', 'SELU'], 2)).toEqual(['ReLU', 'ReLU6']);
    expect(closestNames('relu', NAMES, 0)).toEqual([]);
  });

  it('ranks by distance first (exact, then one edit, …)', () => {
    expect(closestNames('widht', ['height', 'width', 'window'])).toEqual(['width']);
    // ReLU exact; ELU, PReLU, ReLU6, RReLU, SELU all one edit away → candidate (torch docs) order
    expect(closestNames('relu', NAMES)).toEqual(['ReLU', 'ELU', 'PReLU']);
  });
});

describe('normaliseName', () => {
  it('ignores case, underscores, dashes, dots and spaces', () => {
    expect(normaliseName(' Leaky_ReLU ')).toBe('leakyrelu');
    expect(normaliseName('hard-swish')).toBe('hardswish');
    expect(normaliseName('Log Sigmoid')).toBe('logsigmoid');
  });
});
