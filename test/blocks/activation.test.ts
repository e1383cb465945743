import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/api';
import { activationBlock } from '../../src/blocks/activation';
import { buildChartConfig } from '../../src/chart/chart-config';
import { formatProblem } from '../../src/i18n';
import { env, LIGHT, parseOk, firstProblem } from './fixtures';

const api = createApi();
const problemOf = (source: string, lang: 'en' | 'zh' = 'en'): string => {
  const r = activationBlock.parse(source, env(lang));
  return formatProblem(firstProblem(r), lang);
};
const viewOf = (source: string) => {
  const e = env();
  return activationBlock.view(activationBlock.init(parseOk(activationBlock, source, e), e), e);
};

describe('```activation parsing', () => {
  it("reads the seed note's block with the settings' defaults", () => {
    const o = parseOk(activationBlock, 'functions: Sigmoid, Tanh, ReLU, PReLU(init=0.25)');
    expect(o.functions.map((f) => f.spec.name)).toEqual(['Sigmoid', 'Tanh', 'ReLU', 'PReLU']);
    expect(o.functions[3].params.init).toBe(0.25);
    expect(o).toMatchObject({ derivative: true, x: [-6, 6], samples: 400, sliders: true, overlays: true, height: 300 });
    expect(o.y).toBeUndefined();
  });

  it('takes a body without keys as the functions list, and both YAML list forms', () => {
    expect(parseOk(activationBlock, 'Sigmoid, Tanh').functions).toHaveLength(2);
    expect(
      parseOk(activationBlock, 'functions: [ReLU, "GELU(approximate=tanh)"]').functions[1].params.approximate,
    ).toBe('tanh');
    expect(
      parseOk(activationBlock, 'functions:\n  - ReLU\n  - LeakyReLU(negative_slope=0.2)').functions[1].params
        .negative_slope,
    ).toBe(0.2);
  });

  it('reads every key', () => {
    const o = parseOk(
      activationBlock,
      'functions: ELU\nderivative: false\nx: [-3, 2]\ny: [-2, 3]\nsamples: 50\nsliders: no\noverlays: off\nheight: 200\ntitle: ELU 图像\ncaption: see **this**',
    );
    expect(o).toMatchObject({
      derivative: false,
      x: [-3, 2],
      y: [-2, 3],
      samples: 50,
      sliders: false,
      overlays: false,
      height: 200,
      title: 'ELU 图像',
      caption: 'see **this**',
    });
  });

  it('names the line, the value and what is allowed in every error', () => {
    expect(problemOf('functions: Sigmod')).toBe(
      "Line 1: unknown activation function 'Sigmod'. Did you mean 'Sigmoid'?",
    );
    expect(problemOf('functions: ReLU\nfucntions: Tanh')).toMatch(
      /^Line 2: unknown key 'fucntions'\. Did you mean 'functions'\?/,
    );
    expect(problemOf('functions: ReLU\nsamples: 1')).toMatch(/^Line 2: .*samples.*1.*2.*5000/);
    expect(problemOf('functions: ReLU\nx: [3, -3]')).toMatch(/^Line 2: .*x/);
    expect(problemOf('functions: Softplus(beta=0)')).toMatch(/^Line 1: .*beta.*0/);
    expect(problemOf('derivative: yes')).toMatch(/functions/);
    expect(problemOf('functions: ReLU\nsamples: 1', 'zh')).toMatch(/^第 2 行/);
  });
});

describe('```activation: no refusal for time', () => {
  const twelve = 'Sigmoid, Tanh, ReLU, GELU, SiLU, Mish, ELU, SELU, CELU, Softplus, Hardswish, Hardtanh';
  const heavy = (i: number) => `h${i}(x) = ${Array.from({ length: 240 }, () => 'tanh(x)').join('+')}`;
  it('takes every size within its documented range: twelve torch functions or twelve maximal definitions at 5000 samples', () => {
    expect(parseOk(activationBlock, `functions: ${twelve}\nsamples: 5000`).samples).toBe(5000);
    const source = `functions: ${Array.from({ length: 12 }, (_, i) => heavy(i)).join(', ')}\nsamples: 5000`;
    expect(parseOk(activationBlock, source).samples).toBe(5000); // sampled as a job (jobs/sampling-job.test.ts)
  });
});

