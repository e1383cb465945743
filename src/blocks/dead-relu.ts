/** ```dead-relu: training loss and dead hidden units per step, one line per activation × learning rate. */
import type { LineChartModel, LineModel } from '../chart/line-chart-model';
import { deadRelu, type DeadReluRun } from '../core/dead-relu';
import { deadReluData, type DeadReluData } from '../core/demo-data';
import { formatNumber } from '../core/format';
import { decadeRange, positiveOrGap } from '../core/log-axis';
import { fail, ok, type Result } from '../core/result';
import type { Settings } from '../core/settings';
import { deadReluFacts, variance } from '../core/summaries';
import { niceStep } from '../core/ticks';
import { t, type Lang } from '../i18n';
import { activationLabel, formatParam, resolveActivationList, workWeight, type NamedActivation } from './activation-list';
import type { BlockEnv, BlockKind, BlockView, CommonOptions, Control } from './block-kind';
import { commonSchema, lineOf, parseWithSchema } from './common-options';
import { csvOf } from './csv';

/** Largest integer seed we accept (the PRNG takes 32-bit seeds). */
const MAX_SEED = 2 ** 31 - 1;
/**
 * Our PRNG's draws are not PyTorch's, so seed 1 is not the reference's data: with it lr 0.15
 * overflows at step 9. Of seeds 0…400, 71 is the one whose data tells the reference's story at
 * lr 0.01 and 0.15: ReLU loses all 32 units (from step 5) and sticks at the targets' variance,
 * LeakyReLU keeps learning to below both lr 0.01 runs.
 */
const DEFAULT_SEED = 71;
/** Learning rates must be > 0; the schema's bounds are inclusive, so the smallest accepted is this. */
const MIN_LR = 1e-6;
/**
 * Most unit-updates (runs × steps × samples × width) one block may train: 4× the defaults, measured
 * at 0.1 s (ReLU) to 0.4 s (GELU's erf). Each size may be at its maximum, but not all at once (that
 * would freeze the note for minutes); past this the block names a size and the most that fits.
 */
const WORK_BUDGET = 2e6;

/** The sizes the training cost depends on. */
interface Sizes {
  /** Each activation's weight (`workWeight`): 1 for torch's, more for a long definition of the note's own. */
  activations: readonly number[];
  lr: readonly number[];
  samples: number;
  width: number;
  steps: number;
}

/** The sizes of options whose activations are resolved. */
function sizesOf(o: Omit<Sizes, 'activations'> & { activations: readonly NamedActivation[] }): Sizes {
  return { ...o, activations: o.activations.map(workWeight) };
}

/** The most of `key` that fits the budget with the other sizes as they are. */
function most(o: Sizes, key: 'steps' | 'width' | 'samples'): number {
  return Math.floor((WORK_BUDGET * o[key]) / (o.activations.reduce((a, b) => a + b, 0) * o.lr.length * o.samples * o.width * o.steps));
}

/** The first size to shrink, steps first (then width, then samples), and how far; undefined if it all fits. */
function overBudget(o: Sizes): { key: 'steps' | 'width' | 'samples'; max: number } | undefined {
  if (most(o, 'steps') >= o.steps) return undefined;
  if (most({ ...o, steps: 1 }, 'steps') >= 1) return { key: 'steps', max: most(o, 'steps') };
  // Even one step is too much: width first, assuming one step (samples stays ≥ 2, which always fits).
  const width = most({ ...o, steps: 1 }, 'width');
  return width >= 1 ? { key: 'width', max: width } : { key: 'samples', max: most({ ...o, steps: 1, width: 1 }, 'samples') };
}

/** The keys of a ```dead-relu block. */
export function deadReluSchema(settings: Settings) {
  return {
    activations: { type: 'list', default: ['ReLU', 'LeakyReLU'], maxItems: 4 },
    /** The note's own functions, one definition per line, usable by name in `activations`. */
    define: { type: 'list', maxItems: 16, lines: true },
    lr: { type: 'numberList', default: [0.01, 0.15], min: MIN_LR, max: 10, maxItems: 4 },
    width: { type: 'integer', default: 32, min: 1, max: 256 },
    samples: { type: 'integer', default: 64, min: 2, max: 1024 },
    steps: { type: 'integer', default: 60, min: 1, max: 1000 },
    seed: { type: 'integer', default: DEFAULT_SEED, min: 0, max: MAX_SEED },
    ...commonSchema(settings),
  } as const;
}

/** Validated options of one ```dead-relu block. */
export interface DeadReluOptions extends CommonOptions {
  activations: NamedActivation[];
  lr: number[];
  width: number;
  samples: number;
  steps: number;
  seed: number;
}

/** One trained line: an activation at a learning rate. */
interface Run {
  a: NamedActivation;
  lr: number;
  run: DeadReluRun;
}

/** Runs live in the state, so a slider recomputes only the runs it changes (view stays a cheap read). */
interface DeadReluState {
  options: DeadReluOptions;
  lrs: number[];
  steps: number;
  seed: number;
  data: DeadReluData;
  /** runs[i][k]: activation i at learning rate k. */
  runs: Run[][];
}

