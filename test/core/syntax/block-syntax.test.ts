import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { MAX_BLOCK_BYTES, parseBlockSyntax, type BlockEntries } from '../../../src/core/syntax/block-syntax';
import { timeLimit } from '../../helpers/property-runs';

/** Parses and expects success; returns `{ key: value }` for terse assertions. */
function values(source: string, bareKey = 'functions'): Record<string, string | string[]> {
  const r = parseBlockSyntax(source, bareKey);
  if (!r.ok) throw new Error(`unexpected problem ${JSON.stringify(r.problem)}`);
  return Object.fromEntries(r.value.list.map((e) => [e.key, e.value]));
}

function entries(source: string): BlockEntries {
  const r = parseBlockSyntax(source, 'functions');
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value;
}

function problem(source: string) {
  const r = parseBlockSyntax(source, 'functions');
  if (r.ok) throw new Error(`expected a problem, got ${JSON.stringify(r.value.list)}`);
  return r.problem;
}

describe('scalars', () => {
  test('key: value, trimmed, with 1-based lines and raw text', () => {
    const e = entries('title:   ReLU family  \nsamples: 400');
    expect(e.list).toEqual([
      { key: 'title', line: 1, value: 'ReLU family', raw: 'ReLU family' },
      { key: 'samples', line: 2, value: '400', raw: '400' },
    ]);
    expect(e.byKey.get('samples')?.line).toBe(2);
    expect(e.lineCount).toBe(2);
  });

  test('quotes are stripped; \\" escapes in double quotes, doubled quote in single quotes', () => {
    expect(values(`a: "say \\"hi\\""\nb: 'it''s'\nc: "x, y"\nd: '  padded  '`)).toEqual({
      a: 'say "hi"',
      b: "it's",
      c: 'x, y',
      d: '  padded  ',
    });
  });

  test('mismatched or unterminated quotes stay text', () => {
    expect(values(`a: "open\nb: 'x"\nc: it's fine`)).toEqual({ a: '"open', b: `'x"`, c: "it's fine" });
  });

  test('a trailing # comment after whitespace is dropped', () => {
    expect(values('x: 1 # one\ny: 2\t# tab\nz: # nothing')).toEqual({ x: '1', y: '2', z: '' });
  });

  test('# without whitespace before it, inside quotes, or in a wiki-link is not a comment', () => {
    expect(values('a: C#\nb: "x # y"\nc: [[神经网络#基本模型]]\nd: [[a#b]] # note')).toEqual({
      a: 'C#',
      b: 'x # y',
      c: '[[神经网络#基本模型]]',
      d: '[[a#b]]',
    });
  });

  test('keys are lower-cased; w_star and hyphens are fine; the full-width colon works', () => {
    expect(values('Functions: ReLU\nw_star: 2\nx-range: 1\n标题：ok\nTitle：完')).toEqual({
      functions: 'ReLU',
      w_star: '2',
      'x-range': '1',
      标题: 'ok',
      title: '完',
    });
  });

  test('an identifier may be glued to its value, but a URL scheme is not a key', () => {
    expect(values('x:[-6,6]\nsee: https://pytorch.org/docs')).toEqual({
      x: ['-6', '6'],
      see: 'https://pytorch.org/docs',
    });
    expect(values('https://example.com')).toEqual({ functions: ['https://example.com'] });
  });
});

