import { describe, expect, expectTypeOf, test } from 'vitest';
import fc from 'fast-check';
import { parseBlockSyntax, type BlockEntries, type BlockEntry } from '../../../src/core/syntax/block-syntax';
import { parseBlockOptions, parseOptions, type Schema } from '../../../src/core/syntax/options';
import { parseNumberStrict } from '../../../src/core/syntax/fields';

const schema = {
  functions: { type: 'list', required: true, maxItems: 4 },
  derivative: { type: 'boolean', default: true },
  x: { type: 'range', default: [-6, 6], limit: 1e6, minSpan: 0.001 },
  samples: { type: 'integer', default: 400, min: 2, max: 5000 },
  lr: { type: 'numberList', default: [0.1], min: 0, max: 10, maxItems: 3 },
  scale: { type: 'number', min: 0 },
  title: { type: 'string', maxLength: 10 },
  palette: { type: 'choice', default: 'theme', choices: ['theme', 'colorblind'] },
} as const;

const parse = (source: string) => parseBlockOptions(source, schema, 'functions');

function value(source: string) {
  const r = parse(source);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value.options;
}

/** The first problem: the failure's, or the first warning's (without the default it fell back to). */
function problem(source: string) {
  const r = parse(source);
  if (!r.ok) return r.problem;
  const w = r.value.warnings[0];
  if (!w) throw new Error(`expected a problem, got ${JSON.stringify(r.value)}`);
  const { fallback: _fallback, ...args } = w.args;
  return { ...w, args };
}

describe('typed result', () => {
  test('defaults fill what the block leaves out', () => {
    expect(value('functions: ReLU')).toEqual({
      functions: ['ReLU'],
      derivative: true,
      x: [-6, 6],
      samples: 400,
      lr: [0.1],
      scale: undefined,
      title: undefined,
      palette: 'theme',
    });
  });

  test('the output type is inferred from an `as const` schema', () => {
    const r = parse('functions: ReLU');
    if (!r.ok) throw new Error('parse failed');
    const o = r.value.options;
    expectTypeOf(o.functions).toEqualTypeOf<string[]>();
    expectTypeOf(o.derivative).toEqualTypeOf<boolean>();
    expectTypeOf(o.x).toEqualTypeOf<[number, number]>();
    expectTypeOf(o.samples).toEqualTypeOf<number>();
    expectTypeOf(o.lr).toEqualTypeOf<number[]>();
    expectTypeOf(o.scale).toEqualTypeOf<number | undefined>();
    expectTypeOf(o.title).toEqualTypeOf<string | undefined>();
    expectTypeOf(o.palette).toEqualTypeOf<'theme' | 'colorblind'>();
  });

  test('defaults are copies: mutating options never changes the schema', () => {
    const a = value('functions: ReLU');
    a.x[0] = 99;
    a.lr.push(5);
    expect(value('functions: ReLU').x).toEqual([-6, 6]);
    expect(schema.lr.default).toEqual([0.1]);
  });

  test('a key with nothing after it means "not given"', () => {
    expect(value('functions: ReLU\nsamples:\ntitle:')).toMatchObject({ samples: 400, title: undefined });
  });
});

