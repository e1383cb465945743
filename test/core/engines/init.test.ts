/** Weight initialisations: torch's formulas, sample statistics, bounds, and the default per family. */
import { beforeEach, describe, expect, it } from 'vitest';
import { activationSpecs } from '../../../src/core/activations';
import {
  defaultInitFor,
  initScale,
  initWeights,
  INIT_NAMES,
  isInitName,
  type InitName,
} from '../../../src/core/engines/init';
import { createRandom } from '../../../src/core/numeric/random';

const FAN_IN = 300;
const FAN_OUT = 100;
const VARIANCE: Record<InitName, number> = {
  xavier_uniform: 2 / (FAN_IN + FAN_OUT),
  xavier_normal: 2 / (FAN_IN + FAN_OUT),
  he_uniform: 2 / FAN_IN,
  he_normal: 2 / FAN_IN,
};

describe.each(INIT_NAMES.map((n) => [n]))('%s', (init) => {
  // Drawn in each test, not while the file loads: mutation testing activates a mutant only inside tests.
  let w: ReturnType<typeof initWeights>;
  beforeEach(() => {
    w = initWeights(createRandom(21), FAN_IN, FAN_OUT, init);
  });

  it('draws fan_in × fan_out numbers with mean 0 and the formula’s variance (within 3 %)', () => {
    expect(w).toHaveLength(FAN_IN * FAN_OUT);
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const variance = w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length;
    expect(Math.abs(mean)).toBeLessThan(3 * Math.sqrt(VARIANCE[init] / w.length) + 1e-12);
    expect(Math.abs(variance / VARIANCE[init] - 1)).toBeLessThan(0.03);
  });

  it('uniform draws stay inside ±bound and reach close to it', () => {
    const scale = initScale(FAN_IN, FAN_OUT, init);
    if (scale.kind !== 'uniform') return;
    const max = w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(max).toBeLessThanOrEqual(scale.bound);
    expect(max).toBeGreaterThan(0.999 * scale.bound);
  });

  it('is deterministic for a seed', () => {
    expect(initWeights(createRandom(21), FAN_IN, FAN_OUT, init)).toEqual(w);
    expect(initWeights(createRandom(22), FAN_IN, FAN_OUT, init)).not.toEqual(w);
  });
});

describe('formulas', () => {
  it('match torch.nn.init with gain 1 and kaiming nonlinearity relu, mode fan_in', () => {
    expect(initScale(16, 16, 'xavier_uniform')).toEqual({ kind: 'uniform', bound: Math.sqrt(6 / 32) });
    expect(initScale(16, 16, 'xavier_normal')).toEqual({ kind: 'normal', std: Math.sqrt(2 / 32) });
    expect(initScale(16, 8, 'he_uniform')).toEqual({ kind: 'uniform', bound: Math.sqrt(2) * Math.sqrt(3 / 16) });
    expect(initScale(16, 8, 'he_normal')).toEqual({ kind: 'normal', std: Math.sqrt(2) / 4 });
  });
  it('recognises init names', () => {
    expect(INIT_NAMES).toEqual(['xavier_uniform', 'xavier_normal', 'he_uniform', 'he_normal']);
    expect(isInitName('he_normal')).toBe(true);
    expect(isInitName('kaiming')).toBe(false);
  });
});

describe('defaultInitFor', () => {
  it('uses Xavier for saturating and shrink families, He for relu, leaky and smooth', () => {
    expect(defaultInitFor('saturating')).toBe('xavier_uniform');
    expect(defaultInitFor('shrink')).toBe('xavier_uniform');
    expect(defaultInitFor('relu')).toBe('he_normal');
    expect(defaultInitFor('leaky')).toBe('he_normal');
    expect(defaultInitFor('smooth')).toBe('he_normal');
  });
  it('gives the expected init for the registry’s well-known activations', () => {
    const byName = new Map(activationSpecs().map((s) => [s.name, defaultInitFor(s.family)]));
    for (const name of ['Sigmoid', 'Tanh']) expect(byName.get(name)).toBe('xavier_uniform');
    for (const name of ['ReLU', 'LeakyReLU', 'PReLU', 'RReLU', 'ELU', 'GELU', 'SiLU'])
      expect(byName.get(name)).toBe('he_normal');
  });
});
