/** ```dead-relu: training loss and dead hidden units per step, one line per activation × learning rate. */
import type { LineChartModel, LineModel } from './line-chart-model';
import { deadRelu, type DeadReluRun } from '../core/engines/dead-relu/dead-relu';
import { belowZero, tally, type BelowZero } from '../core/engines/dead-relu/outcomes';
import { deadReluData, type DeadReluData } from '../core/engines/dead-relu/data';
import { formatNumber } from '../core/plot/format';
import { decadeRange, positiveOrGap } from '../core/plot/log-axis';
import { ok, type Result } from '../core/result';
import type { Settings } from '../core/settings';
import { deadReluFacts, variance } from '../core/engines/dead-relu/facts';
import { niceStep } from '../core/plot/ticks';
import { t, type Lang } from '../i18n';
import { activationLabel, formatParam, workWeight, type NamedActivation } from './activation-list';
import type { BlockEnv, BlockKind, BlockView, CommonOptions, Control } from './block-kind';
import { commonSchema, finish, lineOf, parseWithActivations } from './common-options';
import { csvOf } from './csv';
import { mostThatFits, tooMuchWork, type WorkBudget } from './work-budget';
import { SEED_CONTROL, seedButton, seedField } from './seeds';

/** The batch starts at seed 0: no seed is picked for the story it tells; the batch shows how typical it is. */
const DEFAULT_SEED = 0;
/** Draws of data and weights trained per block, so the summary states a distribution rather than one lucky run. */
const BATCH = 32;
/**
 * Most weighted unit-updates the whole batch may take: 32 seeds at the defaults (~0.1 s in slices between
 * frames). Past it the batch holds fewer seeds. Activations without fused passes cost about 6× per unit.
 */
const BATCH_WORK: WorkBudget<{ seeds: number; perSeed: number }> = {
  budget: 32 * 4 * 64 * 32 * 60,
  cost: ({ seeds, perSeed }) => seeds * perSeed,
};
const GENERIC_COST = 6;
/** Learning rates must be > 0; the schema's bounds are inclusive, so the smallest accepted is this. */
const MIN_LR = 1e-6;

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

/**
 * Most unit-updates (runs × steps × samples × width) one block may train: 4× the defaults, measured
 * at 0.1 s (ReLU) to 0.4 s (GELU's erf). Each size may be at its maximum, but not all at once (that
 * would freeze the note for minutes); past this the block names a size and the most that fits.
 */
const WORK: WorkBudget<Sizes> = {
  budget: 2e6,
  cost: (o) => o.activations.reduce((a, b) => a + b, 0) * o.lr.length * o.samples * o.width * o.steps,
};

/** Largest values the schema admits, the ceilings of the searches below. */
const LIMITS_OF = { steps: 1000, width: 256, samples: 1024 } as const;

/** The most of `key` that fits the budget with the other sizes as they are (0 when even 1 does not). */
function most(o: Sizes, key: 'steps' | 'width' | 'samples'): number {
  return mostThatFits(WORK, o, key, LIMITS_OF[key]);
}

/** The first size to shrink, steps first (then width, then samples), and how far; undefined if it all fits. */
function overBudget(o: Sizes): { key: 'steps' | 'width' | 'samples'; max: number } | undefined {
  if (most(o, 'steps') >= o.steps) return undefined;
  if (most({ ...o, steps: 1 }, 'steps') >= 1) return { key: 'steps', max: most(o, 'steps') };
  // Even one step is too much: width first, assuming one step (samples stays ≥ 2, which always fits).
  const width = most({ ...o, steps: 1 }, 'width');
  return width >= 1
    ? { key: 'width', max: width }
    : { key: 'samples', max: most({ ...o, steps: 1, width: 1 }, 'samples') };
}