function parse(source: string, env: BlockEnv): Result<DeadReluOptions> {
  const parsed = parseWithSchema(source, deadReluSchema(env.settings), 'activations');
  if (!parsed.ok) return parsed;
  const { options: o, entries } = parsed.value;
  const itemLines = entries.byKey.get('define')?.itemLines;
  const define = o.define ? { items: o.define, line: lineOf(entries, 'define'), ...(itemLines ? { itemLines } : {}) } : undefined;
  const activations = resolveActivationList(o.activations, lineOf(entries, 'activations'), 'activations', define);
  if (!activations.ok) return activations;
  const over = overBudget(sizesOf({ ...o, activations: activations.value }));
  if (over) return fail('outOfRange', { key: over.key, value: o[over.key], max: over.max }, lineOf(entries, over.key));
  return ok({ ...o, activations: activations.value });
}

function train(a: NamedActivation, lr: number, data: DeadReluData, steps: number): Run {
  return { a, lr, run: deadRelu({ activation: a.spec.bind(a.params), ...data, lr, steps }) };
}

/** The first `steps` steps of a longer run: exactly what a shorter run computes (the same operations in the same order). */
function truncate(r: Run, steps: number): Run {
  const { loss, dead, deadGradNorm, divergedAt } = r.run;
  const run: DeadReluRun = { loss: loss.slice(0, steps + 1), dead: dead.slice(0, steps + 1), deadGradNorm: deadGradNorm.slice(0, steps + 1) };
  if (divergedAt !== undefined && divergedAt <= steps) run.divergedAt = divergedAt;
  return { ...r, run };
}

/** The state for a schedule, reusing from `prev` every run with the same data and lr (cut short when only steps fell). */
function compute(options: DeadReluOptions, lrs: number[], steps: number, seed: number, prev?: DeadReluState): DeadReluState {
  const reuse = prev !== undefined && prev.seed === seed ? prev : undefined;
  const data = reuse ? reuse.data : deadReluData(seed, { n: options.samples, width: options.width });
  const runs = options.activations.map((a, i) => lrs.map((lr, k) => {
    if (!reuse || reuse.lrs[k] !== lr) return train(a, lr, data, steps);
    const old = reuse.runs[i][k];
    if (reuse.steps === steps) return old;
    return reuse.steps > steps ? truncate(old, steps) : train(a, lr, data, steps);
  }));
  return { options, lrs, steps, seed, data, runs };
}

function controls(s: DeadReluState, lang: Lang): Control[] {
  const several = s.lrs.length > 1;
  // Linear 0.001 steps: the range input cannot show a log-mapped value, and 0.001 resolves every lr the demo needs.
  const lrSliders = s.lrs.map((lr, k): Control => ({
    kind: 'slider', id: `lr${k}`, label: several ? t(lang, 'demo.learningRateN', { index: k + 1 }) : t(lang, 'demo.learningRate'),
    min: Math.min(0.001, lr), max: Math.max(1, lr), step: 0.001, value: lr,
  }));
  return [
    ...lrSliders,
    { kind: 'slider', id: 'steps', label: t(lang, 'demo.steps'), min: 1, max: Math.max(s.steps, Math.min(200, most(sizesOf(s.options), 'steps'))), step: 1, value: s.steps },
    { kind: 'button', id: 'seed', label: t(lang, 'demo.newData') },
  ];
}

/** One line per run: distinct colours, the second (and fourth) lr dashed, so pairs read at a glance. */
function runLines(s: DeadReluState, lang: Lang) {
  return s.runs.flat().map((r, index) => {
    const base = t(lang, 'demo.runLabel', { name: activationLabel(r.a), lr: formatParam(r.lr) });
    const diverged = r.run.divergedAt;
    const label = diverged === undefined ? base : t(lang, 'demo.runDiverged', { label: base, step: diverged });
    return { ...r, index, base, label, dashed: s.lrs.length > 1 && (index % s.lrs.length) % 2 === 1 };
  });
}

/**
 * The summary line: one computed sentence per run (`label` names it), in `lang`. `targets` are the
 * data's t, whose variance is the loss a net with every unit dead settles at.
 */
export function deadReluSummary(runs: readonly { label: string; run: DeadReluRun }[], targets: readonly number[], width: number, lang: Lang): string {
  const items = runs.map(({ label, run }) => {
    const f = deadReluFacts(run, width);
    const args = { run: label, width, loss: formatNumber(f.finalLoss, 3), dead: f.finalDead };
    if (f.divergedAt !== undefined) return t(lang, 'demo.deadRelu.diverged', { run: label, step: f.divergedAt });
    if (f.allDeadFrom !== undefined && !f.deadStillLearn) {
      return t(lang, 'demo.deadRelu.allDead', { ...args, step: f.allDeadFrom, variance: formatNumber(variance(targets), 3) });
    }
    if (f.finalDead === 0) return t(lang, 'demo.deadRelu.alive', args);
    return t(lang, f.deadStillLearn ? 'demo.deadRelu.leaky' : 'demo.deadRelu.someDead', args);
  });
  // Each item is a full sentence; Chinese sentences end in 。 and need no space between them.
  return items.join(lang === 'zh' ? '' : ' ');
}

