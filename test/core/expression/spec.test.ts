/**
 * A definition as a registry entry: its sliders' ranges and steps, the family read off f′, and the entry's fields,
 * each worked out by hand from the rules in spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { definitionSpecs } from '../../../src/core/expression';
import { familyOf } from '../../../src/core/expression/spec';
import { definitions } from '../../helpers/expressions';

function specs(sources: string[]) {
  const r = definitionSpecs(definitions(sources));
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value.specs;
}
const spec = (source: string) => specs([source])[0];

describe('sliders', () => {
  it.each([
    // default d, no range: [−m, m] with m = max(1, 2|d|); step 10^⌊log10(width / 200)⌋.
    ['f(x; a=1.5) = a * x', { min: -3, max: 3, step: 0.01 }],
    ['f(x; a=0.2) = a * x', { min: -1, max: 1, step: 0.01 }],
    ['f(x; a=-7) = a * x', { min: -14, max: 14, step: 0.1 }],
    ['f(x; a=0) = a * x', { min: -1, max: 1, step: 0.01 }],
    // A range is used as written: width 5 → 0.025 → 0.01; width 1000 → 5 → 1.
    ['f(x; a=1 in [0, 5]) = a * x', { min: 0, max: 5, step: 0.01 }],
    ['f(x; a=10 in [0, 1000]) = a * x', { min: 0, max: 1000, step: 1 }],
  ])('%s', (source, slider) => {
    const [p] = spec(source).params;
    expect(p).toEqual({ name: 'a', default: p.default, kind: 'number', slider });
  });
});

describe('family, read off f′ on [−12, 12]', () => {
  it.each([
    ['sigmoid(x)', 'saturating'],
    ['tanh(x)', 'saturating'],
    ['relu(x)', 'relu'],
    ['max(0, x)', 'relu'],
    ['x * sigmoid(x)', 'smooth'],
    ['x', 'smooth'],
    // |f′(±12)| exactly a tenth of the peak is not below it.
    ['where(abs(x) > 10, 0.1 * x, x)', 'smooth'],
    ['where(abs(x) > 10, 0.09 * x, x)', 'saturating'],
    // A peak of 2 (not 1, where 0.1·peak and 0.1/peak agree): ends at 0.18 are below a tenth of it, 0.25 not.
    ['where(abs(x) > 10, 0.18 * x, 2 * x)', 'saturating'],
    ['where(abs(x) > 10, 0.25 * x, 2 * x)', 'smooth'],
    // One end exactly at a tenth of the peak, the other well below: not saturating.
    ['where(x < -10, 0.1 * x, where(x > 10, 0.01 * x, x))', 'smooth'],
    ['where(x < -10, 0.01 * x, where(x > 10, 0.1 * x, x))', 'smooth'],
    // Only one end small: not saturating.
    ['where(x < -10, 0.01 * x, x)', 'smooth'],
    ['where(x > 10, 0.01 * x, x)', 'smooth'],
  ])('%s: %s', (source, family) => {
    expect(spec(source).family).toBe(family);
  });

  it('f′ zero everywhere or zero on the left is relu; a bump of f′ in the middle is saturating', () => {
    expect(familyOf(() => 0)).toBe('relu');
    expect(familyOf((x) => (x < 0 ? 0 : 1))).toBe('relu');
    expect(familyOf((x) => Math.exp(-x * x))).toBe('saturating');
  });
});

describe('the entry', () => {
  it('carries its name, source, place in the block and cost, and no aliases', () => {
    const [, h] = specs(['g(x; a=1) = a * x', 'h(x) = g(x) + 1']);
    expect(h.name).toBe('h');
    expect(h.aliases).toEqual([]);
    expect(h.expression).toBe('h(x) = g(x) + 1');
    expect(h.definedIn).toEqual({ sources: ['g(x; a=1) = a * x', 'h(x) = g(x) + 1'], index: 1 });
    // Operations per evaluation, node by node: g = a * x is the product and its two operands, 3. h = g(x) + 1 is
    // the sum (1), the term g(x) (1 for its place in the sum, 1 for the call, 1 for its argument x, and g's 3) and
    // the term 1 (1 for its place, 1 for the number): 9.
    expect(specs(['g(x; a=1) = a * x'])[0].cost).toBe(3);
    expect(h.cost).toBe(9);
  });

  it('validates, binds and reports kinks for the parameters given', () => {
    const s = spec('f(x; lo=-1) = hardtanh(x, min_val=lo, max_val=1)');
    expect(s.validate?.({ lo: -1 })).toBeUndefined();
    expect(s.validate?.({ lo: 2 })).toMatchObject({ code: 'paramRelation', args: { activation: 'Hardtanh' } });
    expect(s.kinks({ lo: -1 })).toEqual([-1, 1]);
    expect(s.kinks({ lo: -0.5 })).toEqual([-0.5, 1]);
    expect(s.jumps?.({ lo: -1 })).toEqual([]);
    const { f, df } = s.bind({ lo: -0.5 });
    expect([f(-2), f(0.25), f(3)]).toEqual([-0.5, 0.25, 1]);
    expect([df(-2), df(0.25), df(3)]).toEqual([0, 1, 0]);
  });

  it('reports jumps for the parameters given', () => {
    expect(spec('f(x; t=1) = where(x > t, 1, 0)').jumps?.({ t: 2 })).toEqual([2]);
  });
});

describe("a block's problem shows the definition it is in", () => {
  it.each([
    [['f(x) = x', 'g(x) = foo(x)'], 'exprUnknownName', 'g(x) = foo(x)'],
    [['f(x; a=1) = x', 'g(x) = f(x, b=2)'], 'unknownParam', 'g(x) = f(x, b=2)'],
    [['f(x) = g(x)', 'g(x) = f(x)'], 'exprCycle', 'g(x) = f(x)'],
  ])('%j', (sources, code, source) => {
    const r = definitionSpecs(definitions(sources));
    expect(r.ok ? null : r.problem).toMatchObject({ code, args: { source } });
  });
});
