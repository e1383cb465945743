/**
 * ```nonlinearity's view model from trainings chosen here by hand and delivered as its job's result, so the panels'
 * maps, the loss chart, legend, read-out, CSV and the summary are checked against numbers worked out in this file:
 * one hidden unit (width 1), two steps, networks whose logit is a simple function of x.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ClassifierRunInput, ClassifierRunResult } from '../../src/blocks/jobs/engine-runs';
import type { RunsJob } from '../../src/blocks/jobs/job';
import { nonlinearityBlock } from '../../src/blocks/nonlinearity';
import { classifierData } from '../../src/core/engines/classifier-data';
import type { Lang } from '../../src/i18n';
import { env, parseOk } from './fixtures';

const initOf = (source: string, lang: Lang = 'en') =>
  nonlinearityBlock.init(parseOk(nonlinearityBlock, source, env(lang)), env(lang));
type State = ReturnType<typeof initOf>;
const job = (s: State) => nonlinearityBlock.job!(s) as RunsJob<'classifier', ClassifierRunInput> | null;
const viewOf = (s: State, lang: Lang = 'en') => nonlinearityBlock.view(s, env(lang));

/** A width-1 network's parameters at one step: W1 = (wx, wy), b1, W2 = (w2), b2, in the saved order. */
type Params = [wx: number, wy: number, b1: number, w2: number, b2: number];
const result = (loss: number[], accuracy: number[], steps: Params[]): ClassifierRunResult => ({
  loss,
  accuracy,
  saved: Float64Array.from(steps.flat()),
});

const σ = (l: number) => 1 / (1 + Math.exp(-l));
/** The map's cells: 40 × 40 over [−2.5, 2.5]², row 0 at the top, each cell sampled at its centre. */
const cellX = (c: number) => -2.5 + (c + 0.5) * 0.125;
const cellY = (r: number) => 2.5 - (r + 0.5) * 0.125;

const SOURCE = 'activations: Identity, ReLU\nwidth: 1\npoints: 4\nsteps: 2';
/** Identity: logit = 2·(x + 0.5) − 1 = 2x at the last step. ReLU: logit = 2·relu(y) − 1 at the last step. */
const IDENTITY_RUN = result(
  [0.7, 0.6, 0.5],
  [0.5, 0.5, 0.75],
  [
    [0, 0, 0, 0, 0],
    [1, 0, 0, 1, 0],
    [1, 0, 0.5, 2, -1],
  ],
);
const RELU_RUN = result(
  [0.8, 0.4, 0.2],
  [0.5, 0.75, 1],
  [
    [0, 0, 0, 0, 0],
    [0, 1, 0, 1, 0],
    [0, 1, 0, 2, -1],
  ],
);