describe('numbers', () => {
  test.each(['1e-3', '-0.5', '.5', '+2', '1.', '0', '−3', '6.02E23'])('accepts %s', (s) => {
    expect(parseNumberStrict(s)).toBe(Number(s.replace('−', '-')));
  });

  test.each(['1,000', '0x10', 'NaN', 'Infinity', '-Infinity', '1e400', '', ' ', '1_000', '5px', '.', 'e3', '1e', '٣'])(
    'rejects %j',
    (s) => {
      expect(parseNumberStrict(s)).toBeUndefined();
    },
  );

  test('notANumber, notAnInteger and outOfRange carry key, value and line', () => {
    expect(problem('functions: ReLU\nscale: 1,000')).toEqual({
      code: 'notANumber',
      line: 2,
      args: { key: 'scale', value: '1,000' },
    });
    expect(problem('functions: ReLU\nscale: [1]')).toEqual({
      code: 'notANumber',
      line: 2,
      args: { key: 'scale', value: '[1]' },
    });
    expect(problem('functions: ReLU\n\nsamples: 2.5')).toEqual({
      code: 'notAnInteger',
      line: 3,
      args: { key: 'samples', value: '2.5' },
    });
    expect(problem('samples: 9000\nfunctions: ReLU')).toEqual({
      code: 'outOfRange',
      line: 1,
      args: { key: 'samples', value: '9000', min: 2, max: 5000 },
    });
    expect(problem('functions: ReLU\nscale: -1')).toEqual({
      code: 'outOfRange',
      line: 2,
      args: { key: 'scale', value: '-1', min: 0 },
    });
  });

  test('integers written with an exponent are integers', () => {
    expect(value('functions: ReLU\nsamples: 1e3').samples).toBe(1000);
  });
});

describe('booleans', () => {
  test.each([
    ['true', true],
    ['YES', true],
    ['On', true],
    ['1', true],
    ['是', true],
    ['开', true],
    ['false', false],
    ['no', false],
    ['OFF', false],
    ['0', false],
    ['否', false],
    ['关', false],
  ])('%s → %s', (s, b) => {
    expect(value(`functions: ReLU\nderivative: ${s}`).derivative).toBe(b);
  });

  test('anything else is notABoolean', () => {
    expect(problem('functions: ReLU\nderivative: maybe')).toEqual({
      code: 'notABoolean',
      line: 2,
      args: { key: 'derivative', value: 'maybe' },
    });
  });
});

describe('ranges', () => {
  test.each(['[-2, 3]', '-2, 3', '-2..3', '-2 .. 3', '-2 ~ 3', '−2～3', '"-2", 3'])('x: %s', (s) => {
    expect(value(`functions: ReLU\nx: ${s}`).x).toEqual([-2, 3]);
  });

  test('a block list works too', () => {
    expect(value('functions: ReLU\nx:\n  - -1\n  - 1').x).toEqual([-1, 1]);
  });

  test.each(['5', '[1, 2, 3]', '[3, 1]', '[1, 1]', '[a, 1]', '[1, 2', '[-Infinity, 0]', '1..', '[1e400, 1]'])(
    'x: %s is badRange',
    (s) => {
      expect(problem(`functions: ReLU\nx: ${s}`)).toEqual({ code: 'badRange', line: 2, args: { key: 'x', value: s } });
    },
  );

  test('beyond the limit is outOfRange; narrower than minSpan is badRange with minSpan', () => {
    expect(problem('functions: ReLU\nx: [-1e7, 0]')).toEqual({
      code: 'outOfRange',
      line: 2,
      args: { key: 'x', value: '[-1e7, 0]', min: -1e6, max: 1e6 },
    });
    expect(problem('functions: ReLU\nx: [0, 0.0001]')).toEqual({
      code: 'badRange',
      line: 2,
      args: { key: 'x', value: '[0, 0.0001]', minSpan: 0.001 },
    });
  });
});

describe('number lists', () => {
  test.each([
    ['0.01, 0.15', [0.01, 0.15]],
    ['[0.01, 0.15]', [0.01, 0.15]],
    ['0.5', [0.5]],
    ['[1，2，3]', [1, 2, 3]],
  ])('lr: %s', (s, n) => {
    expect(value(`functions: ReLU\nlr: ${s}`).lr).toEqual(n);
  });

  test('bad items are named; too many items is outOfRange in items', () => {
    expect(problem('functions: ReLU\nlr: 0.1, fast')).toEqual({
      code: 'notANumber',
      line: 2,
      args: { key: 'lr', value: 'fast' },
    });
    expect(problem('functions: ReLU\nlr: [0.1, 20]')).toEqual({
      code: 'outOfRange',
      line: 2,
      args: { key: 'lr', value: '20', min: 0, max: 10 },
    });
    expect(problem('functions: ReLU\nlr: 1, 2, 3, 4')).toEqual({
      code: 'outOfRange',
      line: 2,
      args: { key: 'lr', value: 4, max: 3, unit: 'items' },
    });
    expect(problem('functions: ReLU\nlr: []')).toEqual({
      code: 'notANumber',
      line: 2,
      args: { key: 'lr', value: '[]' },
    });
  });
});

