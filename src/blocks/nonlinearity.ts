/**
 * ```nonlinearity: why activations are needed. The same 2 → H → 1 classifier, trained by full-batch gradient
 * descent on the same points, once per activation: with `Identity` it is one linear map (a straight boundary).
 * Each panel shows the predicted class over the plane as one image, the points and the accuracy; a shared
 * chart the loss; a slider replays training.
 */
import type { ActivationSpec } from '../core/activations/types';
import { classifierData, DATASETS, type ClassifierData, type Dataset } from '../core/engines/classifier-data';
import { classifierProbabilities, IDENTITY, type ClassifierNet } from '../core/engines/classifier';
import { formatNumber } from '../core/plot/format';
import { ok, type Result } from '../core/result';
import type { Settings } from '../core/settings';
import { t, type Lang } from '../i18n';
import { activationLabel, resolveActivationList, type NamedActivation } from './activation-list';
import type { BlockEnv, BlockKind, BlockView, CommonOptions, Control, LegendEntry } from './block-kind';
import { commonSchema, finish, lineOf, parseWithSchema } from './common-options';
import { csvOf } from './csv';
import type { LineChartModel, MarkerModel } from './line-chart-model';
import { nextSeed, SEED_CONTROL, seedButton, seedField } from './seeds';
import { activationRef } from './jobs/activation-ref';
import type { ClassifierRunInput, ClassifierRunResult } from './jobs/engine-runs';
import { hold, pendingJob, resultOf, type Held } from './jobs/held';
import { PROGRESS_MS, type RunsJob } from './jobs/job';
import { waitingView } from './jobs/waiting-view';

/**
 * Per unit of steps × points × width × activations (a hidden unit's forward and backward pass for one point,
 * ~10 multiply-adds and f, f′): the job's expected main-thread time is this many ms per unit. Warm, 11 ns
 * (Identity) to 29 ns (Tanh) at best; on the loaded 2-core machine and in a fresh Worker 25–70 ns and more.
 * Even warm, the defaults (3 × 151 × 80 × 8 units, ~5 ms) are past INLINE_MS, so they train in the Worker.
 */
const MS_PER_UNIT = 5e-5;
/** The decision map is sampled on GRID × GRID points of the plane, then drawn scaled as one image. */
const GRID = 40;
/** Half the side of the plotted square: the data lie within about ±2, and the margin keeps whole point markers inside the frame. */
const BOX = 2.5;
/** Class colours (series indices), away from the activations' 0, 1, 2. */
const CLASS_COLORS: [number, number] = [3, 4];

/** No activation at all: the hidden layer stays linear. */
const IDENTITY_SPEC: ActivationSpec = {
  name: 'Identity',
  aliases: [],
  params: [],
  family: 'smooth',
  kinks: () => [],
  bind: () => IDENTITY,
};

/** The keys of a ```nonlinearity block. */
export function nonlinearitySchema(settings: Settings) {
  return {
    activations: { type: 'list', default: ['Identity', 'ReLU', 'Tanh'], maxItems: 4 },
    data: { type: 'choice', default: 'xor', choices: DATASETS },
    width: { type: 'integer', default: 8, min: 1, max: 64 },
    points: { type: 'integer', default: 80, min: 4, max: 1000 },
    lr: { type: 'number', default: 0.5, min: 1e-6, max: 10 },
    steps: { type: 'integer', default: 150, min: 1, max: 5000 },
    seed: seedField(1),
    ...commonSchema(settings),
  } as const;
}

/** Validated options of one ```nonlinearity block. */
export interface NonlinearityOptions extends CommonOptions {
  activations: NamedActivation[];
  data: Dataset;
  width: number;
  points: number;
  lr: number;
  steps: number;
  seed: number;
}

/** One activation's training: loss and accuracy at every step, and the network after every step (for replay). */
export interface Run {
  label: string;
  loss: number[];
  accuracy: number[];
  /** The network after `step` updates (views into the saved parameters). */
  net(step: number): ClassifierNet;
}

export interface NonlinearityState {
  options: NonlinearityOptions;
  seed: number;
  step: number;
  data: ClassifierData;
  /** The trainings a job delivered, with the job they answer. */
  held?: Held<ClassifierRunResult[]>;
}