describe('flow lists', () => {
  test('top-level commas only: parentheses and quotes keep theirs', () => {
    expect(values('functions: [LeakyReLU(negative_slope=0.2), Hardtanh(-2, 2)]')).toEqual({
      functions: ['LeakyReLU(negative_slope=0.2)', 'Hardtanh(-2, 2)'],
    });
    expect(values(`a: ["x, y", 'z', GELU(approximate='tanh')]`)).toEqual({
      a: ['x, y', 'z', "GELU(approximate='tanh')"],
    });
  });

  test('numbers, empty lists, trailing and full-width commas', () => {
    expect(values('x: [-6, 6]\ne: []\nt: [1, 2,]\nz: [0.1，0.2]')).toEqual({
      x: ['-6', '6'],
      e: [],
      t: ['1', '2'],
      z: ['0.1', '0.2'],
    });
  });

  test('a [ not closed at the very end is plain text', () => {
    expect(values('title: [Draft] ReLU\nx: [1, 2')).toEqual({ title: '[Draft] ReLU', x: '[1, 2' });
  });

  test('a comment after a flow list is dropped; # inside the list is kept', () => {
    expect(values('context: ["[[a#b]]", "[[c]]"] # links')).toEqual({ context: ['[[a#b]]', '[[c]]'] });
  });
});

describe('block lists', () => {
  test('`key:` then `- item` lines, indented or not, with blanks and comments between', () => {
    const source = 'functions:\n  - Sigmoid\n\n  # the classic pair\n  - "Tanh" # quoted\n- ReLU\nx: [-6, 6]';
    const e = entries(source);
    expect(e.list[0]).toEqual({
      key: 'functions',
      line: 1,
      value: ['Sigmoid', 'Tanh', 'ReLU'],
      raw: 'Sigmoid\n"Tanh"\nReLU',
      itemLines: [2, 5, 6],
    });
    expect(e.list[1]).toMatchObject({ key: 'x', line: 7, value: ['-6', '6'] });
  });

  test('keys given as line keys also own plain lines below them, one item per line; others do not', () => {
    const source = 'define:\n  f(x) = max(0, x)\n\n  # comment\n  - g(x; a=1, b=2) = a*x + b\nfunctions: f, g';
    const e = parseBlockSyntax(source, 'functions', new Set(['define']));
    if (!e.ok) throw new Error(JSON.stringify(e.problem));
    expect(e.value.list[0]).toMatchObject({
      key: 'define',
      value: ['f(x) = max(0, x)', 'g(x; a=1, b=2) = a*x + b'],
      itemLines: [2, 5],
    });
    expect(e.value.list[1]).toMatchObject({ key: 'functions', line: 6 });
    expect(parseBlockSyntax('functions:\n  Sigmoid', 'functions', new Set(['define']))).toMatchObject({
      ok: false,
      problem: { code: 'syntax', line: 2 },
    });
  });

  test('a block list of wiki-links keeps the # headings', () => {
    expect(values('context:\n  - [[神经网络#基本模型]]\n  - [[激活函数#ReLU]]')).toEqual({
      context: ['[[神经网络#基本模型]]', '[[激活函数#ReLU]]'],
    });
  });

  test('`key:` with no items is an empty scalar', () => {
    expect(values('title:\nx: 1')).toEqual({ title: '', x: '1' });
  });
});

describe('wiki-links', () => {
  test('one link stays the link text, several become a list', () => {
    expect(values('context: [[神经网络#基本模型]]')).toEqual({ context: '[[神经网络#基本模型]]' });
    expect(values('context: [[a]], [[b#c]]')).toEqual({ context: ['[[a]]', '[[b#c]]'] });
    expect(values('context: [[a|alias]]，[[b#^block]]')).toEqual({ context: ['[[a|alias]]', '[[b#^block]]'] });
    expect(values('context: ["[[a]]", "[[b]]"]')).toEqual({ context: ['[[a]]', '[[b]]'] });
    expect(values('context: [[[a]], [[b#c]]]')).toEqual({ context: ['[[a]]', '[[b#c]]'] });
  });
});

describe('layout', () => {
  test('CRLF, lone CR, BOM, tabs and full-line comments', () => {
    const e = entries('\uFEFF# comment\r\n\r\n\tx:\t1\r\ny: 2\rz: 3');
    expect(e.list.map((x) => [x.key, x.line, x.value])).toEqual([
      ['x', 3, '1'],
      ['y', 4, '2'],
      ['z', 5, '3'],
    ]);
    expect(e.firstLine).toBe(3);
    expect(e.lineCount).toBe(5);
  });

  test('an empty or comment-only body has no entries and firstLine 1', () => {
    for (const s of ['', '\n\n', '# just a comment']) {
      const e = entries(s);
      expect(e.list).toEqual([]);
      expect(e.firstLine).toBe(1);
    }
  });
});