function view(s: DeadReluState, env: BlockEnv): BlockView {
  const lang = env.lang;
  const { width } = s.options;
  const lines = runLines(s, lang);
  const stepsAxis = { type: 'linear' as const, min: 0, max: s.steps, integer: true, step: Math.max(1, niceStep(s.steps)), title: t(lang, 'demo.step') };
  const xs = (r: DeadReluRun) => r.loss.map((_, i) => i);
  const line = (l: (typeof lines)[number], y: number[], prefix: string): LineModel => (
    { id: `${prefix}${l.index}`, label: l.label, colorIndex: l.index, dashed: l.dashed, dots: s.steps <= 30, x: xs(l.run), y });
  // A diverging run's last losses can reach 1e300; scale the axis to the others and let it leave the top.
  const steady = lines.filter((l) => l.run.divergedAt === undefined);
  const [min, max] = decadeRange((steady.length ? steady : lines).flatMap((l) => l.run.loss).concat(lines.map((l) => l.run.loss[0] ?? NaN)));
  const sep = t(lang, 'problem.listSeparator');
  const about = { width, names: s.options.activations.map(activationLabel).join(sep), lrs: s.lrs.map(formatParam).join(sep) };
  const lossChart: LineChartModel = {
    x: stepsAxis, y: { type: 'logarithmic', min, max, title: t(lang, 'demo.lossAxis') },
    lines: lines.map((l) => line(l, positiveOrGap(l.run.loss), 'loss')), bands: [], markers: [], zeroAxes: false,
    description: t(lang, 'chart.deadReluLoss', about),
  };
  const deadChart: LineChartModel = {
    x: stepsAxis, y: { type: 'linear', min: 0, max: width, integer: true, step: countStep(width), title: t(lang, 'demo.deadAxis', { width }) },
    lines: lines.map((l) => line(l, l.run.dead, 'dead')), bands: [], markers: [], zeroAxes: false,
    description: t(lang, 'chart.deadReluDead', about),
  };
  return {
    charts: [lossChart, deadChart],
    legend: lines.map((l) => ({ label: l.label, colorIndex: l.index })),
    controls: controls(s, lang),
    summary: deadReluSummary(lines.map((l) => ({ label: l.base, run: l.run })), s.data.t, width, lang),
    readout: (chart, x) => {
      const step = Math.min(s.steps, Math.max(0, Math.round(x)));
      const value = (r: DeadReluRun) => (step >= r.loss.length ? t(lang, 'demo.divergedShort')
        : chart === 0 ? formatNumber(r.loss[step], 4) : t(lang, 'demo.deadOf', { dead: r.dead[step], width }));
      return { heading: t(lang, chart === 0 ? 'demo.readoutLoss' : 'demo.readoutDead', { step }),
        rows: lines.map((l) => ({ label: l.base, value: value(l.run), colorIndex: l.index, dashed: l.dashed })) };
    },
    csv: () => csvOf(['step', ...lines.flatMap((l) => [`${l.base} loss`, `${l.base} dead`])],
      Array.from({ length: s.steps + 1 }, (_, i) => [i, ...lines.flatMap((l) => [l.run.loss[i] ?? NaN, l.run.dead[i] ?? NaN])])),
  };
}

/** A tick step dividing `width` into about four parts, so the top tick is the width itself (0, 8, …, 32). */
function countStep(width: number): number {
  const parts = [4, 5, 3, 6, 8, 7].find((p) => width % p === 0);
  return parts ? width / parts : Math.max(1, Math.round(niceStep(width, 4)));
}

function control(s: DeadReluState, id: string, value: number | string): DeadReluState {
  if (id === 'seed') return compute(s.options, s.lrs, s.steps, (s.seed + 1) % (MAX_SEED + 1), s);
  if (typeof value !== 'number' || !Number.isFinite(value)) return s;
  if (id === 'steps') return value >= 1 ? compute(s.options, s.lrs, Math.min(Math.round(value), most(sizesOf(s.options), 'steps')), s.seed, s) : s;
  const k = /^lr(\d+)$/.exec(id) ? Number(id.slice(2)) : -1;
  if (k < 0 || k >= s.lrs.length || !(value >= MIN_LR)) return s;
  const lrs = s.lrs.slice();
  lrs[k] = value;
  return compute(s.options, lrs, s.steps, s.seed, s);
}

/** The ```dead-relu block kind. */
export const deadReluBlock: BlockKind<DeadReluOptions, DeadReluState> = {
  language: 'dead-relu',
  parse,
  init: (options) => compute(options, options.lr, options.steps, options.seed),
  view,
  control,
};
