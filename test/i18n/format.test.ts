import { describe, expect, test } from 'vitest';
import type { Problem, ProblemCode } from '../../src/core/result';
import { parseBlockOptions } from '../../src/core/syntax/options';
import { formatProblem } from '../../src/i18n';

/** One sample per ProblemCode with its expected en and zh text (a missing code fails to compile). */
const samples: Record<ProblemCode, [Problem, string, string]> = {
  unknownActivation: [
    { code: 'unknownActivation', line: 2, args: { name: 'LeakyRelu6', suggestions: 'LeakyReLU, ReLU6' } },
    "Line 2: unknown activation function 'LeakyRelu6'. Did you mean 'LeakyReLU' or 'ReLU6'?",
    "第 2 行：未知的激活函数 'LeakyRelu6'。你是不是想写 'LeakyReLU' 或 'ReLU6'？",
  ],
  ownFunctionPositional: [
    { code: 'ownFunctionPositional', line: 3, args: { name: 'pr', example: 'pr(a=0.25)' } },
    "Line 3: 'pr' is a function defined in this block: give its parameters by name, as in pr(a=0.25)",
    "第 3 行：'pr' 是本块定义的函数：参数要写名字，例如 pr(a=0.25)",
  ],
  unknownParam: [
    {
      code: 'unknownParam',
      line: 1,
      args: {
        activation: 'LeakyReLU',
        param: 'slope',
        allowed: 'negative_slope, inplace',
        suggestions: 'negative_slope',
      },
    },
    "Line 1: LeakyReLU has no parameter 'slope'. Did you mean 'negative_slope'? Its parameters: negative_slope, inplace",
    "第 1 行：LeakyReLU 没有参数 'slope'。你是不是想写 'negative_slope'？它的参数：negative_slope, inplace",
  ],
  paramNotNumber: [
    { code: 'paramNotNumber', line: 4, args: { activation: 'ELU', param: 'alpha', value: 'big' } },
    "Line 4: ELU: parameter alpha must be a number, got 'big'",
    "第 4 行：ELU 的参数 alpha 必须是数字，但写的是 'big'",
  ],
  paramChoice: [
    {
      code: 'paramChoice',
      line: 1,
      args: { activation: 'GELU', param: 'approximate', value: 'fast', allowed: 'none, tanh' },
    },
    "Line 1: GELU: parameter approximate cannot be 'fast'. Allowed: none, tanh",
    "第 1 行：GELU 的参数 approximate 不能是 'fast'。可选值：none, tanh",
  ],
  paramDomain: [
    { code: 'paramDomain', line: 1, args: { activation: 'Softplus', param: 'beta', value: -1, allowed: '> 0' } },
    'Line 1: Softplus: parameter beta = -1 is not allowed; it must be > 0',
    '第 1 行：Softplus 的参数 beta = -1 不合法，必须满足 > 0',
  ],
  paramRequired: [
    {
      code: 'paramRequired',
      line: 2,
      args: { activation: 'Threshold', param: 'threshold', signature: 'Threshold(threshold=…, value=…)' },
    },
    'Line 2: Threshold needs threshold (torch has no default for it): write Threshold(threshold=…, value=…)',
    '第 2 行：Threshold 需要参数 threshold（torch 没有默认值），请写成 Threshold(threshold=…, value=…)',
  ],
  paramRelation: [
    {
      code: 'paramRelation',
      line: 3,
      args: { activation: 'Hardtanh', rule: 'min_val < max_val', value: 'min_val=2, max_val=-2' },
    },
    'Line 3: Hardtanh: parameters must satisfy min_val < max_val, got min_val=2, max_val=-2',
    '第 3 行：Hardtanh 的参数必须满足 min_val < max_val，实际为 min_val=2, max_val=-2',
  ],
  activationSyntax: [
    { code: 'activationSyntax', line: 1, args: { value: 'ReLU(', expected: 'Name or Name(param=value, …)' } },
    "Line 1: cannot read 'ReLU(' as an activation function; expected Name or Name(param=value, …)",
    "第 1 行：无法把 'ReLU(' 识别为激活函数，应写成 Name or Name(param=value, …)",
  ],
  unknownKey: [
    {
      code: 'unknownKey',
      line: 3,
      args: { key: 'fucntions', allowed: 'functions, derivative, x', suggestions: 'functions' },
    },
    "Line 3: unknown key 'fucntions'. Did you mean 'functions'? Allowed keys: functions, derivative, x",
    "第 3 行：未知的键 'fucntions'。你是不是想写 'functions'？可用的键：functions, derivative, x",
  ],
  duplicateKey: [
    { code: 'duplicateKey', line: 5, args: { key: 'x' } },
    "Line 5: key 'x' appears more than once; keep only one",
    "第 5 行：键 'x' 出现了不止一次，请只保留一个",
  ],
  missingKey: [
    { code: 'missingKey', line: 1, args: { key: 'functions' } },
    "Line 1: missing required key 'functions'",
    "第 1 行：缺少必填的键 'functions'",
  ],
  notANumber: [
    { code: 'notANumber', line: 2, args: { key: 'scale', value: '1,000' } },
    "Line 2: scale: '1,000' is not a number",
    "第 2 行：scale：'1,000' 不是数字",
  ],
  notAnInteger: [
    { code: 'notAnInteger', line: 2, args: { key: 'samples', value: '2.5' } },
    "Line 2: samples: '2.5' is not a whole number",
    "第 2 行：samples：'2.5' 不是整数",
  ],
  outOfRange: [
    { code: 'outOfRange', line: 6, args: { key: 'samples', value: '9000', min: 2, max: 5000 } },
    'Line 6: samples: 9000 is out of range; allowed from 2 to 5000',
    '第 6 行：samples：9000 超出范围，允许的范围是 2 到 5000',
  ],
  notABoolean: [
    { code: 'notABoolean', line: 2, args: { key: 'derivative', value: 'maybe' } },
    "Line 2: derivative: 'maybe' is not true or false; write true/false, yes/no or on/off",
    "第 2 行：derivative：'maybe' 不是布尔值，请写 true/false、yes/no 或 是/否",
  ],
  badRange: [
    { code: 'badRange', line: 2, args: { key: 'x', value: '[3, 1]' } },
    "Line 2: x: '[3, 1]' is not a valid range; write [a, b] with a < b, e.g. [-6, 6]",
    "第 2 行：x：'[3, 1]' 不是有效的区间，应写成 [a, b] 且 a < b，例如 [-6, 6]",
  ],
  badChoice: [
    {
      code: 'badChoice',
      line: 4,
      args: { key: 'palette', value: 'colourblind', allowed: 'theme, colorblind', suggestions: 'colorblind' },
    },
    "Line 4: palette: 'colourblind' is not an option. Did you mean 'colorblind'? Options: theme, colorblind",
    "第 4 行：palette：没有 'colourblind' 这个选项。你是不是想写 'colorblind'？可选值：theme, colorblind",
  ],
  syntax: [
    { code: 'syntax', line: 2, args: { value: 'Sigmoid', expected: 'keyValue' } },
    "Line 2: cannot read 'Sigmoid'; expected `key: value`, a `- item` under a key, or a `# comment`",
    "第 2 行：无法识别 'Sigmoid'，应为 `键: 值`、键下方的 `- 列表项`，或 `# 注释`",
  ],
  emptyBlock: [
    { code: 'emptyBlock', line: 1, args: { allowed: 'functions, x' } },
    'Line 1: the block is empty; add at least one of these keys: functions, x',
    '第 1 行：代码块是空的，请至少写一个这些键：functions, x',
  ],
  tooMuchMemory: [
    { code: 'tooMuchMemory', line: 4, args: { key: 'width', value: 512, max: 357, mb: 472, limit: 256 } },
    'Line 4: width: 512 would need about 472 MB for the network’s weights and activations, more than the 256 MB a block may use; with the other keys as they are, width can be at most 357',
    '第 4 行：width：512 需要约 472 MB 内存来存放网络的权重和激活值，超过了每个代码块 256 MB 的上限；其他键不变时，width 最大为 357',
  ],
  tooLarge: [
    { code: 'tooLarge', line: 1, args: { size: 70000, max: 65536 } },
    'Line 1: the block is too large (70000 bytes; at most 65536)',
    '第 1 行：代码块太大（70000 字节，上限为 65536 字节）',
  ],
  badLink: [
    { code: 'badLink', line: 7, args: { value: '[[a' } },
    "Line 7: '[[a' is not a valid wiki-link; write [[Note]] or [[Note#Heading]]",
    "第 7 行：'[[a' 不是有效的双链，应写成 [[笔记]] 或 [[笔记#标题]]",
  ],
  exprUnexpected: [
    { code: 'exprUnexpected', line: 1, args: { found: '*', expected: 'operand', column: 11, source: 'f(x) = x +* 2' } },
    "Line 1, column 11: expected a number, x, a name or (, found '*'",
    "第 1 行第 11 列：此处应为数字、x、名称或 (，但写的是 '*'",
  ],
  exprCharacter: [
    { code: 'exprCharacter', line: 2, args: { found: '≥', column: 3, source: 'x ≥ 0' } },
    "Line 2, column 3: '≥' is not part of the expression language; use + - * / ^, parentheses and names",
    "第 2 行第 3 列：表达式中不能使用 '≥'，请使用 + - * / ^、括号和名称",
  ],
  exprNumber: [
    { code: 'exprNumber', line: 1, args: { value: '1e999', column: 3, source: 'x*1e999' } },
    "Line 1, column 3: the number '1e999' is too large",
    "第 1 行第 3 列：数字 '1e999' 太大",
  ],
  exprDepth: [
    { code: 'exprDepth', line: 1, args: { max: 64, column: 65, source: '((((x))))' } },
    'Line 1, column 65: nested more than 64 levels deep',
    '第 1 行第 65 列：嵌套超过了 64 层',
  ],
  exprLength: [
    { code: 'exprLength', line: 1, args: { length: 2500, max: 2000, column: 2001, source: 'x' } },
    'Line 1, column 2001: the definition has 2500 characters; at most 2000 allowed',
    '第 1 行第 2001 列：定义有 2500 个字符，最多 2000 个',
  ],
  exprComparison: [
    { code: 'exprComparison', line: 1, args: { found: '>', column: 3, source: 'x > 0' } },
    "Line 1, column 3: a comparison ('>') may only be the condition of where(condition, a, b)",
    "第 1 行第 3 列：比较（'>'）只能作为 where(条件, a, b) 的条件",
  ],
  exprParamRange: [
    {
      code: 'exprParamRange',
      line: 1,
      args: { name: 'a', value: 9, min: 0, max: 5, column: 6, source: 'f(x; a=9 in [0, 5]) = a*x' },
    },
    'Line 1, column 6: parameter a = 9 must lie in a range [0, 5] with 0 < 5',
    '第 1 行第 6 列：参数 a = 9 必须落在区间 [0, 5] 内，且 0 < 5',
  ],
  exprUnknownName: [
    {
      code: 'exprUnknownName',
      line: 3,
      args: { name: 'sigmod', suggestions: 'sigmoid', column: 5, source: 'x * sigmod(x)' },
    },
    "Line 3, column 5: unknown name 'sigmod'. Did you mean 'sigmoid'?",
    "第 3 行第 5 列：未知的名称 'sigmod'。你是不是想写 'sigmoid'？",
  ],
  exprNeedsCall: [
    { code: 'exprNeedsCall', line: 1, args: { name: 'exp', column: 3, source: 'x*exp' } },
    "Line 1, column 3: 'exp' is a function: write exp(x)",
    "第 1 行第 3 列：'exp' 是函数，请写成 exp(x)",
  ],
  exprNoKeywords: [
    { code: 'exprNoKeywords', line: 1, args: { name: 'exp', column: 7, source: 'exp(x, a=1)' } },
    'Line 1, column 7: exp() takes no keyword arguments',
    '第 1 行第 7 列：exp() 不接受关键字参数',
  ],
  exprArity: [
    { code: 'exprArity', line: 1, args: { name: 'max', expected: 2, got: 1, column: 1, source: 'max(x)' } },
    'Line 1, column 1: max() takes 2 argument(s), got 1',
    '第 1 行第 1 列：max() 需要 2 个参数，但给了 1 个',
  ],
  exprDependsOnX: [
    { code: 'exprDependsOnX', line: 1, args: { name: 'elu', column: 14, source: 'elu(x, alpha=x)' } },
    'Line 1, column 14: a parameter of elu() must not depend on x',
    '第 1 行第 14 列：elu() 的参数不能依赖 x',
  ],
  exprReservedName: [
    { code: 'exprReservedName', line: 1, args: { name: 'exp', column: 1, source: 'exp(x) = x' } },
    "Line 1, column 1: 'exp' is taken by the language (x, pi, e, in and the built-in functions); choose another name",
    "第 1 行第 1 列：'exp' 已被语言占用（x、pi、e、in 和内置函数），请换一个名字",
  ],
  exprDuplicateName: [
    { code: 'exprDuplicateName', line: 2, args: { name: 'f', column: 1, source: 'f(x) = 2*x' } },
    "Line 2, column 1: 'f' is defined more than once",
    "第 2 行第 1 列：'f' 被定义了不止一次",
  ],
  exprCycle: [
    { code: 'exprCycle', line: 2, args: { name: 'f', chain: 'f → g → f', column: 8, source: 'g(x) = f(x)' } },
    'Line 2, column 8: definitions may not call themselves: f → g → f',
    '第 2 行第 8 列：定义不能调用自身：f → g → f',
  ],
  exprTooMany: [
    { code: 'exprTooMany', line: 2, args: { count: 17, max: 16, column: 1, source: 'q(x) = x' } },
    'Line 2, column 1: 17 definitions; at most 16 per block',
    '第 2 行第 1 列：共 17 个定义，每个代码块最多 16 个',
  ],
  exprCost: [
    { code: 'exprCost', line: 2, args: { cost: 9000, max: 4000, column: 1, source: 'q(x) = x' } },
    'Line 2, column 1: one evaluation would take 9000 operations; at most 4000',
    '第 2 行第 1 列：计算一次需要 9000 步运算，最多 4000 步',
  ],
};

