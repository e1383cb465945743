/**
 * ```activation's view model beyond the curves: axes fixed or rounded, overlay labels for one function and for
 * several, the read-out inside a shaded band, the CSV grid, sliders and their guards, the sampling job, and the
 * note's formulas linked into the chart (lines, legend, summary, y range).
 */
import { describe, expect, it } from 'vitest';
import { activationBlock } from '../../src/blocks/activation';
import { jobResult } from '../../src/blocks/jobs';
import type { SampledCurve } from '../../src/blocks/jobs/sampling-job';
import type { Lang } from '../../src/i18n';
import { env, parseOk } from './fixtures';

const stateOf = (source: string, lang: Lang = 'en') =>
  activationBlock.init(parseOk(activationBlock, source, env(lang)), env(lang));
type State = ReturnType<typeof stateOf>;
const viewOf = (s: State, lang: Lang = 'en') => activationBlock.view(s, env(lang));
const view = (source: string, lang: Lang = 'en') => viewOf(stateOf(source, lang), lang);

describe('```activation axes', () => {
  it('keeps a block’s own x and y ranges exactly, ticks on a nice step of their span', () => {
    // x [1.1, 2.9]: span 1.8, a sixth of it 0.3 → step 0.5; y [−1.1, 2.3]: span 3.4 → 0.57 → 1.
    const c = view('functions: ReLU\nx: [1.1, 2.9]\ny: [-1.1, 2.3]').charts[0];
    expect(c.x).toEqual({ type: 'linear', min: 1.1, max: 2.9, step: 0.5 });
    expect(c.y).toEqual({ type: 'linear', min: -1.1, max: 2.3, step: 1 });
  });

  it('fits y to cover f and, when drawn, f′', () => {
    // Softplus on [−2, 6]: f from ~0.13 to ~6.0, f′ from ~0.12 to ~1.
    const covers = (source: string) => {
      const c = view(source).charts[0];
      const ys = c.lines.flatMap((l) => l.y).filter(Number.isFinite);
      return [c.y.min <= Math.min(...ys), c.y.max >= Math.max(...ys)];
    };
    expect(covers('functions: Softplus\nx: [-2, 6]')).toEqual([true, true]);
    expect(covers('functions: Softplus\nx: [-2, 6]\nderivative: false')).toEqual([true, true]);
  });
});

describe('```activation lines, legend and read-out', () => {
  it('without the derivative: f only, described so, read out without f′', () => {
    const v = view('functions: ReLU, Tanh\nx: [-2, 2]\nderivative: false\noverlays: false');
    const [c] = v.charts;
    expect(c.lines.map((l) => l.id)).toEqual(['f0', 'f1']);
    expect(c.description).toBe('Chart of ReLU, Tanh for x from −2 to 2');
    expect(v.legend).toEqual([
      { label: 'ReLU', colorIndex: 0 },
      { label: 'Tanh', colorIndex: 1 },
    ]);
    expect(v.readout(0, 0.5)).toEqual({
      heading: 'x = 0.5',
      rows: [
        { label: 'ReLU(x)', value: '0.5', colorIndex: 0 },
        { label: 'Tanh(x)', value: String(Number(Math.tanh(0.5).toPrecision(6))), colorIndex: 1 },
      ],
    });
  });

  it('with the derivative: f′ dashed, in the read-out too', () => {
    const v = view('functions: ReLU\nx: [-2, 2]\noverlays: false');
    expect(v.charts[0].lines.map((l) => [l.id, l.label, l.dashed ?? false])).toEqual([
      ['f0', 'ReLU', false],
      ['df0', 'ReLU′', true],
    ]);
    expect(v.charts[0].description).toBe('Chart of ReLU and their derivatives for x from −2 to 2');
    expect(v.readout(0, 1).rows).toEqual([
      { label: 'ReLU(x)', value: '1', colorIndex: 0 },
      { label: 'ReLU′(x)', value: '1', colorIndex: 0, dashed: true },
    ]);
  });

  it('exports f (and f′) on the uniform grid of `samples` points', () => {
    const csv = view('functions: ReLU\nx: [-2, 2]\nsamples: 5\nderivative: false').csv();
    expect(csv).toBe('x,ReLU\r\n-2,0\r\n-1,0\r\n0,0\r\n1,1\r\n2,2\r\n');
    const both = view('functions: ReLU\nx: [-2, 2]\nsamples: 5').csv();
    expect(both.split('\r\n').slice(0, 3)).toEqual(['x,ReLU,ReLU′', '-2,0,0', '-1,0,0']);
  });
});

