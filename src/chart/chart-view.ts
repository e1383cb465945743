/**
 * One chart in one box: owns the canvas and the Chart.js instance (create, update in place, release,
 * destroy) and sizes it itself with one ResizeObserver, instead of Chart.js's `responsive` mode, whose
 * document-wide MutationObserver costs every DOM change in Obsidian (measured by `npm run bench`).
 */
import type { Chart } from 'chart.js';
import { buildChartConfig } from './chart-config';
import type { AxisModel, LineChartModel } from '../blocks/line-chart-model';
import { crosshairPlugin, type CrosshairListener, type CrosshairPlugin } from './plugins/crosshair';
import {
  decorationsPlugin,
  paintDecorations,
  planDecorations,
  type DecorationPlan,
  type DecorationState,
} from './plugins/decorations';
import { plotInk } from './plot-ink';
import type { LabelLayout } from './plugins/labels';
import { onlyBoundsDiffer, setBounds } from './axis-range';
import { repaintPlotArea } from './plot-frame';
import { followPointer } from './pointer';
import { ownWindow } from './own-window';
import { ensureChartRegistered } from './register';
import type { Theme } from './theme';

/** A chart that can be drawn, updated, released (canvas freed, box kept) and destroyed. */
export class ChartView {
  private chart: Chart<'line'> | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private model: LineChartModel | null = null;
  private theme: Theme | null = null;
  private readonly resizeObserver: ResizeObserver;
  private lastWidth = 0;
  /** What the canvas shows now, to tell a data-only update from a restyle. */
  private drawn: { model: LineChartModel; theme: Theme } | null = null;
  private crosshair: CrosshairPlugin | null = null;
  /** The sample the keyboard put the crosshair on, if it did. */
  private keyIndex: number | null = null;
  /** True when draw() was asked for while the box was detached: the ResizeObserver draws once it has a size. */
  private waitingForSize = false;
  /** Set while Chart.js lays out without drawing (a spread update); the drawing follows at the next frame. */
  private layoutOnly = false;
  private pendingRender: number | null = null;
  /** Stops following the pointer over the canvas. */
  private unfollow: (() => void) | null = null;
  /** Where the plot area holds ink that can change (curves, labels, markers, the crosshair), as last painted. */
  private readonly ink = plotInk();

  /** `box` must have its height reserved by CSS before the first draw (no scroll jump). */
  constructor(
    private readonly box: HTMLElement,
    private readonly onHover?: CrosshairListener,
    private readonly onLabels?: (layout: LabelLayout) => void,
    /** Least y-axis width, for charts stacked in one block (their x axes then line up). */
    private readonly yWidth?: number,
    /** The chart stays still while its block shows progress (a demo computing): draw it desynchronized. */
    private readonly stillWhileComputing = false,
  ) {
    // The box's own window: in a popout, observers and the pixel ratio of the main window are the wrong ones.
    this.resizeObserver = new (ownWindow(box).ResizeObserver)(() => this.fitToBox());
    this.resizeObserver.observe(box);
  }

  /** The canvas, while drawn (for export). */
  get canvasEl(): HTMLCanvasElement | null {
    return this.canvas;
  }

  /**
   * Remembers what to draw; draws now if `drawNow`, else waits for `draw()` (lazy drawing). With `spread`, an
   * update that needs a new layout lays out now and draws at the next frame: two frames of half the work each.
   */
  setContent(model: LineChartModel, theme: Theme, drawNow: boolean, spread = false): void {
    this.model = model;
    this.theme = theme;
    if (this.chart) this.updateInPlace(spread);
    else if (drawNow) this.draw(spread);
  }

