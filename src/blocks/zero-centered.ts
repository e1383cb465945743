/** ```zero-centered: gradient-descent paths of one linear neuron's weights, all-positive vs zero-centred inputs. */
import type { LineChartModel, LineModel, MarkerModel } from './line-chart-model';
import { clipPolyline } from '../core/plot/clip';
import { contourEllipse, lossAt, quadraticLoss, type QuadraticLoss } from '../core/engines/zigzag/contours';
import { zigzagData, zigzagOrder } from '../core/engines/zigzag/data';
import { formatNumber } from '../core/plot/format';
import { inset, planeBox, type PlaneBox } from '../core/plot/plane-box';
import { fail, ok, type Result } from '../core/result';
import type { Settings } from '../core/settings';
import {
  inputSigns,
  zigzagFacts,
  zigzagProblemFacts,
  type InputSigns,
  type ZigzagProblemFacts,
} from '../core/engines/zigzag/facts';
import type { ZigzagInput, ZigzagRun } from '../core/engines/zigzag/zigzag';
import { t, type Lang } from '../i18n';
import { activationLabel, type NamedActivation } from './activation-list';
import type { BlockEnv, BlockKind, BlockView, CommonOptions, Control } from './block-kind';
import { commonSchema, finish, lineOf, parseWithActivations, type Parsed } from './common-options';
import { csvOf } from './csv';
import { nextSeed, SEED_CONTROL, seedButton, seedField } from './seeds';
import { markLegend } from './legend-marks';
import { hold, pendingJob, resultOf, type Held } from './jobs/held';
import type { RunsJob } from './jobs/job';
import { waitingView } from './jobs/waiting-view';

/** Obsidian's readable line width: the chart's usual width, used to guess the plot area's aspect ratio. */
const READABLE_WIDTH = 700;
/** Contour levels: the level through w₀ times 4^k, so each ellipse is half the size of the next. */
const LEVEL_POWERS = [1, 0, -1, -2, -3, -4];

/** The keys of a ```zero-centered block. */
export function zeroCenteredSchema(settings: Settings) {
  return {
    inputs: { type: 'list', default: ['Sigmoid', 'Tanh'], maxItems: 4 },
    // About half of full-batch descent's stable limit on Sigmoid inputs (1/λ_max(xᵀx/n) ≈ 1.8–2.1 over seeds),
    // so the path bends and crawls because of κ, not because it overshoots.
    lr: { type: 'number', default: 0.9, min: 1e-6, max: 10 },
    optimizer: { type: 'choice', default: 'gd', choices: ['gd', 'sgd'] },
    steps: { type: 'integer', default: 40, min: 1, max: 1000 },
    w0: { type: 'numberList', default: [-1.5, 0], min: -100, max: 100, maxItems: 2 },
    w_star: { type: 'numberList', default: [2, -1], min: -100, max: 100, maxItems: 2 },
    samples: { type: 'integer', default: 32, min: 2, max: 1024 },
    seed: seedField(2),
    ...commonSchema(settings),
  } as const;
}

/** Validated options of one ```zero-centered block. */
export interface ZeroCenteredOptions extends CommonOptions {
  /** The activations whose outputs feed the neuron (Sigmoid: all positive; Tanh: zero-centred). */
  inputs: NamedActivation[];
  lr: number;
  /** `gd`: full-batch gradient descent; `sgd`: one sample per update, epochs shuffled. */
  optimizer: 'gd' | 'sgd';
  steps: number;
  w0: [number, number];
  w_star: [number, number];
  samples: number;
  seed: number;
}

type ZeroCenteredState = Pick<ZeroCenteredOptions, 'lr' | 'steps' | 'seed' | 'optimizer'> & {
  options: ZeroCenteredOptions;
  /** The paths a job delivered, with the job they answer. */
  held?: Held<ZigzagRun[]>;
};

/** A point of the plane, or the problem of a key that is not exactly two numbers. */
function pair(parsed: Parsed<ReturnType<typeof zeroCenteredSchema>>, key: 'w0' | 'w_star'): Result<[number, number]> {
  const v = parsed.options[key];
  if (v.length === 2) return ok([v[0], v[1]]);
  const entry = parsed.entries.byKey.get(key);
  return fail('syntax', { value: `${key}: ${entry?.raw ?? ''}`, expected: 'pair' }, lineOf(parsed.entries, key));
}

