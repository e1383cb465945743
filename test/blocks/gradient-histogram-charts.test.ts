/**
 * The histogram view's charts and read-out from hand-made layer stats: bins counted by hand, the step outline's
 * heights, the shaded zones cut to the axis, both axes, and the saturated share per layer.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { histogramCharts, histogramReadout, shownLayers, type LayerStats } from '../../src/blocks/gradient-histograms';

/** Stats of one activation over `depth` layers, z given at some layers. */
function stats(label: string, depth: number, z: Record<number, number[]>, regions: LayerStats['regions']): LayerStats {
  return {
    label,
    name: label,
    saturated: Array.from({ length: depth }, (_, i) => i / (2 * depth)),
    meanDf: Array.from({ length: depth }, () => 0.5),
    z: new Map(Object.entries(z).map(([l, v]) => [Number(l), Float64Array.from(v)])),
    regions,
    gain: 1,
  };
}

describe('shownLayers', () => {
  it('is the first and last layer and three spread between, without repeats', () => {
    // 1 + round((depth − 1)·i/4), i = 0…4.
    expect(shownLayers(9)).toEqual([1, 3, 5, 7, 9]);
    expect(shownLayers(20)).toEqual([1, 6, 11, 15, 20]);
    expect(shownLayers(3)).toEqual([1, 2, 3]);
    expect(shownLayers(1)).toEqual([1]);
  });
});

describe('histogramCharts', () => {
  // Layer 1: |z| reaches 2, so the axis is [−2, 2] with 40 bins of 0.1. By hand: bin 0 holds −2 and −1.95,
  // bin 10 holds −0.97, bin 25 holds 0.53 twice, bin 39 holds 1.93 and 2 (the top edge goes in the last bin).
  // NaN and ∞ are not counted and do not stretch the axis. Layer 3 has no values; the others one each.
  const relu = stats(
    'ReLU',
    9,
    { 1: [-2, -1.95, -0.97, 0.53, 0.53, 1.93, 2, NaN, Infinity], 5: [0.25], 7: [0.25], 9: [0.25] },
    [
      { lo: -Infinity, hi: 0, loClosed: false, hiClosed: false },
      { lo: 2, hi: Infinity, loClosed: false, hiClosed: false },
    ],
  );
  const sigmoid = stats('Sigmoid', 9, { 1: [1], 3: [1], 5: [1], 7: [1], 9: [1] }, [
    { lo: -Infinity, hi: -3, loClosed: false, hiClosed: false },
    { lo: 3, hi: Infinity, loClosed: false, hiClosed: false },
  ]);
  // Built in each test (not while the file loads), so a mutation run sees the code under test.
  let charts: ReturnType<typeof histogramCharts>;
  let panel: ReturnType<typeof histogramCharts>[number];
  beforeEach(() => {
    charts = histogramCharts([relu, sigmoid], 9, 'en');
    panel = charts[0];
  });

  it('draws one panel per activation and the share chart last', () => {
    expect(charts).toHaveLength(3);
    expect(charts.map((c) => c.panel ?? false)).toEqual([true, true, false]);
  });

  it('spans z over the values reached, and puts each shown layer on the y axis with room above', () => {
    expect(panel.x).toEqual({ type: 'linear', min: -2, max: 2, step: 1, title: 'pre-activation z, ReLU' });
    // Layers 1, 3, 5, 7, 9: 2 apart, so y runs from 1 − 0.2 to 9 + 2.
    expect(panel.y).toEqual({ type: 'linear', min: 0.8, max: 11, integer: true, title: 'layer' });
    expect(panel.markers).toEqual([]);
    expect(panel.zeroAxes).toBe(false);
    expect(panel.description).toBe(
      'Histograms of the pre-activations of ReLU at layers 1, 3, 5, 7, 9, the saturated zone shaded',
    );
  });

  it('counts each bin and draws it as a flat run, the tallest at 90 % of the room to the next layer', () => {
    expect(panel.lines.map((l) => [l.id, l.label, l.colorIndex, l.width, l.hideInLegend])).toEqual(
      [1, 3, 5, 7, 9].map((l) => [`h${l}`, `layer ${l}`, 0, 1.5, true]),
    );
    const first = panel.lines[0];
    expect(first.x).toHaveLength(80);
    first.x.forEach((x, k) => expect(x).toBeCloseTo(-2 + Math.ceil(k / 2) * 0.1, 12));
    const counts = new Array<number>(40).fill(0);
    counts[0] = 2;
    counts[10] = 1;
    counts[25] = 2;
    counts[39] = 2;
    // Height above layer 1: 0.9 × gap 2 × count / top count 2.
    expect(first.y).toEqual(counts.flatMap((c) => [1 + 0.9 * c, 1 + 0.9 * c]));
    // An empty layer lies flat on its baseline.
    expect(panel.lines[1].y.every((y) => y === 3)).toBe(true);
    // One value: its bin reaches the full 90 %: 0.25 is bin 22 of [−2, 2].
    expect(panel.lines[2].y[44]).toBeCloseTo(5 + 1.8, 12);
    expect(panel.lines[2].y.filter((y) => y !== 5)).toHaveLength(2);
  });

  it('shades the saturated zones inside the axis only', () => {
    expect(panel.bands).toEqual([{ from: -2, to: 0, colorIndex: 0, label: '', legend: 'shaded: saturation' }]);
    // Sigmoid's zones |z| > 3 lie wholly outside its axis [−1, 1].
    expect(charts[1].bands).toEqual([]);
    expect([charts[1].x.min, charts[1].x.max]).toEqual([-1, 1]);
  });

  it('plots the saturated share of every layer in percent', () => {
    const share = charts[2];
    expect(share.x).toEqual({ type: 'linear', min: 1, max: 9, integer: true, title: 'layer' });
    expect(share.y).toEqual({
      type: 'linear',
      min: 0,
      max: 100,
      step: 25,
      title: '% saturated (|f′| < 10 % of its max)',
    });
    expect(share.lines.map((l) => [l.id, l.label, l.colorIndex, l.dots])).toEqual([
      ['s0', 'ReLU', 0, true],
      ['s1', 'Sigmoid', 1, true],
    ]);
    expect(share.lines[0].x).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    share.lines[0].y.forEach((y, i) => expect(y).toBeCloseTo((100 * i) / 18, 12));
    expect(share.bands).toEqual([]);
    expect(share.markers).toEqual([]);
    expect(share.zeroAxes).toBe(false);
    expect(share.description).toBe('% saturated (|f′| < 10 % of its max)');
  });

  it('dots the share line up to depth 40 only', () => {
    const at = (depth: number) => histogramCharts([stats('ReLU', depth, {}, [])], depth, 'en')[1].lines[0].dots;
    expect([at(40), at(41)]).toEqual([true, false]);
  });

  it('clips exploding values into the end bins beyond ±20, and the axis says so', () => {
    const wild = histogramCharts([stats('ReLU', 1, { 1: [-50, 0.5, 25] }, [])], 1, 'en')[0];
    expect([wild.x.min, wild.x.max]).toEqual([-20, 20]);
    expect(wild.x.title).toBe('z, ReLU (|z| > 20 in the end bins)');
    // One layer: room 1 above it, so the tallest bin is at 1 + 0.9; −50 lands in bin 0, 25 in bin 39.
    expect(wild.y).toMatchObject({ min: 0.9, max: 2 });
    expect(wild.lines[0].y[0]).toBeCloseTo(1.9, 12);
    expect(wild.lines[0].y[79]).toBeCloseTo(1.9, 12);
  });

  it('keeps a unit axis when every z is 0', () => {
    const flat = histogramCharts([stats('ReLU', 1, { 1: [0, 0] }, [])], 1, 'en')[0];
    expect([flat.x.min, flat.x.max]).toEqual([-1, 1]);
    expect(flat.x.title).toBe('pre-activation z, ReLU');
  });

  it('speaks Chinese', () => {
    const zh = histogramCharts([relu], 9, 'zh');
    expect(zh[0].x.title).toBe('预激活值 z，ReLU');
    expect(zh[0].y.title).toBe('层');
    expect(zh[0].lines[0].label).toBe('第 1 层');
    expect(zh[1].y.title).toBe('饱和比例 %（|f′| 小于其最大值的 10%）');
  });
});