describe('```nonlinearity view, from hand-made trainings', () => {
  let s: State;
  beforeEach(() => {
    s = nonlinearityBlock.received!(initOf(SOURCE), [IDENTITY_RUN, RELU_RUN]);
  });

  it('asks for one run per activation on the seeded data, Identity as no activation, costed per unit of work', () => {
    const fresh = initOf(SOURCE);
    const j = job(fresh);
    const common = { seed: 1, data: 'xor', points: 4, width: 1, lr: 0.5, steps: 2 };
    expect(j?.runs).toEqual([
      { activation: null, ...common },
      { activation: { torch: 'ReLU', params: {} }, ...common },
    ]);
    // 3 measured steps × 4 points × 1 unit × 2 runs, at 5e-5 ms per unit.
    expect(j?.expectedMs).toBeCloseTo(3 * 4 * 1 * 2 * 5e-5, 15);
    expect(job(s)).toBeNull();
    // New data is a new training.
    const next = nonlinearityBlock.control(s, 'seed', 0);
    expect(job(next)?.runs[0].seed).not.toBe(1);
    expect(next.data).toEqual(classifierData(job(next)!.runs[0].seed, 'xor', 4, 1));
  });

  it('shades each panel with P(y = 1) of its network at the step shown, every cell', () => {
    const [identity, relu] = viewOf(s).charts;
    const p = (chart: typeof identity, r: number, c: number) => chart.image!.p[r * 40 + c];
    for (let r = 0; r < 40; r++)
      for (let c = 0; c < 40; c++) {
        expect(p(identity, r, c)).toBeCloseTo(σ(2 * cellX(c)), 14);
        expect(p(relu, r, c)).toBeCloseTo(σ(2 * Math.max(0, cellY(r)) - 1), 14);
      }
    expect(identity.image).toMatchObject({ n: 40, colors: [3, 4] });
    // At step 1 the Identity network's logit is x: σ(x).
    const [atOne] = viewOf(nonlinearityBlock.control(s, 'step', 1)).charts;
    expect(p(atOne, 7, 33)).toBeCloseTo(σ(cellX(33)), 14);
    expect(p(atOne, 39, 0)).toBeCloseTo(σ(cellX(0)), 14);
  });

  it('frames each panel on the square ±2.5, titled and described with its accuracy at that step', () => {
    const [identity, relu] = viewOf(s).charts;
    expect(identity.x).toEqual({ type: 'linear', min: -2.5, max: 2.5, step: 1, title: 'Identity: accuracy 75 %' });
    expect(identity.y).toEqual({ type: 'linear', min: -2.5, max: 2.5, step: 1 });
    expect(relu.x.title).toBe('ReLU: accuracy 100 %');
    expect(relu.description).toBe(
      'Classes ReLU predicts over the plane after training on the XOR points: accuracy 100 %',
    );
    expect(identity).toMatchObject({ lines: [], bands: [], zeroAxes: false, panel: true });
    expect(viewOf(nonlinearityBlock.control(s, 'step', 1)).charts[1].x.title).toBe('ReLU: accuracy 75 %');
  });

  it('marks the points by class: y = 1 as dots in one colour, y = 0 as rings in the other', () => {
    const markers = viewOf(s).charts[0].markers;
    expect(markers).toEqual(
      s.data.X.map(([x, y], i) =>
        s.data.y[i] ? { x, y, colorIndex: 4, shape: 'dot' } : { x, y, colorIndex: 3, shape: 'ring' },
      ),
    );
    expect(new Set(s.data.y)).toEqual(new Set([0, 1]));
  });

  it('plots every step of each loss, up to 5 % above the highest, with a dot at the step shown', () => {
    const loss = viewOf(s).charts[2];
    expect(loss.x).toEqual({ type: 'linear', min: 0, max: 2, integer: true, title: 'training step' });
    expect(loss.y.min).toBe(0);
    expect(loss.y.max).toBeCloseTo(0.84, 15);
    expect(loss.y.title).toBe('loss (BCE)');
    expect(loss.lines).toEqual([
      { id: 'l0', label: 'Identity', colorIndex: 0, x: [0, 1, 2], y: [0.7, 0.6, 0.5] },
      { id: 'l1', label: 'ReLU', colorIndex: 1, x: [0, 1, 2], y: [0.8, 0.4, 0.2] },
    ]);
    expect(loss.markers).toEqual([
      { x: 2, y: 0.5, colorIndex: 0, shape: 'dot' },
      { x: 2, y: 0.2, colorIndex: 1, shape: 'dot' },
    ]);
    expect(loss.panel).toBeUndefined();
    expect(loss).toMatchObject({ heightFactor: 0.6, zeroAxes: false, bands: [], description: 'loss (BCE)' });
    expect(viewOf(nonlinearityBlock.control(s, 'step', 0)).charts[2].markers.map((m) => m.y)).toEqual([0.7, 0.8]);
  });

  it('scales the loss axis from finite losses only, and to 1 when there is none above 0', () => {
    const topOf = (a: number[], b: number[]) =>
      viewOf(
        nonlinearityBlock.received!(initOf(SOURCE), [
          { ...IDENTITY_RUN, loss: a },
          { ...RELU_RUN, loss: b },
        ]),
      ).charts[2].y.max;
    expect(topOf([Infinity, 2, NaN], [0.5, 1, 1])).toBeCloseTo(2.1, 15);
    expect(topOf([Infinity, Infinity, NaN], [NaN, Infinity, Infinity])).toBe(1);
    expect(topOf([0, 0, 0], [0, 0, 0])).toBe(1);
  });

  it('keys the legend: activations, the two classes, the two shadings', () => {
    expect(viewOf(s).legend).toEqual([
      { label: 'Identity', colorIndex: 0 },
      { label: 'ReLU', colorIndex: 1 },
      { label: 'y = 1', colorIndex: 4, mark: 'dot' },
      { label: 'y = 0', colorIndex: 3, mark: 'ring' },
      { label: 'shaded: predicted y = 1', colorIndex: 4, mark: 'band' },
      { label: 'shaded: predicted y = 0', colorIndex: 3, mark: 'band' },
    ]);
  });

  it('says the Identity boundary is a line when W1·W2 ≠ 0, and accuracy at the step shown', () => {
    expect(viewOf(s).summary).toBe(
      'Without an activation the network is one linear map, so its boundary is a straight line. ' +
        'Accuracy after 2 steps on the XOR points: Identity 75 %, ReLU 100 %.',
    );
    expect(viewOf(s, 'zh').summary).toBe(
      '没有激活函数时，整个网络是一个线性映射，决策边界只能是一条直线。训练 2 步后在 XOR 数据上的准确率：Identity 75%、ReLU 100%。',
    );
  });

  it('says the Identity network predicts one class everywhere when W1·W2 = 0 (a flat logit)', () => {
    const flat = (wx: number, wy: number, w2: number) =>
      viewOf(
        nonlinearityBlock.received!(initOf(SOURCE), [
          result(IDENTITY_RUN.loss, IDENTITY_RUN.accuracy, [
            [0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0],
            [wx, wy, 0.5, w2, -1],
          ]),
          RELU_RUN,
        ]),
      ).summary ?? '';
    const FLAT = 'Without an activation the network is one linear map (here it predicts one class everywhere). ';
    const LINE = 'Without an activation the network is one linear map, so its boundary is a straight line. ';
    expect(flat(0, 0, 2).startsWith(FLAT)).toBe(true);
    expect(flat(1, 1, 0).startsWith(FLAT)).toBe(true);
    // Either column alone makes a line.
    expect(flat(1, 0, 2).startsWith(LINE)).toBe(true);
    expect(flat(0, 1, 2).startsWith(LINE)).toBe(true);
    expect(flat(0, -3, -2).startsWith(LINE)).toBe(true);
  });

  it('states no linear map when Identity is not among the activations', () => {
    const s2 = nonlinearityBlock.received!(initOf('activations: ReLU\nwidth: 1\npoints: 4\nsteps: 2'), [RELU_RUN]);
    expect(viewOf(s2).summary).toBe('Accuracy after 2 steps on the XOR points: ReLU 100 %.');
    expect(viewOf(s2).charts).toHaveLength(2);
  });

  it('reads out the step shown on a panel, and the step under the pointer on the loss chart', () => {
    const v = viewOf(nonlinearityBlock.control(s, 'step', 1));
    const rows = (loss: [string, string], acc: [string, string]) => [
      { label: 'Identity', colorIndex: 0, value: `loss ${loss[0]}, accuracy ${acc[0]} %` },
      { label: 'ReLU', colorIndex: 1, value: `loss ${loss[1]}, accuracy ${acc[1]} %` },
    ];
    // Panels (charts 0 and 1) ignore x: the step shown.
    expect(v.readout(0, 2.4)).toEqual({ heading: 'step 1', rows: rows(['0.6', '0.4'], ['50', '75']) });
    expect(v.readout(1, -2)).toEqual({ heading: 'step 1', rows: rows(['0.6', '0.4'], ['50', '75']) });
    // The loss chart (chart 2): the nearest step, within 0..steps.
    expect(v.readout(2, 1.6)).toEqual({ heading: 'step 2', rows: rows(['0.5', '0.2'], ['75', '100']) });
    expect(v.readout(2, 0.4)).toEqual({ heading: 'step 0', rows: rows(['0.7', '0.8'], ['50', '50']) });
    expect(v.readout(2, -7).heading).toBe('step 0');
    expect(v.readout(2, 9).heading).toBe('step 2');
    expect(viewOf(s, 'zh').readout(2, 1)).toEqual({
      heading: '第 1 步',
      rows: [
        { label: 'Identity', colorIndex: 0, value: '损失 0.6，准确率 50%' },
        { label: 'ReLU', colorIndex: 1, value: '损失 0.4，准确率 75%' },
      ],
    });
  });

  it('exports every step’s loss and accuracy per activation as CSV', () => {
    expect(viewOf(s).csv()).toBe(
      'step,Identity loss,Identity accuracy,ReLU loss,ReLU accuracy\r\n' +
        '0,0.7,0.5,0.8,0.5\r\n1,0.6,0.5,0.4,0.75\r\n2,0.5,0.75,0.2,1\r\n',
    );
  });

  it('offers the step slider at the step shown and the new-data button', () => {
    expect(viewOf(nonlinearityBlock.control(s, 'step', 1)).controls).toEqual([
      { kind: 'slider', id: 'step', label: 'training step', min: 0, max: 2, step: 1, value: 1 },
      { kind: 'button', id: 'seed', label: 'new data' },
    ]);
  });
});