function parse(source: string, env: BlockEnv): Result<ZeroCenteredOptions> {
  const parsed = parseWithActivations(source, zeroCenteredSchema(env.settings), 'inputs');
  if (!parsed.ok) return parsed;
  const { options: o, activations: inputs } = parsed.value;
  const w0 = pair(parsed.value, 'w0');
  if (!w0.ok) return finish(parsed.value, w0);
  const wStar = pair(parsed.value, 'w_star');
  if (!wStar.ok) return finish(parsed.value, wStar);
  return finish(parsed.value, ok({ ...o, inputs, w0: w0.value, w_star: wStar.value }));
}

/** One input kind: its data, their loss surface and the path the optimizer takes on it. */
export interface ZigzagPath {
  label: string;
  signs: InputSigns;
  x: number[][];
  t: number[];
  loss: QuadraticLoss;
  problem: ZigzagProblemFacts;
  run: ZigzagRun;
}

/** Each input kind's data and the optimizer's input on them (drawing the data is cheap; training may not be). */
function inputsOf(s: ZeroCenteredState) {
  const { options: o } = s;
  // One order for every input kind: the same samples (the same z) in the same sequence.
  const order = s.optimizer === 'sgd' ? zigzagOrder(s.seed, { n: o.samples, steps: s.steps }) : undefined;
  return o.inputs.map((a) => {
    const { f } = a.spec.bind(a.params);
    const data = zigzagData(s.seed, { n: o.samples, inputs: { f }, w_star: o.w_star });
    const input: ZigzagInput = {
      x: data.x,
      t: data.t,
      w0: o.w0,
      lr: s.lr,
      steps: s.steps,
      ...(order ? { order } : {}),
    };
    return { a, f, data, input };
  });
}

/** ~3 ns per sample and update on a 2-core laptop: the job's expected main-thread time, in ms. */
const MS_PER_SAMPLE_STEP = 3e-6;

/** The training of every input kind as a job. */
function jobOf(s: ZeroCenteredState, inputs = inputsOf(s)): RunsJob<'zigzag', ZigzagInput> {
  const expectedMs = inputs.length * (s.steps + 1) * s.options.samples * MS_PER_SAMPLE_STEP;
  return { kind: 'zigzag', runs: inputs.map((i) => i.input), expectedMs };
}

function paths(s: ZeroCenteredState): ZigzagPath[] {
  const inputs = inputsOf(s);
  const runs = resultOf(jobOf(s, inputs), s.held);
  return inputs.map(({ a, f, data }, i) => {
    const loss = quadraticLoss(data.x, data.t);
    return {
      label: activationLabel(a),
      signs: inputSigns(data.x, f),
      x: data.x,
      t: data.t,
      loss,
      problem: zigzagProblemFacts(data.x, loss),
      run: runs[i],
    };
  });
}

/**
 * Each sample's own step at w₀, −∇loss_i(w₀) ∝ −(x_i·w₀ − t_i)·x_i, as a unit segment from the origin
 * (pen lifted between samples). With all-positive inputs every one lies in the first or third quadrant.
 */
export function sampleDirections(
  p: Pick<ZigzagPath, 'x' | 't'>,
  w0: readonly [number, number],
): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  p.x.forEach(([a, b], i) => {
    const e = a * w0[0] + b * w0[1] - p.t[i];
    const [u, v] = [-e * a, -e * b];
    const len = Math.hypot(u, v);
    if (!(len > 0) || !isFinite(len)) return;
    x.push(0, u / len, u / len);
    y.push(0, v / len, NaN);
  });
  return { x, y };
}

