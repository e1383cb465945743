/**
 * The DOM of one rendered block (title, legend, charts, read-out, controls, summary), drawing a BlockSession's
 * views and feeding it control changes and timer ticks. No Obsidian import: the glue passes `listen`
 * (registerDomEvent) and owns the lifecycle.
 */
import type { BlockView } from '../blocks/block-kind';
import type { BlockSession } from '../blocks/block-session';
import type { RunJob } from '../blocks/jobs/job';
import { t } from '../i18n';
import { ChartView } from './chart-view';
import { composeImage } from './export-image';
import { ownWindow } from './own-window';
import { PanelView } from './panel-view';
import type { Theme } from './theme';
import { renderControls } from './ui/controls';
import type { KeyedLabel, LabelLayout } from './plugins/labels';
import { relabelLegend, renderKey, renderLegend } from './ui/legend';
import type { Listen } from './ui/listen';
import { Readout } from './ui/readout';
import { JobProgress } from './ui/job-progress';
import { replaceText } from './ui/text';
import { renderTable } from './ui/table';

/** The y axis's least width in blocks of stacked charts: room for "10⁻¹⁰" and a title, so every plot starts at one x. */
const STACKED_Y_WIDTH = 72;

/** Keys that move a chart's read-out: by one sample, or to either end. */
const KEY_STEPS: Record<string, number> = {
  ArrowLeft: -1,
  ArrowRight: 1,
  ArrowDown: -1,
  ArrowUp: 1,
  Home: -Infinity,
  End: Infinity,
};

