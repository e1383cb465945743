/**
 * fast-check generators of block bodies: raw text (syntax characters, binary junk) and "structured" blocks —
 * lines made of real keys, hostile keys, separators, values and list items — which reach far deeper into
 * the option parsers than random text does. Numbers are mostly small, so rendered blocks stay cheap, with
 * boundary and absurd values mixed in.
 */
import fc from 'fast-check';
import { activationNames } from '../../src/core/activations';
import { PAYLOAD_LIST } from '../hostile/payloads';

/** Characters that mean something to the block syntax, YAML or the activation-call syntax. */
const SYNTAX = [...':：,，[]{}()"\'#-=|!^.~～ \t\n\r', '\u3000', '\u00a0', '\ufeff', '\u0000', '[[', ']]', '- ', ': '];

/** Raw bodies: syntax-heavy text or arbitrary UTF-16 (lone surrogates included). */
export const rawBlock: fc.Arbitrary<string> = fc.oneof(
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(...SYNTAX),
      fc.constantFrom('a', 'x', 'y', '1', '0', 'e', 'ReLU', 'Sigmoid', 'functions', 'samples'),
    ),
    maxLength: 60,
  }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 120 }),
);

const NUMBER_TEXT: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 40 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 0 }).map(String) },
  { weight: 3, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }).map((x) => String(Number(x.toPrecision(3)))) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0',
      '-0',
      '1e9',
      '1e-9',
      '1e308',
      '1e400',
      '-1e400',
      'NaN',
      'nan',
      'Infinity',
      '-inf',
      '0x10',
      '1,000',
      '−1',
      '.5',
      '5.',
      '+2',
      '1e6',
      '2e2',
      '5000',
      '5001',
      '200',
      '512',
      '256',
      '1024',
      '1000',
    ),
  },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const ODD_NAMES = [
  'Sigmod',
  'relu',
  'nn.GELU',
  'torch.nn.Tanh',
  'leaky_relu',
  'Swish',
  '__proto__',
  'constructor',
  'toString',
  '',
];

const CALL: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...activationNames()) },
      { weight: 1, arbitrary: fc.constantFrom(...ODD_NAMES) },
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.array(
          fc.oneof(
            NUMBER_TEXT,
            fc
              .tuple(
                fc.constantFrom(
                  'negative_slope',
                  'alpha',
                  'beta',
                  'init',
                  'min_val',
                  'max_val',
                  'threshold',
                  'value',
                  'lambd',
                  'approximate',
                  'lower',
                  'upper',
                  '__proto__',
                  'x',
                ),
                fc.oneof(NUMBER_TEXT, fc.constantFrom("'tanh'", 'none', '"evil"', '')),
              )
              .map(([k, v]) => `${k}=${v}`),
          ),
          { maxLength: 3 },
        ),
      },
    ),
  )
  .map(([name, args]) => (args === undefined ? name : `${name}(${args.join(', ')})`));

const LINK: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('Note', 'Fuzz', '神经网络', 'No such note', 'folder/note', '', '#', 'javascript:x', '__proto__'),
    fc.constantFrom('', '#Heading', '#基本模型', '#^block-1', '#^bad id', '#a#b', '|alias', '|'),
    fc.constantFrom('', '"', "'"),
  )
  .map(([target, sub, q]) => `${q}[[${target}${sub}]]${q}`);

/** One value as typed after `key:`. */
export const valueText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: NUMBER_TEXT },
  { weight: 4, arbitrary: fc.array(CALL, { minLength: 1, maxLength: 4 }).map((c) => c.join(', ')) },
  { weight: 2, arbitrary: fc.constantFrom('[-6, 6]', '-2..2', '[0, 1]', '[6, -6]', '[1e9, 2e9]', '[NaN, 1]') },
  { weight: 2, arbitrary: fc.array(NUMBER_TEXT, { maxLength: 5 }).map((n) => `[${n.join(', ')}]`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'true',
      'false',
      'yes',
      'no',
      'on',
      'off',
      '是',
      '否',
      'maybe',
      'weight',
      'output',
      'auto',
      'he_normal',
      'xavier_uniform',
    ),
  },
  { weight: 2, arbitrary: fc.array(LINK, { minLength: 1, maxLength: 3 }).map((l) => l.join(', ')) },
  { weight: 1, arbitrary: fc.constantFrom(...PAYLOAD_LIST) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constant('') },
);

const ORDERED = fc
  .tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 60, noNaN: true }))
  .map(([a, span]) => `[${Number(a.toPrecision(3))}, ${Number((a + span).toPrecision(3))}]`);
