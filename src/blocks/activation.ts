/** ```activation: activation functions and their derivatives, with parameter sliders and teaching overlays. */
import type { AxisModel, BandModel, LineChartModel, LineModel, MarkerModel } from './line-chart-model';
import { formatNumber } from '../core/plot/format';
import { SATURATION_FRACTION, type Overlays } from '../core/plot/overlays';
import { ok, type Result } from '../core/result';
import { fitRange, sampleGrid, type SampledFunction } from '../core/plot/sampling';
import { runToEnd } from '../core/engines/steps';
import { LIMITS, type Settings } from '../core/settings';
import { niceRange, niceStep } from '../core/plot/ticks';
import { t, type Lang } from '../i18n';
import { activationLabel, withParam, workWeight, type NamedActivation } from './activation-list';
import type { BlockEnv, BlockKind, BlockView, CommonOptions, Control, ReadoutRow } from './block-kind';
import { commonSchema, finish, lineOf, parseContextLinks, parseWithActivations } from './common-options';
import { csvOf } from './csv';
import { markLegend } from './legend-marks';
import { propertiesTable } from './properties-table';
import type { FormulaFinding } from '../core/latex/check-note';
import { formulaOverlay, readFormulas } from './formula-lines';
import { activationRef } from './jobs/activation-ref';
import { hold, pendingJob, type Held } from './jobs/held';
import { INLINE_MS } from './jobs/job';
import { samplingRuns, type SampledCurve, type SamplingJob } from './jobs/sampling-job';
import { waitingView } from './jobs/waiting-view';

/** The keys of an ```activation block; defaults come from the user's settings. */
export function activationSchema(settings: Settings) {
  return {
    functions: { type: 'list', required: true, maxItems: 12 },
    /** The note's own functions, one definition per line, usable by name in `functions`. */
    define: { type: 'list', maxItems: 16, lines: true },
    derivative: { type: 'boolean', default: settings.derivative },
    x: { type: 'range', default: settings.xRange, limit: LIMITS.xLimit, minSpan: 1e-6 },
    y: { type: 'range', limit: 1e12, minSpan: 1e-9 },
    samples: { type: 'integer', default: settings.samples, min: LIMITS.samples.min, max: LIMITS.samples.max },
    sliders: { type: 'boolean', default: settings.sliders },
    overlays: { type: 'boolean', default: settings.overlays },
    properties: { type: 'boolean', default: settings.properties },
    /** Wiki-links to sections whose formulas are plotted beside torch's and checked against it. */
    formulas: { type: 'list', default: [], maxItems: 8 },
    ...commonSchema(settings),
  } as const;
}

/** Validated options of one ```activation block. */
export interface ActivationOptions extends CommonOptions {
  functions: NamedActivation[];
  derivative: boolean;
  x: [number, number];
  y?: [number, number];
  samples: number;
  sliders: boolean;
  overlays: boolean;
  properties: boolean;
  formulas: string[];
}

/** Interactive state: the options plus the functions as the sliders left them. */
interface ActivationState {
  options: ActivationOptions;
  functions: NamedActivation[];
  /**
   * The y range the chart showed before the latest slider move (itself widened from the one before). While
   * dragging, the axis only widens, never jumps back and forth, and an unchanged axis lets the chart skip its
   * layout pass.
   */
  yHold: [number, number] | null;
  /** The linked sections' formulas, once read (a string: a link that was not found). */
  found: (FormulaFinding | string)[];
  /** The curves a job sampled, with the job they answer. */
  held?: Held<SampledCurve[]>;
}

/**
 * ~0.25 µs per point of f and f′ of a torch function (`workWeight` 1) on a 2-core laptop; the overlays cost about
 * 100 points' worth per function, the properties about 3600: a block's expected main-thread time, in ms.
 */
const MS_PER_POINT = 2.5e-4;

function expectedMs({ options: o, functions }: ActivationState): number {
  const points = o.samples + (o.overlays ? 100 : 0) + (o.properties ? 3600 : 0);
  return MS_PER_POINT * points * functions.reduce((sum, a) => sum + workWeight(a), 0);
}

/** The state's sampling as plain data, for a worker or main-thread slices. */
function jobOf(s: ActivationState): SamplingJob {
  const { x, samples, overlays, properties } = s.options;
  const functions = s.functions.map(activationRef);
  return { kind: 'sampling', functions, x, samples, overlays, properties, expectedMs: expectedMs(s) };
}

/** The sampling a job delivered for this state, else sampled now (a cheap block, or no runner: Node, tests). */
function curvesOf(s: ActivationState): SampledCurve[] {
  if (s.held && !pendingJob(jobOf(s), s.held)) return s.held.result;
  const o = s.options;
  return runToEnd(samplingRuns(s.functions, o.x, o.samples, o.overlays, o.properties));
}

