/**
 * The activation lists of every block: how a function is labelled, which items are refused and on which line,
 * references to the note's own functions, and an empty list.
 */
import { describe, expect, it } from 'vitest';
import { activationBlock } from '../../src/blocks/activation';
import { activationLabel, resolveActivationList, withParam } from '../../src/blocks/activation-list';
import { problemsOf } from '../../src/core/result';
import { env, parseOk } from './fixtures';

const functionsOf = (source: string) => parseOk(activationBlock, source).functions;
const problemsFor = (source: string) => {
  const r = activationBlock.parse(source, env());
  if (r.ok) throw new Error('expected a problem');
  return problemsOf(r);
};

describe('activationLabel', () => {
  it('is the bare name at torch’s defaults, else every changed parameter as written', () => {
    const [relu, leaky, gelu, hardtanh] = functionsOf(
      'functions: ReLU, LeakyReLU(negative_slope=0.2), GELU(approximate=tanh), Hardtanh(min_val=-2, max_val=2)',
    );
    expect(activationLabel(relu)).toBe('ReLU');
    expect(activationLabel(leaky)).toBe('LeakyReLU(negative_slope=0.2)');
    expect(activationLabel(gelu)).toBe('GELU(approximate=tanh)');
    expect(activationLabel(hardtanh)).toBe('Hardtanh(min_val=-2, max_val=2)');
  });

  it('rounds a slider’s float noise to six significant digits', () => {
    const [leaky] = functionsOf('functions: LeakyReLU');
    expect(activationLabel(withParam(leaky, 'negative_slope', 0.1 + 0.2))).toBe('LeakyReLU(negative_slope=0.3)');
  });
});

describe('resolveActivationList', () => {
  it('refuses an empty list, naming the key and its line', () => {
    const r = resolveActivationList([], 3, 'functions');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ code: 'missingKey', args: { key: 'functions' }, line: 3 });
  });

  it('reports a broken definition among the items once, on the list’s line', () => {
    const problems = problemsFor('functions: ReLU, f(x) = 1 +');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'exprUnexpected', line: 1, args: { source: 'f(x) = 1 +' } });
  });

  it('points a problem found between definitions at the first item that wrote it', () => {
    const [p] = problemsFor('define:\n  - f(x) = g(x)\n  - f(x) = g(x)\nfunctions: f');
    expect(p).toMatchObject({ code: 'exprDuplicateName', line: 2 });
  });

  it("calls the note's own function by name with named parameters only", () => {
    const define = 'define:\n  - pr(x; a=0.25 in [-0.5, 1]) = max(0, x) + a * min(0, x)\n';
    const [pr] = functionsOf(`${define}functions: pr(a=0.5)`);
    expect(pr.params).toEqual({ a: 0.5 });
    expect(pr.spec.bind(pr.params).f(-2)).toBe(-1);
    expect(problemsFor(`${define}functions: pr(b=5)`)[0]).toMatchObject({ code: 'unknownParam', line: 3 });
    // A positional value is refused, with the call written the way that works (every parameter by name).
    expect(problemsFor(`${define}functions: pr(2)`)[0]).toMatchObject({
      code: 'ownFunctionPositional',
      line: 3,
      args: { name: 'pr', example: 'pr(a=0.25)' },
    });
    // The example is the named function's own call, every parameter at its default, among other definitions.
    const two = 'define:\n  - g(x; b=3) = b * x\n  - h(x; p=1, q=0.5) = p * x + q\n';
    expect(problemsFor(`${two}functions: h(2)`)[0]).toMatchObject({ args: { name: 'h', example: 'h(p=1, q=0.5)' } });
    const plain = problemsFor('define:\n  - sq(x) = x^2\nfunctions: sq(2)')[0];
    expect(plain).toMatchObject({ code: 'ownFunctionPositional', args: { name: 'sq', example: 'sq' } });
  });
});
