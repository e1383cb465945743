/**
 * Every sentence and legend label of ```gradient-flow, checked against the network it describes: over 50 seeds,
 * every init choice, both metrics and the slider ranges, each ratio is recomputed through the public API
 * (whose engine matches PyTorch's gradflow.json) with the init the sentence names.
 */
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/api';
import { gradientFlowBlock } from '../../src/blocks/gradient-flow';
import { env, parseOk } from './fixtures';
import { sweepLength } from '../helpers/property-runs';

const api = createApi();
const INITS = ['xavier_uniform', 'xavier_normal', 'he_uniform', 'he_normal'] as const;
const NAMES = ['Sigmoid', 'Tanh', 'ReLU'];
const SUP: Record<string, string> = {
  '⁻': '-',
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
/** Reads `2.8×10⁻¹³`, `10⁵` or `0.73` back into a number. */
function readPower(text: string): number {
  const m = /^(−?[\d.]+)?(?:×)?(?:10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/.exec(text);
  if (!m) throw new Error(`not a number: ${text}`);
  const mantissa = m[1] === undefined ? 1 : Number(m[1].replace('−', '-'));
  return m[2] === undefined ? mantissa : mantissa * 10 ** Number([...m[2]].map((c) => SUP[c]).join(''));
}
const twoDigits = (shown: number, truth: number) => Math.abs(shown - truth) <= 0.051 * Math.abs(truth);

function check(
  seed: number,
  init: 'auto' | (typeof INITS)[number],
  metric: 'weight' | 'output',
  depth: number,
  width: number,
) {
  const e = env();
  const s = gradientFlowBlock.init(
    parseOk(gradientFlowBlock, `seed: ${seed}\ninit: ${init}\nmetric: ${metric}\ndepth: ${depth}\nwidth: ${width}`, e),
    e,
  );
  const view = gradientFlowBlock.view(s, e);
  const initOf = (name: string) => (init !== 'auto' ? init : name === 'ReLU' ? 'he_normal' : 'xavier_uniform');
  const initText = init !== 'auto' ? init : 'auto, xavier_uniform for Sigmoid, Tanh; he_normal for ReLU';
  const metricText = metric === 'weight' ? 'gradient norm ‖∂loss/∂W‖' : 'mean |∂loss/∂h|';
  const item = String.raw`(0 at layer 1 — not drawable on a log scale|undefined \(layer \d+ gets no gradient\)|\S+)`;
  const m = new RegExp(
    String.raw`^Ratio of layer 1's to layer (\d+)'s (.+) \(init: (.+)\): Sigmoid ${item}, Tanh ${item}, ReLU ${item}\.$`,
  ).exec(view.summary ?? '');
  expect(m, view.summary).not.toBeNull();
  expect([Number(m![1]), m![2], m![3]]).toEqual([depth, metricText, initText]);
  NAMES.forEach((name, i) => {
    const g = api.gradientFlowDemo({ activation: name, depth, width, batch: 16, seed, init: initOf(name) });
    const values = metric === 'weight' ? g.gradWNorm : g.gradHMeanAbs;
    if (values[depth - 1] === 0) expect(m![4 + i]).toBe(`undefined (layer ${depth} gets no gradient)`);
    else if (values[0] === 0) expect(m![4 + i]).toBe('0 at layer 1 — not drawable on a log scale');
    else
      expect(
        twoDigits(readPower(m![4 + i]), values[0] / values[depth - 1]),
        `${name}: ${m![4 + i]} vs ${values[0] / values[depth - 1]}`,
      ).toBe(true);
    expect(view.charts[0].lines.find((l) => l.id === `g${i}`)?.y).toEqual(values.map((v) => (v > 0 ? v : NaN)));
  });
  // The dashed reference: in the legend, named for what it is, and exactly that.
  const reference = view.charts[0].lines.find((l) => l.id === 'e0');
  if (!reference) return { sigmoid: [], reference: [] }; // drawn only when Sigmoid's last layer has a gradient
  expect(view.legend[1]).toEqual({
    label: `Sigmoid′ peak 0.25 per layer, from layer ${depth}`,
    colorIndex: 0,
    dashed: true,
    faint: true,
  });
  const sigmoid = view.charts[0].lines.find((l) => l.id === 'g0')?.y ?? [];
  expect(reference.y[depth - 1]).toBe(sigmoid[depth - 1]);
  for (let l = 0; l + 1 < depth; l++) expect(reference.y[l] / reference.y[l + 1]).toBeCloseTo(0.25, 12);
  return { sigmoid, reference: reference.y };
}

describe('every sentence of ```gradient-flow is true of the network it shows', () => {
  it('at the default depth and width, for 50 seeds and every init choice', () => {
    for (let seed = 0; seed < sweepLength(50); seed++)
      for (const init of ['auto', ...INITS] as const) check(seed, init, seed % 2 ? 'weight' : 'output', 20, 32);
  }, 60_000);

  it('over the slider ranges of depth (1–50) and width (1–64)', () => {
    for (const [depth, width] of [
      [1, 32],
      [2, 1],
      [50, 64],
      [35, 8],
    ])
      for (const seed of [0, 7]) check(seed, 'he_normal', 'weight', depth, width);
  }, 60_000);

  it('the reference line is not a bound: under He init Sigmoid lies above it at every layer below the last', () => {
    const { sigmoid, reference } = check(1, 'he_normal', 'weight', 20, 32);
    expect(sigmoid.slice(0, 19).every((v, l) => v > reference[l])).toBe(true);
  });

  it('says it in Chinese with the same figures', () => {
    const e = env('zh');
    const view = gradientFlowBlock.view(gradientFlowBlock.init(parseOk(gradientFlowBlock, '', e), e), e);
    const g = api.gradientFlowDemo({
      activation: 'Sigmoid',
      depth: 20,
      width: 32,
      batch: 16,
      seed: 1,
      init: 'he_normal',
    });
    const ratio = g.gradWNorm[0] / g.gradWNorm[19];
    const m =
      /^第 1 层与第 20 层的梯度范数 ‖∂loss\/∂W‖ 之比（初始化：he_normal）：Sigmoid (\S+)、Tanh \S+、ReLU \S+。$/.exec(
        view.summary ?? '',
      );
    expect(m, view.summary).not.toBeNull();
    expect(twoDigits(readPower(m![1]), ratio)).toBe(true);
    expect(view.legend[1].label).toBe('Sigmoid′ 峰值 0.25 逐层相乘（从第 20 层起）');
  });
});
