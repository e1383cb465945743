/** ```zero-centered: gradient-descent paths of one linear neuron's weights, all-positive vs zero-centred inputs. */
import type { LineChartModel, LineModel, MarkerModel } from '../chart/line-chart-model';
import { clipPolyline } from '../core/clip';
import { contourEllipse, lossAt, quadraticLoss, type QuadraticLoss } from '../core/contours';
import { zigzagData } from '../core/demo-data';
import { formatNumber } from '../core/format';
import { inset, planeBox, type PlaneBox } from '../core/plane-box';
import { fail, ok, type Result } from '../core/result';
import type { Settings } from '../core/settings';
import { inputSigns, zigzagFacts, type InputSigns } from '../core/summaries';
import { zigzag, type ZigzagRun } from '../core/zigzag';
import { t, type Lang } from '../i18n';
import { activationLabel, resolveActivationList, type NamedActivation } from './activation-list';
import type { BlockEnv, BlockKind, BlockView, CommonOptions, Control } from './block-kind';
import { commonSchema, finish, lineOf, parseWithSchema, type Parsed } from './common-options';
import { csvOf } from './csv';
import { markLegend } from './legend-marks';

/** Largest integer seed we accept (the PRNG takes 32-bit seeds). */
const MAX_SEED = 2 ** 31 - 1;
/** Obsidian's readable line width: the chart's usual width, used to guess the plot area's aspect ratio. */
const READABLE_WIDTH = 700;
/** Contour levels: the level through w₀ times 4^k, so each ellipse is half the size of the next. */
const LEVEL_POWERS = [1, 0, -1, -2, -3, -4];

/** The keys of a ```zero-centered block. */
export function zeroCenteredSchema(settings: Settings) {
  return {
    inputs: { type: 'list', default: ['Sigmoid', 'Tanh'], maxItems: 4 },
    lr: { type: 'number', default: 1.8, min: 1e-6, max: 10 },
    steps: { type: 'integer', default: 40, min: 1, max: 1000 },
    w0: { type: 'numberList', default: [-1.5, 0], min: -100, max: 100, maxItems: 2 },
    w_star: { type: 'numberList', default: [2, -1], min: -100, max: 100, maxItems: 2 },
    samples: { type: 'integer', default: 32, min: 2, max: 1024 },
    seed: { type: 'integer', default: 2, min: 0, max: MAX_SEED },
    ...commonSchema(settings),
  } as const;
}

/** Validated options of one ```zero-centered block. */
export interface ZeroCenteredOptions extends CommonOptions {
  /** The activations whose outputs feed the neuron (Sigmoid: all positive; Tanh: zero-centred). */
  inputs: NamedActivation[];
  lr: number;
  steps: number;
  w0: [number, number];
  w_star: [number, number];
  samples: number;
  seed: number;
}

type ZeroCenteredState = Pick<ZeroCenteredOptions, 'lr' | 'steps' | 'seed'> & { options: ZeroCenteredOptions };

/** A point of the plane, or the problem of a key that is not exactly two numbers. */
function pair(parsed: Parsed<ReturnType<typeof zeroCenteredSchema>>, key: 'w0' | 'w_star'): Result<[number, number]> {
  const v = parsed.options[key];
  if (v.length === 2) return ok([v[0], v[1]]);
  const entry = parsed.entries.byKey.get(key);
  return fail('syntax', { value: `${key}: ${entry?.raw ?? ''}`, expected: 'pair' }, lineOf(parsed.entries, key));
}

function parse(source: string, env: BlockEnv): Result<ZeroCenteredOptions> {
  const parsed = parseWithSchema(source, zeroCenteredSchema(env.settings), 'inputs');
  if (!parsed.ok) return parsed;
  const { options: o, entries } = parsed.value;
  const inputs = resolveActivationList(o.inputs, lineOf(entries, 'inputs'), 'inputs');
  if (!inputs.ok) return finish(parsed.value, inputs);
  const w0 = pair(parsed.value, 'w0');
  if (!w0.ok) return finish(parsed.value, w0);
  const wStar = pair(parsed.value, 'w_star');
  if (!wStar.ok) return finish(parsed.value, wStar);
  return finish(parsed.value, ok({ ...o, inputs: inputs.value, w0: w0.value, w_star: wStar.value }));
}

/** One input kind: its data's loss surface and the path gradient descent takes on it. */
export interface ZigzagPath {
  label: string;
  signs: InputSigns;
  loss: QuadraticLoss;
  run: ZigzagRun;
}

function paths(s: ZeroCenteredState): ZigzagPath[] {
  const { options: o } = s;
  return o.inputs.map((a) => {
    const { f } = a.spec.bind(a.params);
    const data = zigzagData(s.seed, { n: o.samples, inputs: { f }, w_star: o.w_star });
    return { label: activationLabel(a), signs: inputSigns(data.x, f), loss: quadraticLoss(data.x, data.t),
      run: zigzag({ x: data.x, t: data.t, w0: o.w0, lr: s.lr, steps: s.steps }) };
  });
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
    return x.length ? [{ id: `c${index}_${j}`, label: p.label, colorIndex: index, faint: true, hideInLegend: true, x, y }] : [];
  });
}

function controls(s: ZeroCenteredState, lang: Lang): Control[] {
  return [
    { kind: 'slider', id: 'lr', label: t(lang, 'demo.learningRate'), min: Math.min(0.01, s.lr), max: Math.max(3, s.lr), step: 0.01, value: s.lr },
    { kind: 'slider', id: 'steps', label: t(lang, 'demo.steps'), min: 1, max: Math.max(100, s.steps), step: 1, value: s.steps },
    { kind: 'button', id: 'seed', label: t(lang, 'demo.newData') },
  ];
}

