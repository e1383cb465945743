/** parseActivationCall and splitActivationList: what users type in a block. */
import { describe, expect, it } from 'vitest';
import { bindActivationCall, parseActivationCall, splitActivationList } from '../../../src/core/activations';
import { CALL_SYNTAX, scanActivationCall } from '../../../src/core/activations/parse-activation-call';

const parsed = (text: string) => {
  const r = parseActivationCall(text);
  return r.ok ? r.value : r.problem;
};

describe('parseActivationCall', () => {
  it.each([
    ['Sigmoid', 'Sigmoid', {}],
    ['  Sigmoid  ', 'Sigmoid', {}],
    ['ReLU()', 'ReLU', {}],
    ['LeakyReLU(negative_slope=0.2)', 'LeakyReLU', { negative_slope: '0.2' }],
    ['GELU(approximate=tanh)', 'GELU', { approximate: 'tanh' }],
    ["GELU(approximate='tanh')", 'GELU', { approximate: 'tanh' }],
    ['GELU(approximate="tanh")', 'GELU', { approximate: 'tanh' }],
    ['PReLU(init=0.25)', 'PReLU', { init: '0.25' }],
    ['ELU(alpha = 1.5)', 'ELU', { alpha: '1.5' }],
    ['Softplus(beta=2, threshold=10)', 'Softplus', { beta: '2', threshold: '10' }],
    ['Softplus(beta=2, threshold=10,)', 'Softplus', { beta: '2', threshold: '10' }],
    ['nn.LeakyReLU(negative_slope=1e-3)', 'LeakyReLU', { negative_slope: '1e-3' }],
    ['torch.nn.ELU(alpha=-0.5)', 'ELU', { alpha: '-0.5' }],
    ['leaky_relu(0.2)', 'leaky_relu', { negative_slope: '0.2' }],
  ])('%s', (text, name, params) => {
    expect(parsed(text)).toEqual({ name, params });
  });

  it("maps positional arguments in torch's constructor order", () => {
    expect(parsed('LeakyReLU(0.2)')).toEqual({ name: 'LeakyReLU', params: { negative_slope: '0.2' } });
    expect(parsed('Hardtanh(-2, 2)')).toEqual({ name: 'Hardtanh', params: { min_val: '-2', max_val: '2' } });
    expect(parsed('Threshold(0.5, -1)')).toEqual({ name: 'Threshold', params: { threshold: '0.5', value: '-1' } });
    expect(parsed('Softplus(2, threshold=10)')).toEqual({ name: 'Softplus', params: { beta: '2', threshold: '10' } });
    expect(parsed("GELU('tanh')")).toEqual({ name: 'GELU', params: { approximate: 'tanh' } });
    expect(parsed('PReLU(1, 0.1)')).toEqual({ name: 'PReLU', params: { num_parameters: '1', init: '0.1' } });
  });

  it('refuses too many positional arguments, naming the signature', () => {
    expect(parsed('Hardtanh(-2, 2, 3)')).toEqual({
      code: 'activationSyntax',
      args: { value: 'Hardtanh(-2, 2, 3)', expected: 'Hardtanh(min_val, max_val)' },
    });
    expect(parsed('ReLU(1)')).toMatchObject({ code: 'activationSyntax', args: { expected: 'ReLU()' } });
  });

  it('refuses a parameter given twice', () => {
    expect(parsed('LeakyReLU(0.2, negative_slope=0.3)')).toEqual({
      code: 'duplicateKey',
      args: { key: 'negative_slope' },
    });
    expect(parsed('ELU(alpha=1, alpha=2)')).toEqual({ code: 'duplicateKey', args: { key: 'alpha' } });
  });

  it('needs the activation to map positional arguments', () => {
    expect(parsed('Sigmod(1)')).toMatchObject({
      code: 'unknownActivation',
      args: { name: 'Sigmod', suggestions: 'Sigmoid' },
    });
    expect(parsed('Sigmod')).toEqual({ name: 'Sigmod', params: {} }); // bare names are looked up later, by bindActivation
  });

  it.each([
    'LeakyReLU(',
    'ReLU(x=)',
    'Relu)(',
    'a=b=c',
    '',
    '   ',
    '(0.2)',
    'ReLU(,)',
    'ReLU(1 2)',
    'ReLU(1)(2)',
    'ELU(alpha=1.5',
    'ELU alpha=1.5',
    "GELU(approximate='tanh)",
    'ELU(alpha=(1))',
    'ELU(1=alpha)',
    'ELU(alpha==1)',
    'Leaky ReLU(0.2)',
    '3ReLU',
    'ELU(alpha=1, 2)',
    'os.system(1)',
  ])('refuses %j as activationSyntax', (text) => {
    const r = parseActivationCall(text);
    expect(r).toMatchObject({ ok: false, problem: { code: 'activationSyntax', args: { value: text } } });
    expect(r.ok || typeof r.problem.args.expected).toBe('string');
  });

  it('bindActivationCall goes from text to f and df', () => {
    const r = bindActivationCall('Hardtanh(-2, 2)');
    expect(r.ok && [r.value.name, r.value.params, r.value.f(5), r.value.df(2)]).toEqual([
      'Hardtanh',
      { min_val: -2, max_val: 2 },
      2,
      0,
    ]);
    expect(bindActivationCall('Softplus(beta=0)')).toMatchObject({ ok: false, problem: { code: 'paramDomain' } });
  });
});