/** A live block: call `draw()` when it becomes visible, `release()` when far away, `destroy()` on unload. */
export class BlockShell {
  /** The view on screen (the session's may be newer until the next frame). */
  private view: BlockView;
  private readonly charts: (ChartView | PanelView)[] = [];
  /** Which charts are panels, as a string: a change means new boxes. */
  private layout = '';
  private readonly readout: Readout;
  private readonly syncControls: (next: BlockView['controls']) => void;
  private summaryEl: HTMLElement | null = null;
  private readonly tableSlot: HTMLElement;
  private theme: Theme | null = null;
  private pendingFrame: number | null = null;
  private destroyed = false;
  /** The pending redraw shows a job's result: its charts' new layouts are drawn a frame later (spread). */
  private spreadNext = false;
  private pendingWork: number | null = null;
  /** The frame a deferred draw waits for (drawNextFrame); 0: none. */
  private drawFrame = 0;
  private readonly legendSlot: HTMLElement;
  private readonly keySlot: HTMLElement;
  /** Per chart, the labels that found no free spot on it (numbered there, spelled out in the key). */
  private keyed: KeyedLabel[][] = [];
  private readonly title?: string;
  private readonly chartsEl: HTMLElement;
  /** The header row: the title and the block's action buttons (the export menu adds its button here). */
  readonly headerEl: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly session: BlockSession,
    private readonly readTheme: () => Theme,
    listen: Listen,
    runJob?: RunJob,
  ) {
    const { options, env } = session;
    this.title = options.title;
    this.headerEl = root.createDiv({ cls: 'activation-lab-header' });
    if (options.title) this.headerEl.createDiv({ cls: 'activation-lab-title', text: options.title });
    this.legendSlot = root.createDiv({ cls: 'activation-lab-legend-slot' });
    this.keySlot = root.createDiv({ cls: 'activation-lab-key-slot' });
    if (runJob) {
      // Long work runs through the plugin's runner; the block shows what it has meanwhile.
      const progress = new JobProgress(root.createDiv(), env.lang, listen, {
        cancel: () => session.cancelJob(),
        resume: () => session.resumeJob(),
      });
      session.attach(runJob, {
        progress: (p) => {
          root.toggleClass('activation-lab-computing', p !== null); // what pages waiting for final charts look for
          progress.show(p);
        },
        // Drawn at the next frame, with any control change of that frame: a result the reader has moved past
        // by then (a newer job in flight) is not drawn, and a frame never draws twice. The first result, while no
        // chart is on screen, is drawn at once: waiting for the frame only delayed it, and there is nothing to spread.
        changed: () => (this.layout === '' ? this.refreshSoon() : this.scheduleRefresh(true)),
        failed: (error) => progress.showStatus(t(env.lang, 'demo.jobFailed', { message: String(error) }), false),
      });
    }
    this.view = session.view;
    this.chartsEl = root.createDiv();
    this.buildCharts(options.height);
    // Delegated, so boxes rebuilt later need no listeners of their own.
    listen(this.chartsEl, 'keydown', (evt) => {
      const step = KEY_STEPS[evt.key];
      const chart = this.chartAt(evt.target);
      if (step === undefined || !chart) return;
      evt.preventDefault();
      chart.stepCrosshair(step);
    });
    listen(this.chartsEl, 'focusout', (evt) => this.chartAt(evt.target)?.clearCrosshair());
    // Fingers have no hover: touch screens are told to tap or drag.
    const win = root.win;
    const touch = typeof win.matchMedia === 'function' && win.matchMedia('(hover: none)').matches;
    this.readout = new Readout(root, t(env.lang, touch ? 'readout.hintTouch' : 'readout.hint'));
    this.syncControls = renderControls(root, this.view.controls, listen, (id, v) => this.onControl(id, v));
    if (this.view.summary !== undefined)
      this.summaryEl = root.createDiv({ cls: 'activation-lab-summary', text: this.view.summary });
    this.tableSlot = root.createDiv();
    renderTable(this.tableSlot, this.view.table);
    this.scheduleWork();
  }

  /** One box per chart; consecutive panels share a row. Rebuilt when a control changes the charts' layout. */
  private buildCharts(height: number): void {
    for (const c of this.charts.splice(0)) c.destroy();
    this.chartsEl.empty();
    this.keyed = [];
    this.layout = layoutOf(this.view);
    let row: HTMLElement | null = null;
    this.view.charts.forEach((model, i) => {
      if (!model.panel) row = null;
      else row ??= this.chartsEl.createDiv({ cls: 'activation-lab-panels' });
      // Focusable: arrow keys move the read-out sample by sample (the canvas inside is an image to screen readers).
      const box = (row ?? this.chartsEl).createDiv({
        cls: 'activation-lab-chart-box',
        attr: { tabindex: '0', role: 'group', 'aria-label': t(this.session.env.lang, 'chart.keys') },
      });
      box.setCssProps({ '--activation-lab-height': `${Math.round(height * (model.heightFactor ?? 1))}px` });
      const onHover = (x: number | null) => this.onHover(i, x);
      this.charts.push(
        model.image
          ? new PanelView(box, onHover)
          : new ChartView(
              box,
              onHover,
              (layout) => this.onLabels(i, layout),
              this.view.charts.length > 1 ? STACKED_Y_WIDTH : undefined,
              this.session.kind.language !== 'activation', // the demos, whose charts wait while they train
            ),
      );
    });
  }

  /** The chart whose box is `target`, if any. */
  private chartAt(target: EventTarget | null): ChartView | PanelView | undefined {
    return this.charts[[...this.chartsEl.querySelectorAll('.activation-lab-chart-box')].indexOf(target as Element)];
  }

  /** The current view (export reads its CSV). */
  get currentView(): BlockView {
    return this.view;
  }

  /**
   * The block as one image for export: title, legend and key, the drawn charts, then `caption` (plain text), on
   * the theme's background at the charts' device pixel ratio. Null when no chart is drawn.
   */
  exportImage(caption?: string): HTMLCanvasElement | null {
    if (!this.theme) return null;
    const drawn = this.charts.filter((c) => c.canvasEl !== null);
    // The ratio a chart's canvas was sized at (the window's when it was drawn), so it is copied unscaled; panels
    // are painted at it too.
    const sized = drawn.find((c): c is ChartView => c instanceof ChartView);
    const dpr = sized?.pixelRatio ?? (this.root.win.devicePixelRatio || 1);
    const parts = drawn
      .map((c) => c.exportPart(dpr))
      .filter((p): p is { canvas: HTMLCanvasElement; rect: DOMRect } => p !== null);
    if (parts.length === 0) return null;
    // Side-by-side panels stay side by side: each chart where it is on screen (stacked when not laid out).
    const rects = parts.map((p) => p.rect);
    const [left, top] = [Math.min(...rects.map((r) => r.left)), Math.min(...rects.map((r) => r.top))];
    const at = rects.every((r) => r.width > 0) ? rects.map((r) => ({ x: r.left - left, y: r.top - top })) : undefined;
    return composeImage({
      at,
      title: this.title,
      legend: this.view.legend,
      keyed: this.keyed,
      canvases: parts.map((p) => p.canvas),
      caption,
      theme: this.theme,
      dpr,
    });
  }

  /** Draws every chart that is not drawn yet (reads the theme now: CSS variables resolve only when attached). */
  draw(): void {
    if (!this.theme) this.applyTheme(this.readTheme());
    this.view.charts.forEach((model, i) => this.charts[i].setContent(model, this.theme as Theme, true));
  }

  /**
   * Draws in the frame after the next: the block's title, controls and summary are painted first, its charts and
   * legend (a new canvas's pixels are the costliest step of a block) a frame later; unloaded before, it never draws.
   */
  drawNextFrame(): void {
    const win = this.root.win;
    this.drawFrame = win.requestAnimationFrame(() => (this.drawFrame = win.requestAnimationFrame(() => this.draw())));
  }

  /** Frees the canvases, keeping the reserved boxes. */
  release(): void {
    for (const c of this.charts) c.release();
  }

  /** Re-reads the theme and recolours drawn charts in place (css-change). */
  refreshTheme(): void {
    this.applyTheme(this.readTheme());
    this.view.charts.forEach((model, i) => this.charts[i].setContent(model, this.theme as Theme, false));
  }

  /** Tears everything down. */
  destroy(): void {
    this.destroyed = true;
    this.session.detach();
    if (this.pendingFrame !== null) this.root.win.cancelAnimationFrame(this.pendingFrame);
    this.pendingFrame = null;
    if (this.pendingWork !== null) this.root.win.clearTimeout(this.pendingWork);
    this.pendingWork = null;
    this.root.win.cancelAnimationFrame(this.drawFrame);
    for (const c of this.charts) c.destroy();
  }

  private applyTheme(theme: Theme): void {
    this.theme = theme;
    this.legendSlot.empty();
    renderLegend(this.legendSlot, this.view.legend, theme);
  }

  /** A chart placed its labels: rebuild the key only when the labels without a spot changed. */
  private onLabels(chartIndex: number, layout: LabelLayout): void {
    const before = this.keyed[chartIndex] ?? [];
    const after = layout.keyed;
    if (
      before.length === after.length &&
      before.every((k, i) => k.text === after[i].text && k.colorIndex === after[i].colorIndex)
    )
      return;
    this.keyed[chartIndex] = after;
    this.keySlot.empty();
    if (this.theme) renderKey(this.keySlot, this.keyed, this.theme);
  }

  private onHover(chartIndex: number, x: number | null): void {
    if (x === null || !this.theme) {
      this.readout.clear();
      return;
    }
    const { heading, rows } = this.view.readout(chartIndex, x);
    this.readout.show(heading, rows, this.theme);
  }

  /** The kind's deferred work, one slice per timer tick (the page stays responsive), redrawing after each. */
  private scheduleWork(): void {
    if (!this.session.hasBackground || this.pendingWork !== null) return;
    this.pendingWork = this.root.win.setTimeout(() => {
      this.pendingWork = null;
      if (!this.session.step()) return;
      this.refresh();
      this.scheduleWork();
    }, 0);
  }

  /** Control moved: new state now, redrawn at the next animation frame however fast the input events come. */
  private onControl(id: string, value: number | string): void {
    this.session.control(id, value);
    this.scheduleWork();
    this.scheduleRefresh();
  }

  /** One redraw at the next animation frame, however many changes come before it. */
  private scheduleRefresh(result = false): void {
    this.spreadNext ||= result;
    if (this.pendingFrame !== null) return;
    this.pendingFrame = this.root.win.requestAnimationFrame(() => {
      this.pendingFrame = null;
      const spread = this.spreadNext;
      this.spreadNext = false;
      this.refresh(spread);
    });
  }

  /** A refresh in a task of its own, queued now: input and messages already waiting (a keystroke, a frame's end) go first. */
  private refreshSoon(): void {
    const channel = new (ownWindow(this.root).MessageChannel)();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!this.destroyed) this.refresh(true);
    };
    channel.port2.postMessage(null);
  }

  /** The texts of the block's `formulas` links arrived or changed (null: not found): new state, redrawn in place. */
  setLinked(texts: readonly (string | null)[]): void {
    this.session.linked(texts);
    this.refresh();
  }

  /**
   * Recomputes the view from the state and updates charts in place; with `spread` (a job's result), a chart whose
   * axes changed is laid out now and drawn at the next frame.
   */
  refresh(spread = false): void {
    const legendBefore = this.view.legend;
    const next = this.session.view;
    if (next === this.view) return; // still the last finished view (a job is running): controls keep what the reader set
    const tableBefore = this.view.table;
    this.view = next;
    renderTable(this.tableSlot, this.view.table, tableBefore);
    // Legend labels may carry values a control changed ("ReLU, lr 0.15"): relabel in place, rebuild only if entries changed.
    if (this.theme && !relabelLegend(this.legendSlot, legendBefore, this.view.legend)) this.applyTheme(this.theme);
    if (layoutOf(this.view) !== this.layout) {
      this.buildCharts(this.session.options.height);
      this.keySlot.empty();
      if (this.theme)
        this.view.charts.forEach((model, i) => this.charts[i].setContent(model, this.theme as Theme, true, spread));
    } else if (this.theme)
      this.view.charts.forEach((model, i) => this.charts[i]?.setContent(model, this.theme as Theme, false, spread));
    this.syncControls(this.view.controls);
    if (this.summaryEl) replaceText(this.summaryEl, this.view.summary ?? '');
  }
}

/** The charts' arrangement: one letter per chart, p for a panel, i for one drawn as an image. */
function layoutOf(view: BlockView): string {
  return view.charts.map((c) => (c.image ? 'i' : c.panel ? 'p' : 'c')).join('');
}
