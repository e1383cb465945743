/** ```gradient-flow: per-layer gradients of a seeded MLP, by real backpropagation, one line per activation. */
import type { LineChartModel, LineModel, MarkerModel } from './line-chart-model';
import { activationProperties } from '../core/activations/activation-properties';
import { formatNumber, formatPower } from '../core/plot/format';
import { SATURATION_FRACTION } from '../core/plot/overlays';
import { INIT_NAMES, defaultInitFor, type InitName } from '../core/engines/init';
import { decadeRange, positiveOrGap } from '../core/plot/log-axis';
import type { GradientFlow } from '../core/engines/gradient-flow/network';
import { runToEnd } from '../core/engines/steps';
import { peakAbsDerivative } from '../core/plot/peak-derivative';
import { ok, type Result } from '../core/result';
import type { Settings } from '../core/settings';
import { t, type Lang } from '../i18n';
import { activationLabel, workWeight, type NamedActivation } from './activation-list';
import type { BlockEnv, BlockKind, BlockView, CommonOptions, Control } from './block-kind';
import { commonSchema, finish, lineOf, parseWithActivations } from './common-options';
import { csvOf } from './csv';
import { histogramCharts, histogramReadout, shownLayers, type LayerStats } from './gradient-histograms';
import { fits, mostThatFits, tooMuchMemory, type WorkBudget } from './work-budget';
import { gradientFlowBytes, MEMORY_GUARD_BYTES } from '../core/engines/gradient-flow/memory';
import { nextSeed, SEED_CONTROL, seedButton, seedField } from './seeds';
import { markLegend } from './legend-marks';
import { activationRef } from './jobs/activation-ref';
import {
  gradientFlowRuns,
  type GradientFlowJob,
  type GradientFlowResult,
  type GradientFlowShape,
  type HistogramRequest,
  type LayerCounts,
} from './jobs/gradient-flow-job';

/** The sizes a drawing's cost depends on. */
interface Sizes {
  depth: number;
  width: number;
  batch: number;
  count: number;
  /** Evaluations of f and f′ beyond a torch function's, per unit and sample (the note's own functions). */
  extra: number;
}

/**
 * Roughly the multiply-adds of one drawing: per activation the forward and backward passes and the Gram matrices
 * of ‖∂loss/∂W‖, plus each layer's weights drawn once (a normal draw costs ~25 multiply-adds). It only predicts
 * the time (inline, background, progress bar): depth 200 × width 512 × batch 256 takes ~28 s per activation.
 */
const workOf = ({ depth, width, batch, count, extra }: Sizes): number =>
  depth * width * (25 * width + count * batch * (width + batch) + batch * extra);

/** The guard's figure for `sizes`: one network per initialisation the block may use (`init: auto` draws several). */
const MEMORY: WorkBudget<Sizes & { networks: number }> = {
  budget: MEMORY_GUARD_BYTES,
  cost: (z) => gradientFlowBytes({ ...z, activations: z.count }),
};

/** The memory sizes of a block at this depth, width and init (`auto` draws one network per init it picks). */
function memorySizes(o: GradientFlowOptions, depth: number, width: number, init: GradientFlowOptions['init']) {
  const networks = init === 'auto' ? new Set(o.activations.map((a) => defaultInitFor(a.spec.family))).size : 1;
  return { depth, width, batch: o.batch, count: o.activations.length, extra: extraWork(o.activations), networks };
}

/** Extra work of the note's own functions: ~10 multiply-adds per torch-function's worth of an evaluation. */
function extraWork(activations: readonly NamedActivation[]): number {
  return activations.reduce((sum, a) => sum + 10 * (workWeight(a) - 1), 0);
}

/** The keys of a ```gradient-flow block. */
export function gradientFlowSchema(settings: Settings) {
  return {
    activations: { type: 'list', default: ['Sigmoid', 'Tanh', 'ReLU'], maxItems: 8 },
    /** The note's own functions, one definition per line, usable by name in `activations`. */
    define: { type: 'list', maxItems: 16, lines: true },
    depth: { type: 'integer', default: 20, min: 1, max: 200 },
    width: { type: 'integer', default: 32, min: 1, max: 512 },
    batch: { type: 'integer', default: 16, min: 1, max: 256 },
    // One init for every activation compared, so the lines differ by activation alone; `auto` picks per family.
    // torch.nn.init calls He's initialisation kaiming_*: its names work too.
    init: {
      type: 'choice',
      default: 'he_normal',
      choices: ['auto', ...INIT_NAMES],
      aliases: { kaiming_uniform: 'he_uniform', kaiming_normal: 'he_normal' },
    },
    seed: seedField(1),
    metric: { type: 'choice', default: 'weight', choices: ['weight', 'output'] },
    view: { type: 'choice', default: 'norms', choices: ['norms', 'histograms'] },
    // Multiplies the init's standard deviation: at 3–4 Sigmoid's pre-activations reach its saturated tails.
    gain: { type: 'number', default: 1, min: 0.01, max: 100 },
    ...commonSchema(settings),
  } as const;
}