describe('```activation overlays', () => {
  it('one function: full-height bands labelled with the rule, and the convention at the kink spelled out', () => {
    const v = view('functions: ReLU\nx: [-2, 2]');
    const [c] = v.charts;
    expect(c.bands).toEqual([
      {
        from: -2,
        to: 0,
        colorIndex: 0,
        label: 'ReLU: dead zone (f′ = 0)',
        legend: 'shaded: dead zone (f′ = 0)',
      },
    ]);
    const ring = c.markers.find((m) => m.shape === 'ring');
    expect(ring).toMatchObject({ x: 0, y: 0, colorIndex: 0, label: 'PyTorch: ReLU′(0) = 0' });
    // Inside the band, at both of its ends too, the read-out says which rule shaded it.
    const rule = { label: 'ReLU', value: 'zero gradient: f′ = 0', colorIndex: 0 };
    expect(v.readout(0, -2).rows).toContainEqual(rule);
    expect(v.readout(0, 0).rows).toContainEqual(rule);
    expect(v.readout(0, 0.01).rows).not.toContainEqual(rule);
  });

  it('several functions: a strip per function, the saturation rule with that function’s peak', () => {
    const v = view('functions: Sigmoid, ReLU');
    const [c] = v.charts;
    const sig = c.bands.filter((b) => b.colorIndex === 0);
    expect(sig).toHaveLength(2);
    expect(
      sig.every((b) => b.lane === 0 && b.label === 'Sigmoid: saturation' && b.legend === 'shaded: saturation'),
    ).toBe(true);
    expect(c.bands.filter((b) => b.colorIndex === 1).map((b) => [b.lane, b.label])).toEqual([
      [1, 'ReLU: dead zone (f′ = 0)'],
    ]);
    // Several functions: the convention ring carries no label of its own (the legend explains it).
    expect(c.markers.find((m) => m.shape === 'ring')?.label).toBeUndefined();
    expect(v.readout(0, 5).rows).toContainEqual({
      label: 'Sigmoid',
      value: 'saturated: |f′| < 10 % of its peak 0.25',
      colorIndex: 0,
    });
  });

  it('draws no markers without the derivative, but keeps the bands', () => {
    const c = view('functions: ReLU\nx: [-2, 2]\nderivative: false').charts[0];
    expect(c.markers).toEqual([]);
    expect(c.bands).toHaveLength(1);
  });
});

describe('```activation sliders', () => {
  it('one per numeric parameter; none for a choice, none when sliders are off', () => {
    expect(view('functions: GELU').controls).toEqual([]);
    expect(view('functions: ELU\nsliders: false').controls).toEqual([]);
    expect(view('functions: ELU').controls.map((c) => [c.kind, c.id, c.label])).toEqual([
      ['slider', '0:alpha', 'ELU alpha'],
    ]);
  });

  it('moves only its own function, leaving the state it came from as it was, and ignores what is not a number', () => {
    const s = stateOf('functions: ELU, ReLU');
    const moved = activationBlock.control(s, '0:alpha', 0.5);
    expect(moved.functions[0].params.alpha).toBe(0.5);
    expect(s.functions[0].params.alpha).toBe(1);
    expect(activationBlock.control(s, '0:alpha', '0.5')).toBe(s);
    expect(activationBlock.control(s, '0:alpha', Number.NaN)).toBe(s);
    expect(activationBlock.control(s, '0:alpha', Infinity)).toBe(s);
    expect(activationBlock.control(s, '5:alpha', 0.5)).toBe(s);
  });

  it('widens the y axis while a slider is dragged, never shrinking it until released', () => {
    // Softplus with beta 0.1 reaches 10·ln(1 + e^0.6) ≈ 10.4 at x = 6; with beta 1, ln(1 + e^6) ≈ 6.
    const s = stateOf('functions: Softplus\nderivative: false');
    viewOf(s);
    const low = activationBlock.control(s, '0:beta', 0.1);
    const lowY = viewOf(low).charts[0].y;
    expect(lowY.max).toBeGreaterThanOrEqual(10.4);
    const back = activationBlock.control(low, '0:beta', 1);
    expect(viewOf(back).charts[0].y.max).toBe(lowY.max);
    expect(viewOf(stateOf('functions: Softplus\nderivative: false')).charts[0].y.max).toBeLessThan(10);
  });
});

describe('```activation sampling job', () => {
  it('samples at once within 2 ms, else as a job priced by points: samples, +100 overlays, +3600 properties', () => {
    // 2.5e-4 ms per point per torch function: 400 + 100 + 3600 points × 2 functions = 2.05 ms.
    const s = stateOf('functions: ReLU, Tanh\nproperties: true');
    const job = activationBlock.job!(s);
    expect(job?.expectedMs).toBeCloseTo(4100 * 2 * 2.5e-4, 12);
    expect(activationBlock.job!(stateOf('functions: ReLU\nproperties: true'))).toBeNull();
    // (400 + 3600) × 2 × 2.5e-4 = 2 ms exactly: still drawn at once.
    expect(activationBlock.job!(stateOf('functions: ReLU, Tanh\nproperties: true\noverlays: false'))).toBeNull();
  });

  it('draws the curves a job delivered, and samples again once a slider moved', () => {
    const s = stateOf('functions: ELU, Tanh\nproperties: true');
    const job = activationBlock.job!(s);
    if (!job) throw new Error('expected a job');
    // The delivered curves, shifted up by 1, so the view shows whether it drew them or sampled its own.
    const real = jobResult<SampledCurve[]>(job);
    const shifted = real.map((c) => ({
      ...c,
      sampled: { ...c.sampled, f: { ...c.sampled.f, y: c.sampled.f.y.map((y) => y + 1) } },
    }));
    const held = activationBlock.received!(s, shifted);
    expect(activationBlock.job!(held)).toBeNull();
    expect(viewOf(held).charts[0].lines[0].y).toEqual(real[0].sampled.f.y.map((y) => y + 1));
    const moved = activationBlock.control(held, '0:alpha', 0.5);
    expect(activationBlock.job!(moved)).not.toBeNull();
    const own = viewOf(moved).charts[0].lines[0].y;
    expect(own[0]).toBeCloseTo(0.5 * Math.expm1(-6), 12);
  });

  it('says what it computes while waiting', () => {
    const p = activationBlock.placeholder!(stateOf('functions: ELU, Tanh'), env());
    expect(p.charts[0].description).toBe('Computing ELU, Tanh');
    expect(p.controls.map((c) => c.id)).toEqual(['0:alpha']);
  });
});

