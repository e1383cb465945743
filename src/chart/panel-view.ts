/**
 * A small-multiple panel (a model with an `image`): its title as text, the image in a canvas of the image's own size
 * that CSS scales over a square plot (the browser smooths it, as TensorFlow Playground draws its heat map), the
 * markers as SVG circles on top (crisp at any pixel ratio) and a thin frame. No Chart.js: a panel has no curves,
 * scales or ticks to lay out. And no canvas at the panel's size: at devicePixelRatio 2 three of them were ~2 MB of
 * pixels to allocate and copy to the compositor, most of the block's time to its first painted frame (bench).
 * An export paints the same panel into a canvas at full resolution (exportPart).
 */
import type { LineChartModel } from '../blocks/line-chart-model';
import type { CrosshairListener } from './plugins/crosshair';
import { paintHeatMap } from './plugins/heat-map';
import type { Theme } from './theme';
import { replaceText } from './ui/text';

/** Title height, and the gaps around the plot: the square plot's side is min(width − 2·PAD, height − TOP − PAD). */
const TITLE_PX = 12;
const PAD = 6;
const TOP = PAD + TITLE_PX + PAD;
/** Marker radius and stroke width (CSS px). */
const RADIUS = 3.5;
const STROKE = 1.5;

/** A panel that can be drawn, repainted in place, released (elements freed, box kept) and destroyed. */
export class PanelView {
  /** The drawn panel: title, plot (map canvas, points); null while not drawn. */
  private panel: {
    root: HTMLElement;
    title: HTMLElement;
    plot: HTMLElement;
    map: HTMLCanvasElement;
    points: SVGSVGElement;
  } | null = null;
  private model: LineChartModel | null = null;
  private theme: Theme | null = null;
  /** What the points show, to leave them alone when a replay changes only the map. */
  private pointsKey = '';
  private readonly onMove = (evt: PointerEvent) => this.hover(evt);
  private readonly onLeave = () => this.onHover?.(null);

  /** `box` must have its height reserved by CSS before the first draw (no scroll jump); CSS sizes the plot in it. */
  constructor(
    private readonly box: HTMLElement,
    private readonly onHover?: CrosshairListener,
  ) {}

  /** The map's canvas, while drawn. */
  get canvasEl(): HTMLCanvasElement | null {
    return this.panel?.map ?? null;
  }

  /** Remembers what to draw; draws now if `drawNow`, else waits for `draw()` (lazy drawing). */
  setContent(model: LineChartModel, theme: Theme, drawNow: boolean): void {
    this.model = model;
    this.theme = theme;
    if (this.panel) this.paint();
    else if (drawNow) this.draw();
  }

  /** Draws the remembered content if it is not drawn yet. */
  draw(): void {
    if (this.panel || !this.model || !this.theme) return;
    const root = this.box.createDiv({ cls: 'activation-lab-panel' });
    const title = root.createDiv({ cls: 'activation-lab-panel-title' });
    const plot = root.createDiv({ cls: 'activation-lab-panel-plot', attr: { role: 'img' } });
    const map = plot.createEl('canvas', { cls: ['activation-lab-canvas', 'activation-lab-panel-canvas'] });
    const points = plot.createSvg('svg', { cls: 'activation-lab-panel-points', attr: { 'aria-hidden': 'true' } });
    map.addEventListener('pointermove', this.onMove);
    map.addEventListener('pointerleave', this.onLeave);
    this.panel = { root, title, plot, map, points };
    this.pointsKey = '';
    this.paint();
  }

  /** Drops the panel's elements (the map's pixels live outside the JS heap); the box keeps its size. */
  release(): void {
    this.panel?.map.removeEventListener('pointermove', this.onMove);
    this.panel?.map.removeEventListener('pointerleave', this.onLeave);
    this.panel?.root.remove();
    this.panel = null;
  }