describe('histogramReadout', () => {
  const a = stats('ReLU', 9, {}, []);
  const b = { ...stats('Tanh', 9, {}, []), saturated: Array.from({ length: 9 }, () => 1 / 3) };

  it("on a panel: that activation's saturated share at each shown layer", () => {
    // ReLU's share at layer l is (l − 1)/18.
    expect(histogramReadout([a, b], 9, 0, 4, 'en')).toEqual({
      heading: 'ReLU',
      rows: [
        { label: 'layer 1', value: '0 %', colorIndex: 0 },
        { label: 'layer 3', value: '11.1 %', colorIndex: 0 },
        { label: 'layer 5', value: '22.2 %', colorIndex: 0 },
        { label: 'layer 7', value: '33.3 %', colorIndex: 0 },
        { label: 'layer 9', value: '44.4 %', colorIndex: 0 },
      ],
    });
    expect(histogramReadout([a, b], 9, 1, 4, 'en').heading).toBe('Tanh');
  });

  it('on the share chart: every activation at the layer under the pointer, clamped to the network', () => {
    expect(histogramReadout([a, b], 9, 2, 3.6, 'en')).toEqual({
      heading: 'layer 4',
      rows: [
        { label: 'ReLU', value: '16.7 %', colorIndex: 0 },
        { label: 'Tanh', value: '33.3 %', colorIndex: 1 },
      ],
    });
    expect(histogramReadout([a, b], 9, 2, 40, 'en').heading).toBe('layer 9');
    expect(histogramReadout([a, b], 9, 2, -3, 'en').rows[0].value).toBe('0 %');
    expect(histogramReadout([a, b], 9, 2, 2, 'zh').heading).toBe('第 2 层');
  });
});
