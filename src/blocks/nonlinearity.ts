/**
 * ```nonlinearity: why activations are needed. The same 2 → H → 1 classifier, trained by full-batch gradient
 * descent on the same points, once per activation: with `Identity` it is one linear map (a straight boundary).
 * Each panel shows the predicted class over the plane as one image, the points and the accuracy; a shared
 * chart the loss; a slider replays training.
 */
import type { ActivationSpec } from '../core/activations/types';
import { classifierData, DATASETS, type ClassifierData, type Dataset } from '../core/engines/classifier-data';
import { classifierProbabilities, IDENTITY, trainClassifier, type ClassifierNet } from '../core/engines/classifier';
import { formatNumber } from '../core/plot/format';
import { ok, type Result } from '../core/result';
import type { Settings } from '../core/settings';
import { t } from '../i18n';
import { activationLabel, resolveActivationList, type NamedActivation } from './activation-list';
import type { BlockEnv, BlockKind, BlockView, CommonOptions, Control, LegendEntry } from './block-kind';
import { commonSchema, finish, lineOf, parseWithSchema } from './common-options';
import { csvOf } from './csv';
import type { LineChartModel, MarkerModel } from './line-chart-model';
import { nextSeed, SEED_CONTROL, seedButton, seedField } from './seeds';
import { fits, mostThatFits, tooMuchWork, type WorkBudget } from './work-budget';

/**
 * Work of one drawing: steps × points × width × activations, each unit a hidden unit's forward and backward pass
 * for one point (~10 multiply-adds and f, f′). Measured on the loaded 2-core machine at ~25 ns (ReLU) to ~70 ns
 * (Tanh: two exponentials): the budget is 0.5–1.4 s, under the 2 s a hostile block may take; defaults use 1.5 %.
 */
const WORK: WorkBudget<{ steps: number; points: number; width: number; count: number }> = {
  budget: 2e7,
  cost: ({ steps, points, width, count }) => steps * points * width * count,
};
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
interface Run {
  label: string;
  loss: number[];
  accuracy: number[];
  /** The network after `step` updates (views into the saved parameters). */
  net(step: number): ClassifierNet;
}