/** The second chart: the directions single samples can push w in, against the direction w* lies in. */
function directionsChart(
  ps: readonly ZigzagPath[],
  o: ZeroCenteredOptions,
  aspect: number,
  lang: Lang,
): LineChartModel {
  // Unit segments: the unit disc with room, equal units on both axes, limits on whole ticks.
  const xHalf = Math.ceil(3 * aspect) / 2;
  const box = { xMin: -xHalf, xMax: xHalf, yMin: -1.5, yMax: 1.5, step: 0.5 };
  const lines: LineModel[] = ps.map((p, i) => ({
    id: `d${i}`,
    label: t(lang, 'demo.inputsOf', { name: p.label }),
    colorIndex: i,
    hideInLegend: true,
    ...sampleDirections(p, o.w0),
  }));
  const markers: MarkerModel[] = [];
  const gap = Math.hypot(o.w_star[0] - o.w0[0], o.w_star[1] - o.w0[1]);
  if (gap > 0) {
    const [u, v] = [(o.w_star[0] - o.w0[0]) / gap, (o.w_star[1] - o.w0[1]) / gap];
    lines.push({
      id: 'toward',
      label: 'w* − w₀',
      colorIndex: ps.length,
      dashed: true,
      hideInLegend: true,
      x: [0, u],
      y: [0, v],
    });
    markers.push({ x: u, y: v, colorIndex: ps.length, shape: 'star', label: 'w* − w₀' });
  }
  return {
    ...planeAxes(box, 'Δw₁', 'Δw₂'),
    lines,
    bands: [],
    markers,
    zeroAxes: true,
    description: t(lang, 'chart.zigzagDirections', {
      names: ps.map((p) => p.label).join(t(lang, 'problem.listSeparator')),
    }),
  };
}

/** Faint ellipses of one input kind's loss, clipped to the window. */
function contours(p: ZigzagPath, index: number, w0: readonly [number, number], box: PlaneBox): LineModel[] {
  const { loss } = p;
  if (!loss.center) return [];
  // Anchor the levels at w₀'s loss, but never below the ellipse reaching 1/8 of the window's height
  // along the flat axis (w₀ at or next to the minimum would give only invisible specks).
  const floor = loss.lambda[1] * ((box.yMax - box.yMin) / 8) ** 2;
  const base = Math.max(lossAt(loss, w0) - loss.minimum, floor);
  const clip = inset(box);
  return LEVEL_POWERS.flatMap((k, j) => {
    const e = contourEllipse(loss, loss.minimum + base * Math.pow(4, k));
    if (!e) return [];
    const { x, y } = clipPolyline(e.x, e.y, clip);
    return x.length
      ? [{ id: `c${index}_${j}`, label: p.label, colorIndex: index, faint: true, hideInLegend: true, x, y }]
      : [];
  });
}

function controls(s: ZeroCenteredState, lang: Lang): Control[] {
  return [
    {
      kind: 'slider',
      id: 'lr',
      label: t(lang, 'demo.learningRate'),
      min: Math.min(0.01, s.lr),
      max: Math.max(3, s.lr),
      step: 0.01,
      value: s.lr,
    },
    {
      kind: 'slider',
      id: 'steps',
      label: t(lang, 'demo.steps'),
      min: 1,
      max: Math.max(100, s.steps),
      step: 1,
      value: s.steps,
    },
    {
      kind: 'select',
      id: 'optimizer',
      label: t(lang, 'demo.zigzag.optimizer'),
      value: s.optimizer,
      options: [
        { value: 'gd', label: t(lang, 'demo.zigzag.gd') },
        { value: 'sgd', label: t(lang, 'demo.zigzag.sgd') },
      ],
    },
    seedButton(t(lang, 'demo.newData')),
  ];
}

/** What the summary needs to know about the run: the optimizer, its learning rate, where it starts and aims. */
export interface ZigzagSchedule {
  optimizer: 'gd' | 'sgd';
  lr: number;
  w0: readonly [number, number];
  wStar: readonly [number, number];
}

/** Sentences about one input kind: its samples' signs and κ, then what the path did. */
function kindSentences(
  p: Pick<ZigzagPath, 'label' | 'signs' | 'problem' | 'run'>,
  sc: ZigzagSchedule,
  lang: Lang,
): string[] {
  const { problem: q } = p;
  const limit = formatNumber(q.stableBelow, 3);
  const samples = t(lang, 'demo.zigzag.samples', {
    kind: t(lang, `demo.signs.${p.signs}`),
    name: p.label,
    same: q.sameSignSamples,
    n: q.samples,
    kappa: formatNumber(q.kappa, 3),
    limit: sc.optimizer === 'gd' ? t(lang, 'demo.zigzag.limit', { limit }) : '',
  });
  const f = zigzagFacts(p.run, sc.wStar);
  if (f.divergedAt !== undefined) return [samples, t(lang, 'demo.zigzag.diverged', { step: f.divergedAt })];
  const path = t(lang, 'demo.zigzag.path', {
    steps: f.updates,
    distance: formatNumber(f.finalDistance, 3),
    same: f.sameSign,
    updates: f.updates,
    turns: f.turns,
    zigzag: f.turns >= 2 ? t(lang, 'demo.zigzag.zigzag') : '',
  });
  if (!(f.finalDistance > f.startDistance)) return [samples, path];
  // Full-batch descent on a quadratic moves away from its minimum only when lr ≥ 1/λ_max; say so only then.
  const why =
    sc.optimizer === 'gd' && sc.lr >= q.stableBelow
      ? t(lang, 'demo.zigzag.why', { lr: formatNumber(sc.lr), limit })
      : '';
  return [samples, path, t(lang, 'demo.zigzag.away', { grow: f.stepsGrow ? t(lang, 'demo.zigzag.grow') : '', why })];
}

