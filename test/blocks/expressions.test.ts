/**
 * The note's own functions in blocks: definitions as list items and under `define:`, sliders for their
 * parameters, overlays from their derivative, read-out and CSV, the training demos, and errors with a caret.
 * Values are checked against hand computation and the torch functions they rewrite.
 */
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/api';
import { activationBlock } from '../../src/blocks/activation';
import { deadReluBlock } from '../../src/blocks/dead-relu';
import { gradientFlowBlock } from '../../src/blocks/gradient-flow';
import { formatProblem } from '../../src/i18n';
import { env, parseOk } from './fixtures';

const api = createApi();
const state = (source: string) => {
  const e = env();
  return activationBlock.init(parseOk(activationBlock, source, e), e);
};
const problemOf = (source: string, lang: 'en' | 'zh' = 'en') => {
  const r = activationBlock.parse(source, env(lang));
  if (r.ok) throw new Error('expected a problem');
  return { text: formatProblem(r.problem, lang), problem: r.problem };
};

describe('definitions in an ```activation block', () => {
  it('as items of functions, beside torch names (commas inside parentheses do not split)', () => {
    const o = parseOk(
      activationBlock,
      'functions: Sigmoid, swish(x; beta=1.5) = x * sigmoid(beta * x), clamp(x, -1, 1)',
    );
    expect(o.functions.map((f) => [f.spec.name, f.params])).toEqual([
      ['Sigmoid', {}],
      ['swish', { beta: 1.5 }],
      ['clamp(x, -1, 1)', {}],
    ]);
  });

  it('under define:, one per line (plain or - items), used by name and with parameters', () => {
    const o = parseOk(
      activationBlock,
      'define:\n  pr(x; a=0.25 in [-0.5, 1]) = max(0, x) + a * min(0, x)\n  - sq(x) = pr(x)^2\nfunctions: PReLU, pr, pr(a=0.1), sq',
    );
    expect(o.functions.map((f) => [f.spec.name, f.params])).toEqual([
      ['PReLU', { num_parameters: 1, init: 0.25 }],
      ['pr', { a: 0.25 }],
      ['pr', { a: 0.1 }],
      ['sq', {}],
    ]);
    const prelu = api.activation('PReLU', { init: 0.1 });
    const mine = o.functions[2].spec.bind(o.functions[2].params);
    for (const x of [-3, -0.5, 0.5, 2]) {
      expect(mine.f(x)).toBe(prelu.f(x));
      expect(mine.df(x)).toBe(prelu.df(x));
    }
    expect(o.functions[3].spec.bind({}).f(-2)).toBeCloseTo(0.25, 15);
  });

  it("a definition named like a torch alias is the note's function", () => {
    const o = parseOk(activationBlock, 'define: swish(x; beta=2) = x * sigmoid(beta * x)\nfunctions: swish, SiLU');
    expect(o.functions.map((f) => f.spec.name)).toEqual(['swish', 'SiLU']);
  });

  it('each parameter gets a slider with its range; moving it recompiles the curve', () => {
    const s = state('functions: pr(x; a=0.25 in [-0.5, 1]) = max(0, x) + a * min(0, x)');
    const e = env();
    expect(activationBlock.view(s, e).controls).toMatchObject([
      { kind: 'slider', id: '0:a', min: -0.5, max: 1, value: 0.25, label: 'pr a' },
    ]);
    const moved = activationBlock.control(s, '0:a', 0.5);
    expect(activationBlock.view(moved, e).charts[0].lines[0].y[0]).toBe(-3);
    // Without a range: symmetric around 0, holding the default.
    expect(activationBlock.view(state('functions: f(x; k=3) = k * x'), e).controls).toMatchObject([
      { min: -6, max: 6, value: 3 },
    ]);
  });

  it('samples its kinks exactly and marks the autograd convention there (0.625 at 0)', () => {
    const v = activationBlock.view(state('functions: max(0, x) + 0.25 * min(0, x)'), env());
    expect(v.charts[0].lines[0].x).toContain(0);
    expect(v.charts[0].markers).toContainEqual(expect.objectContaining({ x: 0, y: 0.625, shape: 'ring' }));
  });

  it('overlays come from the derivative: saturation bands and the peak of f′', () => {
    const v = activationBlock.view(state('functions: 1 / (1 + exp(-x))'), env());
    const sigmoid = activationBlock.view(state('functions: Sigmoid'), env());
    const mine = v.charts[0].bands;
    const torch = sigmoid.charts[0].bands;
    expect(mine).toHaveLength(torch.length);
    mine.forEach((b, i) => {
      expect(b.from).toBeCloseTo(torch[i].from, 9);
      expect(b.to).toBeCloseTo(torch[i].to, 9);
    });
    const peak = v.charts[0].markers.find((m) => m.shape === 'dot');
    expect(peak?.x).toBeCloseTo(0, 6);
    expect(peak?.y).toBeCloseTo(0.25, 12);
    const relu = activationBlock.view(state('functions: max(0, x)'), env());
    expect(relu.charts[0].bands).toMatchObject([{ from: -6, to: 0, label: 'max(0, x): dead zone (f′ = 0)' }]);
  });

  it('reads out and exports exactly what the API computes', () => {
    const v = activationBlock.view(
      state('functions: swish(x; beta=1.5) = x * sigmoid(beta * x)\nsamples: 3\nx: [-1, 1]'),
      env(),
    );
    const swish = api.expression('swish(x; beta=1.5) = x * sigmoid(beta * x)');
    const csv = v.csv().trim().split('\r\n');
    expect(csv[0]).toBe('x,swish,swish′');
    expect(csv.slice(1).map((r) => r.split(',').map(Number))).toEqual(
      [-1, 0, 1].map((x) => [x, swish.f(x), swish.df(x)]),
    );
    expect(v.readout(0, 1).rows.map((r) => r.label)).toEqual(['swish(x)', 'swish′(x)']);
  });

  it('shows mistakes with the line, the column and the definition for a caret, in both languages', () => {
    const { text, problem } = problemOf('functions: Sigmoid, x * sigmod(x)');
    expect(text).toBe("Line 1, column 5: unknown name 'sigmod'. Did you mean 'sigmoid'?");
    expect(problem.args).toMatchObject({ column: 5, source: 'x * sigmod(x)' });
    expect(problemOf('define:\n  f(x) = g(x)\n  g(x) = f(x)\nfunctions: f', 'zh').text).toBe(
      '第 3 行第 8 列：定义不能调用自身：f → g → f',
    );
    expect(problemOf('functions: Sigmod').text).toBe(
      "Line 1: unknown activation function 'Sigmod'. Did you mean 'Sigmoid'?",
    );
    expect(problemOf('define: x^2\nfunctions: ReLU').text).toMatch(/^Line 1, column 1: expected a definition/);
  });
});