  /** Draws the remembered content if it is not drawn yet; with `spread`, lays it out now and draws it at the next frame. */
  draw(spread = false): void {
    if (this.chart || !this.model || !this.theme) return;
    // A box not in the document yet (Obsidian hands a block its element before attaching it) draws when the
    // ResizeObserver reports its size: drawing at 1×1 first meant laying out and drawing twice, and allocating
    // the canvas's pixels twice, the costliest step of a chart. An attached box draws now, even hidden (export).
    this.waitingForSize = !this.box.isConnected;
    if (this.waitingForSize) return;
    const width = Math.max(1, Math.floor(this.box.clientWidth));
    const height = Math.max(1, Math.floor(this.box.clientHeight));
    const Chart = ensureChartRegistered();
    const canvas = this.box.createEl('canvas', { cls: 'activation-lab-canvas' });
    canvas.setAttr('role', 'img');
    canvas.setAttr('aria-label', this.model.description);
    canvas.width = width;
    canvas.height = height;
    // Desynchronized: Chromium hands the compositor the canvas's own image. Otherwise, on software compositing (no GPU,
    // or Obsidian's hardware acceleration off, as in the bench), every commit, e.g. a progress bar moving, makes a fresh
    // resource from the unchanged canvas, now and then by copying all its pixels: 10–15 ms tasks in a trace. Only for
    // demo charts: it made each of a 50-chart note's activation charts ~1 ms dearer at devicePixelRatio 1 (bench),
    // and those show no progress. Chart.js then gets this context from getContext('2d').
    if (this.stillWhileComputing) canvas.getContext('2d', { desynchronized: true });
    const config = buildChartConfig(this.model, this.theme, this.box.win.devicePixelRatio || 1, this.yWidth);
    const crosshair = (this.crosshair = crosshairPlugin(
      (x) => this.onHover?.(x),
      () => (this.theme as Theme).muted,
      () => this.repaintPlot(),
    ));
    // One plugin object for all our hooks: Chart.js resolves options and keeps a descriptor per plugin, work a first
    // chart pays for each. No two of these hooks share a name, so each is called as with separate plugins.
    config.plugins = [
      {
        ...decorationsPlugin(
          () => this.decorationState(),
          (chart, plan) => this.ink.painted(chart, this.frameOf(this.decorationState(), plan)),
        ),
        id: 'activationLab',
        afterDraw: (chart) => crosshair.paint(chart),
        beforeRender: () => !this.layoutOnly,
      },
    ];
    this.canvas = canvas;
    this.layoutOnly = spread;
    try {
      this.chart = new Chart(canvas, config);
    } finally {
      this.layoutOnly = false;
    }
    if (spread) this.pendingRender ??= this.box.win.requestAnimationFrame(() => this.renderPending());
    this.unfollow = followPointer(canvas, (at) => {
      if (this.chart && this.crosshair) this.crosshair.follow(this.chart, at);
    });
    this.lastWidth = width;
    this.drawn = { model: this.model, theme: this.theme };
  }

  /** The device pixels per CSS pixel the canvas was sized at, while drawn. */
  get pixelRatio(): number | null {
    return this.chart?.currentDevicePixelRatio ?? null;
  }

  /** The canvas as it is, and where it is on screen (the export's image). Null while not drawn. */
  exportPart(): { canvas: HTMLCanvasElement; rect: DOMRect } | null {
    return this.canvas ? { canvas: this.canvas, rect: this.canvas.getBoundingClientRect() } : null;
  }

  /** Destroys the chart and drops its canvas (its pixels live outside the JS heap); the box keeps its size. */
  release(): void {
    this.waitingForSize = false;
    if (this.pendingRender !== null) this.box.win.cancelAnimationFrame(this.pendingRender);
    this.pendingRender = null;
    this.unfollow?.();
    this.unfollow = null;
    this.chart?.destroy();
    this.chart = null;
    this.crosshair = null;
    this.drawn = null;
    this.ink.forget();
    this.canvas?.remove();
    this.canvas = null;
  }

  /** Releases everything, for good. */
  destroy(): void {
    this.release();
    this.resizeObserver.disconnect();
    this.model = null;
    this.theme = null;
  }

  /**
   * Changes data, scales and colours of the live chart without re-creating it (slider drags, theme).
   * The curves are drawn by our plugin from the model, so when the axes and colours are unchanged (a
   * slider moved) only the plot area is repainted; otherwise Chart.js lays the scales out again first.
   */
  private updateInPlace(spread: boolean): void {
    const chart = this.chart;
    const model = this.model;
    const theme = this.theme;
    if (!chart || !model || !theme) return;
    const before = this.drawn;
    // Same theme and axes but for their bounds: new bounds on the live scales (axis-range.ts), not a new chart config.
    const boundsOnly =
      before?.theme === theme && onlyBoundsDiffer(before.model.x, model.x) && onlyBoundsDiffer(before.model.y, model.y);
    const sameFrame = boundsOnly && sameBounds(before.model.x, model.x) && sameBounds(before.model.y, model.y);
    if (before?.model.description !== model.description) this.canvas?.setAttr('aria-label', model.description);
    this.drawn = { model, theme };
    if (sameFrame) {
      if (!this.repaintPlot()) chart.render();
      return;
    }
    this.layoutOnly = spread;
    try {
      if (boundsOnly) {
        setBounds(chart, model);
        chart.render();
      } else {
        chart.options.scales =
          buildChartConfig(model, theme, chart.currentDevicePixelRatio, this.yWidth).options?.scales ?? {};
        chart.update('none');
      }
    } finally {
      this.layoutOnly = false;
    }
    if (spread) this.pendingRender ??= this.box.win.requestAnimationFrame(() => this.renderPending());
  }