describe('splitActivationList', () => {
  it('splits on top-level commas only', () => {
    expect(splitActivationList('Sigmoid, Tanh, LeakyReLU(negative_slope=0.2), Hardtanh(-2, 2)')).toEqual([
      'Sigmoid',
      'Tanh',
      'LeakyReLU(negative_slope=0.2)',
      'Hardtanh(-2, 2)',
    ]);
    expect(splitActivationList("Softplus(beta=2, threshold=10),GELU(approximate='a,b')")).toEqual([
      'Softplus(beta=2, threshold=10)',
      "GELU(approximate='a,b')",
    ]);
  });

  it('keeps commas inside quotes and any bracket at the top level, and a quote of the other kind inside a quote', () => {
    expect(splitActivationList("'a,b', Tanh")).toEqual(["'a,b'", 'Tanh']);
    expect(splitActivationList('"a,b", Tanh')).toEqual(['"a,b"', 'Tanh']);
    expect(splitActivationList(`'a"b,c', d`)).toEqual([`'a"b,c'`, 'd']);
    expect(splitActivationList("'(', ReLU")).toEqual(["'('", 'ReLU']); // a bracket in quotes opens nothing
    expect(splitActivationList('x[1, 2], y{3, 4}, z')).toEqual(['x[1, 2]', 'y{3, 4}', 'z']);
    expect(splitActivationList(')), ReLU')).toEqual(['))', 'ReLU']); // stray closers do not go below the top level
  });

  it('trims pieces and drops empty ones', () => {
    expect(splitActivationList('  ReLU ,, Tanh , ')).toEqual(['ReLU', 'Tanh']);
    expect(splitActivationList('')).toEqual([]);
    expect(splitActivationList('ReLU')).toEqual(['ReLU']);
  });

  it('keeps malformed pieces whole so the parser can report them', () => {
    expect(splitActivationList('LeakyReLU(0.2, Tanh')).toEqual(['LeakyReLU(0.2, Tanh']);
    expect(splitActivationList('Relu)(, Tanh')).toEqual(['Relu)(, Tanh']); // the stray '(' opens a bracket
  });
});

describe('scanActivationCall refuses, saying what it expected', () => {
  const expected = (text: string) => {
    const r = scanActivationCall(text);
    return r.ok ? 'accepted' : r.problem.args?.expected;
  };

  it.each([
    ['Sigmoid x)', CALL_SYNTAX], // no '(' after the name, though it ends in ')'
    ['LeakyReLU(0.2', ')'],
    ["GELU('approximate'=tanh)", "',' | ')'"], // a quoted name is a value, not a key
    ['GELU(approximate=x"tanh")', "',' | ')'"], // a quote ends a bare word
    ['ELU(alpha=,)', 'key=value'],
    ['ReLU(,)', CALL_SYNTAX],
    ['ELU(1 2)', "',' | ')'"],
  ])('%s', (text, what) => {
    expect(expected(text)).toBe(what);
  });
});