describe('every problem code in both languages', () => {
  test.each(Object.entries(samples))('%s', (_code, [problem, enText, zhText]) => {
    expect(formatProblem(problem, 'en')).toBe(enText);
    expect(formatProblem(problem, 'zh')).toBe(zhText);
  });
});

describe('variants', () => {
  const fmt = (code: ProblemCode, args: Problem['args'], line = 2) => [
    formatProblem({ code, args, line }, 'en'),
    formatProblem({ code, args, line }, 'zh'),
  ];

  test('empty suggestions drop the "did you mean" sentence', () => {
    expect(fmt('unknownKey', { key: '学习率', allowed: 'lr, steps', suggestions: '' })).toEqual([
      "Line 2: unknown key '学习率'. Allowed keys: lr, steps",
      "第 2 行：未知的键 '学习率'。可用的键：lr, steps",
    ]);
    expect(fmt('unknownActivation', { name: 'Foo', suggestions: '' })).toEqual([
      "Line 2: unknown activation function 'Foo'.",
      "第 2 行：未知的激活函数 'Foo'。",
    ]);
  });

  test('three suggestions read as a list', () => {
    expect(fmt('unknownActivation', { name: 'relu', suggestions: 'ReLU, ReLU6, RReLU' })).toEqual([
      "Line 2: unknown activation function 'relu'. Did you mean 'ReLU', 'ReLU6' or 'RReLU'?",
      "第 2 行：未知的激活函数 'relu'。你是不是想写 'ReLU'、'ReLU6' 或 'RReLU'？",
    ]);
  });

  test('a parameter for a function that takes none', () => {
    expect(fmt('unknownParam', { activation: 'Sigmoid', param: 'alpha', allowed: '', suggestions: '' })).toEqual([
      "Line 2: Sigmoid takes no parameters, but got 'alpha'",
      "第 2 行：Sigmoid 不接受参数，但写了 'alpha'",
    ]);
  });

  test('a positional value for a function of the block that takes none', () => {
    expect(fmt('ownFunctionPositional', { name: 'sq', example: 'sq' })).toEqual([
      "Line 2: 'sq' is a function defined in this block and takes no parameters: write sq",
      "第 2 行：'sq' 是本块定义的函数，没有参数：请直接写 sq",
    ]);
  });

  test('one-sided bounds, item counts, lengths, narrow ranges', () => {
    expect(fmt('outOfRange', { key: 'scale', value: '-1', min: 0 })).toEqual([
      'Line 2: scale: -1 is too small; it must be at least 0',
      '第 2 行：scale：-1 太小，不能小于 0',
    ]);
    expect(fmt('outOfRange', { key: 'lr', value: '20', max: 10 })).toEqual([
      'Line 2: lr: 20 is too large; it must be at most 10',
      '第 2 行：lr：20 太大，不能大于 10',
    ]);
    expect(fmt('outOfRange', { key: 'lr', value: 4, max: 3, unit: 'items' })).toEqual([
      'Line 2: lr: 4 items is too many; at most 3 allowed',
      '第 2 行：lr：共 4 项，太多了，最多 3 项',
    ]);
    expect(fmt('outOfRange', { key: 'title', value: 300, max: 200, unit: 'characters' })).toEqual([
      'Line 2: title: 300 characters is too long; at most 200 allowed',
      '第 2 行：title：共 300 个字符，太长了，最多 200 个',
    ]);
    expect(fmt('badRange', { key: 'x', value: '[0, 1e-9]', minSpan: 0.001 })).toEqual([
      "Line 2: x: '[0, 1e-9]' is too narrow; b − a must be at least 0.001",
      "第 2 行：x：区间 '[0, 1e-9]' 太窄，b − a 至少为 0.001",
    ]);
  });

  test('syntax tokens are translated; unknown expectations are shown verbatim', () => {
    expect(fmt('syntax', { value: 'alpha: 1', expected: 'noNestedMaps' })[1]).toBe(
      "第 2 行：无法识别 'alpha: 1'，应为 顶格书写的键（不支持嵌套的键）",
    );
    expect(fmt('syntax', { value: '- Tanh', expected: 'listAfterEmptyKey' })[0]).toBe(
      "Line 2: cannot read '- Tanh'; expected list items only right after a key with nothing after its colon (`key:`)",
    );
    expect(fmt('syntax', { value: 'a', expected: 'toString' })[0]).toBe("Line 2: cannot read 'a'; expected toString");
  });

  test('without a line there is no prefix, and English starts with a capital unless it starts with a key', () => {
    expect(formatProblem({ code: 'tooLarge', args: { size: 70000, max: 65536 } }, 'en')).toBe(
      'The block is too large (70000 bytes; at most 65536)',
    );
    expect(formatProblem({ code: 'notANumber', args: { key: 'x', value: 'a' } }, 'en')).toBe("x: 'a' is not a number");
    expect(formatProblem({ code: 'tooLarge', args: { size: 1, max: 0 } }, 'zh')).toBe(
      '代码块太大（1 字节，上限为 0 字节）',
    );
  });

  test('an expression problem without a line starts with its column; the end of input reads as such', () => {
    const p: Problem = { code: 'exprUnexpected', args: { found: '', expected: ')', column: 6, source: '(((x)' } };
    expect(formatProblem(p, 'en')).toBe('Column 6: expected ), but the definition ends here');
    expect(formatProblem(p, 'zh')).toBe('第 6 列：此处应为)，但定义已经结束');
  });

  test('hostile values are flattened, stripped of bidi overrides and shortened', () => {
    const [enText] = fmt('notANumber', { key: 'x', value: `a\nb\u202Ec${'z'.repeat(200)}` });
    expect(enText).toBe(`Line 2: x: 'a b c${'z'.repeat(74)}…' is not a number`);
    expect([...fmt('notANumber', { key: 'x', value: '😀'.repeat(100) })[0]].filter((c) => c === '😀')).toHaveLength(79);
  });
});

