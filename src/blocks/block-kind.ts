/**
 * The contract every code-block kind fulfils: source text → options (or a problem) → state → view.
 * Kinds are pure (no DOM, no Obsidian); the glue renders their views and feeds control changes back.
 */
import type { LineChartModel } from './line-chart-model';
import type { Problem, Result } from '../core/result';
import type { Settings } from '../core/settings';
import type { Schema } from '../core/syntax/options';
import type { Lang, MessageKey } from '../i18n';
import type { Job } from './jobs/job';

/** What a kind may read besides its source: the user's settings and the reader's language. */
export interface BlockEnv {
  settings: Settings;
  lang: Lang;
}

/** A range input with a live value label. */
export interface SliderControl {
  kind: 'slider';
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** `log`: the track is logarithmic (learning rates from 0.001 to 1), min and max must be > 0. */
  scale?: 'log';
}

/** A drop-down. */
export interface SelectControl {
  kind: 'select';
  id: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
}

/** A push button (never writes to the note). */
export interface ButtonControl {
  kind: 'button';
  id: string;
  label: string;
}

/** Any control a block shows under its chart. */
export type Control = SliderControl | SelectControl | ButtonControl;

/** One row of the hover read-out. */
export interface ReadoutRow {
  label: string;
  value: string;
  colorIndex?: number;
  dashed?: boolean;
}

/** How a legend swatch is drawn: a line sample, a shaded patch, or a marker's shape. */
export type LegendMark = 'line' | 'band' | 'dot' | 'ring' | 'star';

/**
 * A legend entry, drawn as the chart draws it: a series (its colour, solid or dashed) or a style key in the
 * text colour ("dashed: f′(x)", "shaded: saturation") when `colorIndex` is absent.
 */
export interface LegendEntry {
  label: string;
  colorIndex?: number;
  /** `line` when absent. */
  mark?: LegendMark;
  /** A dashed swatch (a reference line or a derivative rather than a series). */
  dashed?: boolean;
  /** Thin and translucent, like a reference line. */
  faint?: boolean;
}

/** A table of text cells under the charts (real HTML cells: copyable, read by screen readers). */
export interface TableView {
  className: string;
  head: string[];
  rows: string[][];
  /** A line under the table: how its values were found. */
  note?: string;
}

/** Everything the glue draws for one block state. */
export interface BlockView {
  charts: LineChartModel[];
  legend: LegendEntry[];
  controls: Control[];
  /** A computed one-line conclusion in the reader's language (gradient demos). */
  summary?: string;
  table?: TableView;
  /** Read-out for the pointer at data-space x over chart `chartIndex`. */
  readout(chartIndex: number, x: number): { heading: string; rows: ReadoutRow[] };
  /** The drawn data as CSV (export). */
  csv(): string;
}

/** Keys every kind accepts besides its own. */
export interface CommonOptions {
  /** Problems of optional keys, shown above the chart, which drew with their defaults. */
  warnings?: Problem[];
  title?: string;
  caption?: string;
  context: string[];
  /** Wiki-links to sections whose formulas the block plots and checks (```activation's `formulas`). */
  formulas?: string[];
  height: number;
}

/**
 * An "Insert …" command for a kind: the command's name (a string-table key) and the keys the inserted example
 * sets, each to its schema default; the block fills in the rest.
 */
export interface InsertCommand {
  name: MessageKey;
  keys: readonly string[];
}

/**
 * One code-block language: ```activation, ```gradient-flow, … A kind declares what it is (fence language,
 * schema, insert command) the way a Chart.js controller declares its `id` and `defaults`; the plugin derives the
 * code-block processor and the command from the declaration. A new kind is its file plus one line in index.ts.
 */
export interface BlockKind<Options extends CommonOptions, State> {
  /** The fence language, e.g. `activation`. */
  language: string;
  /** The keys a block takes, with bounds and defaults (`height` follows the user's setting). */
  schema(settings: Settings): Schema;
  /** The kind's "Insert …" command, when it has a plain one (the activation chart has a picker instead). */
  insert?: InsertCommand;
  /** Parses and validates the block's source. */
  parse(source: string, env: BlockEnv): Result<Options>;
  /** The interactive state the options start from. */
  init(options: Options, env: BlockEnv): State;
  /** The view of a state (pure; called again after each control change). */
  view(state: State, env: BlockEnv): BlockView;
  /** The state after a control moved; `value` is the slider/select value (ignored for buttons). */
  control(state: State, id: string, value: number | string): State;
  /**
   * One short slice of deferred work (e.g. one more seed of a batch), or null when none is left. The shell
   * calls it on a timer after init and after every control change, redrawing after each slice.
   */
  background?(state: State): State | null;
  /**
   * The long work `view(state)` needs, as a plain-data job (the shell runs it in a worker or in slices), or null
   * when the state holds its results. `view` of a state without them computes them at once.
   */
  job?(state: State): Job | null;
  /** The state with the result of its job. */
  received?(state: State, result: unknown): State;
  /** The view while the first job runs: the charts' frames and the controls, nothing computed. */
  placeholder?(state: State, env: BlockEnv): BlockView;
  /** The state once the texts of the `formulas` links are read (null: not found); again whenever they change. */
  linked?(state: State, texts: readonly (string | null)[], env: BlockEnv): State;
}

/** A kind with its type parameters erased, for registries (method parameters are bivariant, so every kind fits). */
export type AnyBlockKind = BlockKind<CommonOptions, unknown>;