function parse(source: string, env: BlockEnv): Result<ActivationOptions> {
  const parsed = parseWithActivations(source, activationSchema(env.settings), 'functions');
  if (!parsed.ok) return parsed;
  const { options: o, entries, activations: functions } = parsed.value;
  const formulas = parseContextLinks(o.formulas, lineOf(entries, 'formulas'));
  if (!formulas.ok) return finish(parsed.value, formulas);
  const { define: _define, ...rest } = o;
  return finish(parsed.value, ok({ ...rest, functions, formulas: formulas.value }));
}

/** Sliders for every numeric parameter; ranges widen to include the value the block set. */
function sliders(state: ActivationState, lang: Lang): Control[] {
  if (!state.options.sliders) return [];
  return state.functions.flatMap((a, i) =>
    a.spec.params
      .filter((p) => p.kind === 'number' && p.slider)
      .map((p): Control => {
        const value = a.params[p.name] as number;
        const s = p.slider as { min: number; max: number; step: number };
        return {
          kind: 'slider',
          id: `${i}:${p.name}`,
          label: t(lang, 'slider.param', { name: a.spec.name, param: p.name }),
          min: Math.min(s.min, value),
          max: Math.max(s.max, value),
          step: s.step,
          value,
        };
      }),
  );
}

function overlaysOf(
  a: NamedActivation,
  o: Overlays,
  sampled: SampledFunction,
  colorIndex: number,
  lang: Lang,
  single: boolean,
): { bands: BandModel[]; markers: MarkerModel[] } {
  const name = a.spec.name;
  // One function: full-height shading. Several: one thin strip per function along the bottom, so shadings never pile up.
  const bands = o.bands.map((b) => ({
    from: b.from,
    to: b.to,
    colorIndex,
    ...(single ? {} : { lane: colorIndex }),
    label: t(lang, b.kind === 'dead' ? 'overlay.deadZoneOf' : 'overlay.saturationOf', { name }),
    legend: t(lang, b.kind === 'dead' ? 'legend.deadZone' : 'legend.saturation'),
  }));
  const markers: MarkerModel[] = [];
  if (o.peak) {
    markers.push({
      x: o.peak.x,
      y: o.peak.df,
      colorIndex,
      shape: 'dot',
      legend: t(lang, 'legend.peak'),
      label: t(lang, 'overlay.peakOf', { name, value: formatNumber(o.peak.df, 4) }),
    });
  }
  for (const c of sampled.conventions) {
    markers.push({
      x: c.x,
      y: c.df,
      colorIndex,
      shape: 'ring',
      legend: t(lang, 'legend.convention'),
      label: single
        ? t(lang, 'overlay.convention', { name, x: formatNumber(c.x, 4), value: formatNumber(c.df, 4) })
        : undefined,
    });
  }
  return { bands, markers };
}

/** Under the pointer inside a shaded band: which rule shaded it, with this function's own peak. */
function overlayRows(name: string, o: Overlays | undefined, x: number, colorIndex: number, lang: Lang): ReadoutRow[] {
  const band = o?.bands.find((b) => x >= b.from && x <= b.to);
  if (!band) return [];
  const value =
    band.kind === 'dead'
      ? t(lang, 'overlay.deadRule')
      : t(lang, 'overlay.saturationRule', {
          percent: formatNumber(100 * SATURATION_FRACTION),
          peak: formatNumber(o?.saturationPeak ?? NaN, 4),
        });
  return [{ label: name, value, colorIndex }];
}

function axis(range: readonly [number, number], fixed: boolean): AxisModel {
  if (fixed) return { type: 'linear', min: range[0], max: range[1], step: niceStep(range[1] - range[0]) };
  const n = niceRange(range[0], range[1]);
  return { type: 'linear', min: n.min, max: n.max, step: n.step };
}

/** The y range the chart fits to its curves (before nice rounding), widened to `yHold` while a slider is held. */
function fittedY(state: ActivationState, sampled: readonly SampledFunction[]): [number, number] {
  const fit = fitRange(sampled.flatMap((s) => (state.options.derivative ? [s.f, s.df] : [s.f])));
  const hold = state.yHold;
  return hold ? [Math.min(hold[0], fit[0]), Math.max(hold[1], fit[1])] : fit;
}