describe('```activation problems, all at once', () => {
  it('lists every problem of a block, required and optional, in line order', () => {
    const r = activationBlock.parse('functions: Sigmod, Tahn\nsamples: 9000\nx: [5, -5]', env());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect((r.problems ?? []).map((p) => formatProblem(p, 'en'))).toEqual([
      "Line 1: unknown activation function 'Sigmod'. Did you mean 'Sigmoid'?",
      "Line 1: unknown activation function 'Tahn'. Did you mean 'Tanh'?",
      'Line 2: samples: 9000 is out of range; allowed from 2 to 5000',
      "Line 3: x: '[5, -5]' is not a valid range; write [a, b] with a < b, e.g. [-6, 6]",
    ]);
  });

  it('draws despite a bad optional key, with its default, and says so', () => {
    const r = activationBlock.parse('functions: ReLU\ntitel: Hello\nsamples: 9000', env());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.samples).toBe(400);
    expect(r.value.title).toBeUndefined();
    expect(r.value.warnings?.map((w) => [w.code, w.line, w.args.fallback])).toEqual([
      ['unknownKey', 2, undefined],
      ['outOfRange', 3, '400'],
    ]);
  });
});

describe('```activation view', () => {
  it('draws f solid and f′ dashed in the same colour, per function', () => {
    const v = viewOf('functions: Sigmoid, ReLU');
    const lines = v.charts[0].lines.map((l) => [l.id, l.colorIndex, Boolean(l.dashed)]);
    expect(lines).toEqual([
      ['f0', 0, false],
      ['df0', 0, true],
      ['f1', 1, false],
      ['df1', 1, true],
    ]);
    expect(v.legend.slice(0, 4)).toEqual([
      { label: 'Sigmoid', colorIndex: 0 },
      { label: 'ReLU', colorIndex: 1 },
      { label: 'solid: f(x)' },
      { label: 'dashed: f′(x)', dashed: true },
    ]);
  });

  it('names every mark it draws in the legend: shadings and markers', () => {
    const v = viewOf('functions: Sigmoid, ReLU');
    expect(v.legend.slice(4)).toEqual([
      { label: 'shaded: saturation', mark: 'band' },
      { label: 'shaded: dead zone (f′ = 0)', mark: 'band' },
      { label: 'largest f′', mark: 'dot' },
      { label: "PyTorch's f′ at a kink", mark: 'ring' },
    ]);
    expect(viewOf('functions: Sigmoid\nderivative: false').legend).toEqual([
      { label: 'Sigmoid', colorIndex: 0 },
      { label: 'shaded: saturation', mark: 'band' },
    ]);
  });

  it('names the functions in the legend as the sliders left them', () => {
    const v = viewOf('functions: LeakyReLU');
    expect(v.legend[0].label).toBe('LeakyReLU');
    const e = env();
    const state = activationBlock.init(parseOk(activationBlock, 'functions: LeakyReLU', e), e);
    const moved = activationBlock.view(activationBlock.control(state, '0:negative_slope', 0.3), e);
    expect(moved.legend[0].label).toBe('LeakyReLU(negative_slope=0.3)');
  });

  it('reads out exactly what the API computes at the pointer', () => {
    const v = viewOf('functions: GELU, LeakyReLU(negative_slope=0.2)');
    const { heading, rows } = v.readout(0, -0.731);
    expect(heading).toBe('x = −0.731');
    const gelu = api.activation('GELU');
    expect(rows[0]).toMatchObject({
      label: 'GELU(x)',
      value: String(Number(gelu.f(-0.731).toPrecision(6))).replace('-', '−'),
    });
    expect(rows[3]).toMatchObject({ label: 'LeakyReLU′(x)', value: '0.2' });
  });

  it('offers one slider per numeric parameter, and moving it changes the curve', () => {
    const e = env();
    const state = activationBlock.init(parseOk(activationBlock, 'functions: PReLU(init=0.25)', e), e);
    const v0 = activationBlock.view(state, e);
    expect(v0.controls).toMatchObject([{ kind: 'slider', id: '0:init', value: 0.25 }]);
    const moved = activationBlock.control(state, '0:init', 0.5);
    const f = activationBlock.view(moved, e).charts[0].lines[0];
    expect(f.y[0]).toBe(-3); // PReLU(−6) with weight 0.5
  });

  it('only widens the y axis while a slider is dragged: dragging back keeps the widest range shown', () => {
    const e = env();
    const drag = (values: number[]) => {
      let state = activationBlock.init(parseOk(activationBlock, 'functions: LeakyReLU', e), e);
      let y = activationBlock.view(state, e).charts[0].y;
      for (const v of values) {
        state = activationBlock.control(state, '0:negative_slope', v);
        y = activationBlock.view(state, e).charts[0].y;
      }
      return [y.min, y.max];
    };
    // LeakyReLU(−6) = −6 · slope: the axis reaches −3.6 or below at slope 0.6 and stays there when dragged back to
    // 0.02, where a chart drawn afresh (or dragged straight there) needs far less.
    const [wideMin] = drag([0.6]);
    expect(wideMin).toBeLessThanOrEqual(-3.6);
    expect(drag([0.6, 0.3, 0.02])[0]).toBe(wideMin);
    expect(drag([0.02])[0]).toBeGreaterThan(-3);
  });

  it('keeps a slider from crossing a parameter relation (Hardtanh min_val < max_val)', () => {
    const e = env();
    const state = activationBlock.init(parseOk(activationBlock, 'functions: Hardtanh', e), e);
    expect(activationBlock.control(state, '0:min_val', 2).functions[0].params.min_val).toBe(-1);
  });

  it("exports CSV whose numbers are the API's values on an even grid", () => {
    const csv = viewOf('functions: Sigmoid\nsamples: 3\nx: [-1, 1]').csv().trim().split('\r\n');
    const sigmoid = api.activation('Sigmoid');
    expect(csv[0]).toBe('x,Sigmoid,Sigmoid′');
    expect(csv.slice(1).map((r) => r.split(',').map(Number))).toEqual(
      [-1, 0, 1].map((x) => [x, sigmoid.f(x), sigmoid.df(x)]),
    );
  });

  it('matches the approved Chart.js configuration (plain data)', async () => {
    const v = viewOf('functions: ReLU, Sigmoid\nsamples: 5\nx: [-2, 2]');
    const config = buildChartConfig(v.charts[0], LIGHT, 2);
    await expect(JSON.stringify({ model: { ...v.charts[0] }, config }, null, 1)).toMatchFileSnapshot(
      '../approved/activation-relu-sigmoid.json',
    );
  });
});