/** The keys of a ```dead-relu block. */
export function deadReluSchema(settings: Settings) {
  return {
    activations: { type: 'list', default: ['ReLU', 'LeakyReLU'], maxItems: 4 },
    /** The note's own functions, one definition per line, usable by name in `activations`. */
    define: { type: 'list', maxItems: 16, lines: true },
    // At 0.1 most of the batch loses units without diverging (at 0.15 two thirds diverge): the effect, not the overflow.
    lr: { type: 'numberList', default: [0.01, 0.1], min: MIN_LR, max: 10, maxItems: 4 },
    width: { type: 'integer', default: 32, min: 1, max: LIMITS_OF.width },
    samples: { type: 'integer', default: 64, min: 2, max: LIMITS_OF.samples },
    steps: { type: 'integer', default: 60, min: 1, max: LIMITS_OF.steps },
    seed: seedField(DEFAULT_SEED),
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

/** One draw of data and initial weights, trained at every activation × lr. */
interface SeedRuns {
  seed: number;
  data: DeadReluData;
  /** runs[i][k]: activation i at learning rate k. */
  runs: Run[][];
}

/** Runs live in the state, so a slider recomputes only the runs it changes (view stays a cheap read). */
interface DeadReluState {
  options: DeadReluOptions;
  lrs: number[];
  steps: number;
  /** The batch is seeds seed … seed + count − 1; the drawn one is seed + index. */
  seed: number;
  count: number;
  index: number;
  /** batch[j]: seed + j, trained at `lrs` for `steps`; undefined until the background gets to it. */
  batch: (SeedRuns | undefined)[];
}

/** The draw the charts show (always trained). */
function drawn(s: DeadReluState): SeedRuns {
  return s.batch[s.index] as SeedRuns;
}

/** How many seeds the batch can hold within BATCH_WORK at this schedule (at least the drawn one). */
function batchSize(o: DeadReluOptions, lrs: readonly number[], steps: number): number {
  const perUnit = o.activations.reduce(
    (sum, a) => sum + (a.spec.bind(a.params).negativeSlope !== undefined ? 1 : GENERIC_COST),
    0,
  );
  const perSeed = perUnit * lrs.length * o.samples * o.width * steps;
  return Math.max(1, mostThatFits(BATCH_WORK, { seeds: BATCH, perSeed }, 'seeds', BATCH));
}

function parse(source: string, env: BlockEnv): Result<DeadReluOptions> {
  const parsed = parseWithActivations(source, deadReluSchema(env.settings), 'activations');
  if (!parsed.ok) return parsed;
  const { options: o, entries, activations } = parsed.value;
  const over = overBudget(sizesOf({ ...o, activations }));
  if (over) return finish(parsed.value, tooMuchWork(over.key, o[over.key], over.max, lineOf(entries, over.key)));
  return finish(parsed.value, ok({ ...o, activations }));
}

function train(a: NamedActivation, lr: number, data: DeadReluData, steps: number): Run {
  return { a, lr, run: deadRelu({ activation: a.spec.bind(a.params), ...data, lr, steps }) };
}

/** The first `steps` steps of a longer run: exactly what a shorter run computes (the same operations in the same order). */
function truncate(r: Run, steps: number): Run {
  const { loss, dead, deadGradNorm, divergedAt } = r.run;
  const run: DeadReluRun = {
    loss: loss.slice(0, steps + 1),
    dead: dead.slice(0, steps + 1),
    deadGradNorm: deadGradNorm.slice(0, steps + 1),
  };
  if (divergedAt !== undefined && divergedAt <= steps) run.divergedAt = divergedAt;
  return { ...r, run };
}

/** One seed trained at `lrs` for `steps`, reusing every run of `prev` (the same seed) at the same lr, cut short when only steps fell. */
function trainSeed(
  o: DeadReluOptions,
  lrs: readonly number[],
  steps: number,
  seed: number,
  prev?: { lrs: readonly number[]; steps: number; runs: SeedRuns },
): SeedRuns {
  const data = prev ? prev.runs.data : deadReluData(seed, { n: o.samples, width: o.width });
  const runs = o.activations.map((a, i) =>
    lrs.map((lr, k) => {
      if (!prev || prev.lrs[k] !== lr) return train(a, lr, data, steps);
      const old = prev.runs.runs[i][k];
      if (prev.steps === steps) return old;
      return prev.steps > steps ? truncate(old, steps) : train(a, lr, data, steps);
    }),
  );
  return { seed, data, runs };
}

/**
 * The state for a schedule: the drawn seed trained now, the rest of the batch left to `background`.
 * Seeds of `prev`'s batch are reused when nothing changed for them, or when only steps fell.
 */
function compute(
  options: DeadReluOptions,
  lrs: number[],
  steps: number,
  seed: number,
  index: number,
  prev?: DeadReluState,
): DeadReluState {
  const count = batchSize(options, lrs, steps);
  const same = prev !== undefined && prev.seed === seed;
  const keep = same && prev.lrs.every((lr, k) => lr === lrs[k]) && prev.steps >= steps;
  const batch = Array.from({ length: count }, (_, j) => {
    const old = same ? prev.batch[j] : undefined;
    if (!old || !keep) return undefined;
    return prev.steps === steps
      ? old
      : trainSeed(options, lrs, steps, seed + j, { lrs: prev.lrs, steps: prev.steps, runs: old });
  });
  const at = index % count;
  const old = same ? prev.batch[at] : undefined;
  batch[at] ??= trainSeed(
    options,
    lrs,
    steps,
    seed + at,
    old ? { lrs: prev!.lrs, steps: prev!.steps, runs: old } : undefined,
  );
  return { options, lrs, steps, seed, count, index: at, batch };
}

/** Trains the first seed of the batch not trained yet; null when the batch is complete. */
function background(s: DeadReluState): DeadReluState | null {
  const j = s.batch.findIndex((b) => b === undefined);
  if (j < 0) return null;
  const batch = s.batch.slice();
  batch[j] = trainSeed(s.options, s.lrs, s.steps, s.seed + j);
  return { ...s, batch };
}

function controls(s: DeadReluState, lang: Lang): Control[] {
  const several = s.lrs.length > 1;
  // Log track: 0.001 to 1 spans three decades evenly, so 0.01 and 0.15 both sit where one can reach them.
  const lrSliders = s.lrs.map((lr, k): Control => ({
    kind: 'slider',
    id: `lr${k}`,
    label: several ? t(lang, 'demo.lrOfRun', { index: k + 1 }) : t(lang, 'demo.lr'),
    min: Math.min(0.001, lr),
    max: Math.max(1, lr),
    step: 0.01,
    value: lr,
    scale: 'log',
  }));
  return [
    ...lrSliders,
    {
      kind: 'slider',
      id: 'steps',
      label: t(lang, 'demo.steps'),
      min: 1,
      max: Math.max(s.steps, Math.min(200, most(sizesOf(s.options), 'steps'))),
      step: 1,
      value: s.steps,
    },
    seedButton(t(lang, 'demo.newData')),
  ];
}

/** One line per run: distinct colours, the second (and fourth) lr dashed, so pairs read at a glance. */
function runLines(s: DeadReluState, lang: Lang) {
  return drawn(s)
    .runs.flat()
    .map((r, index) => {
      const base = t(lang, 'demo.runLabel', { name: activationLabel(r.a), lr: formatParam(r.lr) });
      const diverged = r.run.divergedAt;
      const label = diverged === undefined ? base : t(lang, 'demo.runDiverged', { label: base, step: diverged });
      const below = belowZero(r.a.spec.bind(r.a.params));
      // Earlier activations are drawn wider, so where two runs coincide the later one shows inside the earlier.
      const activation = Math.floor(index / s.lrs.length);
      const later = s.options.activations.length - 1 - activation;
      const width = 2 + (2.5 * later) / Math.max(1, s.options.activations.length - 1);
      return { ...r, index, base, label, below, width, dashed: s.lrs.length > 1 && (index % s.lrs.length) % 2 === 1 };
    });
}

/** One drawn run to describe: its label, its run, and what a unit ≤ 0 on every sample is under its activation. */
export interface DescribedRun {
  label: string;
  run: DeadReluRun;
  below: BelowZero;
}

/** The sentence for one drawn run, computed from it. */
function runSentence(
  { label, run, below }: DescribedRun,
  targets: readonly number[],
  width: number,
  lang: Lang,
): string {
  const f = deadReluFacts(run, width);
  const args = { run: label, width, loss: formatNumber(f.finalLoss, 3), dead: f.finalDead };
  if (f.divergedAt !== undefined) return t(lang, 'demo.deadRelu.diverged', { run: label, step: f.divergedAt });
  if (below === 'dead') {
    if (f.allDeadFrom !== undefined)
      return t(lang, 'demo.deadRelu.allDead', {
        ...args,
        step: f.allDeadFrom,
        variance: formatNumber(variance(targets), 3),
      });
    return t(lang, f.finalDead === 0 ? 'demo.deadRelu.alive' : 'demo.deadRelu.someDead', args);
  }
  if (f.finalDead === 0) return t(lang, 'demo.deadRelu.noNegative', args);
  if (!f.deadStillLearn) return t(lang, 'demo.deadRelu.negativeStill', args);
  // The reason is stated only where it holds for every z ≤ 0: a line with a non-zero slope there.
  return t(lang, 'demo.deadRelu.leaky', { ...args, why: below === 'learning' ? t(lang, 'demo.deadRelu.slope') : '' });
}

/**
 * One computed sentence per drawn run (`label` names it), in `lang`. `targets` are the data's t, whose
 * variance is the lowest loss a net with every unit dead can reach.
 */
export function deadReluSummary(
  runs: readonly DescribedRun[],
  targets: readonly number[],
  width: number,
  lang: Lang,
): string {
  // Each item is a full sentence; Chinese sentences end in 。 and need no space between them.
  return runs.map((r) => runSentence(r, targets, width, lang)).join(lang === 'zh' ? '' : ' ');
}

/** The batch's outcomes per activation × lr (`labels` in the same order as the runs); nothing until it is complete. */
function batchSummary(s: DeadReluState, labels: readonly string[], lang: Lang): string[] {
  const done = s.batch.filter((b): b is SeedRuns => b !== undefined);
  if (done.length < s.count) return [];
  const items = drawn(s)
    .runs.flat()
    .map((r, n) => {
      const [i, k] = [Math.floor(n / s.lrs.length), n % s.lrs.length];
      const c = tally(
        done.map((b) => b.runs[i][k].run),
        s.options.width,
      );
      const below = belowZero(r.a.spec.bind(r.a.params));
      return t(lang, below === 'dead' ? 'demo.deadRelu.batchDead' : 'demo.deadRelu.batchNegative', {
        run: labels[n],
        diverged: c.diverged,
        all: c.all,
        some: c.some,
        negative: c.all + c.some,
        none: c.none,
      });
    });
  return [
    t(lang, 'demo.deadRelu.batch', {
      count: s.count,
      from: s.seed,
      to: s.seed + s.count - 1,
      items: items.join(t(lang, 'demo.clauses')),
    }),
  ];
}

/** The whole summary: the batch's distribution, which draw is shown, then the drawn runs' sentences. */
function summary(s: DeadReluState, lines: ReturnType<typeof runLines>, lang: Lang): string {
  const described = deadReluSummary(
    lines.map((l) => ({ label: l.base, run: l.run, below: l.below })),
    drawn(s).data.t,
    s.options.width,
    lang,
  );
  if (s.count === 1) return described;
  const which = t(lang, 'demo.deadRelu.drawn', { seed: s.seed + s.index, position: s.index + 1, count: s.count });
  return [
    ...batchSummary(
      s,
      lines.map((l) => l.base),
      lang,
    ),
    which,
    described,
  ].join(lang === 'zh' ? '' : ' ');
}

function view(s: DeadReluState, env: BlockEnv): BlockView {
  const lang = env.lang;
  const { width } = s.options;
  const lines = runLines(s, lang);
  const stepsAxis = {
    type: 'linear' as const,
    min: 0,
    max: s.steps,
    integer: true,
    step: Math.max(1, niceStep(s.steps)),
    title: t(lang, 'demo.step'),
  };
  const xs = (r: DeadReluRun) => r.loss.map((_, i) => i);
  const line = (l: (typeof lines)[number], y: number[], prefix: string): LineModel => ({
    id: `${prefix}${l.index}`,
    label: l.label,
    colorIndex: l.index,
    dashed: l.dashed,
    width: l.width,
    dots: s.steps <= 30,
    x: xs(l.run),
    y,
  });
  // A diverging run's last losses can reach 1e300; scale the axis to the others and let it leave the top.
  const steady = lines.filter((l) => l.run.divergedAt === undefined);
  const [min, max] = decadeRange(
    (steady.length ? steady : lines).flatMap((l) => l.run.loss).concat(lines.map((l) => l.run.loss[0] ?? NaN)),
  );
  const sep = t(lang, 'problem.listSeparator');
  const about = (ls: typeof lines) => ({
    width,
    names: [...new Set(ls.map((l) => activationLabel(l.a)))].join(sep),
    lrs: s.lrs.map(formatParam).join(sep),
  });
  const charts: { chart: LineChartModel; kind: 'loss' | 'dead' | 'negative' }[] = [
    {
      kind: 'loss',
      chart: {
        x: stepsAxis,
        y: { type: 'logarithmic', min, max, title: t(lang, 'demo.lossAxis') },
        lines: lines.map((l) => line(l, positiveOrGap(l.run.loss), 'loss')),
        bands: [],
        markers: [],
        zeroAxes: false,
        description: t(lang, 'chart.deadReluLoss', about(lines)),
      },
    },
  ];
  // Units ≤ 0 on every sample are dead only where f′ = 0 below 0; LeakyReLU's keep learning, so they get their own chart.
  for (const [kind, key, axisKey] of [
    ['dead', 'chart.deadReluDead', 'demo.deadAxis'],
    ['negative', 'chart.deadReluNegative', 'demo.negativeAxis'],
  ] as const) {
    const ls = lines.filter((l) => l.below === (kind === 'dead' ? 'dead' : 'learning'));
    if (ls.length === 0) continue;
    charts.push({
      kind,
      chart: {
        x: stepsAxis,
        y: {
          type: 'linear',
          min: 0,
          max: width,
          integer: true,
          step: countStep(width),
          title: t(lang, axisKey, { width }),
        },
        lines: ls.map((l) => line(l, l.run.dead, kind)),
        bands: [],
        markers: [],
        zeroAxes: false,
        description: t(lang, key, about(ls)),
      },
    });
  }
  return {
    charts: charts.map((c) => c.chart),
    legend: lines.map((l) => ({ label: l.label, colorIndex: l.index, dashed: l.dashed })),
    controls: controls(s, lang),
    summary: summary(s, lines, lang),
    readout: (chart, x) => {
      const step = Math.min(s.steps, Math.max(0, Math.round(x)));
      const kind = charts[chart]?.kind ?? 'loss';
      const value = (r: DeadReluRun) =>
        step >= r.loss.length
          ? t(lang, 'demo.divergedShort')
          : kind === 'loss'
            ? formatNumber(r.loss[step], 4)
            : t(lang, 'demo.deadOf', { dead: r.dead[step], width });
      const shown = kind === 'loss' ? lines : lines.filter((l) => l.below === (kind === 'dead' ? 'dead' : 'learning'));
      const heading =
        kind === 'loss' ? 'demo.readoutLoss' : kind === 'dead' ? 'demo.readoutDead' : 'demo.readoutNegative';
      return {
        heading: t(lang, heading, { step }),
        rows: shown.map((l) => ({ label: l.base, value: value(l.run), colorIndex: l.index, dashed: l.dashed })),
      };
    },
    csv: () =>
      csvOf(
        [
          'step',
          ...lines.flatMap((l) => [`${l.base} loss`, `${l.base} ${l.below === 'dead' ? 'dead' : 'units <= 0'}`]),
        ],
        Array.from({ length: s.steps + 1 }, (_, i) => [
          i,
          ...lines.flatMap((l) => [l.run.loss[i] ?? NaN, l.run.dead[i] ?? NaN]),
        ]),
      ),
  };
}

/** A tick step dividing `width` into about four parts, so the top tick is the width itself (0, 8, …, 32). */
function countStep(width: number): number {
  const parts = [4, 5, 3, 6, 8, 7].find((p) => width % p === 0);
  return parts ? width / parts : Math.max(1, Math.round(niceStep(width, 4)));
}

function control(s: DeadReluState, id: string, value: number | string): DeadReluState {
  // "new data" shows the next draw of the batch (trained now if the background has not reached it).
  if (id === SEED_CONTROL) return compute(s.options, s.lrs, s.steps, s.seed, (s.index + 1) % s.count, s);
  if (typeof value !== 'number' || !Number.isFinite(value)) return s;
  if (id === 'steps')
    return value >= 1
      ? compute(s.options, s.lrs, Math.min(Math.round(value), most(sizesOf(s.options), 'steps')), s.seed, s.index, s)
      : s;
  const k = /^lr(\d+)$/.exec(id) ? Number(id.slice(2)) : -1;
  if (k < 0 || k >= s.lrs.length || !(value >= MIN_LR)) return s;
  const lrs = s.lrs.slice();
  lrs[k] = value;
  return compute(s.options, lrs, s.steps, s.seed, s.index, s);
}

/** The ```dead-relu block kind. */
export const deadReluBlock: BlockKind<DeadReluOptions, DeadReluState> = {
  language: 'dead-relu',
  schema: deadReluSchema,
  insert: { name: 'command.insertDeadRelu', keys: ['activations', 'lr', 'steps'] },
  parse,
  init: (options) => compute(options, options.lr, options.steps, options.seed, 0),
  view,
  control,
  background,
};