describe('hostile items stay cheap', () => {
  it('a definition head followed by 60 000 spaces and no = is read in linear time', () => {
    const started = performance.now();
    const r = activationBlock.parse(`functions: f(x;${' '.repeat(60_000)}`, env());
    expect(r.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('definitions in the training demos', () => {
  it("gradient-flow trains the note's function exactly as the torch function it rewrites", () => {
    const e = env();
    const o = parseOk(gradientFlowBlock, 'activations: Sigmoid, 1 / (1 + exp(-x))\ndepth: 6\nwidth: 8\nbatch: 4', e);
    const v = gradientFlowBlock.view(gradientFlowBlock.init(o, e), e);
    const [torch, mine] = v.charts[0].lines.filter((l) => l.id.startsWith('g'));
    mine.y.forEach((y, i) => expect(y).toBeCloseTo(torch.y[i], 12));
  });

  it('dead-relu takes definitions under define: and by name', () => {
    const e = env();
    const o = parseOk(deadReluBlock, 'define: myrelu(x) = max(0, x)\nactivations: myrelu\nlr: 0.15\nsteps: 5', e);
    expect(o.activations[0].spec.name).toBe('myrelu');
    expect(deadReluBlock.view(deadReluBlock.init(o, e), e).charts.length).toBeGreaterThan(0);
  });

  it('a costly definition is expected to train longer (a progress bar sooner), never refused', () => {
    const long = `heavy(x) = ${Array.from({ length: 150 }, () => 'tanh(x)').join(' + ')}`;
    const expected = (activations: string) => {
      const r = deadReluBlock.parse(`activations: ${activations}\nsteps: 1000`, env());
      if (!r.ok) throw new Error(JSON.stringify(r.problem));
      return deadReluBlock.job?.(deadReluBlock.init(r.value, env()))?.expectedMs ?? 0;
    };
    expect(expected(long)).toBeGreaterThan(10 * expected('Tanh'));
  });
});