describe('overlay rules on hover', () => {
  it("inside a shaded band the read-out states the rule with the function's own peak; outside it says nothing", () => {
    const v = viewOf('functions: Sigmoid, Tanh, ReLU\nx: [-6, 6]');
    // Peaks by hand: σ′(0) = 1/4, tanh′(0) = 1; saturated where |f′| < 10 % of that.
    const sig = (x: number) => Math.exp(-x) / (1 + Math.exp(-x)) ** 2;
    const tanh = (x: number) => 1 - Math.tanh(x) ** 2;
    for (let x = -5.95; x < 6; x += 0.1) {
      const rows = v.readout(0, x).rows;
      const rule = (name: string) => rows.find((r) => r.label === name)?.value;
      const off = (d: number) => Math.abs(d - 0.1) < 1e-6;
      if (!off(sig(x) / 0.25))
        expect(rule('Sigmoid')).toBe(sig(x) < 0.025 ? 'saturated: |f′| < 10 % of its peak 0.25' : undefined);
      if (!off(tanh(x))) expect(rule('Tanh')).toBe(tanh(x) < 0.1 ? 'saturated: |f′| < 10 % of its peak 1' : undefined);
      expect(rule('ReLU')).toBe(x <= 0 ? 'zero gradient: f′ = 0' : undefined);
    }
    const zh = activationBlock.view(
      activationBlock.init(parseOk(activationBlock, 'Sigmoid', env('zh')), env('zh')),
      env('zh'),
    );
    expect(zh.readout(0, 5).rows.at(-1)?.value).toBe('饱和：|f′| 小于其峰值 0.25 的 10%');
    expect(viewOf('functions: Sigmoid\noverlays: false').readout(0, 5).rows).toHaveLength(2);
  });
});

describe('```activation properties', () => {
  it('adds the property table under the chart when asked, one row per function as the sliders leave it', () => {
    expect(viewOf('functions: Sigmoid').table).toBeUndefined();
    const table = viewOf('functions: Sigmoid, LeakyReLU(negative_slope=0.2)\nproperties: true').table;
    expect(table?.className).toBe('activation-lab-properties');
    expect(table?.rows.map((r) => r[0])).toEqual(['Sigmoid', 'LeakyReLU(negative_slope=0.2)']);
    // calculate_gain('leaky_relu', 0.2) = √(2 / (1 + 0.2²)).
    expect(table?.rows[1][8]).toBe(String(Number(Math.sqrt(2 / 1.04).toPrecision(4))));
  });
});