/** The summary line: where the paths start, then one computed sentence per input kind, in `lang`. */
export function zigzagSummary(paths: readonly Pick<ZigzagPath, 'label' | 'signs' | 'run'>[], w0: readonly [number, number], wStar: readonly [number, number], lang: Lang): string {
  const items = paths.map((p) => {
    const f = zigzagFacts(p.run, wStar);
    const kind = t(lang, `demo.signs.${p.signs}`);
    if (f.divergedAt !== undefined) return t(lang, 'demo.zigzag.diverged', { kind, name: p.label, step: f.divergedAt });
    return t(lang, f.finalDistance > f.startDistance ? 'demo.zigzag.growing' : 'demo.zigzag.item', {
      kind, name: p.label, same: f.sameSign, updates: f.updates,
      zigzag: f.reversals >= 2 ? t(lang, 'demo.zigzag.zigzag') : '', distance: formatNumber(f.finalDistance, 3),
    });
  });
  const start = formatNumber(Math.hypot(w0[0] - wStar[0], w0[1] - wStar[1]), 3);
  // Full sentences; Chinese ones end in 。 and need no space between them.
  return [t(lang, 'demo.zigzag.start', { distance: start }), ...items].join(lang === 'zh' ? '' : ' ');
}

const point = (w: readonly number[]) => `(${formatNumber(w[0], 3)}, ${formatNumber(w[1], 3)})`;

function view(s: ZeroCenteredState, env: BlockEnv): BlockView {
  const lang = env.lang;
  const o = s.options;
  const ps = paths(s);
  // Equal units on both axes: guess the plot area (readable width × height, minus axis labels).
  const aspect = Math.min(3, Math.max(1, (READABLE_WIDTH - 60) / Math.max(1, o.height - 50)));
  const box = planeBox([o.w0, o.w_star], ps.flatMap((p) => p.run.w), aspect);
  const clip = inset(box);
  const pathLines: LineModel[] = ps.map((p, i) => {
    const shown = untilOutside(p.run.w, box);
    const { x, y } = clipPolyline(shown.map((w) => w[0]), shown.map((w) => w[1]), clip);
    return { id: `p${i}`, label: t(lang, 'demo.inputsOf', { name: p.label }), colorIndex: i, dots: s.steps <= 80, x, y };
  });
  // Two families of ellipses still read apart; with more input kinds only the first kind's are drawn.
  const surfaces = ps.length <= 2 ? ps : ps.slice(0, 1);
  // Chart.js paints the first dataset last (on top): paths first, contours under them.
  const lines = [...pathLines, ...surfaces.flatMap((p, i) => contours(p, i, o.w0, box))];
  const markers: MarkerModel[] = [{ x: o.w_star[0], y: o.w_star[1], colorIndex: ps.length, shape: 'star', label: 'w*', legend: t(lang, 'legend.target') }];
  if (o.w0[0] !== o.w_star[0] || o.w0[1] !== o.w_star[1]) {
    markers.unshift({ x: o.w0[0], y: o.w0[1], colorIndex: ps.length, shape: 'ring', label: 'w₀', legend: t(lang, 'legend.start') });
  }
  const chart: LineChartModel = {
    x: { type: 'linear', min: box.xMin, max: box.xMax, step: box.step, title: 'w₁' },
    y: { type: 'linear', min: box.yMin, max: box.yMax, step: box.step, title: 'w₂' },
    lines, bands: [], markers, zeroAxes: true,
    description: t(lang, 'chart.zeroCentered', { names: ps.map((p) => p.label).join(t(lang, 'problem.listSeparator')), w0: point(o.w0), wStar: point(o.w_star) }),
  };
  return {
    charts: [chart],
    legend: [...pathLines.map((l) => ({ label: l.label, colorIndex: l.colorIndex })), ...markLegend([chart])],
    controls: controls(s, lang),
    summary: zigzagSummary(ps, o.w0, o.w_star, lang),
    // The pointer gives only w₁; each path's recorded point nearest in w₁ is where that path crosses the pointer's line.
    readout: (_chart, x) => ({
      heading: `w₁ = ${formatNumber(x, 4)}`,
      rows: ps.map((p, i) => {
        const step = nearestStep(p.run, x);
        if (step < 0) return { label: p.label, value: t(lang, 'demo.divergedShort'), colorIndex: i };
        return { label: t(lang, 'demo.zigzag.readoutRow', { name: p.label, step }), colorIndex: i,
          value: t(lang, 'demo.zigzag.readoutValue', { w1: formatNumber(p.run.w[step][0], 4), w2: formatNumber(p.run.w[step][1], 4), loss: formatNumber(p.run.loss[step], 4) }) };
      }),
    }),
    csv: () => csvOf(['step', ...ps.flatMap((p) => [`${p.label} w1`, `${p.label} w2`, `${p.label} loss`])],
      Array.from({ length: s.steps + 1 }, (_, k) => [k, ...ps.flatMap((p) => [p.run.w[k]?.[0] ?? NaN, p.run.w[k]?.[1] ?? NaN, p.run.loss[k] ?? NaN])])),
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
  if (id === 'seed') return { ...s, seed: (s.seed + 1) % (MAX_SEED + 1) };
  if (typeof value !== 'number' || !Number.isFinite(value)) return s;
  if (id === 'lr' && value > 0) return { ...s, lr: value };
  if (id === 'steps' && value >= 1) return { ...s, steps: Math.round(value) };
  return s;
}

/** The ```zero-centered block kind. */
export const zeroCenteredBlock: BlockKind<ZeroCenteredOptions, ZeroCenteredState> = {
  language: 'zero-centered',
  parse,
  init: (options) => ({ options, lr: options.lr, steps: options.steps, seed: options.seed }),
  view,
  control,
};