function view(state: ActivationState, env: BlockEnv): BlockView {
  const { options: o, functions } = state;
  const lang = env.lang;
  const lines: LineModel[] = [];
  const bands: BandModel[] = [];
  const markers: MarkerModel[] = [];
  const bound = functions.map((a) => ({ a, ...a.spec.bind(a.params), label: activationLabel(a) }));
  const curves = curvesOf(state);
  const samples = curves.map((c) => c.sampled);
  const overlays = curves.map((c) => c.overlays);
  // Legend and description name the functions as the sliders left them (relabelled in place, text only).
  const names = bound.map((b) => b.label);
  const note = formulaOverlay(state.found, o.x, o.samples, functions.length, lang);
  bound.forEach(({ a }, i) => {
    const sampled = samples[i];
    lines.push({ id: `f${i}`, label: a.spec.name, colorIndex: i, x: sampled.f.x, y: sampled.f.y });
    if (o.derivative)
      lines.push({
        id: `df${i}`,
        label: `${a.spec.name}′`,
        colorIndex: i,
        dashed: true,
        x: sampled.df.x,
        y: sampled.df.y,
      });
    const ov = overlays[i] && overlaysOf(a, overlays[i], sampled, i, lang, functions.length === 1);
    if (ov) {
      bands.push(...ov.bands);
      if (o.derivative) markers.push(...ov.markers);
    }
  });
  lines.unshift(...note.lines);
  bands.push(...note.bands);
  const fit = fittedY(state, samples);
  fittedOf.set(state, fit);
  const noteFit = fitRange(note.lines);
  const chart: LineChartModel = {
    x: axis(o.x, true),
    y: axis(
      o.y ?? (note.lines.length ? [Math.min(fit[0], noteFit[0]), Math.max(fit[1], noteFit[1])] : fit),
      o.y !== undefined,
    ),
    lines,
    bands,
    markers,
    zeroAxes: true,
    description: t(lang, o.derivative ? 'chart.activationWithDerivative' : 'chart.activation', {
      names: names.join(', '),
      from: formatNumber(o.x[0]),
      to: formatNumber(o.x[1]),
    }),
  };
  return {
    charts: [chart],
    legend: [
      ...names.map((label, i) => ({ label, colorIndex: i })),
      ...note.lines.map((l) => ({ label: l.label, colorIndex: l.colorIndex, dashed: l.dashed })),
      ...(o.derivative
        ? [{ label: t(lang, 'legend.solidF') }, { label: t(lang, 'legend.dashedDf'), dashed: true }]
        : []),
      ...markLegend([chart]),
    ],
    controls: sliders(state, lang),
    ...(o.properties
      ? {
          table: propertiesTable(
            functions,
            lang,
            curves.map((c) => c.properties!),
          ),
        }
      : {}),
    ...(o.formulas.length ? { summary: note.summary } : {}),
    readout: (_chart, x) => ({
      heading: `x = ${formatNumber(x, 5)}`,
      rows: bound.flatMap((b, i): ReadoutRow[] => [
        { label: `${b.a.spec.name}(x)`, value: formatNumber(b.f(x)), colorIndex: i },
        ...(o.derivative
          ? [{ label: `${b.a.spec.name}′(x)`, value: formatNumber(b.df(x)), colorIndex: i, dashed: true }]
          : []),
        ...overlayRows(b.a.spec.name, overlays[i], x, i, lang),
      ]),
    }),
    csv: () => {
      const xs = sampleGrid(o.x, o.samples, []);
      const header = ['x', ...bound.flatMap((b) => (o.derivative ? [b.label, `${b.label}′`] : [b.label]))];
      return csvOf(
        header,
        xs.map((x) => [x, ...bound.flatMap((b) => (o.derivative ? [b.f(x), b.df(x)] : [b.f(x)]))]),
      );
    },
  };
}

/** The y range each state's view fitted (held range included), so a slider move need not sample again. */
const fittedOf = new WeakMap<ActivationState, [number, number]>();

function control(state: ActivationState, id: string, value: number | string): ActivationState {
  const [index, param] = id.split(':');
  const i = Number(index);
  const a = state.functions[i];
  if (!a || typeof value !== 'number' || !isFinite(value)) return state;
  const functions = state.functions.slice();
  functions[i] = withParam(a, param, value);
  // Every move holds what the chart showed before it, so the axis only widens during a drag: dragging back
  // keeps it (and the chart repaints its plot area alone instead of laying its axes out again). A state never
  // shown (a move within the same frame, or one a newer job superseded) adds nothing to it.
  return { ...state, functions, yHold: fittedOf.get(state) ?? state.yHold };
}

/** The ```activation block kind. */
export const activationBlock: BlockKind<ActivationOptions, ActivationState> = {
  language: 'activation',
  schema: activationSchema,
  parse,
  init: (options) => ({ options, functions: options.functions, yHold: null, found: [] }),
  linked: (state, texts) => ({ ...state, found: readFormulas(state.options.formulas, texts, state.options.x) }),
  view,
  control,
  // A block sampled within the 2 ms rule is drawn at once, as it always was; a longer one samples as a job.
  job: (s) => (expectedMs(s) > INLINE_MS ? pendingJob(jobOf(s), s.held) : null),
  received: (s, result) => ({ ...s, held: hold(jobOf(s), result as SampledCurve[]) }),
  placeholder: (s, { lang }) =>
    waitingView(sliders(s, lang), `${t(lang, 'demo.jobProgress')} ${s.functions.map(activationLabel).join(', ')}`),
};