const RANGE: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: ORDERED },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        NUMBER_TEXT,
        NUMBER_TEXT,
        fc.constantFrom('[{a}, {b}]', '{a}, {b}', '{a}..{b}', '{a} ~ {b}', '[{a},{b},{a}]', '[{a}]'),
      )
      .map(([a, b, form]) => form.split('{a}').join(a).split('{b}').join(b)),
  },
);
const int = (min: number, max: number) => fc.integer({ min, max }).map(String);
const CALLS = fc.array(CALL, { minLength: 1, maxLength: 4 }).map((c) => c.join(', '));
const NUMBERS = fc.array(NUMBER_TEXT, { minLength: 1, maxLength: 4 }).map((n) => n.join(', '));
const BOOLEAN = fc.constantFrom('true', 'false', 'yes', 'no', 'on', 'off', '是', '否', 'maybe');
const TEXT = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...PAYLOAD_LIST),
  LINK.map((l) => `see ${l}`),
);

/** Keys holding the block's activations. */
const LIST_KEYS = ['functions', 'activations', 'inputs'];

/** A value that fits what a key's name suggests (lists of activations, ranges, booleans, …), or now and then anything. */
function valueFor(key: string): fc.Arbitrary<string> {
  const fitting: Record<string, fc.Arbitrary<string>> = {
    functions: CALLS,
    activations: CALLS,
    inputs: CALLS,
    x: RANGE,
    y: RANGE,
    w0: NUMBERS,
    w_star: NUMBERS,
    lr: NUMBERS,
    derivative: BOOLEAN,
    sliders: BOOLEAN,
    overlays: BOOLEAN,
    title: TEXT,
    caption: TEXT,
    context: fc.array(LINK, { minLength: 1, maxLength: 3 }).map((l) => l.join(', ')),
    init: fc.constantFrom('auto', 'he_normal', 'xavier_uniform', 'he_uniform', 'xavier_normal', 'evil'),
    metric: fc.constantFrom('weight', 'output', 'Weight', 'gradient'),
    height: int(100, 1300),
    samples: int(1, 6000),
    depth: int(1, 60),
    width: int(1, 64),
    batch: int(1, 64),
    steps: int(1, 200),
  };
  const own = Object.prototype.hasOwnProperty.call(fitting, key) ? fitting[key] : NUMBER_TEXT;
  return fc.oneof({ weight: 12, arbitrary: own }, { weight: 1, arbitrary: valueText });
}

/** Tidy blocks: each key at most once, `key: value` lines, sometimes a block list; most parse or fail on a value. */
function tidyBlock(keys: readonly string[]): fc.Arbitrary<string> {
  const listKey = keys.find((k) => LIST_KEYS.includes(k));
  const others = keys.filter((k) => k !== listKey);
  const entry = fc
    .constantFrom(...(others.length ? others : keys))
    .chain((k) =>
      fc.tuple(
        fc.constant(k),
        fc.constantFrom(': ', ':', '：', ' : '),
        valueFor(k),
        fc.oneof(
          { weight: 6, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.array(valueFor(k), { minLength: 1, maxLength: 3 }) },
        ),
      ),
    )
    .map(([k, sep, v, items]) => (items ? `${k}:\n${items.map((i) => `  - ${i}`).join('\n')}` : `${k}${sep}${v}`));
  const first =
    listKey === undefined
      ? fc.constant([])
      : fc.oneof(
          { weight: 9, arbitrary: valueFor(listKey).map((v) => [`${listKey}: ${v}`]) },
          { weight: 1, arbitrary: fc.constant([]) },
        );
  const rest = fc.uniqueArray(entry, { maxLength: 6, selector: (line) => line.split(/[:：]/)[0].trim() });
  // The list key usually comes first (blocks without it fail on it; messy blocks repeat keys).
  return fc.tuple(first, rest).map(([head, lines]) => [...head, ...lines].join('\n'));
}

/** Messy blocks: indentation, hostile keys, separators without colons, stray items, comments and line endings of every kind. */
function messyBlock(keys: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...keys) },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((k) => k.toUpperCase()) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'fucntions', '学习率', 'x y', ''),
    },
  );
  const sep = fc.constantFrom(': ', ':', ' : ', '：', ':\t', ' ');
  const indent = fc.constantFrom('', '', '', '  ', '\t', '    ');
  const comment = fc.constantFrom('', '', '', ' # note', '#x', ' #');
  const line = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(indent, key, sep, valueText, comment).map(([i, k, s, v, c]) => `${i}${k}${s}${v}${c}`),
    },
    { weight: 2, arbitrary: fc.tuple(indent, valueText).map(([i, v]) => `${i}- ${v}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '# comment', '---', '...', '   ', '\t') },
    { weight: 1, arbitrary: valueText },
  );
  return fc
    .tuple(fc.array(line, { maxLength: 10 }), fc.constantFrom('\n', '\n', '\r\n', '\r'))
    .map(([lines, eol]) => lines.join(eol));
}

/** A structured body over `keys` (the kind's own keys) plus hostile ones: tidy three times in four, else messy. */
export function structuredBlock(keys: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: tidyBlock(keys) }, { weight: 1, arbitrary: messyBlock(keys) });
}

/** The number of lines a body has, as the block parser counts them (a trailing newline makes an empty last line). */
export function lineCount(source: string): number {
  return source.split(/\r\n|\r|\n/).length;
}
