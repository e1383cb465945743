/**
 * A small-multiple panel (a model with an `image`) on a plain canvas: its title, the image scaled into a square
 * plot once, the markers on top and a thin frame. No Chart.js: a panel has no curves, scales or ticks to lay out,
 * and a Chart.js instance per panel cost several times the whole demo's training.
 */
import type { LineChartModel } from '../blocks/line-chart-model';
import type { CrosshairListener } from './plugins/crosshair';
import { paintHeatMap } from './plugins/heat-map';
import { ownWindow } from './own-window';
import type { Theme } from './theme';

const TITLE_PX = 12;
const PAD = 6;

/** The model's x range mapped onto a square of side `size` at (left, top). */
interface Plot {
  left: number;
  top: number;
  size: number;
}

/** A panel that can be drawn, repainted in place, released (canvas freed, box kept) and destroyed. */
export class PanelView {
  private canvas: HTMLCanvasElement | null = null;
  private model: LineChartModel | null = null;
  private theme: Theme | null = null;
  private plot: Plot | null = null;
  private readonly resizeObserver: ResizeObserver;
  private readonly onMove = (evt: PointerEvent) => this.hover(evt);
  private readonly onLeave = () => this.onHover?.(null);

  /** `box` must have its height reserved by CSS before the first draw (no scroll jump). */
  constructor(
    private readonly box: HTMLElement,
    private readonly onHover?: CrosshairListener,
  ) {
    this.resizeObserver = new (ownWindow(box).ResizeObserver)(() => this.fit());
    this.resizeObserver.observe(box);
  }

  /** The canvas, while drawn (for export). */
  get canvasEl(): HTMLCanvasElement | null {
    return this.canvas;
  }

  /** Remembers what to draw; draws now if `drawNow`, else waits for `draw()` (lazy drawing). */
  setContent(model: LineChartModel, theme: Theme, drawNow: boolean): void {
    this.model = model;
    this.theme = theme;
    if (this.canvas) this.paint();
    else if (drawNow) this.draw();
  }

  /** Draws the remembered content if it is not drawn yet. */
  draw(): void {
    if (this.canvas || !this.model || !this.theme) return;
    const canvas = this.box.createEl('canvas', { cls: ['activation-lab-canvas', 'activation-lab-panel-canvas'] });
    canvas.setAttr('role', 'img');
    canvas.addEventListener('pointermove', this.onMove);
    canvas.addEventListener('pointerleave', this.onLeave);
    this.canvas = canvas;
    this.fit();
  }

  /** Drops the canvas (its pixels live outside the JS heap); the box keeps its size. */
  release(): void {
    this.canvas?.removeEventListener('pointermove', this.onMove);
    this.canvas?.removeEventListener('pointerleave', this.onLeave);
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

  /** Keys step a chart's samples; a panel has none, so a key just shows the read-out. */
  stepCrosshair(): void {
    if (this.model) this.onHover?.(this.model.x.min);
  }

  /** Hides the read-out the keyboard showed. */
  clearCrosshair(): void {
    this.onHover?.(null);
  }

  /** Sizes the canvas to its box in device pixels and paints (first draw, pane resize, height setting). */
  private fit(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    const dpr = this.box.win.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.box.clientWidth * dpr));
    const height = Math.max(1, Math.round(this.box.clientHeight * dpr));
    if (canvas.width !== width || canvas.height !== height || !this.plot) {
      canvas.width = width;
      canvas.height = height;
      this.paint();
    }
  }

  /** Title on top, then the square plot centred under it: image, frame, markers. */
  private paint(): void {
    const { canvas, model, theme } = this;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !model || !theme) return;
    canvas.setAttr('aria-label', model.description);
    const dpr = this.box.win.devicePixelRatio || 1;
    const w = canvas.width / dpr;
    const h = canvas.height / dpr;
    const top = PAD + TITLE_PX + PAD;
    const size = Math.max(1, Math.min(w - 2 * PAD, h - top - PAD));
    const plot = (this.plot = { left: Math.round((w - size) / 2), top, size });
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = theme.text;
    ctx.font = `${TITLE_PX}px ${theme.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(model.x.title ?? '', w / 2, PAD + TITLE_PX / 2, w - 2 * PAD);
    if (model.image) paintHeatMap(ctx, model.image, theme, plot.left, plot.top, size);
    ctx.strokeStyle = theme.grid;
    ctx.lineWidth = 1;
    ctx.strokeRect(plot.left - 0.5, plot.top - 0.5, size + 1, size + 1);
    this.paintMarkers(ctx, model, theme, plot);
  }

  private paintMarkers(ctx: CanvasRenderingContext2D, model: LineChartModel, theme: Theme, plot: Plot): void {
    const { x, y } = model;
    ctx.lineWidth = 1.5;
    for (const m of model.markers) {
      const px = plot.left + ((m.x - x.min) / (x.max - x.min)) * plot.size;
      const py = plot.top + ((y.max - m.y) / (y.max - y.min)) * plot.size;
      if (!(px >= plot.left && px <= plot.left + plot.size && py >= plot.top && py <= plot.top + plot.size)) continue;
      const color = theme.series[m.colorIndex % theme.series.length];
      ctx.beginPath();
      ctx.arc(px, py, 3.5, 0, 2 * Math.PI);
      ctx.strokeStyle = color;
      ctx.fillStyle = m.shape === 'ring' ? theme.background : color;
      ctx.fill();
      ctx.stroke();
    }
  }

  /** The pointer over the plot reports its data-space x, as a chart's crosshair does. */
  private hover(evt: PointerEvent): void {
    const { plot, model, canvas } = this;
    if (!plot || !model || !canvas) return;
    const rect = canvas.getBoundingClientRect();
    const px = evt.clientX - rect.left;
    const py = evt.clientY - rect.top;
    const inside = px >= plot.left && px <= plot.left + plot.size && py >= plot.top && py <= plot.top + plot.size;
    this.onHover?.(inside ? model.x.min + ((px - plot.left) / plot.size) * (model.x.max - model.x.min) : null);
  }
}