describe('lists, strings and choices', () => {
  test('lists split at top-level commas; one quoted string stays whole', () => {
    expect(value('functions: Sigmoid, Hardtanh(-2, 2)').functions).toEqual(['Sigmoid', 'Hardtanh(-2, 2)']);
    expect(value('functions: "a, b"').functions).toEqual(['a, b']);
    expect(problem('functions: a, b, c, d, e')).toEqual({
      code: 'outOfRange',
      line: 1,
      args: { key: 'functions', value: 5, max: 4, unit: 'items' },
    });
  });

  test('a string given as a flow list is kept as typed; maxLength counts code points', () => {
    expect(value('functions: ReLU\ntitle: [Draft]').title).toBe('[Draft]');
    expect(value('functions: ReLU\ntitle: 激活函数😀对比表一二').title).toBe('激活函数😀对比表一二');
    expect(problem('functions: ReLU\ntitle: abcdefghijk')).toEqual({
      code: 'outOfRange',
      line: 2,
      args: { key: 'title', value: 11, max: 10, unit: 'characters' },
    });
  });

  test('choices match case-insensitively and come back canonical; typos get suggestions', () => {
    expect(value('functions: ReLU\npalette: ColorBlind').palette).toBe('colorblind');
    expect(problem('functions: ReLU\npalette: colourblind')).toEqual({
      code: 'badChoice',
      line: 2,
      args: { key: 'palette', value: 'colourblind', allowed: 'theme, colorblind', suggestions: 'colorblind' },
    });
    expect(problem('functions: ReLU\npalette: neon')).toMatchObject({ args: { suggestions: '' } });
  });
});

describe('keys', () => {
  test('unknown keys list what is allowed and suggest the closest', () => {
    const typo = parse('fucntions: ReLU');
    expect(!typo.ok && typo.problems?.map((p) => p.code)).toEqual(['missingKey', 'unknownKey']);
    expect(!typo.ok && typo.problems?.[1]).toEqual({
      code: 'unknownKey',
      line: 1,
      args: {
        key: 'fucntions',
        allowed: 'functions, derivative, x, samples, lr, scale, title, palette',
        suggestions: 'functions',
      },
    });
    expect(problem('functions: ReLU\n学习率: 0.1')).toMatchObject({
      code: 'unknownKey',
      line: 2,
      args: { key: '学习率', suggestions: '' },
    });
  });

  test('every problem is reported at once: optional keys warn and fall back, required ones fail', () => {
    const r = parse('functions: ReLU\nsamples: many\nbogus: 1\nx: [5, -5]');
    expect(r.ok && r.value.options).toMatchObject({ samples: 400, x: [-6, 6] });
    expect(r.ok && r.value.warnings.map((w) => [w.code, w.line, w.args.fallback])).toEqual([
      ['notANumber', 2, '400'],
      ['unknownKey', 3, undefined],
      ['badRange', 4, '[-6, 6]'],
    ]);
    const bad = parse('samples: 1\nlr: x');
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems?.map((p) => [p.code, p.line])).toEqual([
        ['missingKey', 1],
        ['outOfRange', 1],
        ['notANumber', 2],
      ]);
  });

  test('missing required keys point at the first line; an empty block is emptyBlock', () => {
    expect(problem('\n# note\nsamples: 10')).toEqual({ code: 'missingKey', line: 3, args: { key: 'functions' } });
    expect(problem('samples: 10\nfunctions:')).toEqual({ code: 'missingKey', line: 2, args: { key: 'functions' } });
    expect(problem('# nothing yet')).toEqual({
      code: 'emptyBlock',
      line: 1,
      args: { allowed: 'functions, derivative, x, samples, lr, scale, title, palette' },
    });
  });

  test('a bare body fills the bare key', () => {
    expect(value('Sigmoid, Tanh').functions).toEqual(['Sigmoid', 'Tanh']);
  });

  test('proto-ish keys are unknown keys and pollute nothing', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      expect(problem(`functions: ReLU\n${key}: {"polluted": true}`)).toMatchObject({
        code: 'unknownKey',
        line: 2,
        args: { key: key.toLowerCase() },
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a schema may itself use keys like constructor safely', () => {
    const odd = {
      constructor: { type: 'number', default: 1 },
      __proto__x: { type: 'string', default: 'a' },
    } as const satisfies Schema;
    const r = parseBlockOptions('constructor: 2', odd, 'constructor');
    expect(r).toEqual({ ok: true, value: { options: { constructor: 2, __proto__x: 'a' }, warnings: [] } });
  });
});