function parse(source: string, env: BlockEnv): Result<NonlinearityOptions> {
  const parsed = parseWithSchema(source, nonlinearitySchema(env.settings), 'activations');
  if (!parsed.ok) return parsed;
  const { options: o, entries } = parsed.value;
  const line = lineOf(entries, 'activations');
  const isIdentity = (item: string) => item.trim().toLowerCase() === 'identity';
  const others = o.activations.filter((item) => !isIdentity(item));
  const resolved = others.length ? resolveActivationList(others, line, 'activations') : ok([]);
  if (!resolved.ok) return finish(parsed.value, resolved);
  const rest = resolved.value.slice();
  const activations = o.activations.map((item) =>
    isIdentity(item) ? { spec: IDENTITY_SPEC, params: {} } : (rest.shift() as NamedActivation),
  );
  return finish(parsed.value, ok({ ...o, activations }));
}

/** The grid's points, row by row from the top (y = BOX) down, each row left to right. */
const GRID_POINTS = (() => {
  const g = new Float64Array(2 * GRID * GRID);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      g[2 * (r * GRID + c)] = -BOX + ((c + 0.5) * 2 * BOX) / GRID;
      g[2 * (r * GRID + c) + 1] = BOX - ((r + 0.5) * 2 * BOX) / GRID;
    }
  }
  return g;
})();

/** Every activation's training as a job: one run each on the data and network drawn from the seed. */
function jobOf(s: NonlinearityState): RunsJob<'classifier', ClassifierRunInput> {
  const { activations, data, points, width, lr, steps } = s.options;
  const runs = activations.map((a) => ({
    activation: a.spec === IDENTITY_SPEC ? null : activationRef(a),
    ...{ seed: s.seed, data, points, width, lr, steps },
  }));
  return { kind: 'classifier', runs, expectedMs: (steps + 1) * points * width * runs.length * MS_PER_UNIT };
}

/** The state's runs, each able to give its network after any step from the saved parameters. */
export function runsOf(s: NonlinearityState): Run[] {
  const w = s.options.width;
  const size = 4 * w + 1;
  return resultOf(jobOf(s), s.held).map(({ loss, accuracy, saved }, i) => {
    const a = s.options.activations[i];
    const activation = a.spec.bind(a.params);
    const net = (step: number): ClassifierNet => {
      const at = step * size;
      const part = (from: number, to: number) => saved.subarray(at + from * w, at + to * w);
      return { activation, width: w, W1: part(0, 2), b1: part(2, 3), W2: part(3, 4), b2: saved[at + 4 * w] };
    };
    return { label: activationLabel(a), loss, accuracy, net };
  });
}

/** The decision maps at `step`. */
function mapsAt(runs: Run[], step: number): Float64Array[] {
  return runs.map((r) => {
    const map = new Float64Array(GRID * GRID);
    classifierProbabilities(r.net(step), GRID_POINTS, map);
    return map;
  });
}

function init(o: NonlinearityOptions, seed = o.seed): NonlinearityState {
  return { options: o, seed, step: o.steps, data: classifierData(seed, o.data, o.points, o.width) };
}

const pct = (v: number): string => formatNumber(100 * v, 3);

/** Whether the linear network's boundary is a line: its logit is x·(W1·W2) + const, a line unless W1·W2 = 0. */
function isLine(net: ClassifierNet): boolean {
  let u = 0;
  let v = 0;
  for (let j = 0; j < net.width; j++) {
    u += net.W1[j] * net.W2[j];
    v += net.W1[net.width + j] * net.W2[j];
  }
  return u !== 0 || v !== 0;
}