/** The summary: how the run was trained and from where, then computed sentences per input kind, in `lang`. */
export function zigzagSummary(
  paths: readonly Pick<ZigzagPath, 'label' | 'signs' | 'problem' | 'run'>[],
  sc: ZigzagSchedule,
  lang: Lang,
): string {
  const distance = formatNumber(Math.hypot(sc.w0[0] - sc.wStar[0], sc.w0[1] - sc.wStar[1]), 3);
  const start = t(lang, sc.optimizer === 'gd' ? 'demo.zigzag.startGd' : 'demo.zigzag.startSgd', {
    lr: formatNumber(sc.lr),
    distance,
  });
  // Full sentences; Chinese ones end in 。 and need no space between them.
  return [start, ...paths.flatMap((p) => kindSentences(p, sc, lang))].join(lang === 'zh' ? '' : ' ');
}

/** Both axes of a weight-plane chart: the box's ranges, with the same tick step on both. */
function planeAxes(box: PlaneBox, xTitle: string, yTitle: string): Pick<LineChartModel, 'x' | 'y'> {
  return {
    x: { type: 'linear', min: box.xMin, max: box.xMax, step: box.step, title: xTitle },
    y: { type: 'linear', min: box.yMin, max: box.yMax, step: box.step, title: yTitle },
  };
}

const point = (w: readonly number[]) => `(${formatNumber(w[0], 3)}, ${formatNumber(w[1], 3)})`;

function view(s: ZeroCenteredState, env: BlockEnv): BlockView {
  const lang = env.lang;
  const o = s.options;
  const ps = paths(s);
  // Equal units on both axes: guess the plot area (readable width × height, minus axis labels).
  const aspect = Math.min(3, Math.max(1, (READABLE_WIDTH - 60) / Math.max(1, o.height - 50)));
  const box = planeBox(
    [o.w0, o.w_star],
    ps.flatMap((p) => p.run.w),
    aspect,
  );
  const clip = inset(box);
  const pathLines: LineModel[] = ps.map((p, i) => {
    const shown = untilOutside(p.run.w, box);
    const { x, y } = clipPolyline(
      shown.map((w) => w[0]),
      shown.map((w) => w[1]),
      clip,
    );
    return {
      id: `p${i}`,
      label: t(lang, 'demo.inputsOf', { name: p.label }),
      colorIndex: i,
      dots: s.steps <= 80,
      x,
      y,
    };
  });
  // Two families of ellipses still read apart; with more input kinds only the first kind's are drawn.
  const surfaces = ps.length <= 2 ? ps : ps.slice(0, 1);
  // Later lines paint over earlier ones: contours first, the paths over them.
  const lines = [...surfaces.flatMap((p, i) => contours(p, i, o.w0, box)), ...pathLines];
  const markers: MarkerModel[] = [
    {
      x: o.w_star[0],
      y: o.w_star[1],
      colorIndex: ps.length,
      shape: 'star',
      label: 'w*',
      legend: t(lang, 'legend.target'),
    },
  ];
  if (o.w0[0] !== o.w_star[0] || o.w0[1] !== o.w_star[1]) {
    markers.unshift({
      x: o.w0[0],
      y: o.w0[1],
      colorIndex: ps.length,
      shape: 'ring',
      label: 'w₀',
      legend: t(lang, 'legend.start'),
    });
  }
  const chart: LineChartModel = {
    ...planeAxes(box, 'w₁', 'w₂'),
    lines,
    bands: [],
    markers,
    zeroAxes: true,
    description: t(lang, 'chart.zeroCentered', {
      names: ps.map((p) => p.label).join(t(lang, 'problem.listSeparator')),
      w0: point(o.w0),
      wStar: point(o.w_star),
    }),
  };
  const directions = directionsChart(ps, o, aspect, lang);
  return {
    charts: [chart, directions],
    legend: [
      ...pathLines.map((l) => ({ label: l.label, colorIndex: l.colorIndex })),
      ...markLegend([chart, directions]),
    ],
    controls: controls(s, lang),
    summary: zigzagSummary(ps, { optimizer: s.optimizer, lr: s.lr, w0: o.w0, wStar: o.w_star }, lang),
    // The pointer gives only w₁; each path's recorded point nearest in w₁ is where that path crosses the pointer's line.
    readout: (chartIndex, x) =>
      chartIndex === 1
        ? {
            heading: `Δw₁ = ${formatNumber(x, 4)}`,
            rows: ps.map((p, i) => ({
              label: t(lang, 'demo.inputsOf', { name: p.label }),
              colorIndex: i,
              value: t(lang, 'demo.zigzag.directionsValue', { same: p.problem.sameSignSamples, n: p.problem.samples }),
            })),
          }
        : {
            heading: `w₁ = ${formatNumber(x, 4)}`,
            rows: ps.map((p, i) => {
              const step = nearestStep(p.run, x);
              if (step < 0) return { label: p.label, value: t(lang, 'demo.divergedShort'), colorIndex: i };
              return {
                label: t(lang, 'demo.zigzag.readoutRow', { name: p.label, step }),
                colorIndex: i,
                value: t(lang, 'demo.zigzag.readoutValue', {
                  w1: formatNumber(p.run.w[step][0], 4),
                  w2: formatNumber(p.run.w[step][1], 4),
                  loss: formatNumber(p.run.loss[step], 4),
                }),
              };
            }),
          },
    csv: () =>
      csvOf(
        ['step', ...ps.flatMap((p) => [`${p.label} w1`, `${p.label} w2`, `${p.label} loss`])],
        Array.from({ length: s.steps + 1 }, (_, k) => [
          k,
          ...ps.flatMap((p) => [p.run.w[k]?.[0] ?? NaN, p.run.w[k]?.[1] ?? NaN, p.run.loss[k] ?? NaN]),
        ]),
      ),
  };
}