describe('a body without keys is the bare key', () => {
  test('comma-separated names', () => {
    expect(entries('Sigmoid, Tanh').list).toEqual([
      { key: 'functions', line: 1, value: ['Sigmoid', 'Tanh'], raw: 'Sigmoid, Tanh' },
    ]);
  });

  test('names on lines, list items, comments, flow lists and links', () => {
    const e = entries(
      '# compare\nSigmoid\nLeakyReLU(negative_slope=0.2), Hardtanh(-2, 2) # two\n- GELU\n[ELU, SELU]\n[[激活函数#ReLU]]',
    );
    expect(e.list).toHaveLength(1);
    expect(e.list[0]).toMatchObject({
      key: 'functions',
      line: 2,
      value: [
        'Sigmoid',
        'LeakyReLU(negative_slope=0.2)',
        'Hardtanh(-2, 2)',
        'GELU',
        'ELU',
        'SELU',
        '[[激活函数#ReLU]]',
      ],
    });
  });

  test('the bare key is lower-cased', () => {
    expect(values('ReLU', 'Functions')).toEqual({ functions: ['ReLU'] });
  });
});

describe('problems', () => {
  test('duplicate keys, case-insensitively, at the second line', () => {
    expect(problem('x: 1\n\nX: 2')).toEqual({ code: 'duplicateKey', line: 3, args: { key: 'x' } });
  });

  test('a line that is neither key, item, comment nor blank', () => {
    expect(problem('x: 1\nSigmoid\ny: 2')).toEqual({
      code: 'syntax',
      line: 2,
      args: { value: 'Sigmoid', expected: 'keyValue' },
    });
    expect(problem('- a\nx: 1')).toEqual({ code: 'syntax', line: 1, args: { value: '- a', expected: 'keyValue' } });
  });

  test('nested maps are refused', () => {
    expect(problem('sliders:\n  alpha: 1')).toEqual({
      code: 'syntax',
      line: 2,
      args: { value: 'alpha: 1', expected: 'noNestedMaps' },
    });
    expect(problem('x: 1\n    y: 2')).toMatchObject({ line: 2, args: { expected: 'noNestedMaps' } });
  });

  test('a list item after a key that already has a value', () => {
    expect(problem('functions: Sigmoid\n  - Tanh')).toEqual({
      code: 'syntax',
      line: 2,
      args: { value: '- Tanh', expected: 'listAfterEmptyKey' },
    });
  });

  test('bodies over 64 KiB (UTF-8 bytes) are refused before parsing', () => {
    expect(MAX_BLOCK_BYTES).toBe(65536);
    expect(parseBlockSyntax('a'.repeat(MAX_BLOCK_BYTES), 'f').ok).toBe(true);
    expect(problem('a'.repeat(MAX_BLOCK_BYTES + 1))).toEqual({
      code: 'tooLarge',
      line: 1,
      args: { size: 65537, max: 65536 },
    });
    // 22 000 汉字 are only 22 000 UTF-16 units but 66 000 bytes.
    expect(problem('汉'.repeat(22000))).toMatchObject({ code: 'tooLarge', args: { size: 66000 } });
    expect(problem('😀'.repeat(16385))).toMatchObject({ code: 'tooLarge', args: { size: 65540 } });
  });
});