describe('```activation formulas', () => {
  // The section the browser test links (formulas.test.ts): ReLU right, ReLU′ with a typo (1 for x > 1, not x > 0).
  const RELU =
    "## ReLU\n$$\\begin{align}\nReLU(x)&=max\\{0,x\\} \\\\\nReLU'(x)&=\\begin{cases}\n0, x\\leq0\\\\\n1, x>1\n\\end{cases}\n\\end{align}$$\n";
  const block = 'functions: ReLU\nx: [-2, 2]\nformulas: "[[#ReLU]]"';

  it('says nothing until the linked sections are read', () => {
    expect(view(block).summary).toBe('');
    expect(view('functions: ReLU').summary).toBeUndefined();
  });

  it("draws the section's formulas under torch's, names them in the legend and states the findings", () => {
    const s = activationBlock.linked!(stateOf(block), [RELU], env());
    const v = viewOf(s);
    const [c] = v.charts;
    expect(c.lines.map((l) => [l.id, l.label, l.colorIndex, l.dashed ?? false])).toEqual([
      ['note0', 'ReLU(x)', 1, false],
      ['note1', 'ReLU′(x)', 2, true],
      ['f0', 'ReLU', 0, false],
      ['df0', 'ReLU′', 0, true],
    ]);
    // ReLU′ as the note wrote it: 0 up to 0, nothing on (0, 1], 1 after.
    const note1 = c.lines[1];
    note1.x.forEach((x, i) => {
      const want = x <= 0 ? 0 : x > 1 ? 1 : NaN;
      expect(note1.y[i]).toEqual(want);
    });
    expect(v.legend.slice(0, 3)).toEqual([
      { label: 'ReLU', colorIndex: 0 },
      { label: 'ReLU(x)', colorIndex: 1, dashed: false },
      { label: 'ReLU′(x)', colorIndex: 2, dashed: true },
    ]);
    expect(c.bands).toContainEqual({
      from: 0,
      to: 1,
      colorIndex: 2,
      label: '⚠ ReLU′(x)',
      legend: "shaded: where the note's formula differs from torch or is undefined",
    });
    expect(v.summary).toBe(
      "✓ ReLU(x) agrees with torch's ReLU on [−2, 2]\n⚠ ReLU′(x) is undefined on (0, 1]: no case applies there; " +
        "at x = 0: the note gives 0, torch 0 (a convention); matches the derivative of the note's ReLU(x) wherever it is defined",
    );
  });

  it("widens y to the note's own lines where they leave torch's range", () => {
    // min(0, x) reaches −2 and max(0, 3x) reaches 6 on [−2, 2], where ReLU and ReLU′ stay in [0, 2]; the fit
    // pads by 8 % of the span: [−2 − 0.64, 6 + 0.64].
    const text = '## ReLU\n$ReLU(x) = \\min\\{0, x\\}$\n\n$ReLU(x) = \\max\\{0, 3x\\}$\n';
    const c = viewOf(activationBlock.linked!(stateOf(block), [text], env())).charts[0];
    expect(c.lines.filter((l) => l.id.startsWith('note'))).toHaveLength(2);
    expect(c.y.min).toBeLessThanOrEqual(-2.64);
    expect(c.y.max).toBeGreaterThanOrEqual(6.64);
    const plain = view('functions: ReLU\nx: [-2, 2]').charts[0].y;
    expect([plain.min > -2, plain.max < 6]).toEqual([true, true]);
  });

  it('refuses a formulas value that is not a link, naming its line', () => {
    const r = activationBlock.parse('functions: ReLU\nformulas: ReLU', env());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.line).toBe(2);
  });
});

describe('```activation x range', () => {
  it('an empty or reversed x is refused by the range reader: a warning, and the default range', () => {
    for (const x of ['[2, 2]', '[3, 1]']) {
      const r = activationBlock.parse(`functions: ReLU\nx: ${x}`, env());
      if (!r.ok) throw new Error('expected a chart with a warning');
      expect(r.value.warnings?.[0]).toMatchObject({ code: 'badRange', line: 2 });
      expect(r.value.x).toEqual([-6, 6]);
    }
  });
});
