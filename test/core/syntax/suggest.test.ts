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

describe('closestNames at its limits (each figure counted by hand)', () => {
  it('allows ⌊len/3⌋ edits for long inputs, never fewer than 2', () => {
    // "softplusxyz" (11 characters): Softplus is 3 deletions away, within ⌊11/3⌋ = 3.
    expect(closestNames('softplusxyz', ['Softplus'])).toEqual(['Softplus']);
    // 12 characters: 4 deletions, within ⌊12/3⌋ = 4; 13 characters: 5 deletions, past ⌊13/3⌋ = 4.
    expect(closestNames('softplusxyzw', ['Softplus'])).toEqual(['Softplus']);
    expect(closestNames('softplusxyzwv', ['Softplus'])).toEqual([]);
  });

  it('includes a name exactly at the limit and not one past it', () => {
    // "sgmod" → "sigmoid": insert i twice = 2 edits, the limit for 5 characters.
    expect(editDistance('sgmod', 'sigmoid')).toBe(2);
    expect(closestNames('sgmod', ['Sigmoid'])).toEqual(['Sigmoid']);
    // "sgmd" → "sigmoid": three insertions, past the limit of 2.
    expect(closestNames('sgmd', ['Sigmoid'])).toEqual([]);
  });

  it('counts a prefix from three characters on, not from two', () => {
    // "sof" is 5 edits from Softplus but its prefix; "so" (6 edits) is too short to count as one.
    expect(closestNames('sof', ['Softplus'])).toEqual(['Softplus']);
    expect(closestNames('so', ['Softplus'])).toEqual([]);
  });

  it('ranks a prefix match as one edit, ahead of a name two edits away', () => {
    // "sig": Sigmoid is a prefix match (4 edits, ranked 1); SiLU is 2 edits (g→l, +u).
    expect(editDistance('sig', 'silu')).toBe(2);
    expect(closestNames('sig', ['SiLU', 'Sigmoid'])).toEqual(['Sigmoid', 'SiLU']);
  });

  it("keeps the candidates' own order between equals, whichever comes first", () => {
    // ReLU6 (prefix, 1 edit) and ELU (1 edit) tie on rank and distance.
    expect(closestNames('relu', ['ReLU6', 'ELU'])).toEqual(['ReLU6', 'ELU']);
    expect(closestNames('relu', ['ELU', 'ReLU6'])).toEqual(['ELU', 'ReLU6']);
    expect(closestNames('relu', ['SELU', 'ELU', 'RReLU'])).toEqual(['SELU', 'ELU', 'RReLU']);
  });
});

describe('normaliseName', () => {
  it('ignores case, underscores, dashes, dots and spaces', () => {
    expect(normaliseName(' Leaky_ReLU ')).toBe('leakyrelu');
    expect(normaliseName('hard-swish')).toBe('hardswish');
    expect(normaliseName('Log Sigmoid')).toBe('logsigmoid');
  });
});