describe('end to end: block → problem → message', () => {
  const schema = {
    functions: { type: 'list', required: true },
    derivative: { type: 'boolean', default: true },
    x: { type: 'range', default: [-6, 6] },
  } as const;
  const message = (source: string, lang: 'en' | 'zh') => {
    const r = parseBlockOptions(source, schema, 'functions');
    const first = r.ok
      ? r.value.warnings[0]
      : ((r.problems ?? [r.problem]).find((p) => p.code !== 'missingKey') ?? r.problem);
    return first ? formatProblem(first, lang) : 'ok';
  };

  test('a typo in a key', () => {
    const source = '# 对比\nderivative: 是\nfucntions: [Sigmoid, Tanh]';
    expect(message(source, 'en')).toBe(
      "Line 3: unknown key 'fucntions'. Did you mean 'functions'? Allowed keys: functions, derivative, x",
    );
    expect(message(source, 'zh')).toBe(
      "第 3 行：未知的键 'fucntions'。你是不是想写 'functions'？可用的键：functions, derivative, x",
    );
  });

  test('a bad range and a duplicate key', () => {
    expect(message('functions: ReLU\nx: [6, -6]', 'zh')).toBe(
      "第 2 行：x：'[6, -6]' 不是有效的区间，应写成 [a, b] 且 a < b，例如 [-6, 6]",
    );
    expect(message('functions: ReLU\n\nFunctions: GELU', 'en')).toBe(
      "Line 3: key 'functions' appears more than once; keep only one",
    );
  });
});