/** Validated options of one ```gradient-flow block. */
export interface GradientFlowOptions extends CommonOptions {
  activations: NamedActivation[];
  depth: number;
  width: number;
  batch: number;
  init: 'auto' | InitName;
  seed: number;
  metric: 'weight' | 'output';
  view: 'norms' | 'histograms';
  gain: number;
}

type GradientFlowState = Pick<GradientFlowOptions, 'depth' | 'width' | 'init' | 'seed' | 'view' | 'gain'> & {
  options: GradientFlowOptions;
  /** max |f′| per activation, for the envelope: fixed per block, so found once rather than on every slider move. */
  peaks: number[];
  /** The last results a job delivered, with the run they belong to. */
  computed?: Pick<GradientFlowState, 'depth' | 'width' | 'init' | 'seed' | 'gain'> & GradientFlowResult;
};

/** ~1.4 ns per multiply-add of workOf's count on a 2-core laptop: a job's expected main-thread time, in ms. */
const MS_PER_WORK = 1.4e-6;

type Saturation = { regions: LayerStats['regions']; below: number };
const saturations = new WeakMap<GradientFlowOptions, Saturation[]>();

/** Per activation, where |f′| < 10 % of its max (x sets) and that bound; found once per block, when first shown. */
function saturationOf(options: GradientFlowOptions): Saturation[] {
  let found = saturations.get(options);
  if (!found) {
    saturations.set(
      options,
      (found = options.activations.map((a) => {
        const p = activationProperties(a.spec, a.params);
        const peak = Math.max(...p.slopeRange.map((r) => Math.max(Math.abs(r.lo), Math.abs(r.hi))));
        return { regions: p.saturation, below: SATURATION_FRACTION * peak };
      })),
    );
  }
  return found;
}

function parse(source: string, env: BlockEnv): Result<GradientFlowOptions> {
  const parsed = parseWithActivations(source, gradientFlowSchema(env.settings), 'activations');
  if (!parsed.ok) return parsed;
  const { options: o, entries, activations } = parsed.value;
  const sizes = memorySizes({ ...o, activations }, o.depth, o.width, o.init);
  if (!fits(MEMORY, sizes)) {
    // Blame the first size the block itself set (width first: the memory grows with its square).
    const key = (['width', 'batch', 'depth'] as const).find((k) => entries.byKey.has(k)) ?? 'width';
    const max = mostThatFits(MEMORY, sizes, key, o[key]);
    return finish(parsed.value, tooMuchMemory(key, o[key], max, MEMORY.cost(sizes), lineOf(entries, key)));
  }
  return finish(parsed.value, ok({ ...o, activations }));
}

/** The initialisation activation `a` gets in state `s`. */
function initOf(s: GradientFlowState, a: NamedActivation): InitName {
  return s.init === 'auto' ? defaultInitFor(a.spec.family) : s.init;
}

/** Whether the state holds the results of its own run (delivered by a job). */
function holdsResults({ computed: c, ...s }: GradientFlowState): boolean {
  if (c === undefined || (s.view === 'histograms' && c.counts === null)) return false;
  return c.depth === s.depth && c.width === s.width && c.init === s.init && c.seed === s.seed && c.gain === s.gain;
}

/** Runs every activation at the state's shape, drawing each distinct initialisation's network once. */
function runAll(s: GradientFlowState): GradientFlowResult {
  if (s.computed && holdsResults(s)) return s.computed;
  const runs = s.options.activations.map((a) => ({ a, init: initOf(s, a) }));
  return runToEnd(gradientFlowRuns(runs, shapeOf(s), histogramRequest(s)));
}

function shapeOf(s: GradientFlowState): GradientFlowShape {
  return { seed: s.seed, depth: s.depth, width: s.width, batch: s.options.batch, gain: s.gain };
}

