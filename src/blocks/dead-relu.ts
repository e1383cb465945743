/** ```dead-relu: training loss and dead hidden units per step, one line per activation × learning rate. */
import type { LineChartModel, LineModel } from './line-chart-model';
import type { DeadReluRun } from '../core/engines/dead-relu/dead-relu';
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
import { commonSchema, finish, parseWithActivations } from './common-options';
import { csvOf } from './csv';
import { mostThatFits, type WorkBudget } from './work-budget';
import { jobResult } from './jobs';
import { activationRef } from './jobs/activation-ref';
import type { DeadReluRunInput } from './jobs/engine-runs';
import type { RunsJob } from './jobs/job';
import { waitingView } from './jobs/waiting-view';
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

/** Largest values the schema admits. */
const LIMITS_OF = { steps: 1000, width: 256, samples: 1024 } as const;

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
  /** runs[i][k]: activation i at learning rate k; undefined until a job trained it. */
  runs: (Run | undefined)[][];
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
  /** batch[j]: seed + j at `lrs` for `steps`, its runs trained by jobs (the drawn seed's first). */
  batch: SeedRuns[];
}

/** The draw the charts show (trained: the view fills it in first). */
function drawn(s: DeadReluState): { seed: number; data: DeadReluData; runs: Run[][] } {
  return s.batch[s.index] as { seed: number; data: DeadReluData; runs: Run[][] };
}

/** How many seeds the batch can hold within BATCH_WORK at this schedule (at least the drawn one). */
function batchSize(o: DeadReluOptions, lrs: readonly number[], steps: number): number {
  const perSeed = perUnit(o) * lrs.length * o.samples * o.width * steps;
  return Math.max(1, mostThatFits(BATCH_WORK, { seeds: BATCH, perSeed }, 'seeds', BATCH));
}

/** Weighted cost of one unit-update summed over the activations: fused passes 1, generic ones more (`workWeight`). */
function perUnit(o: DeadReluOptions): number {
  const cost = (a: NamedActivation) =>
    a.spec.bind(a.params).negativeSlope !== undefined ? 1 : GENERIC_COST * workWeight(a);
  return o.activations.reduce((sum, a) => sum + cost(a), 0);
}

function parse(source: string, env: BlockEnv): Result<DeadReluOptions> {
  const parsed = parseWithActivations(source, deadReluSchema(env.settings), 'activations');
  if (!parsed.ok) return parsed;
  const { options: o, activations } = parsed.value;
  return finish(parsed.value, ok({ ...o, activations }));
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

/**
 * The state for a schedule: every run of `prev`'s batch (the same seeds) kept where its lr is unchanged, cut
 * short where only steps fell; the rest are left to jobs, the drawn seed's first.
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
  const batch = Array.from({ length: count }, (_, j): SeedRuns => {
    const old = same ? prev.batch[j] : undefined;
    if (old && prev?.steps === steps && lrs.every((lr, k) => prev.lrs[k] === lr)) return old;
    const data = old ? old.data : deadReluData(seed + j, { n: options.samples, width: options.width });
    const runs = options.activations.map((_a, i) =>
      lrs.map((lr, k) => {
        if (!old || prev?.lrs[k] !== lr || prev.steps < steps) return undefined;
        const r = old.runs[i][k];
        return r && prev.steps > steps ? truncate(r, steps) : r;
      }),
    );
    return { seed: seed + j, data, runs };
  });
  return { options, lrs, steps, seed, count, index: index % count, batch };
}

/** ~20 ns per weighted unit-update on a 2-core laptop: a job's expected main-thread time, in ms. */
const MS_PER_UNIT = 2e-5;

/** The seed the next job trains: the drawn one until it is complete, then the first incomplete one (−1: none). */
function nextSeedIndex(s: DeadReluState): number {
  const incomplete = (b: SeedRuns) => b.runs.some((r) => r.includes(undefined));
  return incomplete(s.batch[s.index]) ? s.index : s.batch.findIndex(incomplete);
}

/** The runs of the next seed not trained yet, as a job; null when the batch is complete. */
function job(s: DeadReluState): RunsJob<'dead-relu', DeadReluRunInput> | null {
  const j = nextSeedIndex(s);
  if (j < 0) return null;
  const o = s.options;
  const runs = s.options.activations.flatMap((a, i) =>
    s.lrs.flatMap((lr, k) => {
      if (s.batch[j].runs[i][k]) return [];
      const { samples, width } = o;
      return [{ activation: activationRef(a), seed: s.seed + j, samples, width, lr, steps: s.steps }];
    }),
  );
  // Each activation's cost, times the runs of it still to train.
  const weights = o.activations.map((a) => perUnit({ ...o, activations: [a] }));
  const units = weights.reduce((sum, w, i) => sum + w * s.batch[j].runs[i].filter((r) => !r).length, 0);
  const expectedMs = units * o.samples * o.width * s.steps * MS_PER_UNIT;
  return { kind: 'dead-relu', runs, expectedMs, ...(j === s.index ? {} : { background: true }) };
}

/** The state with the runs `job(s)` trained. */
function received(s: DeadReluState, result: unknown): DeadReluState {
  const j = nextSeedIndex(s);
  const trained = (result as DeadReluRun[]).slice();
  const runs = s.batch[j].runs.map((row, i) =>
    row.map((r, k) => r ?? { a: s.options.activations[i], lr: s.lrs[k], run: trained.shift() as DeadReluRun }),
  );
  const batch = s.batch.slice();
  batch[j] = { ...batch[j], runs };
  return { ...s, batch };
}

/** States whose drawn seed the view trained at once (no runner: Node, tests), so the background goes on from there. */
const filledStates = new WeakMap<DeadReluState, DeadReluState>();

/** The state with its drawn seed trained (at once, if no job delivered it). */
function filled(s: DeadReluState): DeadReluState {
  const next = job(s);
  if (!next || next.background) return s;
  let f = filledStates.get(s);
  if (!f) filledStates.set(s, (f = received(s, jobResult(next))));
  return f;
}

/** Trains the next seed of the batch at once; null when the batch is complete (no runner: jobs do it otherwise). */
function background(s: DeadReluState): DeadReluState | null {
  const f = filled(s);
  const next = job(f);
  return next ? received(f, jobResult(next)) : f === s ? null : f;
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
      max: Math.max(s.steps, 200),
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
  if (s.batch.some((b) => b.runs.some((r) => r.includes(undefined)))) return [];
  const done = s.batch as { runs: Run[][] }[];
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

function view(state: DeadReluState, env: BlockEnv): BlockView {
  const s = filled(state);
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
  if (typeof value !== 'number' || !isFinite(value)) return s;
  if (id === 'steps')
    return value >= 1 ? compute(s.options, s.lrs, Math.min(Math.round(value), LIMITS_OF.steps), s.seed, s.index, s) : s;
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
  job,
  received,
  placeholder: (s, env) =>
    waitingView(
      controls(s, env.lang),
      t(env.lang, 'demo.training', {
        names: s.options.activations.map(activationLabel).join(t(env.lang, 'problem.listSeparator')),
      }),
    ),
};