function view(state: NonlinearityState, env: BlockEnv): BlockView {
  const { lang } = env;
  const { options: o, step, data } = state;
  const dataName = t(lang, `nl.data.${o.data}`);
  const runs = runsOf(state);
  const maps = mapsAt(runs, step);
  const acc = runs.map((r) => pct(r.accuracy[step]));
  const points: MarkerModel[] = data.X.map(([x, y], i) => ({
    x,
    y,
    colorIndex: CLASS_COLORS[data.y[i]],
    shape: data.y[i] ? 'dot' : 'ring',
  }));
  const axis = { type: 'linear' as const, min: -BOX, max: BOX, step: 1 };
  const panels: LineChartModel[] = runs.map((r, i) => ({
    x: { ...axis, title: t(lang, 'nl.panel', { name: r.label, acc: acc[i] }) },
    y: axis,
    lines: [],
    bands: [],
    markers: points,
    zeroAxes: false,
    panel: true,
    image: { n: GRID, p: maps[i], colors: CLASS_COLORS },
    description: t(lang, 'nl.panelDescription', { name: r.label, data: dataName, acc: acc[i] }),
  }));
  const steps = Array.from({ length: o.steps + 1 }, (_, i) => i);
  const top = Math.max(...runs.flatMap((r) => r.loss.filter(isFinite)));
  const lossChart: LineChartModel = {
    x: { type: 'linear', min: 0, max: o.steps, integer: true, title: t(lang, 'nl.step') },
    y: { type: 'linear', min: 0, max: isFinite(top) && top > 0 ? top * 1.05 : 1, title: t(lang, 'nl.loss') },
    lines: runs.map((r, i) => ({ id: `l${i}`, label: r.label, colorIndex: i, x: steps, y: r.loss })),
    bands: [],
    zeroAxes: false,
    markers: runs.map((r, i) => ({ x: step, y: r.loss[step], colorIndex: i, shape: 'dot' })),
    description: t(lang, 'nl.loss'),
    // Three falling curves read well in less height, and a chart's canvas costs in proportion to its pixels.
    heightFactor: 0.6,
  };
  const legend: LegendEntry[] = [
    ...runs.map((r, i) => ({ label: r.label, colorIndex: i })),
    { label: 'y = 1', colorIndex: CLASS_COLORS[1], mark: 'dot' },
    { label: 'y = 0', colorIndex: CLASS_COLORS[0], mark: 'ring' },
    // The maps shade each class in its points' colour, deeper where the network is surer.
    { label: t(lang, 'nl.shading1'), colorIndex: CLASS_COLORS[1], mark: 'band' },
    { label: t(lang, 'nl.shading0'), colorIndex: CLASS_COLORS[0], mark: 'band' },
  ];
  const items = runs.map((r, i) => t(lang, 'nl.item', { name: r.label, acc: acc[i] }));
  const linear = runs.find((r, i) => o.activations[i].spec === IDENTITY_SPEC)?.net(step);
  return {
    charts: [...panels, lossChart],
    legend,
    controls: controls(state, lang),
    summary:
      (linear ? t(lang, isLine(linear) ? 'nl.linear' : 'nl.flat') : '') +
      t(lang, 'nl.summary', { data: dataName, step, items: items.join(t(lang, 'problem.listSeparator')) }),
    readout: (c, x) => {
      // On a panel: the step shown; on the loss chart: the step under the pointer.
      const at = c < panels.length ? step : Math.min(o.steps, Math.max(0, Math.round(x)));
      return {
        heading: t(lang, 'nl.stepN', { step: at }),
        rows: runs.map((r, i) => ({
          label: r.label,
          colorIndex: i,
          value: t(lang, 'nl.readout', { loss: formatNumber(r.loss[at], 4), acc: pct(r.accuracy[at]) }),
        })),
      };
    },
    csv: () =>
      csvOf(
        ['step', ...runs.flatMap((r) => [`${r.label} loss`, `${r.label} accuracy`])],
        steps.map((k) => [k, ...runs.flatMap((r) => [r.loss[k], r.accuracy[k]])]),
      ),
  };
}

function controls(s: NonlinearityState, lang: Lang): Control[] {
  return [
    { kind: 'slider', id: 'step', label: t(lang, 'nl.step'), min: 0, max: s.options.steps, step: 1, value: s.step },
    seedButton(t(lang, 'nl.newData')),
  ];
}

function control(s: NonlinearityState, id: string, value: number | string): NonlinearityState {
  if (id === 'step' && typeof value === 'number' && value >= 0 && value <= s.options.steps)
    return { ...s, step: Math.round(value) };
  if (id === SEED_CONTROL) return init(s.options, nextSeed(s.seed));
  return s;
}

/** The ```nonlinearity block kind. */
export const nonlinearityBlock: BlockKind<NonlinearityOptions, NonlinearityState> = {
  language: 'nonlinearity',
  schema: nonlinearitySchema,
  insert: { name: 'command.insertNonlinearity', keys: ['activations', 'data'] },
  parse,
  init: (o) => init(o),
  view,
  control,
  job: (s) => pendingJob(jobOf(s), s.held),
  received: (s, result) => ({ ...s, held: hold(jobOf(s), result as ClassifierRunResult[]) }),
  placeholder: (s, { lang }) => {
    const training = t(lang, 'demo.training', {
      names: s.options.activations.map(activationLabel).join(t(lang, 'problem.listSeparator')),
    });
    const frame = waitingView(controls(s, lang), training);
    // A job that ends within a frame or two gets no chart meanwhile, only the words: the trained view then sizes
    // each canvas once. An empty frame cost its canvas's memory and a copy to the screen, then was thrown away
    // (a quarter of the main thread's time). A long one (with a progress bar) keeps the frame.
    return { ...frame, charts: jobOf(s).expectedMs > PROGRESS_MS ? frame.charts : [], summary: training };
  },
};