/** Under `view: histograms`, what the run must count: each activation's saturation bound, the layers drawn. */
function histogramRequest(s: GradientFlowState): HistogramRequest | null {
  if (s.view !== 'histograms') return null;
  return { below: saturationOf(s.options).map((x) => x.below), layers: shownLayers(s.depth) };
}

/** The histogram view's per-activation stats: the run's counts with the labels and saturated zones. */
function statsOf(s: GradientFlowState, counts: readonly LayerCounts[]): LayerStats[] {
  const saturation = saturationOf(s.options);
  return s.options.activations.map((a, i) => ({
    label: activationLabel(a),
    name: a.spec.name,
    saturated: counts[i].saturated,
    meanDf: counts[i].meanDf,
    z: new Map(counts[i].z.map(({ layer, values }) => [layer, values])),
    regions: saturation[i].regions,
    gain: counts[i].weightGain,
  }));
}

/** The same computation as plain data, for a worker: null when the state holds its results. */
function job(s: GradientFlowState): GradientFlowJob | null {
  if (holdsResults(s)) return null;
  const { batch, activations } = s.options;
  const sizes = { depth: s.depth, width: s.width, batch, count: activations.length, extra: extraWork(activations) };
  return {
    kind: 'gradient-flow',
    activations: activations.map((a) => ({ ref: activationRef(a), init: initOf(s, a) })),
    ...shapeOf(s),
    histograms: histogramRequest(s),
    expectedMs: workOf(sizes) * MS_PER_WORK,
  };
}

/** The chart's frame before anything is computed: axes and controls, no lines, no summary. */
function placeholder(s: GradientFlowState, env: BlockEnv): BlockView {
  const lang = env.lang;
  const names = s.options.activations.map(activationLabel).join(', ');
  const chart: LineChartModel = {
    x: { type: 'linear', min: 1, max: Math.max(2, s.depth), integer: true, title: t(lang, 'demo.layer') },
    y: {
      type: 'logarithmic',
      min: 1e-3,
      max: 1,
      title: t(lang, s.options.metric === 'weight' ? 'demo.metricWeight' : 'demo.metricOutput'),
    },
    lines: [],
    bands: [],
    markers: [],
    zeroAxes: false,
    description: t(lang, 'demo.computing', { names, depth: s.depth, width: s.width }),
  };
  return {
    charts: [chart],
    legend: [],
    controls: controls(s, lang),
    summary: '',
    readout: (_c, x) => ({
      heading: t(lang, 'demo.layerN', { index: Math.min(s.depth, Math.max(1, Math.round(x))) }),
      rows: [],
    }),
    csv: () => csvOf(['layer'], []),
  };
}

/**
 * Slider ranges stop at depth 50 and width 64 (unless the block asks for more): there one update of three
 * activations costs ~35 ms on a 2-core laptop, which still follows a drag; width 128 would cost ~160 ms.
 */
function controls(s: GradientFlowState, lang: Lang): Control[] {
  return [
    {
      kind: 'slider',
      id: 'depth',
      label: t(lang, 'demo.depth'),
      min: 1,
      max: Math.max(50, s.depth),
      step: 1,
      value: s.depth,
    },
    {
      kind: 'slider',
      id: 'width',
      label: t(lang, 'demo.width'),
      min: 1,
      max: Math.max(64, s.width),
      step: 1,
      value: s.width,
    },
    {
      kind: 'select',
      id: 'init',
      label: t(lang, 'demo.init'),
      value: s.init,
      options: [{ value: 'auto', label: t(lang, 'demo.initAuto') }, ...INIT_NAMES.map((n) => ({ value: n, label: n }))],
    },
    {
      kind: 'slider',
      id: 'gain',
      label: t(lang, 'demo.gain'),
      min: 0.25,
      max: Math.max(4, s.gain),
      step: 0.05,
      value: s.gain,
    },
    {
      kind: 'select',
      id: 'view',
      label: t(lang, 'demo.view'),
      value: s.view,
      options: [
        { value: 'norms', label: t(lang, 'demo.viewNorms') },
        { value: 'histograms', label: t(lang, 'demo.viewHistograms') },
      ],
    },
    seedButton(t(lang, 'demo.newWeights')),
  ];
}