describe('never throws', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', '1', '-1e400', '[1, 2]', 'yes', '是', '[[a#b]]', '1..2', 'Theme', '__proto__'),
  );
  const entry = fc.record({
    key: fc.oneof(fc.constantFrom(...Object.keys(schema), '__proto__', 'constructor'), fc.string({ maxLength: 8 })),
    line: fc.integer({ min: 1, max: 50 }),
    value: fc.oneof(text, fc.array(text, { maxLength: 6 })),
    raw: text,
  });

  test('for arbitrary entries', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (list: BlockEntry[]) => {
        const entries: BlockEntries = {
          list,
          byKey: new Map(list.map((e) => [e.key, e])),
          firstLine: 1,
          lineCount: 50,
        };
        const r = parseOptions(entries, schema);
        if (!r.ok) expect(r.problem.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  test('for arbitrary block bodies', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (source) => {
        const syntax = parseBlockSyntax(source, 'functions');
        if (syntax.ok) parseOptions(syntax.value, schema);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('warnings and errors, case by case', () => {
  const two = {
    alpha: { type: 'number', required: true },
    beta: { type: 'list', required: true, maxItems: 2 },
    alphas: { type: 'number', required: false },
    title: { type: 'string', default: 'x' },
  } as const;
  const parseTwo = (source: string) => parseBlockOptions(source, two, 'beta');

  test('`key: ""` is an empty string given, not a key left out', () => {
    expect(value('functions: ReLU\ntitle: ""').title).toBe('');
  });

  test('a key without a default warns with no fallback at all', () => {
    const r = parse('functions: ReLU\nscale: -1');
    expect(r.ok && r.value.warnings).toStrictEqual([
      { code: 'outOfRange', line: 2, args: { key: 'scale', value: '-1', min: 0 } },
    ]);
  });

  test('several suggestions are joined with ", "', () => {
    // `alph` is one edit from `alpha`, and a prefix of `alphas` (4+ characters).
    const r = parseTwo('alpha: 1\nbeta: a\nalph: 2');
    expect(r.ok && r.value.warnings[0].args.suggestions).toBe('alpha, alphas');
  });

  test('`required: false` is optional: a bad value only warns', () => {
    const r = parseTwo('alpha: 1\nbeta: a\nalphas: many');
    expect(r.ok && r.value.warnings.map((w) => w.code)).toEqual(['notANumber']);
  });

  test('a required key with a bad value is that error alone, and another required key still counts as missing', () => {
    // beta has three items against a maximum of two; alpha is not given at all.
    const r = parseTwo('beta: a, b, c');
    expect(!r.ok && r.problems).toEqual([
      { code: 'outOfRange', line: 1, args: { key: 'beta', value: 3, max: 2, unit: 'items' } },
      { code: 'missingKey', line: 1, args: { key: 'alpha' } },
    ]);
  });
});