  /** Draws the layout a spread update left undrawn. */
  private renderPending(): void {
    if (this.pendingRender !== null) this.box.win.cancelAnimationFrame(this.pendingRender);
    this.pendingRender = null;
    this.chart?.render();
  }

  /**
   * Repaints the plot area alone (plot-frame.ts), the same pixels as a full render: for a slider frame with
   * unchanged axes and for the crosshair following the pointer. False when only a full render will do.
   */
  private repaintPlot(): boolean {
    const { chart, model, theme } = this;
    if (!chart || !model || !theme) return false;
    if (this.pendingRender !== null) {
      this.renderPending(); // laid out, not drawn yet: the whole chart, now
      return true;
    }
    const state = this.decorationState();
    const frame = this.frameOf(state, planDecorations(chart, state));
    // Only where the frame before or this one puts ink (plot-ink.ts), when that is known.
    return repaintPlotArea(chart, this.ink.repaint(chart, frame), (c, parts) => {
      paintDecorations(c, frame.state, frame.plan, parts);
      this.crosshair?.paint(c);
    });
  }

  /** A frame painted from `state` and `plan`, with the crosshair as it is. */
  private frameOf(state: DecorationState, plan: DecorationPlan) {
    return { state, plan, crosshair: this.crosshair?.column() ?? null };
  }

  private decorationState(): DecorationState {
    return { model: this.model as LineChartModel, theme: this.theme as Theme, onLabels: this.onLabels };
  }

  /**
   * Moves the crosshair by `step` samples (±1; ±Infinity for the ends) and reports the new x, as the pointer
   * would: the keyboard's way to the exact read-out. The samples are the x values of the chart's named lines.
   */
  stepCrosshair(step: number): void {
    const { chart, model } = this;
    if (!chart || !model || !this.crosshair) return;
    const stops = keyStops(model);
    if (stops.length === 0) return;
    const at = this.keyIndex === null ? (step > 0 ? -1 : stops.length) : this.keyIndex;
    const next = Math.min(stops.length - 1, Math.max(0, isFinite(step) ? at + step : step > 0 ? stops.length - 1 : 0));
    this.keyIndex = next;
    this.crosshair.moveTo(chart, stops[next]);
  }

  /** Hides the keyboard's crosshair (focus left the chart). */
  clearCrosshair(): void {
    this.keyIndex = null;
    if (this.chart && this.crosshair) this.crosshair.moveTo(this.chart, null);
  }

  /** Follows the box's width (pane resize, sidebar toggle) and height (setting change). */
  private fitToBox(): void {
    if (!this.chart) {
      if (this.waitingForSize) this.draw();
      return;
    }
    const width = Math.floor(this.box.clientWidth);
    const height = Math.floor(this.box.clientHeight);
    if (width <= 0 || height <= 0) return;
    if (width === this.lastWidth && height === this.chart.height) return;
    this.lastWidth = width;
    this.chart.resize(width, height);
  }
}

/** The x values the keyboard steps through: every sample of the chart's named lines inside the x axis, sorted, once each. */
function keyStops(model: LineChartModel): number[] {
  const xs = new Set<number>();
  for (const line of model.lines) {
    if (line.hideInLegend) continue;
    for (const x of line.x) if (x >= model.x.min && x <= model.x.max) xs.add(x);
  }
  return [...xs].sort((a, b) => a - b);
}

/** Axes with the same bounds (the rest compared by onlyBoundsDiffer). */
function sameBounds(a: AxisModel, b: AxisModel): boolean {
  return a.min === b.min && a.max === b.max;
}