/**
 * The path up to and including its first point outside the window. A path that leaves the window
 * is overshooting away from w* (the window holds every point near w₀ and w*); drawing its later,
 * ever longer steps would only paint the window over.
 */
function untilOutside(w: readonly [number, number][], box: PlaneBox): [number, number][] {
  const out = w.findIndex(([x, y]) => x < box.xMin || x > box.xMax || y < box.yMin || y > box.yMax);
  return out < 0 ? w.slice() : w.slice(0, out + 1);
}

/** The recorded step whose w₁ is closest to `x` (the earliest on ties); −1 when nothing was recorded. */
export function nearestStep(run: ZigzagRun, x: number): number {
  if (run.w.length === 0) return -1;
  let best = 0;
  for (let k = 1; k < run.w.length; k++) if (Math.abs(run.w[k][0] - x) < Math.abs(run.w[best][0] - x)) best = k;
  return best;
}

function control(s: ZeroCenteredState, id: string, value: number | string): ZeroCenteredState {
  if (id === SEED_CONTROL) return { ...s, seed: nextSeed(s.seed) };
  if (id === 'optimizer') return value === 'gd' || value === 'sgd' ? { ...s, optimizer: value } : s;
  if (typeof value !== 'number' || !isFinite(value)) return s;
  if (id === 'lr' && value > 0) return { ...s, lr: value };
  if (id === 'steps' && value >= 1) return { ...s, steps: Math.round(value) };
  return s;
}

/** The ```zero-centered block kind. */
export const zeroCenteredBlock: BlockKind<ZeroCenteredOptions, ZeroCenteredState> = {
  language: 'zero-centered',
  schema: zeroCenteredSchema,
  insert: { name: 'command.insertZeroCentered', keys: ['inputs'] },
  parse,
  init: (options) => ({
    options,
    lr: options.lr,
    steps: options.steps,
    seed: options.seed,
    optimizer: options.optimizer,
  }),
  view,
  control,
  job: (s) => pendingJob(jobOf(s), s.held),
  received: (s, result) => ({ ...s, held: hold(jobOf(s), result as ZigzagRun[]) }),
  placeholder: (s, env) =>
    waitingView(
      controls(s, env.lang),
      t(env.lang, 'demo.training', {
        names: s.options.inputs.map(activationLabel).join(t(env.lang, 'problem.listSeparator')),
      }),
    ),
};