function view(s: GradientFlowState, env: BlockEnv): BlockView {
  const lang = env.lang;
  const metricOf = (r: GradientFlow) => (s.options.metric === 'weight' ? r.gradWNorm : r.gradHMeanAbs);
  const { flows: results, counts } = runAll(s);
  if (s.view === 'histograms' && counts) return histogramView(s, statsOf(s, counts), lang);
  const runs = s.options.activations.map((a, i) => ({ a, label: activationLabel(a), values: metricOf(results[i]) }));
  const layers = Array.from({ length: s.depth }, (_, i) => i + 1);
  const lines: LineModel[] = [];
  runs.forEach((r, i) => {
    lines.push({
      id: `g${i}`,
      label: r.label,
      colorIndex: i,
      dots: s.depth <= 40,
      x: layers,
      y: positiveOrGap(r.values),
    });
    const peak = s.peaks[i];
    const last = r.values[s.depth - 1];
    // A reference, not a bound: the last layer's value times f′'s peak per layer back. The weights' scale
    // multiplies in too, so a line may lie above it (Sigmoid under He init does).
    if (r.a.spec.family === 'saturating' && peak < 1 && last > 0) {
      const envelope = layers.map((l) => last * Math.pow(peak, s.depth - l));
      lines.push({
        id: `e${i}`,
        label: t(lang, 'demo.envelope', { name: r.a.spec.name, value: formatNumber(peak, 3), last: s.depth }),
        colorIndex: i,
        dashed: true,
        faint: true,
        x: layers,
        y: positiveOrGap(envelope),
      });
    }
  });
  const [min, max] = decadeRange(lines.flatMap((l) => l.y));
  // A gradient of exactly 0 has no place on a log axis: a ring on the axis's floor says where it is.
  const markers: MarkerModel[] = runs.flatMap((r, i) =>
    layers
      .filter((l) => r.values[l - 1] === 0)
      .map((l): MarkerModel => ({ x: l, y: min, colorIndex: i, shape: 'ring', legend: t(lang, 'legend.zeroOnLog') })),
  );
  const chart: LineChartModel = {
    x: { type: 'linear', min: 1, max: Math.max(2, s.depth), integer: true, title: t(lang, 'demo.layer') },
    y: {
      type: 'logarithmic',
      min,
      max,
      title: t(lang, s.options.metric === 'weight' ? 'demo.metricWeight' : 'demo.metricOutput'),
    },
    lines,
    bands: [],
    markers,
    zeroAxes: false,
    description: t(lang, 'demo.gradientDescription', {
      names: runs.map((r) => r.label).join(', '),
      depth: s.depth,
      width: s.width,
    }),
  };
  const ratios = runs.map((r) => {
    const last = r.values[s.depth - 1];
    if (!(last > 0)) return t(lang, 'demo.gradientUndefined', { name: r.label, last: s.depth });
    // A first layer with no gradient at all has ratio 0, which a log axis cannot show: say so.
    const ratio = r.values[0] === 0 ? t(lang, 'demo.zeroAtLayer', { layer: 1 }) : formatPower(r.values[0] / last, 2);
    return t(lang, 'demo.gradientRatio', { name: r.label, ratio });
  });
  return {
    charts: [chart],
    // Every line is named, reference lines too, drawn as the chart draws them.
    legend: [
      ...lines.map((l) => ({ label: l.label, colorIndex: l.colorIndex, dashed: l.dashed, faint: l.faint })),
      ...markLegend([chart]),
    ],
    controls: controls(s, lang),
    summary: t(lang, 'demo.gradientSummary', {
      last: s.depth,
      init: initText(s, lang),
      metric: t(lang, s.options.metric === 'weight' ? 'demo.metricNameWeight' : 'demo.metricNameOutput'),
      items: ratios.join(t(lang, 'problem.listSeparator')),
    }),
    readout: (_c, x) => {
      const layer = Math.min(s.depth, Math.max(1, Math.round(x)));
      return {
        heading: t(lang, 'demo.layerN', { index: layer }),
        rows: [
          ...runs.map((r, i) => ({
            label: r.label,
            colorIndex: i,
            value: r.values[layer - 1] === 0 ? t(lang, 'readout.zeroOnLog') : formatNumber(r.values[layer - 1], 4),
          })),
          // Reference lines are read out too, dashed like their swatch.
          ...lines
            .filter((l) => l.faint)
            .map((l) => ({
              label: l.label,
              colorIndex: l.colorIndex,
              dashed: true,
              value: formatNumber(l.y[layer - 1], 4),
            })),
        ],
      };
    },
    csv: () =>
      csvOf(
        ['layer', ...runs.map((r) => r.label)],
        layers.map((l) => [l, ...runs.map((r) => r.values[l - 1])]),
      ),
  };
}