describe('hostile input', () => {
  test('__proto__, constructor and prototype are ordinary keys and pollute nothing', () => {
    const e = entries('__proto__: {"polluted": 1}\nconstructor: x\nprototype: [1, 2]\npolluted: yes');
    expect(e.list.map((x) => x.key)).toEqual(['__proto__', 'constructor', 'prototype', 'polluted']);
    expect(e.byKey.get('__proto__')?.value).toBe('{"polluted": 1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  test('long lines of quotes and brackets parse quickly', () => {
    const started = Date.now();
    for (const unit of [' "', " '", '[', '(', '\\"', "''", '[[', ' #', 'a ']) {
      parseBlockSyntax(`x: ${unit.repeat(60000 / unit.length)}`, 'f');
      parseBlockSyntax(unit.repeat(60000 / unit.length), 'f');
    }
    expect(Date.now() - started).toBeLessThan(timeLimit(2000));
  });

  const pieces = fc.constantFrom(
    'x',
    'Key',
    '__proto__',
    ':',
    '：',
    ' ',
    '\t',
    '\n',
    '\r\n',
    '\r',
    '\uFEFF',
    '-',
    '- ',
    '#',
    ' # ',
    '"',
    "'",
    '\\',
    '[',
    ']',
    '[[',
    ']]',
    '(',
    ')',
    ',',
    '，',
    '汉',
    '😀',
    '\u0000',
    '\u202e',
    '\ud800',
  );
  const sources = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')),
  );

  test('never throws; problems point inside the block', () => {
    fc.assert(
      fc.property(sources, fc.string({ maxLength: 10 }), (source, bareKey) => {
        const r = parseBlockSyntax(source, bareKey);
        const lineCount = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
        if (r.ok) {
          expect(r.value.lineCount).toBe(lineCount);
          for (const e of r.value.list) expect(e.line >= 1 && e.line <= lineCount).toBe(true);
        } else {
          expect(r.problem.line).toBeGreaterThanOrEqual(1);
          expect(r.problem.line).toBeLessThanOrEqual(lineCount);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('byte count and bare bodies, case by case', () => {
  // TextEncoder is the independent truth: it encodes a lone surrogate as U+FFFD (3 bytes).
  const bytes = (s: string) => new TextEncoder().encode(s).length;

  test.each([
    ['lone low surrogates', '\udc00'], // 3 bytes each, never the first half of a pair
    ['lone high surrogates in a row', '\ud800'], // a high surrogate followed by another high one is no pair
    ['U+0800, the first 3-byte code point', '\u0800'],
  ])('%s count 3 bytes each', (_name, ch) => {
    const s = ch.repeat(22000);
    expect(bytes(s)).toBe(66000);
    expect(problem(s)).toMatchObject({ code: 'tooLarge', args: { size: 66000 } });
  });

  test('2-byte characters count 2: 32 768 é are exactly the limit', () => {
    const s = 'é'.repeat(32768);
    expect(bytes(s)).toBe(MAX_BLOCK_BYTES);
    expect(parseBlockSyntax(s, 'f').ok).toBe(true);
  });

  test('a key may not start with `-` (a list item typed without its space), but may end with one', () => {
    expect(values('-学习率: 0.1')).toEqual({ functions: ['-学习率: 0.1'] });
    expect(values('学习率-: 0.1')).toEqual({ '学习率-': '0.1' });
  });

  test('bare lines are a flow list only when the `[` closes at their very end', () => {
    expect(values('[Draft] ReLU')).toEqual({ functions: ['[Draft] ReLU'] });
    expect(values('ReLU, Tanh]')).toEqual({ functions: ['ReLU', 'Tanh]'] });
  });

  test('a bare body keeps its lines as raw and is found by its key', () => {
    const e = entries('ReLU\nTanh');
    expect(e.list).toEqual([{ key: 'functions', line: 1, value: ['ReLU', 'Tanh'], raw: 'ReLU\nTanh' }]);
    expect(e.byKey.get('functions')).toBe(e.list[0]);
  });

  test('plain lines below an empty key are items only for keys in lineKeys', () => {
    expect(problem('functions:\nReLU')).toEqual({
      code: 'syntax',
      line: 2,
      args: { value: 'ReLU', expected: 'keyValue' },
    });
    const r = parseBlockSyntax('functions:\nReLU', 'functions', new Set(['functions']));
    expect(r.ok && r.value.list[0].value).toEqual(['ReLU']);
  });
});