  /** Releases everything, for good. */
  destroy(): void {
    this.release();
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

  /**
   * The panel as on screen, painted into a canvas at `dpr` device pixels per CSS pixel (the export's image): the
   * title, the map scaled into the square plot, the frame and the markers. Null while not drawn.
   */
  exportPart(dpr: number): { canvas: HTMLCanvasElement; rect: DOMRect } | null {
    const { panel, model, theme } = this;
    if (!panel || !model || !theme) return null;
    const rect = this.box.getBoundingClientRect();
    const w = rect.width > 0 ? rect.width : Math.max(1, this.box.clientWidth);
    const h = rect.height > 0 ? rect.height : Math.max(1, this.box.clientHeight);
    const canvas = createEl('canvas'); // detached, like the composed image it goes into
    canvas.width = Math.max(1, Math.round(w * dpr));
    canvas.height = Math.max(1, Math.round(h * dpr));
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    const size = Math.max(1, Math.min(w - 2 * PAD, h - TOP - PAD));
    const plot = { left: Math.round((w - size) / 2), top: TOP, size };
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = theme.text;
    ctx.font = `${TITLE_PX}px ${theme.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(model.x.title ?? '', w / 2, PAD + TITLE_PX / 2, w - 2 * PAD);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(panel.map, plot.left, plot.top, size, size);
    ctx.strokeStyle = theme.grid;
    ctx.lineWidth = 1;
    ctx.strokeRect(plot.left - 0.5, plot.top - 0.5, size + 1, size + 1);
    ctx.lineWidth = STROKE;
    for (const m of visibleMarkers(model)) {
      const [color, fill] = markerColors(m, theme);
      ctx.beginPath();
      ctx.arc(plot.left + m.fx * size, plot.top + m.fy * size, RADIUS, 0, 2 * Math.PI);
      ctx.strokeStyle = color;
      ctx.fillStyle = fill;
      ctx.fill();
      ctx.stroke();
    }
    return { canvas, rect };
  }

  /** Title, map and points of the current model; the points only when they changed. */
  private paint(): void {
    const { panel, model, theme } = this;
    if (!panel || !model || !theme) return;
    replaceText(panel.title, model.x.title ?? '');
    panel.plot.setAttr('aria-label', model.description);
    if (model.image) paintHeatMap(panel.map, model.image, theme);
    const markers = visibleMarkers(model);
    const key = `${theme.background} ${theme.series.join()} ${markers.map((m) => `${m.fx},${m.fy},${m.colorIndex},${m.shape}`).join(' ')}`;
    if (key === this.pointsKey) return;
    this.pointsKey = key;
    panel.points.empty();
    // Placed in percent of the plot, so they follow its size with no script; the radius stays in CSS px. Each circle
    // is a copy of its style's first one with its own place: two attributes a point instead of six (80 points a
    // panel, and a new block draws them all).
    const styled = new Map<string, SVGElement>();
    for (const m of markers) {
      const [stroke, fill] = markerColors(m, theme);
      const key = `${stroke} ${fill}`;
      const first = styled.get(key);
      const circle = first
        ? (first.cloneNode() as SVGElement)
        : createSvg('circle', { attr: { r: RADIUS, fill, stroke, 'stroke-width': STROKE } });
      if (!first) styled.set(key, circle);
      circle.setAttribute('cx', `${100 * m.fx}%`);
      circle.setAttribute('cy', `${100 * m.fy}%`);
      panel.points.appendChild(circle);
    }
  }

  /** The pointer over the plot reports its data-space x, as a chart's crosshair does. */
  private hover(evt: PointerEvent): void {
    const { panel, model } = this;
    if (!panel || !model) return;
    const rect = panel.map.getBoundingClientRect();
    const f = (evt.clientX - rect.left) / rect.width;
    const inside = f >= 0 && f <= 1 && evt.clientY >= rect.top && evt.clientY <= rect.bottom;
    this.onHover?.(inside ? model.x.min + f * (model.x.max - model.x.min) : null);
  }
}

/** A marker inside the plot, at (fx, fy): its place as fractions of the plot's side from the left and the top. */
interface PlacedMarker {
  fx: number;
  fy: number;
  colorIndex: number;
  shape?: string;
}

/** The model's markers that lie inside its axes (the others are not drawn). */
function visibleMarkers(model: LineChartModel): PlacedMarker[] {
  const { x, y } = model;
  const placed: PlacedMarker[] = [];
  for (const m of model.markers) {
    const fx = (m.x - x.min) / (x.max - x.min);
    const fy = (y.max - m.y) / (y.max - y.min);
    if (fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1) placed.push({ fx, fy, colorIndex: m.colorIndex, shape: m.shape });
  }
  return placed;
}

/** A marker's stroke and fill: a ring is filled with the background, a dot with its colour. */
function markerColors(m: PlacedMarker, theme: Theme): [string, string] {
  const color = theme.series[m.colorIndex % theme.series.length];
  return [color, m.shape === 'ring' ? theme.background : color];
}