/** `view: histograms`: the panels, the share chart, and a summary naming f′ and the weights' gain. */
function histogramView(s: GradientFlowState, stats: LayerStats[], lang: Lang): BlockView {
  const charts = histogramCharts(stats, s.depth, lang);
  const f = (v: number) => formatNumber(v, 2);
  const items = stats.map((st) =>
    t(lang, 'demo.histItem', {
      name: st.label,
      first: f(st.meanDf[0]),
      last: f(st.meanDf[s.depth - 1]),
      depth: s.depth,
      gain: f(st.gain),
    }),
  );
  return {
    charts,
    legend: [...stats.map((st, i) => ({ label: st.label, colorIndex: i })), ...markLegend(charts)],
    controls: controls(s, lang),
    summary: t(lang, 'demo.histSummary', { items: items.join(t(lang, 'demo.clauses')) }),
    readout: (c, x) => histogramReadout(stats, s.depth, c, x, lang),
    csv: () =>
      csvOf(
        ['layer', ...stats.flatMap((st) => [`${st.label} saturated`, `${st.label} mean f′`])],
        stats[0].saturated.map((_, l) => [l + 1, ...stats.flatMap((st) => [st.saturated[l], st.meanDf[l]])]),
      ),
  };
}

/** The init the summary names: one name, or under `auto` which activations got which; with the gain when not 1. */
function initText(s: GradientFlowState, lang: Lang): string {
  const text = initNames(s, lang);
  return s.gain === 1 ? text : t(lang, 'demo.gainOf', { init: text, gain: formatNumber(s.gain, 3) });
}

function initNames(s: GradientFlowState, lang: Lang): string {
  if (s.init !== 'auto') return s.init;
  const groups = new Map<InitName, string[]>();
  for (const a of s.options.activations)
    groups.set(initOf(s, a), [...(groups.get(initOf(s, a)) ?? []), activationLabel(a)]);
  const parts = [...groups].map(([init, names]) =>
    t(lang, 'demo.initGroup', { init, names: names.join(t(lang, 'problem.listSeparator')) }),
  );
  return t(lang, 'demo.initAutoSummary', { groups: parts.join(t(lang, 'demo.clauses')) });
}

function control(s: GradientFlowState, id: string, value: number | string): GradientFlowState {
  if (id === 'depth' || id === 'width') {
    if (typeof value !== 'number' || !(value >= 1)) return s;
    const sizes = memorySizes(s.options, s.depth, s.width, s.init);
    return { ...s, [id]: Math.max(1, mostThatFits(MEMORY, sizes, id, Math.round(value))) };
  }
  if (id === 'init') {
    if (value !== 'auto' && !INIT_NAMES.includes(value as InitName)) return s;
    // `auto` may draw a second network: the width shrinks to what the guard still admits.
    const sizes = memorySizes(s.options, s.depth, s.width, value as GradientFlowState['init']);
    return {
      ...s,
      init: value as GradientFlowState['init'],
      width: Math.max(1, mostThatFits(MEMORY, sizes, 'width', s.width)),
    };
  }
  if (id === SEED_CONTROL) return { ...s, seed: nextSeed(s.seed) };
  if (id === 'gain') return typeof value === 'number' && value > 0 && value <= 100 ? { ...s, gain: value } : s;
  if (id === 'view') return value === 'norms' || value === 'histograms' ? { ...s, view: value } : s;
  return s;
}

/** The ```gradient-flow block kind. */
export const gradientFlowBlock: BlockKind<GradientFlowOptions, GradientFlowState> = {
  language: 'gradient-flow',
  schema: gradientFlowSchema,
  insert: { name: 'command.insertGradientFlow', keys: ['activations', 'depth', 'width'] },
  parse,
  init: (options) => ({
    options,
    depth: options.depth,
    width: options.width,
    init: options.init,
    seed: options.seed,
    view: options.view,
    gain: options.gain,
    peaks: options.activations.map((a) => peakAbsDerivative(a.spec.bind(a.params).df)),
  }),
  view,
  control,
  job,
  received: (s, result) => ({
    ...s,
    computed: {
      depth: s.depth,
      width: s.width,
      init: s.init,
      seed: s.seed,
      gain: s.gain,
      ...(result as GradientFlowResult),
    },
  }),
  placeholder,
};
