/**
 * Rewritings of torch functions in the expression language against PyTorch's own values and autograd
 * derivatives (test/fixtures/reference/activations.json): |a − b| <= 1e-9 + 1e-7·|b| for f and f′, at every
 * reference point except where the rewriting has a kink of its own whose convention differs by design
 * (clamp passes the gradient at its bounds, Hardtanh does not). Prints the worst error of each rewriting.
 */
import process from 'node:process';
import { afterAll, describe, expect, it } from 'vitest';
import { definitionSpecs, readDefinition } from '../../../src/core/expression';
import { closeTo, readReference, refNumber } from '../../helpers/reference';

type RefValue = number | string | null;
type Case = { name: string; params: Record<string, number | string>; x: RefValue[]; f: RefValue[]; df: RefValue[] };

const ABS = 1e-9;
const REL = 1e-7;
const ref = readReference<{ cases: Case[] }>('activations.json');

/** [expression, torch name, torch params, x where the expression's own kink convention differs]. */
const REWRITINGS: [string, string, Record<string, number | string>, number[]][] = [
  ['x * sigmoid(x)', 'SiLU', {}, []],
  ['x * tanh(softplus(x))', 'Mish', {}, []],
  ['0.5 * x * (1 + erf(x / sqrt(2)))', 'GELU', {}, []],
  ['0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))', 'GELU', { approximate: 'tanh' }, []],
  ['where(x > 0, x, exp(x) - 1)', 'ELU', {}, []],
  ['where(x > 0, x, 0.5 * expm1(x))', 'ELU', { alpha: 0.5 }, []],
  ['where(x > 0, x, 2 * (exp(x / 2) - 1))', 'CELU', { alpha: 2 }, []],
  ['1.0507009873554805 * where(x > 0, x, 1.6732632423543772 * expm1(x))', 'SELU', {}, []],
  ['clamp(x, -1, 1)', 'Hardtanh', {}, [-1, 1]],
  ['clamp(x, -2, 3)', 'Hardtanh', { min_val: -2, max_val: 3 }, [-2, 3]],
  ['clamp(x, 0, 6)', 'ReLU6', {}, [0, 6]],
  ['max(0, x)', 'ReLU', {}, [0]],
  ['relu(x)', 'ReLU', {}, []],
  ['where(x > 0, x, 0.2 * x)', 'LeakyReLU', { negative_slope: 0.2 }, []],
  ['max(0, x) + 0.25 * min(0, x)', 'PReLU', {}, [0]],
  ['x * clamp(x + 3, 0, 6) / 6', 'Hardswish', {}, []],
  ['clamp(x + 3, 0, 6) / 6', 'Hardsigmoid', {}, [-3, 3]],
  ['-softplus(-x)', 'LogSigmoid', {}, []],
  ['x / (1 + abs(x))', 'Softsign', {}, []],
  ['x - tanh(x)', 'Tanhshrink', {}, []],
  ['where(2 * x > 10, x, log1p(exp(2 * x)) / 2)', 'Softplus', { beta: 2, threshold: 10 }, []],
  ['where(x > 0.5, x, -1)', 'Threshold', { threshold: 0.5, value: -1 }, []],
  ['where(x > 0.7, x - 0.7, where(x < -0.7, x + 0.7, 0))', 'Softshrink', { lambd: 0.7 }, []],
  ['sigmoid(x)', 'Sigmoid', {}, []],
  ['tanh(x)', 'Tanh', {}, []],
];

const worst: string[] = [];
let worstRatio = 0;

function bind(source: string) {
  const d = readDefinition(source);
  if (!d.ok) throw new Error(JSON.stringify(d.problem));
  const s = definitionSpecs([d.value]);
  if (!s.ok) throw new Error(JSON.stringify(s.problem));
  return s.value.specs[0].bind({});
}

describe('expressions against the PyTorch reference', () => {
  it.each(REWRITINGS)('%s = %s %j', (source, name, params, except) => {
    const c = ref.cases.find((k) => k.name === name && JSON.stringify(k.params) === JSON.stringify(params));
    if (!c) throw new Error(`no reference case ${name} ${JSON.stringify(params)}`);
    const { f, df } = bind(source);
    const bad: string[] = [];
    let ratio = 0;
    let absErr = 0;
    c.x.forEach((raw, i) => {
      const x = refNumber(raw);
      if (except.includes(x)) return;
      for (const [got, want, what] of [
        [f(x), refNumber(c.f[i]), 'f'],
        [df(x), refNumber(c.df[i]), 'df'],
      ] as const) {
        if (!closeTo(got, want, ABS, REL)) bad.push(`${what}(${x}) = ${got}, torch ${want}`);
        if (Number.isFinite(want)) {
          absErr = Math.max(absErr, Math.abs(got - want));
          ratio = Math.max(ratio, Math.abs(got - want) / (ABS + REL * Math.abs(want)));
        }
      }
    });
    worst.push(`${source.padEnd(70)} max |a−b| ${absErr.toExponential(1)}, ${(ratio * 100).toFixed(2)} % of tolerance`);
    worstRatio = Math.max(worstRatio, ratio);
    expect(bad).toEqual([]);
  });

  afterAll(() => {
    process.stdout.write(
      `expressions vs torch (worst error per rewriting):\n  ${worst.join('\n  ')}\n  overall worst: ${(worstRatio * 100).toFixed(2)} % of the tolerance\n`,
    );
  });
});

describe('conventions at kinks (torch autograd, measured)', () => {
  const d = (source: string, x: number) => bind(source).df(x);
  it('abs′(0) = 0, sign′ = 0 everywhere', () => {
    expect(d('abs(x)', 0)).toBe(0);
    expect(d('abs(x)', -2)).toBe(-1);
    expect([-1, 0, 1].map((x) => d('sign(x)', x))).toEqual([0, 0, 0]);
  });
  it('max/min split a tie ½–½: max(0,x) + 0.25*min(0,x) has derivative 0.625 at 0', () => {
    expect(d('max(0, x) + 0.25 * min(0, x)', 0)).toBe(0.625);
    expect(d('max(x, x)', 0.3)).toBe(1);
    expect(d('min(0, x)', 0)).toBe(0.5);
  });
  it('clamp passes the gradient at its bounds', () => {
    expect([-1, 1, -1.5, 1.5].map((x) => d('clamp(x, -1, 1)', x))).toEqual([1, 1, 0, 0]);
  });
  it('where follows the branch its condition picks', () => {
    expect(d('where(x >= 0, 2 * x, 3 * x)', 0)).toBe(2);
    expect(d('where(x > 0, 2 * x, 3 * x)', 0)).toBe(3);
  });
  it('sqrt′(0) = +∞; x^2′(0) = 0; x^0′ = 0', () => {
    expect(d('sqrt(x)', 0)).toBe(Infinity);
    expect(d('x^2', 0)).toBe(0);
    expect(d('x^0', 0)).toBe(0);
  });
  it('torch functions keep their own conventions: relu′(0) = 0, leaky_relu′(0) = slope', () => {
    expect(d('relu(x)', 0)).toBe(0);
    expect(d('leaky_relu(x, 0.2)', 0)).toBe(0.2);
    expect(d('relu(2 * x)', 1)).toBe(2);
  });
});
