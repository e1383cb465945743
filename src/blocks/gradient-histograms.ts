/**
 * ```gradient-flow's `view: histograms`: per activation, histograms of the pre-activations z at a few layers
 * (one small panel each, the saturated zone shaded), and the share of saturated units at every layer.
 */
import type { BandModel, LineChartModel, LineModel } from './line-chart-model';
import type { Interval } from '../core/activations/activation-properties';
import { formatNumber } from '../core/plot/format';
import { niceRange } from '../core/plot/ticks';
import { t, type Lang } from '../i18n';

/** What one activation's run showed, layer by layer (index l − 1 for layer l). */
export interface LayerStats {
  label: string;
  name: string;
  /** Share of units with |f′(z)| below the threshold. */
  saturated: number[];
  meanDf: number[];
  /** z of every unit, at the layers drawn. */
  z: Map<number, Float64Array>;
  /** Where |f′| < threshold, as x sets (from the property computation, the overlays' rule). */
  regions: Interval[];
  /** √fan_in × std of the weights as used. */
  gain: number;
}

const BINS = 40;
const CLIP = 20;

/** Up to five layers spread over the depth, first and last included. */
export function shownLayers(depth: number): number[] {
  return [...new Set([0, 1, 2, 3, 4].map((i) => 1 + Math.round(((depth - 1) * i) / 4)))];
}

/** Room above the only layer when one is shown. */
const depthGap = (layers: number[]): number => (layers.length > 1 ? Infinity : 1);

/** One activation's panel: a histogram per shown layer, its baseline at the layer's number on the y axis. */
function panel(s: LayerStats, colorIndex: number, layers: number[], lang: Lang): LineChartModel {
  let reach = 0;
  for (const l of layers) for (const v of s.z.get(l) ?? []) if (isFinite(v)) reach = Math.max(reach, Math.abs(v));
  // Exploding runs (ReLU at a large gain) would squeeze every histogram into a spike: beyond ±CLIP, into the end bins.
  const x = niceRange(-Math.min(reach, CLIP) || -1, Math.min(reach, CLIP) || 1, 4);
  const gap = Math.min(...layers.slice(1).map((l, i) => l - layers[i]), depthGap(layers));
  const lines: LineModel[] = layers.map((l) => {
    const z = s.z.get(l) ?? new Float64Array();
    const counts = new Array<number>(BINS).fill(0);
    const width = (x.max - x.min) / BINS;
    for (const v of z) if (isFinite(v)) counts[Math.max(0, Math.min(BINS - 1, Math.floor((v - x.min) / width)))]++;
    const top = Math.max(...counts) || 1;
    // A step outline: each bin's count as a flat run, scaled to 90 % of the room up to the next shown layer.
    const xs = counts.flatMap((_, i) => [x.min + i * width, x.min + (i + 1) * width]);
    const ys = counts.flatMap((c) => [l + (0.9 * gap * c) / top, l + (0.9 * gap * c) / top]);
    return {
      id: `h${l}`,
      label: t(lang, 'demo.layerN', { index: l }),
      colorIndex,
      width: 1.5,
      hideInLegend: true,
      x: xs,
      y: ys,
    };
  });
  const bands: BandModel[] = s.regions
    .map((r) => ({
      from: Math.max(r.lo, x.min),
      to: Math.min(r.hi, x.max),
      colorIndex,
      label: '',
      legend: t(lang, 'legend.saturation'),
    }))
    .filter((b) => b.to > b.from);
  return {
    x: {
      type: 'linear',
      ...x,
      title: t(lang, reach > x.max ? 'demo.preActivationClipped' : 'demo.preActivation', { name: s.label, r: x.max }),
    },
    y: {
      type: 'linear',
      min: layers[0] - 0.1 * gap,
      max: layers[layers.length - 1] + gap,
      integer: true,
      title: t(lang, 'demo.layer'),
    },
    lines,
    bands,
    markers: [],
    zeroAxes: false,
    panel: true,
    description: t(lang, 'demo.histDescription', { name: s.label, layers: layers.join(', ') }),
  };
}

/** The histogram panels and the "% saturated per layer" chart. */
export function histogramCharts(stats: readonly LayerStats[], depth: number, lang: Lang): LineChartModel[] {
  const layers = shownLayers(depth);
  const all = Array.from({ length: depth }, (_, i) => i + 1);
  const share: LineChartModel = {
    x: { type: 'linear', min: 1, max: Math.max(2, depth), integer: true, title: t(lang, 'demo.layer') },
    y: { type: 'linear', min: 0, max: 100, step: 25, title: t(lang, 'demo.saturatedAxis') },
    lines: stats.map((s, i) => ({
      id: `s${i}`,
      label: s.label,
      colorIndex: i,
      dots: depth <= 40,
      x: all,
      y: s.saturated.map((v) => 100 * v),
    })),
    bands: [],
    markers: [],
    zeroAxes: false,
    description: t(lang, 'demo.saturatedAxis'),
  };
  return [...stats.map((s, i) => panel(s, i, layers, lang)), share];
}

/** The read-out: on a panel the saturated share of each shown layer, on the share chart every activation at one layer. */
export function histogramReadout(stats: readonly LayerStats[], depth: number, chart: number, x: number, lang: Lang) {
  const pct = (v: number) => `${formatNumber(100 * v, 3)} %`;
  if (chart < stats.length) {
    const s = stats[chart];
    return {
      heading: s.label,
      rows: shownLayers(depth).map((l) => ({
        label: t(lang, 'demo.layerN', { index: l }),
        value: pct(s.saturated[l - 1]),
        colorIndex: chart,
      })),
    };
  }
  const layer = Math.min(depth, Math.max(1, Math.round(x)));
  return {
    heading: t(lang, 'demo.layerN', { index: layer }),
    rows: stats.map((s, i) => ({ label: s.label, value: pct(s.saturated[layer - 1]), colorIndex: i })),
  };
}
