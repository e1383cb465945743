/** Activations as plain data resolve to functions with the same values: torch's, and the note's own (calling each other). */
import { describe, expect, it } from 'vitest';
import { resolveActivationList } from '../../../src/blocks/activation-list';
import { activationRef, resolveActivationRef } from '../../../src/blocks/jobs/activation-ref';
import { float64Bits } from '../../helpers/bits';

describe('activationRef', () => {
  const list = resolveActivationList(
    ['Sigmoid', 'LeakyReLU(negative_slope=0.2)', 'GELU(approximate=tanh)', 'swish(beta=2)', 'x * tanh(softplus(x))'],
    1,
    'activations',
    { items: ['swish(x; beta=1.5) = x * sig(beta * x)', 'sig(x) = 1 / (1 + exp(-x))'], line: 2 },
  );
  if (!list.ok) throw new Error('list');
  const xs = Array.from({ length: 401 }, (_, i) => -10 + i / 20).concat([0, -0, 1e-300, 700, -700, NaN, Infinity]);

  it.each(list.value.map((a) => [a.spec.name, a] as const))(
    '%s survives a structured clone with the same f and f′',
    (_n, a) => {
      const ref = structuredClone(activationRef(a));
      const back = resolveActivationRef(ref);
      expect(back.params).toEqual(a.params);
      const [f0, f1] = [a, back].map((x) => x.spec.bind(x.params));
      expect(float64Bits(xs.map((x) => f1.f(x)))).toBe(float64Bits(xs.map((x) => f0.f(x))));
      expect(float64Bits(xs.map((x) => f1.df(x)))).toBe(float64Bits(xs.map((x) => f0.df(x))));
    },
  );

  it('names torch functions by name and the note’s own by their definitions', () => {
    expect(activationRef(list.value[1])).toEqual({ torch: 'LeakyReLU', params: { negative_slope: 0.2 } });
    const own = activationRef(list.value[3]);
    expect(own).toMatchObject({ params: { beta: 2 } });
    expect('definitions' in own && own.definitions).toContain('sig(x) = 1 / (1 + exp(-x))');
  });

  it('throws on a ref that does not resolve', () => {
    expect(() => resolveActivationRef({ torch: 'Nope', params: {} })).toThrow(/does not resolve/);
  });
});