interface NonlinearityState {
  options: NonlinearityOptions;
  seed: number;
  step: number;
  data: ClassifierData;
  runs: Run[];
  /** Per run, P(y = 1) on the grid at the step shown, row 0 at the top. */
  maps: Float64Array[];
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
  if (!fits(WORK, { ...o, count: activations.length })) {
    const most = mostThatFits(WORK, { ...o, count: activations.length }, 'steps', o.steps);
    return finish(parsed.value, tooMuchWork('steps', o.steps, most, lineOf(entries, 'steps')));
  }
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

/**
 * Trains every activation once, saving the parameters after every step so the slider replays without retraining:
 * one array per run, W1, b1, W2, b2 per step (not four small arrays per step).
 */
function train(o: NonlinearityOptions, data: ClassifierData): Run[] {
  const w = o.width;
  const size = 4 * w + 1;
  return o.activations.map((a) => {
    const activation = a.spec.bind(a.params);
    const saved = new Float64Array(size * (o.steps + 1));
    const keep = (step: number, n: ClassifierNet) => {
      const at = step * size;
      saved.set(n.W1, at);
      saved.set(n.b1, at + 2 * w);
      saved.set(n.W2, at + 3 * w);
      saved[at + 4 * w] = n.b2;
    };
    const run = trainClassifier({ ...data, activation, lr: o.lr, steps: o.steps }, keep);
    const net = (step: number): ClassifierNet => {
      const at = step * size;
      const part = (from: number, to: number) => saved.subarray(at + from * w, at + to * w);
      return { activation, width: w, W1: part(0, 2), b1: part(2, 3), W2: part(3, 4), b2: saved[at + 4 * w] };
    };
    return { label: activationLabel(a), loss: run.loss, accuracy: run.accuracy, net };
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

function init(o: NonlinearityOptions): NonlinearityState {
  const data = classifierData(o.seed, o.data, o.points, o.width);
  const runs = train(o, data);
  return { options: o, seed: o.seed, step: o.steps, data, runs, maps: mapsAt(runs, o.steps) };
}

const pct = (v: number): string => formatNumber(100 * v, 3);

/** Whether the linear network's boundary is a line: its logit is x·(W1·W2) + const, a line unless W1·W2 = 0. */
function isLine(net: ClassifierNet): boolean {
  let [u, v] = [0, 0];
  for (let j = 0; j < net.width; j++) [u, v] = [u + net.W1[j] * net.W2[j], v + net.W1[net.width + j] * net.W2[j]];
  return u !== 0 || v !== 0;
}

function view(s: NonlinearityState, env: BlockEnv): BlockView {
  const { lang } = env;
  const o = s.options;
  const dataName = t(lang, `nl.data.${o.data}`);
  const points: MarkerModel[] = s.data.X.map(([x, y], i) => ({
    x,
    y,
    colorIndex: CLASS_COLORS[s.data.y[i]],
    shape: s.data.y[i] ? 'dot' : 'ring',
  }));
  const axis = { type: 'linear' as const, min: -BOX, max: BOX, step: 1 };
  const panels: LineChartModel[] = s.runs.map((r, i) => ({
    x: { ...axis, title: t(lang, 'nl.panel', { name: r.label, acc: pct(r.accuracy[s.step]) }) },
    y: axis,
    lines: [],
    bands: [],
    markers: points,
    zeroAxes: false,
    panel: true,
    image: { n: GRID, p: s.maps[i], colors: CLASS_COLORS },
    description: t(lang, 'nl.panelDescription', { name: r.label, data: dataName, acc: pct(r.accuracy[s.step]) }),
  }));
  const steps = Array.from({ length: o.steps + 1 }, (_, i) => i);
  const top = Math.max(...s.runs.flatMap((r) => r.loss.filter(Number.isFinite)));
  const lossChart: LineChartModel = {
    x: { type: 'linear', min: 0, max: o.steps, integer: true, title: t(lang, 'nl.step') },
    y: { type: 'linear', min: 0, max: Number.isFinite(top) && top > 0 ? top * 1.05 : 1, title: t(lang, 'nl.loss') },
    lines: s.runs.map((r, i) => ({ id: `l${i}`, label: r.label, colorIndex: i, x: steps, y: r.loss })),
    bands: [],
    zeroAxes: false,
    markers: s.runs.map((r, i) => ({ x: s.step, y: r.loss[s.step], colorIndex: i, shape: 'dot' })),
    description: t(lang, 'nl.loss'),
  };
  const legend: LegendEntry[] = [
    ...s.runs.map((r, i) => ({ label: r.label, colorIndex: i })),
    { label: 'y = 1', colorIndex: CLASS_COLORS[1], mark: 'dot' },
    { label: 'y = 0', colorIndex: CLASS_COLORS[0], mark: 'ring' },
    // The maps shade each class in its points' colour, deeper where the network is surer.
    { label: t(lang, 'nl.shading1'), colorIndex: CLASS_COLORS[1], mark: 'band' },
    { label: t(lang, 'nl.shading0'), colorIndex: CLASS_COLORS[0], mark: 'band' },
  ];
  const items = s.runs.map((r) => t(lang, 'nl.item', { name: r.label, acc: pct(r.accuracy[s.step]) }));
  const linear = s.runs.find((r, i) => o.activations[i].spec === IDENTITY_SPEC)?.net(s.step);
  const controls: Control[] = [
    { kind: 'slider', id: 'step', label: t(lang, 'nl.step'), min: 0, max: o.steps, step: 1, value: s.step },
    seedButton(t(lang, 'nl.newData')),
  ];
  return {
    charts: [...panels, lossChart],
    legend,
    controls,
    summary:
      (linear ? t(lang, isLine(linear) ? 'nl.linear' : 'nl.flat') : '') +
      t(lang, 'nl.summary', { data: dataName, step: s.step, items: items.join(t(lang, 'problem.listSeparator')) }),
    readout: (c, x) => {
      // On a panel: the step shown; on the loss chart: the step under the pointer.
      const at = c < panels.length ? s.step : Math.min(o.steps, Math.max(0, Math.round(x)));
      return {
        heading: t(lang, 'nl.stepN', { step: at }),
        rows: s.runs.map((r, i) => ({
          label: r.label,
          colorIndex: i,
          value: t(lang, 'nl.readout', { loss: formatNumber(r.loss[at], 4), acc: pct(r.accuracy[at]) }),
        })),
      };
    },
    csv: () =>
      csvOf(
        ['step', ...s.runs.flatMap((r) => [`${r.label} loss`, `${r.label} accuracy`])],
        steps.map((k) => [k, ...s.runs.flatMap((r) => [r.loss[k], r.accuracy[k]])]),
      ),
  };
}

function control(s: NonlinearityState, id: string, value: number | string): NonlinearityState {
  if (id === 'step' && typeof value === 'number' && value >= 0 && value <= s.options.steps) {
    const step = Math.round(value);
    return { ...s, step, maps: mapsAt(s.runs, step) };
  }
  if (id === SEED_CONTROL) return init({ ...s.options, seed: nextSeed(s.seed) });
  return s;
}

/** The ```nonlinearity block kind. */
export const nonlinearityBlock: BlockKind<NonlinearityOptions, NonlinearityState> = {
  language: 'nonlinearity',
  schema: nonlinearitySchema,
  insert: { name: 'command.insertNonlinearity', keys: ['activations', 'data'] },
  parse,
  init,
  view,
  control,
};
